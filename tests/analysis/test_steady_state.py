"""Steady states: Newton vs long integration, conservation laws, fallback, stability."""

from __future__ import annotations

import numpy as np
import pytest

import neurobalance as nb
from neurobalance.analysis import solve_steady_state
from neurobalance.analysis._steady import conservation_laws
from neurobalance.compile import compile_model


def test_conservation_laws_are_the_biopterin_pools(model):
    c = compile_model(model)
    p = c.parameter_vector(model)
    laws = conservation_laws(c.stoichiometry(p))
    assert laws.shape[0] == 2
    idx = [c.state_index(n) for n in ("dopamine.bh4", "dopamine.bh2", "serotonin.bh4", "serotonin.bh2")]
    support = np.abs(laws).sum(axis=0) > 1e-9
    assert set(np.flatnonzero(support)) == set(idx)


@pytest.mark.parametrize("genes", [{}, {"SLC6A4": 0.3}, {"TH": 0.4, "MAOA": 2.0}])
def test_newton_equals_long_integration(model, genes):
    m = model.with_genes(genes)
    ss = nb.steady_state(m)
    ds = nb.simulate(m, 3000.0, times=[0.0, 3000.0], initial="model")
    np.testing.assert_allclose(ds.state_value.values[-1], ss.state_value.values, rtol=1e-5, atol=1e-10)


def test_poor_guess_converges_to_the_same_state(model):
    c = compile_model(model)
    p = c.parameter_vector(model)
    guess = c.initial_state(p)
    keep = [c.state_index(n) for n in ("dopamine.bh4", "dopamine.bh2", "serotonin.bh4", "serotonin.bh2")]
    mask = np.ones(guess.size, bool)
    mask[keep] = False
    guess[mask] = guess[mask] * 0.05 + 1e-3  # far from the steady state; biopterin totals kept
    y, method, ev, _ = solve_steady_state(c, p, guess)
    ref = nb.steady_state(model).state_value.values
    np.testing.assert_allclose(y, ref, rtol=1e-6, atol=1e-9)
    assert np.all(ev.real < 0)


def test_steady_state_rejects_time_varying_inputs(model):
    from neurobalance._errors import InvalidValueError
    from neurobalance.inputs import meals

    with pytest.raises(InvalidValueError, match="constant"):
        nb.steady_state(model, inputs={"dopamine.blood_tyrosine": meals("2008", mean=97.0)})


def test_stability_detects_timescales(model):
    ss = nb.steady_state(model)
    ev = ss.eigenvalue_real.values
    # slowest relaxation is hours (pools), fastest is sub-second (autoreceptor binding)
    assert -1.0 < ev.max() < 0
    assert ev.min() < -1e4


def test_steady_state_rejects_time_dependent_expressions(model):
    from neurobalance._errors import InvalidValueError
    from neurobalance.inputs import expression

    with pytest.raises(InvalidValueError, match="constant"):
        nb.steady_state(model, inputs={"serotonin.firing": expression("1 + 0.5*sin(t)")})
    # a constant expression is fine
    ss = nb.steady_state(model, inputs={"serotonin.firing": expression("2")})
    assert float(ss["serotonin.extracellular"]) == pytest.approx(62.0, abs=0.2)  # T-5HT-21


def test_zero_volume_is_rejected_by_the_api(model):
    from neurobalance._errors import InvalidValueError

    with pytest.raises(InvalidValueError, match="positive"):
        model.with_parameters({"serotonin.f_volume_glia": 0.0})


def test_pseudo_transient_converges_where_a_slow_mode_stalls_newton() -> None:
    """A stiff system with a months-long mode and a saturating law: pseudo-transient continuation
    reaches the fixed point from far away in a few dozen steps."""
    from neurobalance.analysis._steady import pseudo_transient

    def f(y: np.ndarray) -> np.ndarray:
        fast = 1e3 * (2.0 - y[0]) - y[0] * y[1] / (0.01 + y[1])
        slow = 1e-5 * (y[0] - y[1])  # time constant ≈ 11 years
        return np.array([fast, slow])

    y, info = pseudo_transient(f, np.array([50.0, 1e-3]))
    assert np.max(np.abs(f(y)) / np.abs(y)) < 1e-10
    assert y[1] == pytest.approx(y[0], rel=1e-8)
    assert info.iterations < 100


def test_steady_state_at_a_third_of_the_tryptophan_intake_is_found() -> None:
    """Regression: Newton stalls on the whole-body model at low Trp intake (slow body-protein mode);
    the solver must still return the steady state, and the state must be at rest."""
    from neurobalance.analysis import steady_state
    from neurobalance.physiology.precursors import reference_intake_umol_per_h

    m = nb.default_model()
    rate = reference_intake_umol_per_h()["trp"] / 3
    ss = steady_state(m, inputs={"precursors.trp_intake": rate})
    assert 30.0 < float(ss["precursors.plasma_trp"]) < 60.0
    assert ss.attrs["stable"]


def test_the_whole_body_reference_converges_by_newton_not_by_fallback() -> None:
    """The glutamate cycle's large fluxes (~1e5 µM/h) leave a residual at rounding level; Newton must accept it
    rather than fall back to pseudo-transient continuation (a 15-fold slower path that a benchmark caught)."""
    import neurobalance as nb

    assert nb.steady_state(nb.default_model()).attrs["method"] == "newton"
