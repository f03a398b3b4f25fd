"""The library of interventions: drugs, hormones, biologics and supplements.

An agent acts on the model in one of two ways:

* **PK/PD agents** (antidepressants, antipsychotics, benzodiazepines, vigabatrin, ketamine): a
  closed-form PK model (`neurobalance.pkpd`) gives the plasma concentration; an occupancy curve
  calibrated to human PET turns it into the fractional occupancy of a target, which drives a model
  input (`TARGET_INPUTS`).
* **Input agents** (glucocorticoids, interferon-α, amino acids, pyridoxine): the model already
  contains the agent's own kinetics (the hpa module's dexamethasone and cortisol absorption, the
  inflammation module's interferon depots, the precursor gut pools, the B6 store), so a dose is
  delivered to that input as a short zero-order pulse.

PK values are population-typical for a 70-kg adult.  Half-lives are the reference's (§D.2, Hiemke &
Härtter 2000 and the clinical review table; [L] where the reference marks them); volumes and
bioavailabilities are typical label values, stated as such.  Occupancy constants are fitted to the
PET rows of the reference and say which row; the remaining PET rows are checked in `validation`.
Nothing here is dosing advice: the library exists to simulate published protocols.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping

from ._errors import UnknownNameError
from .physiology.precursors import MOLAR_MASS
from .pkpd import PK, Metabolite

__all__ = ["Agent", "Effect", "DirectInput", "AGENTS", "TARGET_INPUTS", "agent", "NOT_YET"]

_L2 = math.log(2)


@dataclasses.dataclass(frozen=True)
class Effect:
    """Occupancy of one target: ``θ = θmax·C^h/(EC50^h + C^h)`` (C: plasma ng/mL)."""

    target: str
    ec50: float  #: plasma concentration of half-maximal occupancy (ng/mL)
    theta_max: float = 1.0
    hill: float = 1.0
    metabolite_potency: float = 0.0  #: metabolite potency relative to the parent (0: inactive)
    rate_max: float = 0.0  #: for enzyme inactivators: maximal inactivation rate (1/h) at θ = 1
    basis: str = ""
    source: str = ""


@dataclasses.dataclass(frozen=True)
class DirectInput:
    """A dose delivered into a model input as a zero-order pulse."""

    inputs: Mapping[str, str]  #: route → model input
    per_mg: float  #: input amount per mg of agent (input unit × h)
    pulse_h: Mapping[str, float]  #: route → pulse duration (h)
    note: str = ""


@dataclasses.dataclass(frozen=True)
class Agent:
    name: str
    kind: str  #: drug | hormone | biologic | supplement
    description: str
    routes: tuple[str, ...]
    typical: str  #: typical dose and schedule (text)
    #: largest single dose accepted (mg): a guard against unit slips (≈ 2–4 × the largest labelled single dose,
    #: not a clinical limit); above it a scenario is refused
    max_dose_mg: float
    pk: PK | None = None
    pk_source: str = ""
    effects: tuple[Effect, ...] = ()
    direct: DirectInput | None = None
    sources: tuple[str, ...] = ()


#: PD target → (model input, how occupancies of several agents combine).
TARGET_INPUTS: dict[str, tuple[str, str]] = {
    "SERT": ("serotonin.sert_block", "occupancy"),
    "DAT": ("dopamine.dat_block", "occupancy"),
    "D2": ("receptors.d2_antagonist", "kd_units"),
    "GABA-A BZ site": ("receptors.benzodiazepine_occupancy", "occupancy"),
    "GABA-T": ("gaba.gabat_inactivation_rate", "rate"),
    "NMDA channel": ("glutamate.nmda_channel_block", "occupancy"),
    "MAO-A": ("mao.mao_a_inactivation_rate", "rate"),
    "MAO-B": ("mao.mao_b_inactivation_rate", "rate"),
    "GR (antagonist)": ("hpa.gr_antagonist", "ki_units"),
    "TNF-α": ("inflammation.tnf_neutralisation", "occupancy"),
    "COX-2": ("inflammation.cox2_inhibition", "occupancy"),
    "plasma 5-HTP": ("serotonin.blood_5htp", "plasma_uM"),
    "plasma L-DOPA": ("dopamine.blood_ldopa", "plasma_uM"),
}


def _pk(mw: float, t_half: float, v: float, f: float, ka: float, metabolite: Metabolite | None = None,
        f_routes: tuple[tuple[str, float], ...] = (), apparent: bool = False) -> PK:
    """PK from the half-life and the volume; ``apparent``: ``v`` is the oral apparent volume V/F (the usual
    label value), so the true volume is ``F·v``."""
    vol = v * f if apparent else v
    return PK(mw=mw, cl=vol * _L2 / t_half, v=vol, f=f, ka=ka, metabolite=metabolite, f_routes=f_routes)


_HH = "Hiemke & Härtter 2000, Pharmacol Ther 85:11; clinical review table PMC6168070 (reference §D.2)"
_LABEL = "typical label value (apparent volume, bioavailability, absorption), not from the reference"

AGENTS: dict[str, Agent] = {a.name: a for a in (
    Agent("escitalopram", "drug", "selective serotonin reuptake inhibitor (S-citalopram)", ("oral",),
          "10–20 mg once daily", 60.0,
          pk=_pk(324.4, 30.0, 1100.0, 0.8, 0.8, apparent=True), pk_source=f"t½ 27–32 h ({_HH}); V/F ≈ 16 L/kg, F 0.8: {_LABEL}",
          effects=(Effect("SERT", 1.914, 0.85, basis="fitted: 73.5 % at 4 h after a single 15 mg (T-DRUG-08 4-h "
                          "range 69–78 % for 10–20 mg); θmax 0.85, the SERT plateau (T-DRUG-05)",
                          source="single-dose [11C]DASB study 2016; Meyer 2001"),),
          sources=("meyer2001",)),
    Agent("citalopram", "drug", "selective serotonin reuptake inhibitor (racemate)", ("oral",),
          "20–40 mg once daily", 80.0,
          pk=_pk(324.4, 35.0, 840.0, 0.8, 0.6, apparent=True), pk_source=f"t½ 33–36 h ({_HH}); V/F 12 L/kg, F 0.8: {_LABEL}",
          effects=(Effect("SERT", 8.36, 0.9, basis="fitted: 77 % at steady state on 20 mg/d (T-DRUG-01)",
                          source="Meyer et al. 2001"),), sources=("meyer2001",)),
    Agent("sertraline", "drug", "selective serotonin reuptake inhibitor (weak DAT inhibitor)", ("oral",),
          "50–200 mg once daily", 400.0,
          pk=_pk(306.2, 26.0, 1400.0, 0.44, 0.4, apparent=True), pk_source=f"t½ ≈ 26 h ({_HH}); V/F 20 L/kg, F 0.44: {_LABEL}; "
          "desmethylsertraline (t½ ≈ 66 h) is a weak SERT inhibitor and is not modelled",
          effects=(Effect("SERT", 6.86, 0.9, basis="fitted: ≈ 80 % at steady state on 50 mg/d (T-DRUG-04); the "
                          "single-dose rows (T-DRUG-07) are an independent check", source="Meyer et al. 2004"),),
          sources=("meyer2004",)),
    Agent("fluoxetine", "drug", "selective serotonin reuptake inhibitor with the active metabolite norfluoxetine",
          ("oral",), "20–80 mg once daily", 160.0,
          pk=_pk(309.3, 48.0, 2450.0, 0.9, 0.4,
                 Metabolite("norfluoxetine", 0.8, 2500.0 * _L2 / 240.0, 2500.0, 295.3), apparent=True),
          pk_source=f"fluoxetine t½ 1–4 d (2 d used), norfluoxetine 7–15 d (10 d used) ({_HH}); V/F 35 L/kg, "
                    f"F 0.9, 80 % converted to norfluoxetine: {_LABEL}",
          effects=(Effect("SERT", 12.66, 0.9, metabolite_potency=1.0,
                          basis="fitted: ≈ 80 % at steady state on 20 mg/d with norfluoxetine equipotent "
                                "(T-DRUG-03)", source="Meyer et al. 2004"),), sources=("meyer2004",)),
    Agent("bupropion", "drug", "noradrenaline–dopamine reuptake inhibitor", ("oral",), "150–450 mg/day (SR)",
          600.0, pk=_pk(239.7, 21.0, 1400.0, 0.9, 0.5, apparent=True),
          pk_source=f"t½ ≈ 21 h [L] ({_HH}); V/F 20 L/kg: {_LABEL}; hydroxybupropion is lumped into the fitted "
                    "EC50",
          effects=(Effect("DAT", 768.6, 1.0, basis="fitted: 26 % mean DAT occupancy on 150 mg SR twice daily "
                          "(T-DRUG-10)",
                          source="Learned-Coughlin et al. 2003"),), sources=("learnedcoughlin2003",)),
    Agent("haloperidol", "drug", "D2 antagonist (butyrophenone antipsychotic)", ("oral",), "1–5 mg/day", 40.0,
          pk=_pk(375.9, 20.0, 1260.0, 0.6, 0.5, apparent=True), pk_source=f"t½ ≈ 20 h, V/F 18 L/kg, F 0.6: {_LABEL}",
          effects=(Effect("D2", 0.833, 1.0, basis="fitted to the middle of the 38–87 % range over 1–5 mg/d "
                          "(T-DRUG-11): 53 % at 1 mg, 85 % at 5 mg", source="Kapur et al. 2000"),),
          sources=("kapur2000",)),
    Agent("lorazepam", "drug", "benzodiazepine (GABA-A positive allosteric modulator)", ("oral", "iv"),
          "1–6 mg/day in 2–3 doses", 20.0,
          pk=_pk(321.2, 14.0, 91.0, 0.9, 1.0), pk_source=f"t½ 10–20 h [L] ({_HH}); V 1.3 L/kg, F 0.9: {_LABEL}",
          effects=(Effect("GABA-A BZ site", 115.0, 1.0, basis="plasma EC50 for 50 % BZ-site occupancy: middle of "
                          "96 (micro-PET) and 134 ng/mL (ex vivo), rat (T-DRUG-12)", source="reference §D.2"),)),
    Agent("diazepam", "drug", "benzodiazepine (GABA-A positive allosteric modulator)", ("oral", "iv"),
          "2–20 mg/day", 60.0,
          pk=_pk(284.7, 43.0, 77.0, 1.0, 1.5,
                 Metabolite("desmethyldiazepam", 0.5, 77.0 * _L2 / 100.0, 77.0, 270.7)),
          pk_source=f"t½ 20–100 h [L] (43 h used), desmethyldiazepam ≈ 100 h ({_HH}); V 1.1 L/kg: {_LABEL}",
          effects=(Effect("GABA-A BZ site", 213.0, 1.0, metabolite_potency=1.0,
                          basis="Ki 10–20 nM [L] (15 nM = 4.3 ng/mL free) at 2 % free fraction in plasma "
                                "(assumed): total-plasma EC50 ≈ 213 ng/mL", source="reference §D.2 [L]"),)),
    Agent("vigabatrin", "drug", "irreversible GABA transaminase inhibitor", ("oral",), "1–3 g/day", 6000.0,
          pk=_pk(129.2, 7.0, 56.0, 0.85, 1.5), pk_source=f"plasma t½ 5–8 h [L] ({_HH}); V 0.8 L/kg: {_LABEL}",
          effects=(Effect("GABA-T", 20000.0, 1.0, rate_max=0.095,
                          basis="assumed: inactivation K_I 20 µg/mL and k_inact 0.095/h, so that 3 g/day (mean "
                                "plasma ≈ 19 µg/mL, θ ≈ 0.49) keeps GABA-T activity near a third of normal against "
                                "its resynthesis (t½ 30 h, the gaba module's); the reference gives no human value",
                          source="assumption"),)),
    Agent("ketamine", "drug", "NMDA open-channel blocker (racemic)", ("iv", "oral", "intranasal"),
          "0.5 mg/kg i.v. over 40 min", 1000.0,
          pk=_pk(237.7, 2.5, 210.0, 0.22, 1.0, f_routes=(("intranasal", 0.45),)),
          pk_source="t½ 2–3 h, oral F 20–25 %, intranasal ≈ 45 % (reference §D.2); V 3 L/kg: " + _LABEL,
          effects=(Effect("NMDA channel", 237.7, 1.0, basis="pore-block EC50 ≈ 1 µM (reference §D.2, "
                          "T-DRUG-17)", source="reference §D.2"),)),
    Agent("selegiline", "drug", "irreversible MAO-B inhibitor (MAO-A at high exposure)", ("oral", "buccal"),
          "10 mg/day oral; 1.25–10 mg/day orally disintegrating (Zydis, 'buccal')", 40.0,
          pk=_pk(187.3, 1.5, 1900.0, 0.044, 2.0, f_routes=(("buccal", 0.35),)),
          pk_source="short plasma t½ (reference §D.2: 'short; effect lasts weeks'; 1.5 h used); oral F ≈ 4 % after "
                    "first-pass metabolism and ≈ 8-fold more by the pregastric (Zydis) route, V 27 L/kg: " + _LABEL,
          effects=(Effect("MAO-B", 0.1, 1.0, rate_max=0.5, basis="assumed potency (K_I 0.1 ng/mL, k_inact 0.5/h): "
                          "10 mg/day orally blocks MAO-B by > 90 % within days, as rasagiline/selegiline do (reference "
                          "§D.2)", source="reference §D.2"),
                   Effect("MAO-A", 100.0, 1.0, rate_max=1.02, basis="fitted: Zydis 10 mg/day for 28 days lowers "
                          "MAO-A by 37 % (T-DRUG-14); the oral 1-week row (no MAO-A change) is the independent check",
                          source="Fowler et al. 2015")),
          sources=("fowler2015",)),
    Agent("rasagiline", "drug", "irreversible MAO-B inhibitor", ("oral",), "1 mg once daily", 10.0,
          pk=_pk(171.2, 3.0, 170.0, 0.36, 2.0),
          pk_source="plasma t½ ≈ 3 h, F ≈ 36 %, V ≈ 2.4 L/kg: " + _LABEL + "; the effect outlasts the drug by weeks",
          effects=(Effect("MAO-B", 0.5, 1.0, rate_max=0.5, basis="assumed potency (K_I 0.5 ng/mL, k_inact 0.5/h); "
                          "T-DRUG-15 (full block after 10 days) checks it", source="reference §D.2"),)),
    Agent("phenelzine", "drug", "irreversible non-selective MAO inhibitor; its metabolite PEH inhibits GABA-T",
          ("oral",), "15 mg three times a day (45–90 mg/day)", 120.0,
          pk=_pk(136.2, 11.0, 400.0, 0.5, 1.0),
          pk_source="t½ ≈ 11 h [L] (reference §D.2); V 6 L/kg, F 0.5: " + _LABEL,
          effects=(Effect("MAO-A", 50.0, 1.0, rate_max=0.05, basis="assumed: 45 mg/day inhibits MAO-A and MAO-B by "
                          "≈ 88 % at steady state (therapeutic MAOI doses are titrated to near-complete inhibition)",
                          source="assumption"),
                   Effect("MAO-B", 50.0, 1.0, rate_max=0.05, basis="as MAO-A (non-selective)", source="assumption"),
                   Effect("GABA-T", 50.0, 1.0, rate_max=0.05, basis="assumed: PEH halves GABA-T activity at 45 mg/day "
                          "(phenelzine raises whole-brain GABA, McKenna et al. 1994; strength not given)",
                          source="reference §C.2, §D.2"))),
    Agent("tranylcypromine", "drug", "irreversible non-selective MAO inhibitor", ("oral",),
          "10 mg three times a day (20–60 mg/day)", 60.0,
          pk=_pk(133.2, 2.0, 200.0, 0.5, 1.5), pk_source="t½ ≈ 2 h [L] (reference §D.2); V 3 L/kg, F 0.5: " + _LABEL,
          effects=(Effect("MAO-A", 50.0, 1.0, rate_max=0.1, basis="assumed: 30 mg/day inhibits MAO-A and MAO-B by "
                          "≈ 83 % at steady state", source="assumption"),
                   Effect("MAO-B", 50.0, 1.0, rate_max=0.1, basis="as MAO-A (non-selective)", source="assumption"))),
    Agent("mifepristone", "drug", "glucocorticoid-receptor antagonist", ("oral",), "300–1200 mg/day", 2000.0,
          pk=_pk(429.6, 30.0, 373.0, 0.69, 0.7, apparent=True),
          pk_source="t½ 20–30 h at clinical doses (longer terminal phase, non-linear binding to α1-acid glycoprotein "
                    "not modelled), F 0.69, V/F ≈ 5 L/kg: " + _LABEL,
          effects=(Effect("GR (antagonist)", 21.5, basis="assumed: GR K_i ≈ 1 nM (free) at ≈ 2 % free in plasma, so "
                          "21.5 ng/mL total doubles cortisol's apparent K_d; blocks GR signalling competitively, "
                          "including the pituitary feedback (cortisol rises)", source="assumption"),)),
    Agent("infliximab", "biologic", "anti-TNF-α monoclonal antibody", ("iv",), "5 mg/kg i.v. at weeks 0, 2 and 6",
          1500.0, pk=_pk(144190.0, 9.0 * 24.0, 3.5, 1.0, 1.0),
          pk_source="t½ 8–9.5 days, central volume ≈ 3–4 L (linear one-compartment approximation): " + _LABEL,
          effects=(Effect("TNF-α", 1000.0, basis="assumed: half of TNF-α neutralised at 1 µg/mL (therapeutic troughs "
                          "are > 3 µg/mL); only TNF-α above basal signals in the model, so the antibody acts when "
                          "inflammation is raised (Raison et al. 2013: benefit only with high CRP)",
                          source="assumption; Raison et al. 2013 (reference §D.4)"),)),
    Agent("celecoxib", "drug", "selective COX-2 inhibitor (anti-inflammatory)", ("oral",), "200 mg twice daily",
          800.0, pk=_pk(381.4, 11.0, 400.0, 0.4, 1.0, apparent=True),
          pk_source="t½ ≈ 11 h, V/F ≈ 6 L/kg with F ≈ 0.4: " + _LABEL,
          effects=(Effect("COX-2", 114.0, basis="assumed: human whole-blood COX-2 IC50 ≈ 0.3 µM (114 ng/mL); in the "
                          "model COX-2 prostaglandins carry most of the cytokine drive of the HPA axis",
                          source="assumption"),)),
    Agent("5-htp", "supplement", "5-hydroxytryptophan with a peripheral decarboxylase inhibitor (carbidopa)",
          ("oral", "iv"), "100–300 mg with carbidopa", 1000.0,
          pk=_pk(220.2, 6.0, 63.6, 0.69, 0.8),
          pk_source="with carbidopa: F 0.69, terminal t½ ≈ 6 h and CL ≈ 0.105 L/h/kg (reference §B.5, Magnussen "
                    "1980; T-DRUG-18); one compartment with V = CL·t½/ln 2 (the central volume 0.34 L/kg is not "
                    "separated); ka 0.8/h gives Tmax ≈ 2.8 h",
          effects=(Effect("plasma 5-HTP", 1.0, basis="plasma concentration drives LAT1 entry into the serotonin "
                          "terminal", source="reference §B.5"),)),
    Agent("levodopa", "drug", "L-DOPA alone (no decarboxylase inhibitor)", ("oral",), "not used alone clinically",
          2000.0, pk=_pk(197.2, 0.75, 70.0, 0.4, 2.0),
          pk_source="t½ ≈ 45 min alone (reference §D.2, Nutt 1985); V 1 L/kg, F 0.4: " + _LABEL,
          effects=(Effect("plasma L-DOPA", 1.0, basis="plasma concentration drives LAT1 entry into the dopamine "
                          "terminal", source="reference §D.2"),)),
    Agent("levodopa-carbidopa", "drug", "L-DOPA with carbidopa (peripheral AADC inhibitor)", ("oral",),
          "100/25 mg three to four times a day", 2000.0, pk=_pk(197.2, 1.5, 70.0, 0.8, 2.0),
          pk_source="carbidopa doubles F and halves clearance (t½ ≈ 1.5 h) (reference §D.2, Nutt et al. 1985); dose "
                    "is the levodopa content",
          effects=(Effect("plasma L-DOPA", 1.0, basis="as levodopa", source="reference §D.2"),)),
    Agent("dexamethasone", "hormone", "synthetic glucocorticoid (GR agonist)", ("oral",),
          "1 mg at 23:00 (suppression test)", 40.0,
          direct=DirectInput({"oral": "hpa.dexamethasone_oral"}, 1.0, {"oral": 0.1},
                             "absorption, distribution and GR binding are the hpa module's")),
    Agent("hydrocortisone", "hormone", "cortisol", ("oral", "iv"), "20 mg orally", 500.0,
          direct=DirectInput({"oral": "hpa.hydrocortisone_oral", "iv": "hpa.hydrocortisone_iv"}, 1.0,
                             {"oral": 0.1, "iv": 1.0 / 60.0}, "kinetics are the hpa module's")),
    Agent("interferon-alpha", "biologic", "interferon α-2b (daily) — cytokine therapy", ("sc",),
          "3 MIU (≈ 11.5 µg) s.c. daily", 1.0,
          direct=DirectInput({"sc": "inflammation.interferon_dose_rate"}, 1000.0, {"sc": 1.0 / 60.0},
                             "dose in mg (0.0115 mg = 3 MIU); depot absorption and cytokine cascade are the "
                             "inflammation module's")),
    Agent("peginterferon-alpha", "biologic", "peginterferon α-2a (weekly)", ("sc",), "180 µg s.c. weekly", 1.0,
          direct=DirectInput({"sc": "inflammation.peginterferon_dose_rate"}, 1000.0, {"sc": 1.0 / 60.0},
                             "dose in mg (0.18 mg); kinetics are the inflammation module's")),
    Agent("tryptophan", "supplement", "L-tryptophan", ("oral",), "0.5–2 g", 10000.0,
          direct=DirectInput({"oral": "precursors.trp_intake"}, 1000.0 / MOLAR_MASS["trp"], {"oral": 5.0 / 60.0},
                             "µmol per mg (the precursors module's molar mass); gut absorption is that module's")),
    Agent("tyrosine", "supplement", "L-tyrosine", ("oral",), "0.5–2 g", 20000.0,
          direct=DirectInput({"oral": "precursors.tyr_intake"}, 1000.0 / MOLAR_MASS["tyr"], {"oral": 5.0 / 60.0},
                             "µmol per mg (the precursors module's molar mass); gut absorption is that module's")),
    Agent("l-methylfolate", "supplement", "L-5-methyltetrahydrofolate", ("oral",), "7.5–15 mg/day", 100.0,
          direct=DirectInput({"oral": "cofactors.methylfolate_supplement"}, 24.0 / 0.4, {"oral": 24.0},
                             "each mg/day adds 2.5 adequate daily folate intakes (400 µg DFE), spread over the day "
                             "(the store integrates over weeks); brain entry saturates (cofactors module)")),
    Agent("iron", "supplement", "oral iron (elemental iron content)", ("oral",), "65 mg elemental/day", 400.0,
          direct=DirectInput({"oral": "cofactors.iron_supplement"}, 24.0 / 18.0, {"oral": 24.0},
                             "each mg/day adds 1/18 of the adequate daily intake, spread over the day; hepcidin "
                             "gates absorption as stores fill (cofactors module)")),
    Agent("pyridoxine", "supplement", "vitamin B6 (pyridoxine)", ("oral",), "10–100 mg", 500.0,
          direct=DirectInput({"oral": "cofactors.pyridoxine_dose_rate"}, 1.0 / 100.0, {"oral": 1.0},
                             "assumed: the replete tissue B6 store ≈ 100 mg (body pool ≈ 1 mmol ≈ 170 mg, mostly "
                             "muscle), so each mg adds 1 % of it")),
)}

@dataclasses.dataclass(frozen=True)
class Lifestyle:
    """A non-drug intervention: it scales an existing condition's input from ``start`` (to ``stop``).

    The scenario gives the reduction as ``dose = "50 %"``; nothing happens without the condition."""

    name: str
    description: str
    condition: str  #: the condition it acts on
    input: str  #: that condition's model input
    typical: str
    source: str


LIFESTYLE: dict[str, Lifestyle] = {x.name: x for x in (
    Lifestyle("stress-reduction", "stress reduction (e.g. a stress-management programme): lowers the intensity of "
              "a chronic or acute stress condition", "stress", "hpa.stress", "\"50 %\" from the start of the "
              "programme", "modelled as a lower extra CRH drive; the size is the scenario author's assumption"),
    Lifestyle("anti-inflammatory-diet", "anti-inflammatory diet: lowers the level of chronic low-grade inflammation",
              "chronic_inflammation", "inflammation.chronic_inflammation", "\"30 %\" from the start of the diet",
              "modelled as a lower chronic inflammation level; the size is the scenario author's assumption"),
)}

#: Agents the intervention library will add, with what they need first.
NOT_YET: dict[str, str] = {
    "paroxetine": "non-linear (CYP2D6-saturable) PK: a linear model gives 80 % instead of 45 % single-dose occupancy",
}


def agent(name: str) -> Agent:
    key = name.strip().lower()
    if key not in AGENTS:
        hint = f"{name!r} is planned: {NOT_YET[key]}" if key in NOT_YET else "list them with `neurobalance agents list`"
        raise UnknownNameError("agent", name, AGENTS, hint=hint)
    return AGENTS[key]
