"""Adaptive receptor sensitivity (module ``receptors``): density and coupling that follow sustained activation.

Every population X reads an activation ``A`` (fractional occupancy by its endogenous ligand, with
drug inputs where a check needs them) and carries up to three adaptive states, following the
templates of the reference (§C.1):

* ``Ā`` — activation averaged over days (``dĀ/dt = (A − Ā)/τ_avg``), the signal homeostasis reads;
* ``ε`` — coupling efficiency (Template R2): ``dε/dt = (ε∞(Ā) − ε)/τ_ε``,
  ``ε∞ = (1 + θ)/(1 + θ·(Ā/A₀)^h)`` (1 at the reference, lower under sustained over-activation) —
  used where adaptation is uncoupling without a density change (5-HT1A autoreceptor, GABA-A);
* ``R`` — surface density (Template R1 in relaxation form): ``dR/dt = k_d·(S − R)`` with
  ``S = ((1 + c)/(Ā/A₀ + c))^g · f_iron · M`` — homeostatic (sustained over-activation lowers density), scaled
  by iron for the dopamine receptors (iron deficiency lowers D1/D2 density, not their mRNA) and
  by the receptor's mRNA ``M`` where transcription is modelled (GR, MR, postsynaptic 5-HT1A).

Signalling tone (the balance index's input) is ``tone = (A/A₀)·ε·R`` (1 at the reference).  Autoreceptor
sensitivities feed back into the terminals (``serotonin.autoreceptor_sensitivity``,
``dopamine.autoreceptor_sensitivity``), so chronic reuptake block desensitises them.

Rates are rodent-derived unless stated (reference caveat 2: human adaptation may be slower);
apparent affinities are set so that tonic occupancy is ½ at the reference (the steep part of
the curve), because the terminal models give voltammetric, not synaptic, concentrations.
"""

from __future__ import annotations

import dataclasses
import math

import sympy as sp

from ..model._core import Module
from ._genes import GENES
from ._shared import holo_factor

__all__ = ["receptors_module", "POPULATIONS"]


@dataclasses.dataclass(frozen=True)
class _Pop:
    name: str
    gene: str
    desc: str
    #: ligand kind: "5ht", "5ht_low", "da", "da_low", "gaba", "glu", "nmda", "gr", "mr"
    ligand: str
    coupling: tuple[float, float] | None = None  # (θ, τ_ε in days)
    density: tuple[float, float] | None = None  # (homeostatic gain g, turnover half-life in days)
    iron_kd: float | None = None
    why: str = ""


POPULATIONS: tuple[_Pop, ...] = (
    _Pop("ht1a_auto", "HTR1A", "5-HT1A somatodendritic autoreceptor (raphe)", "5ht", coupling=(4.0, 7.0),
         why="SSRIs desensitise it by G-protein uncoupling over 2–3 weeks with unchanged Bmax (Le Poul 1995; "
             "Rutter 1994; rat)"),
    _Pop("ht1a_post", "HTR1A", "postsynaptic 5-HT1A (hippocampus)", "5ht", density=(0.0, 4.0),
         why="no desensitisation: chronic antidepressants raise its tonic activation (Haddjeri 1998, rat); "
             "expression regulated by corticosteroids through MR"),
    _Pop("ht2a", "HTR2A", "5-HT2A (cortex)", "5ht_low", density=(1.0, 3.0),
         why="agonist-driven down-regulation; half-life between the D1 and α2 recovery values (rat)"),
    _Pop("d2_auto", "DRD2", "D2 autoreceptor (terminal)", "da", coupling=(0.5, 7.0),
         why="partial autoreceptor desensitisation under sustained dopamine (assumed; rat data on D2 "
             "high-affinity state)"),
    _Pop("d2_post", "DRD2", "postsynaptic D2 (striatum)", "da", density=(0.5, 2.8), iron_kd=0.225,
         why="turnover slower than D1 (Leff 1984; rat: t½ ≈ 2–3.5 d); iron deficiency lowers density (to 70 % "
             "at 30 % iron; Beard/Erikson neonatal study, fitted)"),
    _Pop("d2_accumbens", "DRD2", "postsynaptic D2 (nucleus accumbens)", "da", density=(0.5, 2.8), iron_kd=0.225,
         why="as the striatal D2; iron deficiency lowers NAc D2 (Erikson et al. 2001)"),
    _Pop("d1", "DRD1", "D1 (caudate-putamen)", "da_low", density=(0.5, 1.4), iron_kd=0.12,
         why="recovery half-life 1.4 d after EEDQ (Pharmacol Rev table, rat striatum); iron deficiency lowers "
             "density (to 80 % at 30 % iron, fitted)"),
    _Pop("d1_accumbens", "DRD1", "D1 (nucleus accumbens)", "da_low", density=(0.5, 0.9), iron_kd=0.12,
         why="recovery half-life 0.9 d after EEDQ (Pharmacol Rev table, rat NAc)"),
    _Pop("gabaa", "GABRA1", "GABA-A (benzodiazepine-sensitive)", "gaba", coupling=(1.0, 3.0),
         why="fast tolerance by uncoupling (Vinkers & Olivier 2012); time constant assumed"),
    _Pop("nmda", "GRIN1", "NMDA", "nmda", density=(0.5, 2.0),
         why="homeostatic scaling of synaptic NMDA receptors over days (assumed)"),
    _Pop("ampa", "GRIA1", "AMPA", "glu", density=(0.5, 2.0),
         why="homeostatic synaptic scaling over days (assumed)"),
    _Pop("gr", "NR3C1", "glucocorticoid receptor (hippocampus)", "gr", density=(0.0, 0.5),
         why="GR protein half-life ≈ 12 h (Jusko model, kd_R 0.0572/h); expression follows its mRNA"),
    _Pop("mr", "NR3C2", "mineralocorticoid receptor (hippocampus)", "mr", density=(0.0, 0.5),
         why="MR protein turnover assumed like GR; expression follows its mRNA"),
)


#: Reference values of the ligand inputs: the whole-body reference steady state (daily-mean HPA drive).
_REF = {"eht": 0.058953, "eda": 0.0019969, "gr": 0.18234, "mr": 0.84791}


def receptors_module(*, serotonin: object = _REF["eht"], dopamine: object = _REF["eda"], gaba_release: object = 1.0,
                     glutamate_release: object = 1.0, nmda_activation: object = 1.0,
                     gr_occupancy: object = _REF["gr"], mr_occupancy: object = _REF["mr"], central_crh: object = 0.0,
                     iron: object = 1.0) -> Module:
    """Build the ``receptors`` module.  Arguments are the defaults of its ligand inputs (constants alone;
    the terminals', GABA, glutamate, HPA and cofactor modules' expressions when composed)."""
    m = Module("receptors", "Adaptive receptor density and coupling for 5-HT1A (auto, post), 5-HT2A, D2 (auto, post), "
               "D1, GABA-A, NMDA, AMPA, GR and MR; signalling tone = occupancy × coupling × density.",
               references=["lepoul1995", "haddjeri1998", "erikson2001", "gesing2001", "seeman_acnp"])
    c = m.compartment("brain", "brain (relative receptor states)", size=1.0,
                      rationale="states are relative to the reference; no amount crosses to other modules")

    def par(local: str, value: float, unit: str, desc: str, why: str, rng: tuple[float, float] | None = None,
            basis: str = "assumed", source: str | None = None) -> sp.Symbol:
        default = (value / 10, value * 10) if value > 0 else (0.0, 1.0)
        return m.parameter(local, round(value, 8), unit, desc, basis=basis, rationale=why,  # type: ignore[arg-type]
                           provenance="own", range=rng or default, source=source)

    ht = m.input("serotonin", serotonin, "uM", "extracellular 5-HT (serotonin module)")
    da = m.input("dopamine", dopamine, "uM", "extracellular dopamine (dopamine module)")
    g_rel = m.input("gaba_release", gaba_release, "dimensionless", "GABA release relative to rest (gaba module)")
    glu_rel = m.input("glutamate_release", glutamate_release, "dimensionless",
                      "glutamate release relative to rest (glutamate module)")
    nmda_in = m.input("nmda_activation", nmda_activation, "dimensionless",
                      "tonic NMDA activation relative to the reference (glutamate module)")
    gr_in = m.input("gr_occupancy", gr_occupancy, "dimensionless", "GR occupancy by cortisol (hpa module)")
    mr_in = m.input("mr_occupancy", mr_occupancy, "dimensionless", "MR occupancy by cortisol (hpa module)")
    crh_in = m.input("central_crh", central_crh, "dimensionless", "extrahypothalamic CRH drive of psychological "
                     "stress (0 at rest; the hpa module's stress input), which induces hippocampal MR")
    fe = m.input("iron", iron, "dimensionless", "brain iron status (cofactors module)")
    ht1a_block = m.input("ht1a_antagonist", 0.0, "dimensionless", "fraction of 5-HT1A receptors blocked by a silent "
                         "antagonist (WAY-100635-like)")
    d2_drug = m.input("d2_antagonist", 0.0, "dimensionless", "D2 antagonist concentration in units of its Kd")
    bz = m.input("benzodiazepine_occupancy", 0.0, "dimensionless", "benzodiazepine-site occupancy of GABA-A")

    k_ht = par("kd_5ht_apparent", _REF["eht"], "uM", "apparent 5-HT affinity of the 5-HT1A populations (model "
               "scale)", "tonic occupancy ½ at the reference extracellular 5-HT (voltammetric scale, ≈ 59 nM)",
               (0.006, 0.6))
    k_2a = par("kd_5ht2a_apparent", 2 * _REF["eht"], "uM", "apparent 5-HT affinity of 5-HT2A (model scale)",
               "5-HT2A binds 5-HT about half as well as 5-HT1A: tonic occupancy ⅓", (0.012, 1.2))
    k_da = par("kd_da_d2", _REF["eda"], "uM", "apparent dopamine affinity of D2 (model scale)",
               "tonic D2 occupancy ½ by endogenous dopamine, so a competitive drug needs ≈ 6 × Kd for 75 % "
               "occupancy (Seeman, ACNP ch. 27)", (0.0002, 0.02), basis="fitted", source="seeman_acnp")
    k_d1 = par("kd_da_d1", 0.1, "uM", "apparent dopamine affinity of D1 (model scale)",
               "D1 is a low-affinity dopamine receptor (µM range): tonic occupancy ≈ 2 %", (0.01, 2.0))
    a_bz = par("f_benzodiazepine_max_gain", 2.5, "dimensionless", "maximal GABA-A potentiation by a benzodiazepine",
               "α ≈ 2–3 maximal potentiation (reference §D.1)", (1.0, 5.0))
    floor = par("c_homeostasis_floor", 0.1, "dimensionless", "activation (relative) below which density "
                "up-regulation saturates: set point ((1 + c)/(Ā/A₀ + c))^g", "bounds up-regulation under complete "
                "blockade (≈ 3.3-fold for g = 0.5), as receptor synthesis capacity is finite", (0.01, 1.0))
    tau_avg = par("tau_activation_average", 24.0, "h", "averaging time of receptor activation (the signal "
                  "homeostasis reads)", "receptor homeostasis integrates activation over about a day", (2.0, 240.0))

    def occ(c_: sp.Expr, k: sp.Expr) -> sp.Expr:
        return c_ / (c_ + k)

    d2_endo = (da / k_da) / (1 + da / k_da + d2_drug)
    # what the dopamine terminal's autoreceptor brake reads: a competitive antagonist raises dopamine's
    # apparent Kd by (1 + C/Ki), so the terminal needs more dopamine for the same brake on TH
    m.rule("d2_auto_potency", 1 / (1 + d2_drug), "dimensionless",
           "dopamine's potency at D2 relative to no antagonist (competitive: 1/(1 + C/Ki); 1 at reference)")
    m.observable("d2_drug_occupancy", d2_drug / (1 + da / k_da + d2_drug), "dimensionless", "dimensionless",
                 "D2 occupancy by the antagonist (competing with endogenous dopamine)")
    acts: dict[str, tuple[sp.Expr, float]] = {
        "5ht": (occ(ht, k_ht) * (1 - ht1a_block), 0.5),
        "5ht_low": (occ(ht, k_2a), 1.0 / 3.0),
        "da": (d2_endo, 0.5),
        "da_low": (occ(da, k_d1), _REF["eda"] / (_REF["eda"] + 0.1)),
        "gaba": (occ(g_rel, 1) * (1 + (a_bz - 1) * bz), 0.5),
        "glu": (occ(glu_rel, 1), 0.5),
        "nmda": (nmda_in / (1 + nmda_in), 0.5),
        "gr": (gr_in, _REF["gr"]),
        "mr": (mr_in, _REF["mr"]),
    }
    # GR and MR references: daily-mean occupancies of the reference HPA state
    gr_ref = par("c_gr_occupancy_reference", _REF["gr"], "dimensionless", "reference GR occupancy",
                 "GR occupancy of the reference state (daily-mean HPA drive)", (0.01, 0.9))
    mr_ref = par("c_mr_occupancy_reference", _REF["mr"], "dimensionless", "reference MR occupancy",
                 "MR occupancy of the reference state: mostly occupied at basal cortisol (high affinity)", (0.3, 1.0))

    # ---- mRNA of GR, MR and postsynaptic 5-HT1A ---------------------------------------------
    k_m = par("k_receptor_mrna_turnover", math.log(2) / 12.0, "1/h", "receptor mRNA turnover (half-life 12 h)",
              "corticosteroid-regulated receptor mRNAs change within a day of a hormone change", (0.005, 1.0))
    gr_bar = m.state("gr_occupancy_memory", _REF["gr"], "dimensionless", "GR occupancy averaged over days",
                     compartment=c)
    tau_gr = par("tau_gr_memory", 96.0, "h", "averaging time of GR occupancy for GR auto-down-regulation",
                 "GR mRNA stays low 2 and 8 days after 8–14 days of daily stress (Neuroendocrinology 69:331, rat): "
                 "the down-regulation reads occupancy integrated over days", (12.0, 480.0))
    m.flux("gr_occupancy_memory_update", (gr_in - gr_bar) / tau_gr, produces=[gr_bar], compartment=c,
           desc="slow average of GR occupancy")
    g_gr = par("f_gr_autoregulation_gain", 1.0, "dimensionless", "GR mRNA repression by sustained GR occupancy "
               "(power of Ā/Ā₀)", "homologous down-regulation of GR by glucocorticoids (Jusko template R4: nuclear "
               "complex inhibits GR mRNA synthesis)", (0.0, 5.0))
    g_crh = par("f_mr_crh_induction", 4.0, "dimensionless", "MR mRNA induction per unit of averaged central CRH "
                "drive",
                "acute stress raises hippocampal MR, peaking at ≈ 24 h, CRH-dependently (Gesing et al. 2001, rat)",
                (0.0, 5.0))
    g_mr_gr = par("f_mr_gr_repression", 1.0, "dimensionless", "MR mRNA repression by sustained GR occupancy "
                  "(power of Ā/Ā₀)", "severe prolonged stress lowers hippocampal MR and GR, MR more (SPS model, "
                  "Acta Histochem Cytochem 2008, rat)", (0.0, 5.0))
    g_1a_mr = par("f_5ht1a_mr_repression", 1.0, "dimensionless", "postsynaptic 5-HT1A mRNA repression by MR "
                  "occupancy above its reference (power)", "corticosteroids suppress hippocampal 5-HT1A mRNA through "
                  "MR (GR-deficient mice have normal 5-HT1A; Meijer et al.)", (0.0, 5.0))
    crh_fast = m.state("crh_average", 0.0, "dimensionless", "central CRH drive averaged over ≈ 12 h", compartment=c)
    tau_crh = par("tau_crh_average", 12.0, "h", "averaging time of CRH for MR induction",
                  "MR rises over the day after an acute stressor and peaks at ≈ 24 h (Gesing et al. 2001, rat)",
                  (2.0, 48.0))
    m.flux("crh_averaging", (crh_in - crh_fast) / tau_crh, produces=[crh_fast], compartment=c,
           desc="half-day average of CRH")
    targets = {
        "gr": (gr_bar / gr_ref) ** (-g_gr),
        "mr": (1 + g_crh * crh_fast) * (gr_bar / gr_ref) ** (-g_mr_gr),
        "ht1a_post": (mr_in / mr_ref) ** (-g_1a_mr),
    }
    mrna: dict[str, sp.Symbol] = {}
    for key, tgt in targets.items():
        mrna[key] = m.state(f"{key}_mrna", 1.0, "dimensionless", f"{key.upper()} mRNA (relative)", compartment=c)
        m.flux(f"{key}_mrna_synthesis", k_m * tgt, produces=[mrna[key]], compartment=c,
               desc=f"{key} mRNA transcription")
        m.flux(f"{key}_mrna_decay", k_m * mrna[key], consumes=[mrna[key]], compartment=c, desc=f"{key} mRNA decay")

    for p in POPULATIONS:
        a, a0 = acts[p.ligand]
        gene = m.gene(GENES[p.gene])
        a_sym = m.rule(f"{p.name}_fractional_activation", a, "dimensionless", f"{p.desc}: fractional activation")
        a_bar = m.state(f"{p.name}_activation_average", a0, "dimensionless", f"{p.desc}: activation averaged over "
                        "days", compartment=c)
        m.flux(f"{p.name}_activation_averaging", (a_sym - a_bar) / tau_avg, produces=[a_bar], compartment=c,
               desc=f"{p.desc}: slow average of activation")
        x = a_bar / a0
        eps: sp.Expr = sp.Integer(1)
        if p.coupling is not None:
            theta, tau_days = p.coupling
            th = par(f"f_{p.name}_desensitisation", theta, "dimensionless", f"{p.desc}: desensitisation strength θ "
                     "(coupling ε∞ = (1 + θ)/(1 + θ·(Ā/A₀)²))", p.why, (0.0, 10.0))
            tau = par(f"tau_{p.name}_coupling", tau_days * 24.0, "h", f"{p.desc}: coupling time constant", p.why,
                      (tau_days * 24.0 / 5, tau_days * 24.0 * 5))
            eps = m.state(f"{p.name}_coupling", 1.0, "dimensionless", f"{p.desc}: coupling efficiency ε",
                          compartment=c)
            m.flux(f"{p.name}_coupling_adaptation", ((1 + th) / (1 + th * x**2) - eps) / tau, produces=[eps],
                   compartment=c, desc=f"{p.desc}: coupling relaxing to its activation-set level")
            if p.name == "ht1a_auto":
                # what the raphe loop of the serotonin module reads: a silent antagonist takes the blocked
                # fraction of autoreceptors out of the firing feedback as well as out of the adaptation signal
                m.rule("ht1a_auto_available", eps * (1 - ht1a_block), "dimensionless",
                       "5-HT1A autoreceptor coupling × the fraction not blocked by an antagonist (1 at reference)")
        dens: sp.Expr = gene
        if p.density is not None:
            gain, t_half = p.density
            gg = par(f"f_{p.name}_homeostatic_gain", gain, "dimensionless", f"{p.desc}: density set point "
                     "(Ā/A₀)^(−g)", p.why, (0.0, 5.0))
            kd = par(f"k_{p.name}_turnover", math.log(2) / (t_half * 24.0), "1/h", f"{p.desc}: density turnover "
                     f"(half-life {t_half:g} d)", p.why + ("; the EEDQ table's journal details were not captured, "
                     "so the value is carried as an assumption" if p.name.startswith("d1") else ""))
            s_target = gene * ((1 + floor) / (x + floor)) ** gg
            if p.iron_kd is not None:
                kfe = par(f"kd_{p.name}_iron", p.iron_kd, "dimensionless", f"{p.desc}: iron status of half-maximal "
                          "density support", p.why, (0.01, 2.0), basis="fitted", source="erikson2001")
                s_target = s_target * holo_factor(fe, kfe)
            if p.name in mrna or p.name == "ht1a_post":
                s_target = s_target * mrna["ht1a_post" if p.name == "ht1a_post" else p.name]
            r = m.state(f"{p.name}_density", 1.0, "dimensionless", f"{p.desc}: surface density (relative Bmax)",
                        compartment=c)
            m.flux(f"{p.name}_density_synthesis", kd * s_target, produces=[r], compartment=c,
                   desc=f"{p.desc}: synthesis and insertion")
            m.flux(f"{p.name}_density_loss", kd * r, consumes=[r], compartment=c,
                   desc=f"{p.desc}: internalisation and degradation")
            dens = r
        tone = (a_sym / a0) * eps * dens
        m.observable(f"{p.name}_tone", tone, "dimensionless", "dimensionless",
                     f"{p.desc}: signalling tone (occupancy × coupling × density, 1 at reference)")
        m.observable(f"{p.name}_sensitivity", eps * dens, "dimensionless", "dimensionless",
                     f"{p.desc}: sensitivity (coupling × density, 1 at reference)")
        m.observable(f"{p.name}_bmax", dens, "dimensionless", "dimensionless",
                     f"{p.desc}: relative Bmax" + ("" if p.density is not None else " (fixed: adapts by coupling)"))
    for key in mrna:
        m.observable(f"{key}_mrna_level", mrna[key], "dimensionless", "dimensionless", f"{key} mRNA (relative)")
    fe_dat = par("kd_dat_iron", 0.75, "dimensionless", "iron status of half-maximal DAT density support",
                 "NAc DAT falls to ≈ 50 % at 30 % iron (Beard/Erikson neonatal study), fitted", (0.05, 5.0),
                 basis="fitted", source="erikson2001")
    m.rule("dat_density", holo_factor(fe, fe_dat), "dimensionless", "DAT density relative to the reference (iron)")
    m.observable("dat_bmax", holo_factor(fe, fe_dat), "dimensionless", "dimensionless", "relative DAT density")
    return m.freeze()
