"""T-HPA targets available before the HPA module: the external circadian drive."""

from __future__ import annotations

import numpy as np

from ._framework import Check, absolute, rel, target


@target("T-HPA-12", system="HPA, Bangsgaard circadian drive",
        setup="evaluate c(t) of `neurobalance.inputs.circadian_drive()` with the published constants over one day "
              "(6-s grid); t_m = time after the phase offset δ",
        source="Bangsgaard & Ottesen 2017 via the VeVaPy transcription [code] + [re-sim]",
        tolerance="±1 %; times ±0.1 h")
def t_hpa_12() -> list[Check]:
    import sympy as sp

    from ..inputs import circadian_drive

    drive = circadian_drive()
    t = sp.Symbol("t", real=True)
    f = sp.lambdify(t, drive.expr(t), "numpy")
    hours = np.linspace(0.0, 24.0, 24 * 600 + 1)
    c = f(hours)
    tm = np.mod(hours * 60.0 - 83.8, 1440.0) / 60.0
    above = tm[c >= c.max() / 2]
    return [rel("minimum", 0.0052, c.min(), 0.01), rel("maximum", 0.272, c.max(), 0.01),
            absolute("t_m of the maximum", 6.8, tm[np.argmax(c)], 0.1, "h"),
            absolute("half-maximum from t_m", 4.3, above.min(), 0.1, "h"),
            absolute("half-maximum until t_m", 10.7, above.max(), 0.1, "h")]


def _gland_mass_run(amplitude: float, days: np.ndarray):  # noqa: ANN202
    from ..analysis import simulate
    from ..inputs import expression
    from ..model._core import Model
    from ..physiology.hpa_gland_mass import hpa_gland_mass_module

    model = Model([hpa_gland_mass_module()])
    drive = expression(f"Piecewise((1, t < 720), ({amplitude:g}, t < 1440), (1, True))",
                       discontinuities=(720.0, 1440.0))
    ds = simulate(model, float(days[-1]) * 24, times=days * 24, inputs={"hpa_gland_mass.stress_drive": drive})
    names = ("crh", "acth", "cortisol", "corticotroph_mass", "adrenal_mass")
    return {n: ds.state_value.sel(state=f"hpa_gland_mass.{n}").values for n in names}


_GM_SRC = "Karin et al. 2020 / Milo et al. 2025, code tomermilo/hpa-drugs [code] + [re-sim] (confirmed in curation)"


@target("T-HPA-13", system="HPA, gland masses",
        setup="Karin/Milo equations (module hpa_gland_mass); u = 1 to day 30, 2 from day 30 to 60, then 1; "
              "raw normalised variables", source=_GM_SRC, tolerance="±0.02 absolute", fast=False)
def t_hpa_13() -> list[Check]:
    days = np.array([0.0, 30.5, 59.9, 60.5, 100.0, 150.0])
    r = _gland_mass_run(2.0, days)
    checks = [absolute("baseline cortisol", 0.985, r["cortisol"][0], 0.02),
              absolute("baseline P", 1.015, r["corticotroph_mass"][0], 0.02),
              absolute("baseline A", 0.985, r["adrenal_mass"][0], 0.02)]
    table = {30.5: (1.41, 1.38, 1.37, 1.02, 0.99), 59.9: (1.10, 1.33, 1.69, 1.29, 1.27),
             60.5: (0.78, 0.98, 1.24, 1.29, 1.27), 100.0: (0.90, 0.91, 1.09, 1.04, 1.20),
             150.0: (0.99, 0.92, 1.00, 0.95, 1.08)}
    for i, day in enumerate(days[1:], start=1):
        for name, expected in zip(("crh", "acth", "cortisol", "corticotroph_mass", "adrenal_mass"), table[day]):
            checks.append(absolute(f"{name} at day {day:g}", expected, r[name][i], 0.02))
    return checks


@target("T-HPA-14", system="HPA, gland masses",
        setup="as T-HPA-13 with u = 4 during days 30–60; first day after the stress from which cortisol stays "
              "within 5 % of baseline", source=_GM_SRC, tolerance="±0.03 absolute; recovery day ±10 d", fast=False)
def t_hpa_14() -> list[Check]:
    days = np.concatenate([[0.0, 30.5, 59.9, 60.5], np.arange(61.0, 250.0, 0.25)])
    r = _gland_mass_run(4.0, days)
    cort = r["cortisol"]
    after = days >= 60.5
    outside = np.abs(cort / cort[0] - 1.0) > 0.05
    last_out = days[after & outside].max()
    recovery = days[after & (days > last_out)].min()
    return [absolute("cortisol at day 30.5", 1.85, cort[1], 0.03),
            absolute("cortisol at day 59.9", 2.62, cort[2], 0.03),
            absolute("CRH at day 60.5", 0.60, r["crh"][3], 0.03),
            absolute("cortisol at day 60.5", 1.58, cort[3], 0.03),
            absolute("recovery: cortisol within 5 % of baseline from day", 147.0, recovery, 10.0, "d")]
