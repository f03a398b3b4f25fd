"""T-HPA targets available before the physiological HPA module: the circadian drive and three published sub-models."""

from __future__ import annotations

import functools

import numpy as np

from ._framework import Check, absolute, rel, target, within


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
              "raw normalised variables", source=_GM_SRC, tolerance="±0.02 absolute")
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
              "within 5 % of baseline", source=_GM_SRC, tolerance="±0.03 absolute; recovery day ±10 d")
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


# --- Gupta et al. 2007: GR self-induction and bistability -------------------------------------

_GUPTA = "Gupta, Aslakson, Gurbaxani & Vernon 2007 (Theor Biol Med Model 4:8)"
_GR = "hpa_gr_switch."
_NORMAL = {"crh": 0.626, "acth": 0.0597, "cortisol": 0.0597, "gr": 0.081}
_SADDLE = {"crh": 0.647, "acth": 0.0546, "cortisol": 0.0546, "gr": 0.339}
_HIGH = {"crh": 0.660, "acth": 0.0515, "cortisol": 0.0515, "gr": 0.548}


def _gupta():  # noqa: ANN202
    from ..model._core import Model
    from ..physiology.hpa_gr_switch import hpa_gr_switch_module

    model = Model([hpa_gr_switch_module()])
    unit_h = 1.0 / (model[_GR + "k_cortisol_elimination"] * 60.0)  # hours per published time unit
    return model, unit_h


def _gupta_state(guess: dict[str, float]) -> tuple[dict[str, float], float]:
    """Steady state (non-dimensional) from a guess, and its leading eigenvalue in published units."""
    from ..analysis import steady_state

    model, unit_h = _gupta()
    ss = steady_state(model, guess={_GR + k: v for k, v in guess.items()})
    state = {s.removeprefix(_GR): float(v) for s, v in zip(ss.state.values, ss.state_value.values)}
    return state, float(ss.eigenvalue_real.values[0]) * unit_h


def _final_gr(stress: str, jumps: tuple[float, ...], start: dict[str, float], units: float = 500.0) -> float:
    """GR after ``units`` published time units with the stress schedule ``stress`` (a formula of τ)."""
    from ..analysis import simulate
    from ..inputs import expression

    model, unit_h = _gupta()
    text = stress.replace("tau", f"(t/{unit_h!r})")
    sched = expression(text, discontinuities=tuple(j * unit_h for j in jumps))
    ds = simulate(model, units * unit_h, times=[0.0, units * unit_h], engine="scipy",
                  initial={_GR + k: v for k, v in start.items()}, inputs={_GR + "stress": sched})
    return float(ds.state_value.sel(state=_GR + "gr").values[-1])


@target("T-HPA-04", system="HPA, Gupta 2007 GR switch",
        setup="Gupta equations and parameters, f = 0; all three steady states and leading Jacobian eigenvalues "
              "(in published time units)", source=f"{_GUPTA}: structure [pub]; numbers [re-sim]",
        tolerance="±1 % (λ ±0.01)")
def t_hpa_04() -> list[Check]:
    checks: list[Check] = []
    found = {}
    for label, guess, lam in (("normal", _NORMAL, -0.37), ("saddle", _SADDLE, 0.11), ("high-GR", _HIGH, -0.14)):
        state, lead = _gupta_state(guess)
        found[label] = state
        checks += [rel(f"{label}: {k}", v, state[k], 0.01) for k, v in guess.items()]
        checks.append(absolute(f"{label}: max Re λ", lam, lead, 0.01, "per unit"))
    drop = 100 * (1 - found["high-GR"]["cortisol"] / found["normal"]["cortisol"])
    checks.append(absolute("high-GR cortisol below normal", 14.0, drop, 1.0, "%"))
    return checks


def _switches(stress: str, jumps: tuple[float, ...], start: dict[str, float]) -> bool:
    return _final_gr(stress, jumps, start) > 0.4


@target("T-HPA-05", system="HPA, Gupta 2007 GR switch",
        setup="constant stress f from the normal state; the smallest f that ends in the high-GR state (the "
              "saddle-node of the low-GR branch), by bisection", source=f"{_GUPTA} [re-sim]", tolerance="±0.002")
def t_hpa_05() -> list[Check]:
    lo, hi = 0.10, 0.25
    for _ in range(12):
        mid = 0.5 * (lo + hi)
        if _switches(f"{mid!r}", (), _NORMAL):
            hi = mid
        else:
            lo = mid
    return [absolute("saddle-node stress f*", 0.168, 0.5 * (lo + hi), 0.002)]


@target("T-HPA-06", system="HPA, Gupta 2007 GR switch",
        setup="from the normal state, a rectangular stress of amplitude f for duration d, then f = 0; the minimum "
              "d that ends in the high-GR state, by bisection", source=f"{_GUPTA} [re-sim]; qualitative claim [pub]",
        tolerance="±2 %")
def t_hpa_06() -> list[Check]:
    checks = []
    for amp, expected in ((0.5, 6.1), (1.0, 2.64), (2.0, 1.21), (5.0, 0.45)):
        lo, hi = 0.0, 20.0
        for _ in range(14):
            mid = 0.5 * (lo + hi)
            if _switches(f"Piecewise(({amp!r}, tau < {mid!r}), (0, True))", (mid,), _NORMAL):
                hi = mid
            else:
                lo = mid
        checks.append(rel(f"minimum duration at f = {amp:g}", expected, 0.5 * (lo + hi), 0.02, "units"))
    return checks


_PULSES = ((0, 1), (4, 5), (8, 9), (12, 13), (16, 17))


def _pulse_train(n: int) -> tuple[str, tuple[float, ...]]:
    conds = ", ".join(f"(1, (tau >= {a}) & (tau < {b}))" for a, b in _PULSES[:n])
    return f"Piecewise({conds}, (0, True))", tuple(float(x) for ab in _PULSES[:n] for x in ab)


@target("T-HPA-07", system="HPA, Gupta 2007 model B",
        setup="unit pulses on (0,1), (4,5), (8,9), (12,13), (16,17); final GR after 500 units; (a) from the CellML "
              "initial state c 0.6, a = o 0.055, r 0.01; (b) from the normal steady state; (c) four pulses only",
        source=f"{_GUPTA} [re-sim]", tolerance="final state class (GR < 0.2 normal, > 0.4 high)")
def t_hpa_07() -> list[Check]:
    five, j5 = _pulse_train(5)
    four, j4 = _pulse_train(4)
    cellml = {"crh": 0.6, "acth": 0.055, "cortisol": 0.055, "gr": 0.01}
    return [within("(a) from the CellML state: final GR (normal ≈ 0.081)", 0.0, 0.2, _final_gr(five, j5, cellml)),
            within("(b) from the normal state: final GR (high ≈ 0.548)", 0.4, 1.0, _final_gr(five, j5, _NORMAL)),
            within("(c) four pulses from the normal state: final GR", 0.0, 0.2, _final_gr(four, j4, _NORMAL))]


@target("T-HPA-08", system="HPA, Gupta 2007 GR switch",
        setup="from the high-GR state, f = −0.2, −0.5 or −0.8 for 5, 10, 20 or 50 units, then f = 0",
        source=f"{_GUPTA} [re-sim]", tolerance="final state class (GR < 0.2: normal)")
def t_hpa_08() -> list[Check]:
    checks = []
    for amp in (-0.2, -0.5, -0.8):
        for dur in (5.0, 10.0, 20.0, 50.0):
            gr = _final_gr(f"Piecewise(({amp!r}, tau < {dur!r}), (0, True))", (dur,), _HIGH)
            checks.append(within(f"f = {amp:g} for {dur:g} units: final GR", 0.0, 0.2, gr, expected="normal (< 0.2)"))
    return checks


# --- Sriram et al. 2012: self-oscillating HPA axis (normal, depressed, PTSD) -------------------

_SRIRAM = "Sriram, Rodriguez-Fernandez & Doyle 2012 (PLoS Comput Biol 8:e1002379), VeVaPy transcription"


def _sriram_cycle(group: str) -> dict[str, float]:
    """Limit-cycle statistics after a 1500-h transient; means over whole periods (peak to peak)."""
    from ..analysis import simulate
    from ..model._core import Model
    from ..physiology.hpa_sriram import SRIRAM_GROUPS, hpa_sriram_module

    ks, ki = SRIRAM_GROUPS[group]
    model = Model([hpa_sriram_module()]).with_parameters({"hpa_sriram.k_stress": ks, "hpa_sriram.ki_gr_feedback": ki})
    t = np.arange(0.0, 1800.0 + 1e-9, 0.02)
    ds = simulate(model, 1800.0, times=t, initial="model")
    late = t >= 1500.0
    tt = t[late]
    cort = ds.state_value.sel(state="hpa_sriram.cortisol").values[late]
    acth = ds.state_value.sel(state="hpa_sriram.acth").values[late]
    free = ds["hpa_sriram.free_gr"].values[late]
    peaks = np.flatnonzero((cort[1:-1] > cort[:-2]) & (cort[1:-1] >= cort[2:])) + 1
    whole = slice(peaks[0], peaks[-1] + 1)

    def mean(x: np.ndarray) -> float:
        return float(np.trapezoid(x[whole], tt[whole]) / (tt[peaks[-1]] - tt[peaks[0]]))

    return {"period": float(np.mean(np.diff(tt[peaks]))), "nadir": float(cort.min()), "peak": float(cort.max()),
            "cort_mean": mean(cort), "acth_mean": mean(acth), "free_gr_mean": mean(free),
            "free_gr_min": float(free.min()), "free_gr_max": float(free.max())}


_SRIRAM_ROWS = {
    "T-HPA-09": ("normal", 24.1, 1.70, 22.7, 11.9, 4.5, 0.81, 0.46, 1.31),
    "T-HPA-10": ("depressed", 24.3, 4.75, 22.3, 13.6, 5.1, 0.70, 0.45, 1.03),
    "T-HPA-11": ("ptsd", 23.3, 0.63, 16.9, 7.5, 2.8, 1.07, 0.64, 1.62),
}


def _sriram_row(group: str, period: float, nadir: float, peak: float, cort: float, acth: float, free: float,
                fmin: float, fmax: float) -> list[Check]:
    r = _sriram_cycle(group)
    checks = [absolute("period", period, r["period"], 0.3, "h"), rel("cortisol nadir", nadir, r["nadir"], 0.05, "µg/dL"),
              rel("cortisol peak", peak, r["peak"], 0.05, "µg/dL"), rel("cortisol mean", cort, r["cort_mean"], 0.05),
              rel("ACTH mean", acth, r["acth_mean"], 0.05), rel("free GR mean", free, r["free_gr_mean"], 0.05),
              rel("free GR min", fmin, r["free_gr_min"], 0.05), rel("free GR max", fmax, r["free_gr_max"], 0.05)]
    if group == "ptsd":  # ordering [pub]: PTSD has the highest free GR and the lowest nadir
        others = [_sriram_cycle(g) for g in ("normal", "depressed")]
        checks.append(within("PTSD free GR mean minus the highest other group", 0.0, float("inf"),
                             r["free_gr_mean"] - max(o["free_gr_mean"] for o in others), expected="> 0"))
        checks.append(within("PTSD nadir minus the lowest other group", -float("inf"), 0.0,
                             r["nadir"] - min(o["nadir"] for o in others), expected="< 0"))
    return checks


for _tid, _row in _SRIRAM_ROWS.items():
    target(_tid, system=f"HPA, Sriram 2012 {_row[0]}",
           setup=f"Sriram equations, {_row[0]} set (module hpa_sriram); limit cycle after 1500 h; means over whole "
                 "periods", source=f"{_SRIRAM} [code, transcription] + [re-sim]",
           tolerance="period ±0.3 h; others ±5 %")(functools.partial(_sriram_row, *_row))
