"""T-KYN-22…34: the whole-body tryptophan–kynurenine axis, inflammation and stress.

Each experiment runs the whole-body model (`neurobalance.default_model`) from its entrained
reference state (t = 0 h is midnight) and compares a condition with a control run over the
same hours.  Directional rows use the curators' rules: **D-rule** (sign right and change
> 5 % of baseline) and **U-rule** (|change| < 10 %).
"""

from __future__ import annotations

import functools

import numpy as np

from ._framework import Check, pp, rel, target, within

_SIT = "shared reference stress_inflammation_tryptophan.md"


def _model():  # noqa: ANN202
    from ..physiology.default import default_model

    return default_model()


def _run(hours: float, conditions: tuple = (), dt: float = 0.1, model=None, initial="steady_state"):  # noqa: ANN001, ANN202
    from ..analysis import simulate

    t = np.arange(0.0, hours + 1e-9, dt)
    return simulate(model or _model(), hours, times=t, conditions=list(conditions), initial=initial)


def _flux(ds, name: str) -> np.ndarray:  # noqa: ANN001
    return ds.flux_value.sel(flux=name).values


def _window_mean(ds, var: str, t0: float, t1: float) -> float:  # noqa: ANN001
    t = ds.time.values
    sel = (t >= t0) & (t <= t1)
    v = ds[var].values if var in ds else ds.state_value.sel(state=var).values
    return float(np.trapezoid(v[sel], t[sel]) / (t[sel][-1] - t[sel][0]))


def direction(label: str, base: float, new: float, sign: int) -> Check:
    """D-rule: the change has the expected sign and exceeds 5 % of baseline."""
    change = (new - base) / abs(base)
    ok_low, ok_high = (0.05, np.inf) if sign > 0 else (-np.inf, -0.05)
    return within(f"{label} change", ok_low, ok_high, change, "fraction",
                  expected="rise > 5 %" if sign > 0 else "fall > 5 %")


def unchanged(label: str, base: float, new: float) -> Check:
    """U-rule: |change| < 10 % of baseline."""
    return within(f"{label} change", -0.1, 0.1, (new - base) / abs(base), "fraction", expected="|change| < 10 %")


@functools.cache
def _reference_day():  # noqa: ANN202
    return _run(24.0)


@target("T-KYN-22", system="kynurenine, whole body",
        setup="whole-body reference (plasma Trp a state, reference diet 0.8 g protein/kg/day); 24-h means of the "
              "Trp fluxes: hepatic KP entry (TDO + hepatic IDO1) / all KP entry (+ extrahepatic IDO1); TDO / all "
              "Trp degradation (KP, TPH, other routes); net protein synthesis / dietary Trp",
        source="Badawy & Dougherty 2016; Badawy 2017 (KP ≈ 95 % of Trp degradation, 90 % of it hepatic) [pub]",
        tolerance="±10 pp (first two); ≤ 2 % (third)")
def t_kyn_22() -> list[Check]:
    ds = _reference_day()
    m = _model()
    vl = m["kynurenine.f_volume_liver"]
    mean = {f: float(np.mean(_flux(ds, f))) for f in ds.flux.values}
    tdo = vl * mean["kynurenine.tdo"]
    ido_liver = vl * mean["kynurenine.ido_trp"]
    ido_ext = mean["kynurenine.ido_periphery"]
    others = vl * (mean["kynurenine.tph1"] + mean["kynurenine.tph2"] + mean["kynurenine.ddc_trp"]) \
        + mean["precursors.trp_other_use"]
    degradation = tdo + ido_liver + ido_ext + others
    net_protein = mean["precursors.synthesis_use_trp"] - mean["precursors.breakdown_release_trp"] \
        + vl * mean["kynurenine.wars"]
    intake = mean["precursors.intake_trp"]
    return [pp("hepatic share of kynurenine-pathway entry", 90.0, 100 * (tdo + ido_liver) / (tdo + ido_liver + ido_ext),
               10.0),
            pp("TDO share of tryptophan degradation", 70.0, 100 * tdo / degradation, 10.0),
            within("net protein synthesis / dietary Trp", -0.02, 0.02, net_protein / intake, "fraction",
                   expected="≤ 2 %")]


@target("T-KYN-23", system="kynurenine/precursors, normal values",
        setup="whole-body reference; 24-h means of total plasma Trp, plasma Kyn and KTR",
        source="Bevital LC-MS/MS ranges; Padberg et al. 2012 baseline (healthy young men) [pub]",
        tolerance="inside the ranges; KTR within mean ± 1 SD")
def t_kyn_23() -> list[Check]:
    ds = _reference_day()
    return [within("plasma Trp", 40.0, 90.0, _window_mean(ds, "precursors.plasma_trp", 0, 24), "µM"),
            within("plasma Kyn", 1.0, 3.3, _window_mean(ds, "kynurenine.plasma_kyn", 0, 24), "µM"),
            within("KTR", 29.4 - 6.8, 29.4 + 6.8, _window_mean(ds, "kynurenine.plasma_kyn_trp_ratio", 0, 24),
                   "µmol/mmol", expected="29.4 ± 6.8")]


@target("T-KYN-24", system="inflammation, LPS cytokines",
        setup="E. coli LPS 0.5 ng/kg i.v. bolus at 09:00 vs no LPS; AUC 0–6 h of plasma TNF-α and IL-6 (IL-8 and the "
              "optional temperature, heart-rate and ex-vivo parts are not modelled)",
        source="Dillingh et al. 2014, J Inflamm 11:28, abstract [pub]", tolerance="±30 % of each rise")
def t_kyn_24() -> list[Check]:
    from ..conditions import endotoxin_challenge

    base = _run(15.0, dt=0.05)
    lps = _run(15.0, (endotoxin_challenge(0.5, at_h=9.0),), dt=0.05)
    out = []
    for var, label, rise in (("inflammation.tnf_alpha", "TNF-α", 413.0), ("inflammation.il6", "IL-6", 288.0)):
        a, b = _window_mean(lps, var, 9.0, 15.0), _window_mean(base, var, 9.0, 15.0)
        out.append(rel(f"{label} AUC rise vs placebo", rise, 100 * (a / b - 1), 0.30, "%"))
    return out


@functools.cache
def _ifn_runs():  # noqa: ANN202
    from ..conditions import interferon_alpha_therapy

    days = 84
    base = _run(24.0 * days, dt=1.0)
    ifn = _run(24.0 * days, (interferon_alpha_therapy("weekly", weeks=12, start_h=9.0),), dt=1.0)
    return base, ifn


@target("T-KYN-25", system="inflammation, chronic IFN-α",
        setup="peginterferon α-2a 180 µg s.c. weekly for 12 weeks vs no treatment; means over week 12 of plasma Kyn, "
              "KTR, Trp and brain Kyn, QUIN, KYNA and Trp", fast=False,
        source="Capuron et al. 2003; Raison et al. 2010 (CSF) [pub]", tolerance="D-rule; U-rule for brain Trp")
def t_kyn_25() -> list[Check]:
    base, ifn = _ifn_runs()
    t0, t1 = 24.0 * 77, 24.0 * 84
    out = []
    for var, label, sign in (("kynurenine.plasma_kyn", "plasma Kyn", 1), ("kynurenine.plasma_kyn_trp_ratio", "KTR", 1),
                             ("precursors.plasma_trp", "plasma Trp", -1), ("kynurenine.brain_kyn", "brain Kyn", 1),
                             ("kynurenine.brain_quin", "brain QUIN", 1), ("kynurenine.brain_kyna", "brain KYNA", 1)):
        out.append(direction(label, _window_mean(base, var, t0, t1), _window_mean(ifn, var, t0, t1), sign))
    out.append(unchanged("brain Trp", _window_mean(base, "serotonin.brain_tryptophan", t0, t1),
                         _window_mean(ifn, "serotonin.brain_tryptophan", t0, t1)))
    return out


@target("T-KYN-28", system="stress, exam stress",
        setup="brief psychological stress (hpa.stress = 1 from 09:00 to 12:00) vs control; plasma cortisol, Trp, Kyn, "
              "IL-6 and TNF-α at the end of the stress (12:00)",
        source="PMC8174692 (92 medical students, pre- vs post-exam) [pub]",
        tolerance="D-rule for cortisol; U-rule for the others")
def t_kyn_28() -> list[Check]:
    from ..conditions import stress

    base = _run(13.0, dt=0.05)
    st = _run(13.0, (stress("acute", intensity=1.0, start_h=9.0, duration_h=3.0),), dt=0.05)
    at = lambda ds, v: float(ds[v].sel(time=12.0, method="nearest"))  # noqa: E731
    out = [direction("cortisol", at(base, "hpa.cortisol"), at(st, "hpa.cortisol"), 1)]
    for var, label in (("precursors.plasma_trp", "plasma Trp"), ("kynurenine.plasma_kyn", "plasma Kyn"),
                       ("inflammation.il6", "IL-6"), ("inflammation.tnf_alpha", "TNF-α")):
        out.append(unchanged(label, at(base, var), at(st, var)))
    return out


@target("T-KYN-30", system="stress × inflammation, TDO",
        setup="dexamethasone 1 mg orally at 09:00 with or without LPS 4 ng/kg i.v. at 09:00; rise of hepatic TDO "
              "activity above its control value at 15:00; nuclear GR binding (occupancy × nuclear factor) at 12:00",
        source="Vaptzarova, Baramova & Popov 1989, rat [pub]", tolerance="D-rule; −57 % ±15 pp")
def t_kyn_30() -> list[Check]:
    from ..conditions import dexamethasone, endotoxin_challenge

    ctrl = _run(16.0, dt=0.05)
    gc = _run(16.0, (dexamethasone(1.0, at_h=9.0),), dt=0.05)
    both = _run(16.0, (dexamethasone(1.0, at_h=9.0), endotoxin_challenge(4.0, at_h=9.0)), dt=0.05)
    at = lambda ds, v, h: float(ds[v].sel(time=h, method="nearest"))  # noqa: E731
    ind_gc = at(gc, "kynurenine.tdo_activity", 15.0) - at(ctrl, "kynurenine.tdo_activity", 15.0)
    ind_both = at(both, "kynurenine.tdo_activity", 15.0) - at(ctrl, "kynurenine.tdo_activity", 15.0)
    nuc = lambda ds: at(ds, "hpa.peripheral_gr_occupancy", 12.0) * at(ds, "inflammation.nuclear_gr_factor", 12.0)  # noqa: E731
    return [within("glucocorticoid TDO induction (fold − 1)", 0.05, np.inf, ind_gc, "", expected="> 0.05"),
            direction("TDO induction with endotoxin", ind_gc, ind_both, -1),
            pp("nuclear GR binding with endotoxin", -57.0, 100 * (nuc(both) / nuc(gc) - 1), 15.0)]


def _meal_response(source: str) -> tuple[float, float, float, float, float, float]:
    """Fasting values at 08:00 and the post-meal extremes (08–12 h) of plasma Trp and Trp/LNAA after
    40 g of ``source`` replacing breakfast on the reference meal plan."""
    from ..conditions import diet, protein_meal

    meals = ((12.5, 0.45), (19.0, 0.55))
    ds = _run(36.0, (diet(meals=meals), protein_meal(40.0, source, at_h=32.0)), dt=0.05)
    t = ds.time.values
    pre = (t >= 31.9) & (t <= 32.0)
    post = (t > 32.0) & (t <= 36.0)
    trp, ratio = ds["precursors.plasma_trp"].values, ds["precursors.trp_lnaa_ratio"].values
    return (float(trp[pre][-1]), float(trp[post].max()), float(trp[post].min()),
            float(ratio[pre][-1]), float(ratio[post].max()), float(ratio[post].min()))


@target("T-KYN-31", system="precursors, protein meals", fast=False,
        setup="reference meal plan without breakfast; on day 2, 40 g α-lactalbumin, zein or gluten at 08:00; plasma "
              "Trp and Trp/ΣLNAA after the meal vs the fasting 08:00 value (peak for rises, trough for falls)",
        source="Fernstrom et al. 2013, Clin Nutr [pub]", tolerance="±30 % of each change (suggested)")
def t_kyn_31() -> list[Check]:
    a = _meal_response("alpha_lactalbumin")
    z = _meal_response("zein")
    g = _meal_response("gluten")
    return [within("fasting plasma Trp", 35.0, 65.0, a[0], "µM", expected="≈ 50 (±30 %)"),
            rel("α-lactalbumin: Trp peak / fasting − 1", 2.0, a[1] / a[0] - 1, 0.30),
            rel("α-lactalbumin: Trp/LNAA peak / fasting − 1", 0.5, a[4] / a[3] - 1, 0.30),
            rel("zein: Trp/LNAA trough / fasting − 1", -0.5, z[5] / z[3] - 1, 0.30),
            rel("gluten: Trp trough / fasting − 1", -0.25, g[2] / g[0] - 1, 0.30)]


@target("T-KYN-32", system="precursors, LAT1 competition",
        setup="hyperphenylalaninaemia: PAH activity lowered until steady-state plasma Phe is 200–500 µM (PAH gene "
              "factor 0.15); brain influx of Trp (serotonin terminal) and Tyr (dopamine terminal) vs reference",
        source="Pardridge 1998, Neurochem Res 23:635 [pub]", tolerance="D-rule")
def t_kyn_32() -> list[Check]:
    from ..analysis import steady_state

    base = steady_state(_model())
    pku = steady_state(_model().with_genes(PAH=0.15))
    flux = lambda ds, f: float(ds.flux_value.sel(flux=f))  # noqa: E731
    return [within("plasma Phe", 200.0, 500.0, float(pku["precursors.plasma_phe"]), "µM"),
            direction("brain Trp influx", flux(base, "serotonin.trp_influx"), flux(pku, "serotonin.trp_influx"), -1),
            direction("brain Tyr influx", flux(base, "dopamine.tyr_influx"), flux(pku, "dopamine.tyr_influx"), -1)]


@target("T-KYN-33", system="precursors, Trp balance",
        setup="whole-body steady state with dietary Trp 3 mg/kg/day (70 kg; other amino acids as the reference diet)",
        source="tryptophan requirement study (plasma response curve; citation details not captured) [pub]",
        tolerance="inside 40–90 µM")
def t_kyn_33() -> list[Check]:
    from ..analysis import steady_state
    from ..physiology.precursors import MOLAR_MASS

    rate = 3.0 * 70.0 / MOLAR_MASS["trp"] * 1000.0 / 24.0  # µmol/h
    ss = steady_state(_model(), inputs={"precursors.trp_intake": rate})
    return [within("plasma Trp", 40.0, 90.0, float(ss["precursors.plasma_trp"]), "µM")]


@target("T-KYN-34", system="kynurenine, TDO induction in a whole-body model",
        setup="hepatic TDO capacity doubled at t = 0 (gene factor TDO2 = 2) with plasma Trp free to move; largest "
              "value within 24 h (from the reference state) vs the reference run of liver Kyn and 3-HK and of the formation rates of KYNA, "
              "anthranilate and xanthurenate (the substrate feedback on TDO then returns them towards baseline)",
        source="Rios-Avila et al. 2013, J Nutr 143:1509, abstract [pub]", tolerance="D-rule")
def t_kyn_34() -> list[Check]:
    base = _reference_day()
    up = _run(24.0, model=_model().with_genes(TDO2=2.0), initial=np.maximum(base.state_value.values[0], 0.0))
    out = []
    for var, label in (("kynurenine.hepatic_kyn", "liver Kyn"), ("kynurenine.hepatic_3hk", "liver 3-HK")):
        out.append(direction(label, float(np.max(base[var].values)), float(np.max(up[var].values)), 1))
    for label, fluxes in (("KYNA formation", ("kat1_kyn", "kat2_kyn", "kat3_kyn")), ("anthranilate formation",
                          ("kynu_kyn",)), ("xanthurenate formation", ("kat1_3hk", "kat2_3hk", "kat3_3hk"))):
        b = np.max(sum(_flux(base, "kynurenine." + f) for f in fluxes))
        u = np.max(sum(_flux(up, "kynurenine." + f) for f in fluxes))
        out.append(direction(label, float(b), float(u), 1))
    return out


__all__ = ["direction", "unchanged"]
