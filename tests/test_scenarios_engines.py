"""Every library scenario on the CPU engine (libRoadRunner) and the JAX engine: the same time course.

Slow (nightly, `make validate`): JAX compiles the whole-body model once per input configuration.
"""

from __future__ import annotations

import numpy as np
import pytest

from neurobalance.scenarios import library, load, run

pytestmark = pytest.mark.slow

#: Observables compared (one or more per system); relative RMS over the run.
KEYS = ("serotonin.extracellular", "dopamine.extracellular", "hpa.cortisol", "precursors.plasma_trp",
        "kynurenine.plasma_kyn", "gaba.tissue_gaba", "glutamate.nmda_drive", "receptors.ht1a_auto_sensitivity",
        "receptors.gabaa_tone", "cofactors.plp")


@pytest.fixture(autouse=True)
def _release_jax_executables():  # noqa: ANN202
    """Each scenario compiles its own model; free the executables after it (14 in one process exhaust memory)."""
    yield
    jax = pytest.importorskip("jax")
    from neurobalance.backends import jax_

    for f in (jax_._vector_field, jax_._steady, jax_._make_solver, jax_._make_batched):
        f.cache_clear()
    jax.clear_caches()


@pytest.mark.parametrize("name", sorted(library()))
def test_library_scenario_engines_agree(name: str) -> None:
    pytest.importorskip("jax")
    res = load(name)
    a = run(res)
    res.engine = "jax"
    b = run(res, chunks=1)
    for k in KEYS:
        if k not in a:
            continue
        x, y = a[k].values, b[k].values
        assert np.all(np.isfinite(y)), k
        err = float(np.sqrt(np.mean((x - y) ** 2)) / max(np.sqrt(np.mean(x * x)), 1e-300))
        assert err < 1e-4, f"{name}: {k} relative RMS {err:.2e}"
