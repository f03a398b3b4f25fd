"""The balance index, its reference, resilience and the restoration planner."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import neurobalance as nb
from neurobalance import balance as B
from neurobalance.restore import Candidate, search

runner = CliRunner()


def test_shipped_reference_matches_the_model() -> None:
    """The shipped reference orbit and population scales belong to this model (else regenerate them with
    `python -m neurobalance.balance`)."""
    shipped = B._shipped()
    assert shipped.get("fingerprint") == B._fingerprint(nb.default_model())
    assert shipped["features"] == [f.name for f in B.FEATURES]
    assert shipped["scales"]["subjects"] >= 30
    assert max(shipped["reference"]["floquet_abs"]) < 1.0  # the reference orbit is stable
    assert shipped["reference"]["shooting_residuals"][-1] < 1e-6  # and periodic


def _ref_run(days: float):  # noqa: ANN202
    """The healthy model from its periodic orbit (the balance reference state at midnight)."""
    t = np.linspace(0.0, days * 24.0, int(days * 96) + 1)
    return nb.simulate(nb.default_model(), t[-1], times=t, initial=np.array(B.reference()["state"]))


def test_index_is_zero_at_the_reference_and_settled() -> None:
    one, four = _ref_run(1.0), _ref_run(4.0)
    assert B.index(one).overall < 1e-3
    assert abs(B.index(four).overall - B.index(one).overall) < 1e-3  # invariant to the horizon once settled


def test_index_grows_with_the_size_of_a_perturbation() -> None:
    from neurobalance.inputs import constant

    vals = []
    for block in (0.0, 0.3, 0.6):
        ds = nb.simulate(nb.default_model(), 48.0, times=np.linspace(0, 48, 193),
                         inputs={"serotonin.sert_block": constant(block)}, initial=np.array(B.reference()["state"]))
        b = B.index(ds)
        vals.append((b.overall, b.axes["serotonergic"]))
    assert vals[0][0] < vals[1][0] < vals[2][0]
    assert vals[0][1] < vals[1][1] < vals[2][1]


_ref = np.array(B.reference()["features"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(-3, 3), min_size=len(B.FEATURES), max_size=len(B.FEATURES)), st.floats(1.05, 4.0))
def test_index_properties(dev: list[float], k: float) -> None:
    d = np.array(dev) * B.scales()
    b1, bk = B.score(_ref + d), B.score(_ref + k * d)
    assert b1.overall >= 0 and all(v >= 0 for v in b1.axes.values())
    if np.any(np.abs(d) > 0):
        assert bk.overall == pytest.approx(k * b1.overall, rel=1e-9)  # homogeneous: scaling a deviation scales it
    assert B.score(_ref).overall == 0.0


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.floats(1.0, 9.0), st.floats(110.0, 290.0), st.floats(0.0, 1.0))
def test_planner_finds_a_known_optimum(xa: float, xb: float, w: float) -> None:
    """A constructed objective whose optimum needs both agents at known doses."""
    cands = [Candidate("a", 0.0, 10.0), Candidate("b", 100.0, 300.0), Candidate("c", 0.0, 1.0)]

    def obj(p: dict[str, float]) -> float:
        ea = (p.get("a", 0.0) - xa) / 10.0 if "a" in p else 1.0
        eb = (p.get("b", 100.0) - xb) / 200.0 if "b" in p else 1.0
        return ea * ea + eb * eb + 0.1 * w * p.get("c", 0.0)

    r = search(obj, cands, max_agents=2, budget=60, seed=1)
    best = r["best"].plan
    assert set(best) == {"a", "b"}
    assert best["a"] == pytest.approx(xa, abs=0.5) and best["b"] == pytest.approx(xb, abs=10.0)
    assert r["best"].objective <= r["best_single"].objective


def test_resilience_recovers_after_standard_perturbations() -> None:
    ref = np.array(B.reference()["state"])
    r = B.resilience(nb.default_model(), ref, days=10.0)
    assert all(0 < x < 1 for x in r["recovery_rates_per_day"])
    for k in ("acute stressor", "endotoxin"):
        assert r[k]["peak_index_change"] > 0.01
        assert 0 < r[k]["recovery_days"] < 10


def test_balance_cli_json() -> None:
    res = runner.invoke(nb_app(), ["balance", "dexamethasone-suppression-test", "--no-resilience", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert set(out["axes"]) == set(B.AXES) and math.isfinite(out["index"]) and out["index"] > 0
    assert "not a diagnosis" in out["note"] and out["reference"]["stable"]


def nb_app():  # noqa: ANN201
    from neurobalance.cli import app

    return app


def test_restore_cli_small_case_and_bad_input() -> None:
    res = runner.invoke(nb_app(), ["restore", "dexamethasone-suppression-test", "--agents", "escitalopram",
                                   "--max-agents", "1", "--budget", "3", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["candidates"] == ["escitalopram"] and "index_at_horizon" in out["best"]
    assert out["best"]["objective_at_horizon"] <= out["no_intervention"]["objective_at_horizon"] + 1e-12
    assert out["decided_by"] == "full run at the horizon"
    assert "not a diagnosis" in out["note"]
    bad = runner.invoke(nb_app(), ["restore", "chronic-stress-8w", "--agents", "prozac"])
    assert bad.exit_code == 2 and bad.output.count("\n") == 1 and "unknown planner agent 'prozac'" in bad.output
