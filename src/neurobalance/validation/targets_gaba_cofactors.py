"""Validation targets T-GABA-* (glutamate–glutamine–GABA cycle) and T-COF-* (cofactors)."""

from __future__ import annotations

import functools

import numpy as np

from ._framework import Check, pp, rel, target, within
from ._whole_body import model as _model
from ._whole_body import reference as _reference
from ._whole_body import start_end
from .targets_kynurenine import direction, unchanged


def _ss(model=None, **inputs: float):  # noqa: ANN001, ANN202
    from ..analysis import steady_state

    return steady_state(model or _model(), inputs={k.replace("__", "."): v for k, v in inputs.items()} or None)


def _v(ds, name: str) -> float:  # noqa: ANN001
    return float(ds[name])


def _flux(ds, name: str) -> float:  # noqa: ANN001
    return float(ds.flux_value.sel(flux=name))


# ------------------------------------------------------------------------------------------------
# glutamate–glutamine–GABA cycle
# ------------------------------------------------------------------------------------------------
@target("T-GABA-01", system="Glu/GABA cycle, human rest",
        setup="whole-body reference at rest (activity 1); tissue-averaged fluxes (µmol/g/min)",
        source="Shen et al. 1999, PNAS [pub]", tolerance="within mean ± 1 SD; ratio 0.7–0.9")
def t_gaba_01() -> list[Check]:
    ss = _reference()
    vc, tca, cmr = _v(ss, "glutamate.v_cycle"), _v(ss, "glutamate.v_tca"), _v(ss, "glutamate.cmr_glc_ox")
    return [within("V_cyc", 0.27, 0.37, vc, "µmol/g/min", expected="0.32 ± 0.05"),
            within("V_TCA", 0.70, 0.84, tca, "µmol/g/min", expected="0.77 ± 0.07"),
            within("CMRglc(ox)", 0.35, 0.43, cmr, "µmol/g/min", expected="0.39 ± 0.04"),
            within("V_cyc / CMRglc(ox)", 0.7, 0.9, vc / cmr, "", expected="≈ 0.8")]


@target("T-GABA-02", system="Glu/GABA cycle, anaplerosis",
        setup="as T-GABA-01; pyruvate-carboxylase flux relative to glutamine synthesis",
        source="Mason et al. 2007, J Neurochem [pub]", tolerance="within 2–10 %")
def t_gaba_02() -> list[Check]:
    ss = _reference()
    share = 100 * _v(ss, "glutamate.v_anaplerosis") / _v(ss, "glutamate.v_glutamine_synthesis")
    return [within("PC / Gln synthesis", 2.0, 10.0, share, "%", expected="6 ± 4 %"),
            within("PC flux", 0.01, 0.03, _v(ss, "glutamate.v_anaplerosis"), "µmol/g/min", expected="≈ 0.02")]


def _activity_sweep() -> tuple[np.ndarray, np.ndarray]:
    levels = (0.0, 0.25, 0.5, 0.75, 1.0)
    vc, cmr = [], []
    for f in levels:
        ss = _ss(glutamate__activity=f, gaba__activity=f)
        vc.append(_v(ss, "glutamate.v_cycle"))
        cmr.append(_v(ss, "glutamate.cmr_glc_ox_neuronal"))
    return np.array(vc), np.array(cmr)


@target("T-GABA-03", system="Glu/GABA cycle, activity sweep",
        setup="steady states at activity 0 (isoelectric), 0.25, 0.5, 0.75 and 1 (rest), both neuron types; "
              "least-squares slope of V_cyc against neuronal CMRglc(ox)",
        source="Sibson et al. 1998; Patel et al. 2005 [pub]",
        tolerance="slope 0.8–1.2; isoelectric neuronal oxidation > 3-fold lower; V_cyc < 10 % of rest", fast=False)
def t_gaba_03() -> list[Check]:
    vc, cmr = _activity_sweep()
    slope = float(np.polyfit(cmr, vc, 1)[0])
    return [within("ΔV_cyc / ΔCMRglc(ox),N", 0.8, 1.2, slope, "", expected="≈ 1.0"),
            within("resting / isoelectric neuronal oxidation", 3.0, np.inf, cmr[-1] / cmr[0], "",
                   expected="> 3"),
            within("isoelectric V_cyc / resting", 0.0, 0.10, vc[0] / vc[-1], "", expected="< 10 %")]


@target("T-GABA-04", system="Glu/GABA cycle, GABA share",
        setup="as T-GABA-01; GABA–glutamine share of total cycling and GABAergic share of neuronal TCA flux",
        source="Patel et al. 2005, PNAS (rat) [pub]", tolerance="±5 pp")
def t_gaba_04() -> list[Check]:
    ss = _reference()
    return [pp("GABA–Gln share of cycling", 23.0, 100 * _v(ss, "glutamate.v_cycle_gaba_share"), 5.0),
            pp("GABAergic share of neuronal TCA", 18.0,
               100 * _v(ss, "glutamate.gabaergic_share_of_neuronal_oxidation"), 5.0)]


@target("T-GABA-08", system="GABA/Glu tissue levels",
        setup="whole-body reference; tissue GABA and glutamate (tissue averages, mM)",
        source="Rothman et al. 1993; Petroff 1996; Magn Reson Med 2018 (PMC6092256) [pub]", tolerance="inside the ranges")
def t_gaba_08() -> list[Check]:
    ss = _reference()
    return [within("tissue GABA", 0.62, 1.15, _v(ss, "gaba.tissue_gaba"), "mM", expected="≈ 1.0 (0.62–1.15)"),
            within("tissue glutamate", 5.8, 11.2, _v(ss, "glutamate.tissue_glutamate"), "mM")]


@target("T-GABA-09", system="glutamate, ambient",
        setup="whole-body reference; ambient extracellular glutamate (no dialysate observable is modelled)",
        source="Neurochem Int 73 (2014); Moussawi et al. 2011 [pub]", tolerance="inside 25–90 nM")
def t_gaba_09() -> list[Check]:
    return [within("ambient glutamate", 25.0, 90.0, _v(_reference(), "glutamate.ambient_glutamate"), "nM")]


@target("T-GABA-10", system="glutamate, resting PFC components",
        setup="ambient glutamate 20 min after a constant (a) activity 0 (TTX-like), (b) full N-type Ca²⁺ block, "
              "(c) full mGluR2/3 agonist occupancy, (d) full mGluR2/3 block, (e) full EAAT block (TBOA-like), vs "
              "the unperturbed run (the ambient pool settles within seconds, the tissue pools have not moved); the "
              "five release/clearance parameters are fitted to these data, so this checks the fit",
        source="Hascup et al. 2010, J Neurochem 115:1608 [pub]", tolerance="±10 pp")
def t_gaba_10() -> list[Check]:
    from ..analysis import simulate

    t = np.array([0.0, 1.0 / 3.0])
    run = lambda **inp: float(simulate(_model(), t[-1], times=t, inputs={k.replace("__", "."): v for k, v in  # noqa: E731
                                                                           inp.items()} or None)
                               ["glutamate.ambient_glutamate"][-1])
    base = run()
    cases = (("TTX", {"glutamate__activity": 0.0}, -40.0), ("ω-conotoxin", {"glutamate__n_type_calcium_block": 1.0}, -50.0),
             ("mGluR2/3 agonist", {"glutamate__mglur23_agonist": 1.0}, -20.0),
             ("mGluR2/3 antagonist", {"glutamate__mglur23_antagonist": 1.0}, 40.0),
             ("EAAT block", {"glutamate__eaat_block": 1.0}, 120.0))
    return [pp(f"{label}: ambient glutamate", want, 100 * (run(**inputs) / base - 1), 10.0)
            for label, inputs, want in cases]


@target("T-GABA-11", system="glutamate uptake",
        setup="SLC1A2 (GLT-1) gene factor 0; glutamate uptake capacity relative to the reference",
        source="Zhou et al. 2014, J Neurosci 34:13472 [pub]", tolerance="≥ 90 % lost")
def t_gaba_11() -> list[Check]:
    ss = _ss(_model().with_genes(SLC1A2=0.0))
    return [within("uptake capacity lost", 90.0, 100.0, 100 * (1 - _v(ss, "glutamate.eaat_capacity")), "%",
                   expected="> 90 %")]


@target("T-GABA-12", system="Glu/GABA pools",
        setup="whole-body reference; pool size / cycling flux: tissue Glu / V_cyc, tissue Gln / (V_cyc + PC), "
              "tissue GABA / GABA–Gln cycling",
        source="derived from Shen 1999 and Patel 2005 [D]", tolerance="±20 %")
def t_gaba_12() -> list[Check]:
    ss = _reference()
    vc = _v(ss, "glutamate.v_cycle")
    vg = vc * _v(ss, "glutamate.v_cycle_gaba_share")
    return [rel("glutamate turnover", 30.0, _v(ss, "glutamate.tissue_glutamate") / vc, 0.20, "min"),
            rel("glutamine turnover", 12.0,
                _v(ss, "glutamate.tissue_glutamine") / (vc + _v(ss, "glutamate.v_anaplerosis")), 0.20, "min"),
            within("GABA turnover", 12.0 * 0.8, 14.0 * 1.2, _v(ss, "gaba.tissue_gaba") / vg, "min",
                   expected="12–14 ±20 %")]


# ------------------------------------------------------------------------------------------------
# cofactors
# ------------------------------------------------------------------------------------------------
def _tph_flux(trp: float | None = None, bh4: float | None = None, **params: float) -> float:
    """TPH2 flux of the published serotonin terminal at its reference state with Trp/BH4 replaced."""
    from ..analysis import simulate
    from ..physiology.default import terminals_model

    m = terminals_model()
    if params:
        m = m.with_parameters({f"serotonin.{k}": v for k, v in params.items()})
    ref = _terminal_reference()
    y = ref.state_value.values.copy()
    names = list(ref.state.values)
    if trp is not None:
        y[names.index("serotonin.trp")] = trp
    if bh4 is not None:
        y[names.index("serotonin.bh4")] = bh4
    ds = simulate(m, 1e-6, times=np.array([0.0, 1e-6]), initial=y)
    return float(ds.flux_value.sel(flux="serotonin.tph").values[0])


@functools.cache
def _terminal_reference():  # noqa: ANN202
    from ..analysis import steady_state
    from ..physiology.default import terminals_model

    return steady_state(terminals_model())


@target("T-COF-01", system="TPH rate law",
        setup="TPH2 flux of the serotonin terminal at Trp 20 and 30 µM (other factors at the reference) over the "
              "same flux with the Trp term saturated (Km → 0, no substrate inhibition); halving Trp from each",
        source="Haavik 2005 via the Reed-group VTPH code; derived [D]", tolerance="±0.002; ±1 pp")
def t_cof_01() -> list[Check]:
    sat = _tph_flux(trp=20.0, km_tph_trp=1e-9, ki_tph_trp=1e12)
    f20, f30 = _tph_flux(trp=20.0) / sat, _tph_flux(trp=30.0) / sat
    f10, f15 = _tph_flux(trp=10.0) / sat, _tph_flux(trp=15.0) / sat
    from ._framework import absolute

    return [absolute("Trp factor at 20 µM", 0.331, f20, 0.002), absolute("Trp factor at 30 µM", 0.423, f30, 0.002),
            pp("halving Trp from 20 µM", -40.0, 100 * (f10 / f20 - 1), 1.0),
            pp("halving Trp from 30 µM", -36.0, 100 * (f15 / f30 - 1), 1.0)]


@target("T-COF-02", system="TPH BH4 dependence",
        setup="TPH2 flux at BH4 0.9 and 1.8 µM over the same flux with the BH4 term saturated",
        source="Reed-group VTPH code (Km BH4 20 µM); derived [D]", tolerance="±1 %")
def t_cof_02() -> list[Check]:
    sat = _tph_flux(bh4=0.9, km_tph_bh4=1e-9)
    a, b = _tph_flux(bh4=0.9) / sat, _tph_flux(bh4=1.8) / sat
    return [rel("BH4 factor at 0.9 µM", 0.0431, a, 0.01), rel("BH4 factor at 1.8 µM", 0.0826, b, 0.01),
            rel("ratio", 1.92, b / a, 0.01)]


@target("T-COF-03", system="GAD holoenzyme",
        setup="whole-body reference (B6 replete); holo (PLP-bound) fraction of GAD",
        source="Martin & Rimvall 1993, J Neurochem 60:395 [pub]", tolerance="inside 0.3–0.5")
def t_cof_03() -> list[Check]:
    return [within("GAD holo fraction", 0.3, 0.5, _v(_reference(), "gaba.gad_holo_fraction"))]


@functools.cache
def _b6_deficient_run():  # noqa: ANN202
    from ..analysis import simulate
    from ..conditions import b6_deficiency

    t = np.array([0.0, 8 * 168.0])
    return simulate(_model(), t[-1], times=t, conditions=[b6_deficiency(severity=0.875)])


@target("T-COF-04", system="B6 deficiency",
        setup="dietary B6 supply lowered to 0.125 (brain PLP → ≈ 0.3) for 8 weeks; brain PLP, tissue GABA, "
              "holo-GAD activity, apo-GAD fraction, GABA-T activity, tissue 5-HT vs the start",
        source="developmental J Neurochem study; pyridoxine-deficiency review [pub]",
        tolerance="D-rule; U-rule for GABA-T", fast=False)
def t_cof_04() -> list[Check]:
    ds = _b6_deficient_run()
    a = functools.partial(start_end, ds)
    return [direction("brain PLP", *a("cofactors.brain_plp"), -1), direction("tissue GABA", *a("gaba.tissue_gaba"), -1),
            direction("holo-GAD activity", *a("gaba.gad_holo_activity"), -1),
            direction("apo-GAD", *a("gaba.gad_apo_fraction"), 1),
            unchanged("GABA-T activity", *a("gaba.gabat_activity")),
            direction("tissue 5-HT (AADC-dependent)", *a("serotonin.tissue"), -1)]


@target("T-COF-05", system="B6 antagonist",
        setup="pyridoxal-kinase inhibitor (thiosemicarbazide-like, inhibitor/Ki = 20) for 6 h, then, with the "
              "inhibitor still present, a pyridoxine load (30 × the tissue B6 store over 1 h); GABA and holo-GAD "
              "activity at 6 h and 12 h later",
        source="Abe & Matsuda 1979, J Nutr Sci Vitaminol [pub]", tolerance="D-rule", fast=False)
def t_cof_05() -> list[Check]:
    from ..analysis import simulate
    from ..inputs import pulses

    t = np.array([0.0, 6.0, 18.0])
    ds = simulate(_model(), 18.0, times=t, inputs={"cofactors.pdxk_inhibition": pulses([(0.0, 1e6, 20.0)]),
                                                     "cofactors.pyridoxine_dose_rate": pulses([(6.0, 7.0, 30.0)])})
    g, h = ds["gaba.tissue_gaba"].values, ds["gaba.gad_holo_activity"].values
    return [direction("GABA after the antagonist", g[0], g[1], -1),
            direction("holo-GAD after the antagonist", h[0], h[1], -1),
            direction("GABA after pyridoxine", g[1], g[2], 1), direction("holo-GAD after pyridoxine", h[1], h[2], 1),
            within("GABA restored (vs start)", 0.9, np.inf, g[2] / g[0], "", expected="≥ 90 % of the start")]


def _kyn_readouts(ds) -> dict[str, float]:  # noqa: ANN001
    f = lambda names: sum(_flux(ds, "kynurenine." + n) for n in names)  # noqa: E731
    return {"Kyn": float(ds.state_value.sel(state="kynurenine.liver_kyn")),
            "3-HK": float(ds.state_value.sel(state="kynurenine.liver_3hk")),
            "KYNA": f(("kat1_kyn", "kat2_kyn", "kat3_kyn")), "anthranilate": f(("kynu_kyn",)),
            "xanthurenate": f(("kat1_3hk", "kat2_3hk", "kat3_3hk"))}


@target("T-COF-07", system="B6 and kynurenine",
        setup="steady states with B6 supply 0.25 (moderate: PLP ≈ 0.5) and 0.03 (severe: PLP ≈ 0.08) vs replete; "
              "hepatic Kyn and 3-HK and "
              "the formation rates of KYNA, anthranilate and xanthurenate; and TDO induction (TDO2 × 2) with "
              "moderate B6 deficiency vs TDO induction alone",
        source="Rios-Avila et al. 2013, J Nutr 143:1509, abstract [pub]", tolerance="D-rule", fast=False)
def t_cof_07() -> list[Check]:
    base = _kyn_readouts(_reference())
    mod = _kyn_readouts(_ss(cofactors__b6_supply=0.25))
    sev = _kyn_readouts(_ss(cofactors__b6_supply=0.03))
    tdo = _model().with_genes(TDO2=2.0)
    ind = _kyn_readouts(_ss(tdo))
    both = _kyn_readouts(_ss(tdo, cofactors__b6_supply=0.25))
    out = [direction("moderate: 3-HK", base["3-HK"], mod["3-HK"], 1),
           direction("moderate: KYNA formation", base["KYNA"], mod["KYNA"], -1),
           direction("moderate: anthranilate formation", base["anthranilate"], mod["anthranilate"], -1),
           direction("severe: Kyn", base["Kyn"], sev["Kyn"], 1),
           direction("severe: xanthurenate formation", base["xanthurenate"], sev["xanthurenate"], 1)]
    for k, sign in (("Kyn", 1), ("3-HK", 1), ("xanthurenate", 1), ("KYNA", -1), ("anthranilate", -1)):
        out.append(direction(f"TDO induction + B6 deficiency: {k}", ind[k], both[k], sign))
    return out


@functools.cache
def _folate_course():  # noqa: ANN202
    from ..analysis import simulate
    from ..conditions import folate_deficiency

    t = np.array([0.0, 12 * 168.0, 24 * 168.0])
    return simulate(_model(), t[-1], times=t, conditions=[folate_deficiency(severity=0.8, weeks=12)])


@target("T-COF-08", system="folate",
        setup="dietary folate lowered by 80 % for 12 weeks, then restored for 12 weeks; tissue 5-HIAA and HVA, "
              "terminal BH4",
        source="Bottiglieri et al. 1992; Botez et al. 1979/1982 [pub]", tolerance="D-rule", fast=False)
def t_cof_08() -> list[Check]:
    ds = _folate_course()
    s = lambda v: ds[v].values  # noqa: E731
    hiaa, hva = s("serotonin.hiaa_tissue"), s("dopamine.hva_tissue")
    return [direction("5-HIAA", hiaa[0], hiaa[1], -1), direction("HVA", hva[0], hva[1], -1),
            direction("BH4 (serotonin terminal)", s("serotonin.biopterin_reduced")[0],
                      s("serotonin.biopterin_reduced")[1], -1),
            unchanged("5-HIAA after folate repletion (vs start)", hiaa[0], hiaa[2])]


@target("T-COF-09", system="methylation vs folate route",
        setup="steady states with brain 5-MTHF lowered (folate supply 0.2) and with SAM alone halved (SAM-synthesis "
              "capacity 0.5); tissue 5-HIAA and HVA",
        source="Surtees et al. 1994, Clin Sci 86:697 [pub]", tolerance="D-rule; U-rule for SAM only")
def t_cof_09() -> list[Check]:
    base = _reference()
    fol = _ss(cofactors__folate_supply=0.2)
    sam = _ss(cofactors__sam_capacity=0.5)
    return [direction("low 5-MTHF: 5-HIAA", _v(base, "serotonin.hiaa_tissue"), _v(fol, "serotonin.hiaa_tissue"), -1),
            direction("low 5-MTHF: HVA", _v(base, "dopamine.hva_tissue"), _v(fol, "dopamine.hva_tissue"), -1),
            unchanged("low SAM only: 5-HIAA", _v(base, "serotonin.hiaa_tissue"), _v(sam, "serotonin.hiaa_tissue")),
            unchanged("low SAM only: HVA", _v(base, "dopamine.hva_tissue"), _v(sam, "dopamine.hva_tissue"))]


@target("T-COF-10", system="B12",
        setup="steady state with vitamin B12 supply lowered to 0.1; tissue 5-HIAA",
        source="Botez et al. 1982, Ann Neurol 12:479 [pub]", tolerance="D-rule")
def t_cof_10() -> list[Check]:
    return [direction("5-HIAA", _v(_reference(), "serotonin.hiaa_tissue"),
                      _v(_ss(cofactors__b12_supply=0.1), "serotonin.hiaa_tissue"), -1)]


def _gtpch(bh4_factor: float = 1.0, phe: float | None = None) -> float:
    from ..analysis import simulate

    ref = _reference()
    y = ref.state_value.values.copy()
    names = list(ref.state.values)
    y[names.index("serotonin.bh4")] *= bh4_factor
    inputs = {"serotonin.phenylalanine": phe} if phe is not None else None
    ds = simulate(_model(), 1e-6, times=np.array([0.0, 1e-6]), initial=y, inputs=inputs)
    return float(ds.flux_value.sel(flux="serotonin.gtpch").values[0])


@target("T-COF-11", system="BH4 synthesis regulation",
        setup="GTP-cyclohydrolase flux of the serotonin terminal at the reference state: BH4 doubled at fixed Phe; "
              "plasma Phe × 4 at fixed BH4",
        source="Harada et al. 1993, Science 260:1507 [pub]", tolerance="D-rule")
def t_cof_11() -> list[Check]:
    base = _gtpch()
    return [direction("GTPCH flux with BH4 × 2", base, _gtpch(bh4_factor=2.0), -1),
            direction("GTPCH flux with Phe × 4", base, _gtpch(phe=4 * 55.0), 1)]
