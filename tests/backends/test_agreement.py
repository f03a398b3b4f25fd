"""Engine agreement: roadrunner (default) vs SciPy LSODA vs JAX/diffrax.

Tolerance: relative RMS ≤ 1e-4 on every observable (ARCHITECTURE, "Engine agreement"),
using the relative-RMS metric of Myokit's OpenCL-vs-CVODE tests.  Each module's baseline
and perturbations (genes, schedules, steps) are covered.
"""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

import neurobalance as nb
from neurobalance.conditions import b6_deficiency, diet, endotoxin_challenge, stress
from neurobalance.inputs import circadian_drive, expression, meals, step
from neurobalance.model import Model
from neurobalance.physiology import dopamine_module, serotonin_module
from neurobalance.physiology.hpa_gland_mass import hpa_gland_mass_module
from neurobalance.physiology.hpa_gr_switch import hpa_gr_switch_module
from neurobalance.physiology.hpa_sriram import hpa_sriram_module

RTOL_RMS = 1e-4
requires_jax = pytest.mark.skipif(importlib.util.find_spec("diffrax") is None,
                                  reason="needs the [jax] extra (pip install 'neurobalance[jax]')")


def rel_rms(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.sqrt(np.mean((a - b) ** 2)) / max(np.sqrt(np.mean(b**2)), 1e-300))


def _compare(ref, other):
    worst = {}
    for name in ref.data_vars:
        if name in ("state_value", "flux_value"):
            continue
        if np.sqrt(np.mean(ref[name].values ** 2)) < 1e-12:  # an observable at zero (e.g. no drug given)
            assert np.max(np.abs(other[name].values)) < 1e-9, name
            continue
        worst[name] = rel_rms(other[name].values, ref[name].values)
    bad = {k: v for k, v in worst.items() if v > RTOL_RMS}
    assert not bad, f"observables beyond relative RMS {RTOL_RMS}: {bad}"


WB = nb.default_model()


def _conditions(*conds):  # noqa: ANN002, ANN202
    from neurobalance.conditions import combine

    return combine(list(conds), model=WB)[0]


DA_ONLY = Model([dopamine_module()])
HT_ONLY = Model([serotonin_module()])

CASES = {
    "dopamine baseline (from model values)": (DA_ONLY, 48.0, {}, "model"),
    "dopamine TH x0.5, meals 2008": (DA_ONLY.with_genes(TH=0.5), 72.0,
                                     {"dopamine.blood_tyrosine": meals("2008", mean=97.0)}, "steady_state"),
    "dopamine firing 5 -> 15 Hz": (DA_ONLY, 24.0, {"dopamine.firing": step(1.0, 3.0, at=1.0)}, "steady_state"),
    "dopamine 10 % terminals": (DA_ONLY.with_parameters({"dopamine.f_volume_terminal": 0.1}), 200.0, {}, "model"),
    "serotonin baseline (from model values)": (HT_ONLY, 48.0, {}, "model"),
    "serotonin SERT x0.5, meals 2008": (HT_ONLY.with_genes(SLC6A4=0.5), 72.0,
                                        {"serotonin.blood_tryptophan": meals("2008", mean=97.0)}, "steady_state"),
    "serotonin TPH2 x0.2, fixed autoreceptor": (
        HT_ONLY.with_genes(TPH2=0.2).with_parameters({"serotonin.f_autoreceptor_gain": 0.0}), 200.0, {}, "model"),
    "serotonin firing x0.5": (HT_ONLY, 48.0, {"serotonin.firing": step(1.0, 0.5, at=2.0)}, "steady_state"),
    # a smooth periodic drive written with mod() and real powers (renders through SBML and JAX)
    "hpa gland masses, a month of stress": (
        Model([hpa_gland_mass_module()]), 2400.0,
        {"hpa_gland_mass.stress_drive": expression("Piecewise((1, t < 240), (3, t < 960), (1, True))",
                                                   discontinuities=(240.0, 960.0))}, "steady_state"),
    "hpa GR switch, a 6-h stress flips it": (
        Model([hpa_gr_switch_module()]), 200.0,
        {"hpa_gr_switch.stress": expression("Piecewise((0, t < 2), (1, t < 8), (0, True))",
                                            discontinuities=(2.0, 8.0))}, "steady_state"),
    "hpa Sriram oscillator (PTSD set)": (
        Model([hpa_sriram_module()]).with_parameters({"hpa_sriram.k_stress": 17.5, "hpa_sriram.ki_gr_feedback": 1.17}),
        120.0, {}, "model"),
    "serotonin firing on the circadian drive": (HT_ONLY, 48.0, {"serotonin.firing": circadian_drive(amplitude=3.0)},
                                                "steady_state"),
    # the whole-body model: circadian HPA drive, meals, endotoxin, a week of daily stress
    "whole body: two reference days": (WB, 48.0, {}, "steady_state"),
    "whole body: meals and LPS 4 ng/kg": (WB, 24.0, _conditions(diet(), endotoxin_challenge(4.0, at_h=9.0)),
                                         "steady_state"),
    "whole body: a week of daily stress": (WB, 168.0, _conditions(stress("chronic", weeks=1.0)), "steady_state"),
    # 60 days: SERT at 30 % (receptor desensitisation), B6 deficiency (cofactors, GAD) and daily stress (GR, MR)
    "whole body: 60 days of SERT block, B6 deficiency and stress": (
        WB.with_genes(SLC6A4=0.3), 1440.0,
        _conditions(b6_deficiency(severity=0.6), stress("chronic", intensity=0.5, hours_per_day=4.0, weeks=8.0)),
        "steady_state"),
}


#: Whole-body cases run in `make validate` (slow: a JAX compilation of the 118-state model takes
#: minutes); SciPy's LSODA is too slow on the stiff hepatic branch and is not used there.
WHOLE_BODY = {k for k in CASES if k.startswith("whole body")}


@pytest.fixture(scope="module", params=[pytest.param(k, marks=pytest.mark.slow) if k in WHOLE_BODY else k
                                        for k in CASES])
def case(request):
    model, hours, inputs, initial = CASES[request.param]
    times = np.linspace(0.0, hours, 241)
    ref = nb.simulate(model, hours, times=times, inputs=inputs, initial=initial, engine="roadrunner")
    return model, hours, inputs, initial, times, ref


def test_scipy_agrees_with_roadrunner(case):
    model, hours, inputs, initial, times, ref = case
    if model is WB:
        pytest.skip("SciPy LSODA needs hours on the stiff hepatic branch of the whole-body model; JAX covers it")
    _compare(ref, nb.simulate(model, hours, times=times, inputs=inputs, initial=initial, engine="scipy"))


@requires_jax
@pytest.mark.jax
def test_jax_agrees_with_roadrunner(case):
    model, hours, inputs, initial, times, ref = case
    if model is WB or model.modules == WB.modules:
        # integrate from roadrunner's starting state: the 12-day entrainment of the whole-body reference is
        # engine-specific, and an endotoxin bolus amplifies its last-digit differences (the steady states
        # themselves are compared in test_jax_steady_state_matches_newton_on_numpy)
        initial = np.maximum(ref.state_value.values[0], 0.0)
    _compare(ref, nb.simulate(model, hours, times=times, inputs=inputs, initial=initial, engine="jax"))


def test_combined_model_with_stimulation_agrees():
    model = nb.terminals_model()
    fire = expression("Piecewise((1, 3600*t < 5), (18, 3600*t < 7), (1, True))",
                      discontinuities=(5 / 3600, 7 / 3600))
    times = np.linspace(0.0, 120 / 3600, 241)
    a = nb.simulate(model, times[-1], times=times, inputs={"serotonin.firing": fire}, engine="roadrunner")
    b = nb.simulate(model, times[-1], times=times, inputs={"serotonin.firing": fire}, engine="scipy")
    _compare(a, b)
    assert float(a["serotonin.extracellular"].max()) > 100.0  # the burst is resolved


@requires_jax
@pytest.mark.jax
def test_jax_steady_state_matches_newton_on_numpy(model):
    for genes in ({}, {"SLC6A4": 0.2, "SLC6A3": 0.5}):
        m = model.with_genes(genes)
        a = nb.steady_state(m)
        b = nb.steady_state(m, engine="jax")
        np.testing.assert_allclose(b.state_value.values, a.state_value.values, rtol=1e-8, atol=1e-12)
        assert a.attrs["stable"] == b.attrs["stable"] == 1


@requires_jax
@pytest.mark.jax
def test_jax_batch_matches_single_runs(model):
    from neurobalance.backends import get_backend
    from neurobalance.compile import compile_model

    c = compile_model(HT_ONLY)
    p = c.parameter_vector(HT_ONLY)
    P = np.tile(p, (3, 1))
    P[1, c.param_index("gene.SLC6A4")] = 0.5
    P[2, c.param_index("gene.TPH2")] = 0.5
    y0 = np.tile(c.initial_state(p), (3, 1))
    times = np.linspace(0.0, 24.0, 25)
    ys, ok = get_backend("jax").integrate_batch(c, P, y0, times)
    assert ok.all()
    for k in range(3):
        single = get_backend("roadrunner").integrate(c, P[k], y0[k], times)
        assert rel_rms(ys[k], single) < RTOL_RMS
