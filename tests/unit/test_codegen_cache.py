"""The on-disk cache of generated code returns the same functions and survives bad files."""

from __future__ import annotations

import numpy as np

import neurobalance as nb
from neurobalance.compile import _ir, compile_model


def _args(c):
    return ([_ir.sp.Symbol(n, real=True) for n in c.state_names], [_ir.sp.Symbol(n, real=True) for n in c.param_names],
            list(c.rhs_exprs))


def test_cache_hit_and_corrupt_file(tmp_path, monkeypatch):
    monkeypatch.setenv("NEUROBALANCE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(_ir, "_CACHE_MIN_SECONDS", 0.0)
    model = nb.default_model()
    c = compile_model(model)
    ys, ps, exprs = _args(c)
    fresh = _ir._codegen("rhs", ys, ps, exprs)
    files = list((tmp_path / "codegen").glob("rhs-*.py"))
    assert len(files) == 1
    hit = _ir._codegen("rhs", ys, ps, exprs)
    assert hit[0].source == fresh[0].source and hit[1].source == fresh[1].source
    p = c.parameter_vector(model)
    y = c.initial_state(p)
    np.testing.assert_array_equal(hit[0](0.0, y, p), fresh[0](0.0, y, p))
    files[0].write_text("not python at all", encoding="utf-8")  # a damaged cache entry is regenerated
    again = _ir._codegen("rhs", ys, ps, exprs)
    assert again[0].source == fresh[0].source


def test_cache_can_be_switched_off(tmp_path, monkeypatch):
    monkeypatch.setenv("NEUROBALANCE_CACHE_DIR", "off")
    assert _ir._cache_dir() is None
