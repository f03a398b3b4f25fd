"""T-HPA targets of the physiological `hpa` module: 24-h cortisol profile, reference ranges, elimination.

The healthy reference is the periodic orbit under the external circadian drive, reached by
simulating `ORBIT_DAYS` days from the module's declared initial values (t = 0 h is midnight).
"""

from __future__ import annotations

import functools
import math

import numpy as np

from ._framework import Check, absolute, rel, target, within

#: Days simulated before the analysed day (the orbit is reached within one day; ≥ 10 as the targets ask).
ORBIT_DAYS = 11
_P = "hpa."
_CARROLL = ("Carroll et al. 2007 healthy controls, digitised in VeVaPy "
            "(VeVaPy/data_files/Carroll-2007-controlGroupCortisol.txt) [pub]")


def _model():  # noqa: ANN202
    from ..model._core import Model
    from ..physiology.hpa import hpa_module

    return Model([hpa_module()])


@functools.lru_cache(maxsize=1)
def reference_day() -> dict[str, np.ndarray]:
    """The last day of the reference orbit on a 10-min grid (144 points, clock hours 0–23:50),
    with the full state at its start and at 08:00."""
    from ..analysis import simulate

    t = np.arange(0, (ORBIT_DAYS + 1) * 144 + 1) / 6.0
    ds = simulate(_model(), float(t[-1]), times=t, initial="model")
    day = slice(ORBIT_DAYS * 144, (ORBIT_DAYS + 1) * 144)
    return {"clock": t[day] - 24.0 * ORBIT_DAYS,
            "cortisol_ugdl": ds[_P + "cortisol_ugdl"].values[day],
            "acth_pgml": ds[_P + "acth"].values[day],
            "gr": ds.state_value.sel(state=_P + "gr").values[day],
            "state_0800": ds.state_value.values[ORBIT_DAYS * 144 + 48]}


def smooth5(x: np.ndarray) -> np.ndarray:
    """Centred 5-point moving average of one periodic day (wrapping around midnight)."""
    xp = np.concatenate([x[-2:], x, x[:2]])
    return np.convolve(xp, np.ones(5) / 5.0, mode="valid")


def _clock(got: float, expected: float) -> float:
    """``got`` shifted by whole days to lie within 12 h of ``expected`` (clock times wrap)."""
    return expected + ((got - expected + 12.0) % 24.0 - 12.0)


@target("T-HPA-01", system="HPA, healthy 24-h cortisol profile",
        setup=f"module hpa with default inputs (external circadian drive, t = 0 h is midnight); day {ORBIT_DAYS + 1} "
              "of a run from the declared initial values (periodic orbit); total cortisol on a 10-min grid, "
              "5-point smoothed for peak and nadir", source=_CARROLL,
        tolerance="mean ±15 %; peak ±2 µg/dL and ±1 h; nadir ±0.8 µg/dL and ±1.5 h; peak/nadir ≥ 5")
def t_hpa_01() -> list[Check]:
    r = reference_day()
    s = smooth5(r["cortisol_ugdl"])
    ip, iz = int(np.argmax(s)), int(np.argmin(s))
    return [rel("24-h mean total cortisol", 5.6, float(np.mean(r["cortisol_ugdl"])), 0.15, "µg/dL"),
            absolute("peak (5-point smoothed)", 13.0, s[ip], 2.0, "µg/dL"),
            absolute("clock time of the peak", 8.0, _clock(r["clock"][ip], 8.0), 1.0, "h"),
            absolute("nadir (5-point smoothed)", 1.6, s[iz], 0.8, "µg/dL"),
            absolute("clock time of the nadir", 23.0 + 1.0 / 3.0, _clock(r["clock"][iz], 23.0 + 1.0 / 3.0), 1.5, "h"),
            within("peak/nadir", 5.0, math.inf, s[ip] / s[iz], expected="≥ 5 (data 8.2)")]


@target("T-HPA-02", system="HPA, clinical reference ranges",
        setup="reference orbit as in T-HPA-01; every 10-min sample of plasma ACTH and total cortisol in the "
              "windows 08:00–09:00 and 22:00–23:00", source="clinical reference ranges (Greenspan table; laboratory "
              "guidance) [pub]", tolerance="inside the ranges (late-evening ACTH ≈ 10 pg/mL taken as 5–20 pg/mL)")
def t_hpa_02() -> list[Check]:
    r = reference_day()
    morning = (r["clock"] >= 8.0) & (r["clock"] <= 9.0)
    evening = (r["clock"] >= 22.0) & (r["clock"] <= 23.0)
    checks = []
    for label, x, mask, lo, hi, unit in (
            ("ACTH 08–09 h", r["acth_pgml"], morning, 10.0, 60.0, "pg/mL"),
            ("ACTH 22–23 h", r["acth_pgml"], evening, 5.0, 20.0, "pg/mL"),
            ("cortisol 08–09 h", r["cortisol_ugdl"], morning, 5.0, 25.0, "µg/dL"),
            ("cortisol 22–23 h", r["cortisol_ugdl"], evening, 0.0, 9.0, "µg/dL")):
        checks.append(within(f"{label}, lowest sample", lo, hi, float(x[mask].min()), unit))
        checks.append(within(f"{label}, highest sample", lo, hi, float(x[mask].max()), unit))
    return checks


def _half_life(gain: str, state: str, hours: float) -> float:
    """Half-life (h) of ``state`` after its secretion gain is set to 0 at 08:00 on the reference orbit:
    least-squares slope of ln(state) over ``hours``."""
    from ..analysis import simulate

    model = _model().with_parameters({_P + gain: 0.0})
    t = np.linspace(0.0, hours, 61)
    ds = simulate(model, hours, times=t, initial=reference_day()["state_0800"])
    y = ds.state_value.sel(state=_P + state).values
    slope = np.polyfit(t, np.log(y), 1)[0]
    return float(math.log(2) / -slope)


@target("T-HPA-03", system="HPA, hormone elimination",
        setup="from the reference orbit at 08:00, set one secretion gain to 0 (f_crh_secretion, f_acth_secretion or "
              "f_cortisol_secretion) and fit the log-linear decay of that hormone over about three half-lives",
        source="half-lives of the Karin/Milo model; clinical ranges [pub]",
        tolerance="CRH 4 ± 1 min; ACTH 10–30 min; cortisol 60–90 min")
def t_hpa_03() -> list[Check]:
    crh = 60.0 * _half_life("f_crh_secretion", "portal_crh", 0.2)
    acth = 60.0 * _half_life("f_acth_secretion", "plasma_acth", 1.0)
    cort = 60.0 * _half_life("f_cortisol_secretion", "plasma_cortisol", 4.0)
    return [absolute("CRH half-life", 4.0, crh, 1.0, "min"),
            within("ACTH half-life", 10.0, 30.0, acth, "min"),
            within("cortisol half-life", 60.0, 90.0, cort, "min")]
