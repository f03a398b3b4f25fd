"""Validation targets T-DRUG-* that the agent library and the model's inputs support: PET occupancy, PK
half-lives, and drug effects on the model (MAO, GABA, 5-HT1A blockade, ketamine, SSRI with interferon-α).

Rows whose occupancy constant was fitted to them are calibration checks (the agent's ``basis`` says
so); the others are independent checks of the same constants at another dose or time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ._framework import Check, pp, target, within


def _regimen(name: str, dose: float, doses: int, route: str = "oral", interval: float = 24.0):  # noqa: ANN202
    from ..agents import AGENTS
    from ..pkpd import Regimen

    a = AGENTS[name]
    return a, Regimen(a.pk, dose, route, 0.0, interval, doses)


def _occ(name: str, reg, t: np.ndarray) -> np.ndarray:  # noqa: ANN001
    from ..agents import AGENTS
    from ..pkpd import occupancy

    e = AGENTS[name].effects[0]
    c = reg.concentration(t)
    if e.metabolite_potency and reg.pk.metabolite is not None:
        c = c + e.metabolite_potency * reg.concentration(t, "metabolite")
    return occupancy(c, e.ec50, e.theta_max, e.hill)


def _ss(name: str, dose: float, days: int = 60, interval: float = 24.0) -> float:
    """Occupancy averaged over the last dosing interval of ``days`` days of dosing."""
    _, reg = _regimen(name, dose, int(days * 24 / interval), interval=interval)
    t = np.linspace((days - 1) * 24.0, days * 24.0, 241)
    return float(np.mean(_occ(name, reg, t)))


@target("T-DRUG-01", system="SSRI PET", setup="citalopram 20 mg/d for 60 days; SERT occupancy over the last day",
        source="Meyer et al. 2001 [pub] (calibration: the EC50 was fitted to it)", tolerance="±5 pp")
def t_drug_01() -> list[Check]:
    return [pp("SERT occupancy", 77.0, 100 * _ss("citalopram", 20.0), 5.0)]


@target("T-DRUG-03", system="SSRI PET", setup="fluoxetine 20 mg/d for 60 days with norfluoxetine (equipotent)",
        source="Meyer et al. 2004 [pub] (calibration)", tolerance="±5 pp")
def t_drug_03() -> list[Check]:
    return [pp("SERT occupancy", 80.0, 100 * _ss("fluoxetine", 20.0), 5.0)]


@target("T-DRUG-04", system="SSRI PET", setup="sertraline 50 mg/d for 60 days", source="Meyer et al. 2004 [pub] "
        "(calibration)", tolerance="±5 pp")
def t_drug_04() -> list[Check]:
    return [pp("SERT occupancy", 80.0, 100 * _ss("sertraline", 50.0), 5.0)]


@target("T-DRUG-05", system="SSRI PET plateau", setup="citalopram, sertraline and escitalopram at very high exposure "
        "(200 mg/d); occupancy plateau", source="reference §D.1 [pub]; [D]", tolerance="80–95 %")
def t_drug_05() -> list[Check]:
    return [within(f"{n} plateau", 80.0, 95.0, 100 * _ss(n, 200.0), "%") for n in ("citalopram", "sertraline",
                                                                                   "escitalopram")]


@target("T-DRUG-07", system="SSRI PET, single dose", setup="sertraline 50 mg once; occupancy at 4 h and 48 h",
        source="single-dose [11C]DASB study 2016 [pub] (independent of the steady-state fit)",
        tolerance="inside range ±3 pp")
def t_drug_07() -> list[Check]:
    return _single_dose_pet("sertraline", 50.0)


def _single_dose_pet(agent: str, dose: float) -> list[Check]:
    """Occupancy 4 h and 48 h after one dose against the 2016 single-dose [11C]DASB ranges (±3 pp)."""
    _, reg = _regimen(agent, dose, 1)
    o = 100 * _occ(agent, reg, np.array([4.0, 48.0]))
    return [within("4 h", 66.0, 81.0, float(o[0]), "%", expected="69–78 %"),
            within("48 h", 50.0, 61.0, float(o[1]), "%", expected="53–58 %")]


@target("T-DRUG-08", system="SSRI PET, single dose", setup="escitalopram 15 mg once (middle of 10–20 mg); occupancy at "
        "4 h (fitted) and 48 h (independent)", source="single-dose [11C]DASB study 2016 [pub]",
        tolerance="inside range ±3 pp")
def t_drug_08() -> list[Check]:
    return _single_dose_pet("escitalopram", 15.0)


@target("T-DRUG-10", system="NDRI PET", setup="bupropion SR 300 mg/d (150 mg twice daily) for 30 days; DAT occupancy "
        "3 h after the morning dose and just before the next morning dose", source="Learned-Coughlin 2003; Meyer 2002 [pub] (calibration)",
        tolerance="14–30 %")
def t_drug_10() -> list[Check]:
    _, reg = _regimen("bupropion", 150.0, 60, interval=12.0)
    o = 100 * _occ("bupropion", reg, np.array([29 * 24.0 + 3.0, 29 * 24.0 + 23.9]))
    return [within("3 h after dose", 14.0, 30.0, float(o[0]), "%", expected="26 %"),
            within("before the next morning dose", 14.0, 30.0, float(o[1]), "%", expected="sustained")]


@target("T-DRUG-11", system="antipsychotic PET", setup="haloperidol 1, 2, 3, 5 mg/d to steady state; striatal D2 "
        "occupancy", source="Kapur et al. 2000 [pub] (EC50 fitted to the middle of the range)",
        tolerance="inside 38–87 %, rising with dose")
def t_drug_11() -> list[Check]:
    occ = [100 * _ss("haloperidol", d) for d in (1.0, 2.0, 3.0, 5.0)]
    checks = [within(f"{d:g} mg/d", 38.0, 87.0, o, "%") for d, o in zip((1, 2, 3, 5), occ, strict=True)]
    checks.append(within("rise from 1 to 5 mg/d", 0.0, 100.0, occ[-1] - occ[0], "pp", expected="> 0"))
    return checks


@target("T-DRUG-12", system="BZD occupancy (rat calibration input)", setup="lorazepam: plasma concentration for 50 % "
        "BZ-site occupancy", source="reference §D.2 [pub]", tolerance="96–134 ng/mL")
def t_drug_12() -> list[Check]:
    from ..agents import AGENTS

    e = AGENTS["lorazepam"].effects[0]
    c50 = e.ec50 * (1.0 / (2 * e.theta_max - 1.0)) ** (1 / e.hill) if e.theta_max < 1 else e.ec50
    return [within("C for 50 % occupancy", 96.0, 134.0, c50, "ng/mL")]


@target("T-DRUG-17", system="ketamine PK/PD", setup="racemic ketamine: terminal t½, oral and intranasal F, NMDA pore "
        "block at 1 µM", source="reference §D.2 [pub]", tolerance="t½ 2–3 h; F 20–25 % and ≈ 45 %; EC50 ±30 %")
def t_drug_17() -> list[Check]:
    from ..agents import AGENTS
    from ..pkpd import occupancy

    a = AGENTS["ketamine"]
    block = float(occupancy(237.7, a.effects[0].ec50))
    return [within("t½", 2.0, 3.0, a.pk.half_life, "h"), within("oral F", 0.20, 0.25, a.pk.bioavailability("oral")),
            within("intranasal F", 0.40, 0.50, a.pk.bioavailability("intranasal"), expected="≈ 0.45"),
            within("block at 1 µM", 0.35, 0.65, block, expected="0.5 ± 30 %")]


def _terminal_half_life(name: str) -> float:
    """Terminal t½ read from a simulated single-dose curve (log-linear slope late after the dose)."""
    from ..agents import AGENTS

    a, reg = _regimen(name, 10.0, 1, "iv" if "oral" not in AGENTS[name].routes else "oral")
    th = a.pk.half_life
    t = np.array([6 * th, 8 * th])
    c = reg.concentration(t)
    return float((t[1] - t[0]) * np.log(2) / np.log(c[0] / c[1]))


@target("T-DRUG-20", system="PK half-lives", setup="single dose of each library agent; terminal t½ from the simulated "
        "plasma curve", source="Hiemke & Härtter 2000; PMC6168070 [pub]; [L] where marked",
        tolerance="inside the reference range; ±20 % on point values")
def t_drug_20() -> list[Check]:
    ranges = {"sertraline": (26 * 0.8, 26 * 1.2), "fluoxetine": (24.0, 96.0), "citalopram": (33.0, 36.0),
              "escitalopram": (27.0, 32.0), "bupropion": (21 * 0.8, 21 * 1.2), "diazepam": (20.0, 100.0),
              "lorazepam": (10.0, 20.0), "ketamine": (2.0, 3.0), "vigabatrin": (5.0, 8.0)}
    return [within(n, lo, hi, _terminal_half_life(n), "h") for n, (lo, hi) in ranges.items()]


def _scenario(days: float, observables: tuple[str, ...], interventions: Sequence[dict] = (),
              conditions: Sequence[dict] = (), interval: str = "1 h"):  # noqa: ANN202
    """Run a scenario written as a dict (the user's file format) and return its Dataset."""
    from ..scenarios import from_dict, run

    return run(from_dict({"name": "check", "duration": f"{days} d",
                          "outputs": {"interval": interval, "observables": list(observables)},
                          "interventions": list(interventions), "conditions": list(conditions)}))


def _dosed(agent: str, dose: str, interval: str, days: float, route: str = "oral", outputs: tuple[str, ...] = ()):  # noqa: ANN202
    """One agent dosed every ``interval`` from 08:00 for ``days`` days."""
    return _scenario(days, outputs, [{"agent": agent, "dose": dose, "route": route, "start": "8 h",
                                      "interval": interval, "stop": f"{days} d"}], interval="6 h")


@target("T-DRUG-14", system="MAO-B inhibitor", setup="selegiline 10 mg/d orally for 7 days; orally disintegrating "
        "(Zydis, 'buccal' route) 10 mg/d for 28 days; brain MAO-A activity (mao module) and DAT occupancy",
        source="Fowler et al. 2001, 2015 [pub] (Zydis row is the calibration)", tolerance="U-rule; 11–70 %")
def t_drug_14() -> list[Check]:
    from .targets_kynurenine import unchanged

    oral = _dosed("selegiline", "10 mg", "24 h", 7.0, outputs=("mao.mao_a_activity", "mao.mao_b_activity"))
    zydis = _dosed("selegiline", "10 mg", "24 h", 28.0, "buccal", outputs=("mao.mao_a_activity",))
    a_oral = oral["mao.mao_a_activity"].values
    return [unchanged("oral: MAO-A activity", 1.0, float(a_oral[-1])),
            within("oral: MAO-B block", 90.0, 100.0, 100 * (1 - float(oral["mao.mao_b_activity"].values[-1])), "%",
                   expected="full block (reference §D.2)"),
            within("Zydis: MAO-A fall", 11.0, 70.0, 100 * (1 - float(zydis["mao.mao_a_activity"].values[-1])), "%",
                   expected="37 %")]


@target("T-DRUG-29", system="phenelzine and GABA", setup="phenelzine 15 mg three times a day for 28 days (human "
        "dose); tissue GABA and GABA-A density (the model's GABA-A adapts by coupling, so its density is fixed)",
        source="McKenna et al. 1994 [pub]", tolerance="D-rule; U-rule")
def t_drug_29() -> list[Check]:
    from .targets_kynurenine import direction, unchanged

    ds = _dosed("phenelzine", "15 mg", "8 h", 28.0, outputs=("gaba.tissue_gaba", "receptors.gabaa_bmax",
                                                             "mao.mao_a_activity"))
    g = ds["gaba.tissue_gaba"].values
    b = ds["receptors.gabaa_bmax"].values
    return [direction("tissue GABA", float(g[0]), float(g[-1]), 1), unchanged("GABA-A density", float(b[0]), float(b[-1]))]


@target("T-DRUG-16", system="levodopa PK", setup="L-DOPA alone vs with carbidopa (library agents levodopa and "
        "levodopa-carbidopa); terminal t½, oral bioavailability, clearance", source="Nutt et al. 1985 [pub]",
        tolerance="±20 %")
def t_drug_16() -> list[Check]:
    from ..agents import AGENTS
    from ._framework import rel

    a, b = AGENTS["levodopa"].pk, AGENTS["levodopa-carbidopa"].pk
    return [rel("t½ alone", 0.75, a.half_life, 0.2, "h"), rel("t½ with carbidopa", 1.5, b.half_life, 0.2, "h"),
            rel("F ratio (with/without)", 2.0, b.f / a.f, 0.2), rel("CL ratio (with/without)", 0.5, b.cl / a.cl, 0.2)]


@target("T-DRUG-18", system="5-HTP PK", setup="oral 5-HTP 200 mg with carbidopa (library agent 5-htp); F, Tmax and "
        "terminal t½ from the simulated curve; clearance", source="Magnussen 1980; Acta Pharmacol Toxicol 1979 [pub]",
        tolerance="inside ranges; ±20 % on point values")
def t_drug_18() -> list[Check]:
    from ..agents import AGENTS
    from ..pkpd import Regimen
    from ._framework import rel

    pk = AGENTS["5-htp"].pk
    reg = Regimen(pk, 200.0, "oral", 0.0, 24.0, 1)
    t = np.linspace(0.0, 48.0, 4801)
    c = reg.concentration(t)
    tmax = float(t[int(np.argmax(c))])
    th = float(np.log(2) * 12.0 / np.log(c[2400] / c[3600]))
    return [within("F", 0.47, 0.84, pk.f, expected="0.69 ± 0.05"), within("Tmax", 1.8, 3.3, tmax, "h"),
            rel("terminal t½", 6.0, th, 0.2, "h"), rel("clearance", 0.105 * 70, pk.cl, 0.2, "L/h")]


@target("T-DRUG-15", system="MAO-B inhibitor", setup="rasagiline 1 mg/d for 14 days, then stop; MAO-B activity (mao "
        "module) at day 10 of dosing and the time after stopping until it is back to 90 %",
        source="reference §D.2 [pub]", tolerance="block ≥ 90 %; recovery to 90 % within 2–6 weeks")
def t_drug_15() -> list[Check]:
    from ..scenarios import from_dict, run

    res = from_dict({"name": "check", "duration": "70 d", "outputs": {"interval": "6 h",
                     "observables": ["mao.mao_b_activity"]},
                     "interventions": [{"agent": "rasagiline", "dose": "1 mg", "start": "8 h", "interval": "24 h",
                                        "doses": 14}]})
    ds = run(res)
    t, e = ds["time"].values, ds["mao.mao_b_activity"].values
    block = 100 * (1 - float(np.interp(10 * 24.0, t, e)))
    stop = 13 * 24.0 + 8.0
    after = t > stop
    back = t[after][np.argmax(e[after] >= 0.9)] if np.any(e[after] >= 0.9) else np.inf
    return [within("MAO-B block at day 10", 90.0, 100.0, block, "%"),
            within("recovery to 90 % after stopping", 2.0, 6.0, (back - stop) / 168.0, "weeks")]


@target("T-DRUG-28", system="ketamine, tissue Glu/Gln",
        setup="ketamine 0.5 mg/kg i.v. over 40 min at 09:00 (library agent) vs none; tissue glutamate and glutamine "
              "3 h after the end of the infusion. The model's ketamine blocks NMDA channels but does not drive "
              "glutamate release (T-DRUG-27 is not reproduced), so this checks that the block leaves the pools in place",
        source="PMC8024494 [pub]", tolerance="abs(ΔGlu) < 4 %; abs(ΔGln) < 10 %")
def t_drug_28() -> list[Check]:
    obs = ("glutamate.tissue_glutamate", "glutamate.tissue_glutamine")
    ket = _scenario(1.0, obs, [{"agent": "ketamine", "dose": "0.5 mg/kg", "route": "iv", "infusion": "40 min",
                                "start": "9 h"}], interval="10 min")
    base = _scenario(1.0, obs, interval="10 min")
    at = lambda ds, v: float(ds[v].sel(time=9.0 + 40 / 60 + 3.0, method="nearest"))  # noqa: E731
    d = {v: 100 * (at(ket, v) / at(base, v) - 1) for v in obs}
    return [within("tissue glutamate change", -4.0, 4.0, d[obs[0]], "%", expected="no change beyond 4 %"),
            within("tissue glutamine change", -10.0, 10.0, d[obs[1]], "%", expected="no change beyond 10 %")]


@target("T-DRUG-32", system="SSRI + IFN-α",
        setup="peginterferon α-2a 180 µg s.c. weekly for 12 weeks from week 2, with vs without an SSRI from day 0 "
              "(2 weeks of pre-treatment). Paroxetine is not in the agent library (its CYP2D6-saturable PK is not "
              "modelled), so escitalopram 10 mg/day stands in for SERT block; plasma Kyn, mean over the last week",
        source="Capuron et al. 2003 [pub]", tolerance="U-rule", fast=False)
def t_drug_32() -> list[Check]:
    from .targets_kynurenine import unchanged

    obs = ("kynurenine.plasma_kyn",)
    ifn = [{"name": "interferon_alpha_therapy", "regimen": "weekly", "weeks": 12.0, "start_h": 2 * 168.0 + 9.0}]
    ssri = [{"agent": "escitalopram", "dose": "10 mg", "start": "8 h", "interval": "24 h"}]
    a = _scenario(98.0, obs, ssri, ifn)
    b = _scenario(98.0, obs, [], ifn)
    c = _scenario(98.0, obs)
    last = lambda ds: float(ds[obs[0]].where(ds.time >= 91 * 24.0, drop=True).mean())  # noqa: E731
    return [within("IFN-α raises plasma Kyn (precondition)", 0.05, np.inf, last(b) / last(c) - 1, "fraction",
                   expected="rise > 5 %"),
            unchanged("plasma Kyn under IFN-α, with vs without the SSRI", last(b), last(a))]


@target("T-DRUG-23", system="SSRI + 5-HT1A antagonist, acute",
        setup="acute reuptake block (SERT activity at 20 %, ≈ 80 % SSRI occupancy) for 24 h from the reference, with "
              "and without a silent 5-HT1A antagonist blocking 90 % of 5-HT1A receptors (input "
              "receptors.ht1a_antagonist, WAY-100635-like; 90 % is an assumed near-saturating dose); rise of extracellular 5-HT at 24 h",
        source="PMID 8971795 and related [pub]", tolerance="direction (rise with the antagonist > 1.05 × without)")
def t_drug_23() -> list[Check]:
    from ..analysis import simulate
    from ._whole_body import model, reference
    from .targets_kynurenine import direction

    ref = reference()
    t = np.array([0.0, 24.0])
    m = model().with_genes(SLC6A4=0.2)
    e0 = float(ref["serotonin.extracellular"])
    rise = [float(simulate(m, 24.0, times=t, initial=ref.state_value.values, inputs=inp)["serotonin.extracellular"]
                  .values[-1]) - e0 for inp in (None, {"receptors.ht1a_antagonist": 0.9})]
    return [direction("5-HT rise after reuptake block, with vs without the antagonist", rise[0], rise[1], 1)]
