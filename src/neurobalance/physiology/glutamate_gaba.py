"""The neuron–astrocyte glutamate–glutamine–GABA cycle (modules ``glutamate`` and ``gaba``).

Compartments are the tissue volume fractions of published neuron–astrocyte models (Jolivet 2015
values as used in the Blue Brain metabolism model): neurons 0.45 — split here into glutamatergic
(0.36) and GABAergic (0.09) neurons, an assumption — astrocytes 0.25 and extracellular space 0.20.
States are concentrations in their compartment; the observables are tissue averages (µmol/g,
taking 1 g ≈ 1 mL), the convention of ¹³C-MRS.

Two tracks, as the reference recommends:

* **Metabolic cycling** (µmol/g/min scale): activity ``F`` drives vesicular release, lumped with
  its astrocytic uptake (EAAT2/EAAT1 for glutamate, GAT3 + astrocytic GABA-T for GABA) into one
  neuron → astrocyte flux; glutamine synthetase (GLUL) makes glutamine, SNAT carriers move it
  through the extracellular space to both neuron types, phosphate-activated glutaminase (GLS,
  product-inhibited) makes glutamate again, and GAD (GAD1/GAD2, PLP-dependent, ≥ 50 %
  apoenzyme; Martin & Rimvall 1993) makes GABA, part of which is catabolised by neuronal GABA-T
  (ABAT).  Pyruvate carboxylase adds carbon to astrocytic glutamate; glutamine efflux to blood
  balances it.
* **Ambient extracellular glutamate** (tens of nM, the level that sets tonic NMDA and mGluR
  activation): spill-over from vesicular release (action-potential-dependent and spontaneous,
  both N-type Ca²⁺-channel-dependent, inhibited by presynaptic mGluR2/3) plus non-vesicular
  release by the astrocytic cystine–glutamate exchanger (SLC7A11), cleared by EAATs and by
  EAAT-independent routes.  Its parameters are fitted to the five pharmacological components of
  Hascup et al. 2010 (awake rat PFC), so T-GABA-10 checks that fit.

Activity also sets the oxidative energy use (observables): neuronal glucose oxidation rises
one-for-one with glutamate cycling (Sibson et al. 1998) above an isoelectric floor; V_TCA is
twice the glucose oxidation rate.  The NMDA-receptor drive combines ambient glutamate,
quinolinic acid (agonist) and kynurenic acid (antagonist) from the kynurenine module.
"""

from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from ..model._core import Module
from ._genes import GENES
from ._shared import holo_factor

__all__ = ["glutamate_module", "gaba_module", "REFERENCE"]

#: µmol/g/min → µM/h (tissue-averaged, 1 g ≈ 1 mL).
_PER_MIN = 60_000.0
#: Volume fractions of tissue.
_V = {"neuron_glu": 0.36, "neuron_gaba": 0.09, "astrocyte": 0.25, "ecs": 0.20}
#: Reference fluxes (µmol/g/min): total cycling (Shen 1999), its GABA share (Patel 2005), anaplerosis (Mason 2007).
_VCYC, _GABA_SHARE, _PC_SHARE = 0.32, 0.23, 0.06
_V_GABA = _VCYC * _GABA_SHARE
_V_GLU = _VCYC - _V_GABA
_V_GS = _VCYC / (1 - _PC_SHARE)
_V_PC = _V_GS - _VCYC
#: Neuronal GABA-T recycles this fraction of GAD output inside GABAergic neurons (the GABA shunt; assumed).
_SHUNT = 1.0 / 3.0
_V_GAD = _V_GABA / (1 - _SHUNT)
#: Reference concentrations in their compartments (µM).
REFERENCE = {"glu_n": 22000.0, "glu_g": 11000.0, "glu_a": 2000.0, "gln_a": 8000.0, "gln_n": 4000.0,
             "gln_g": 4000.0, "gln_e": 400.0, "gaba": 11000.0, "glu_ambient": 0.05}
#: Half of the anaplerotic carbon leaves through neuronal glutamate oxidation (assumed split; the rest as glutamine
#: to blood and through astrocytic oxidation, below); the oxidation rate constant (1/h) is the same in both neuron types.
_GLU_N_TISSUE = REFERENCE["glu_n"] * _V["neuron_glu"]
_GLU_G_TISSUE = REFERENCE["glu_g"] * _V["neuron_gaba"]
_OX = 0.5 * _V_PC
_K_OX = _OX * _PER_MIN / (_GLU_N_TISSUE + _GLU_G_TISSUE)
_OX_N = _K_OX * _GLU_N_TISSUE / _PER_MIN
_OX_G = _K_OX * _GLU_G_TISSUE / _PER_MIN
#: Astrocytes oxidise part of the glutamate they take up (GDH/aminotransferases → TCA cycle; McKenna 2007): here
#: half of the anaplerotic carbon that does not leave through neurons (assumed split), the rest leaving as glutamine.
_OX_A = 0.5 * (_V_PC - _OX)


_PROV = {"assumed": "own", "fitted": "own", "derived": "D", "measured": "code"}


def _parameter_declarer(m: Module) -> Callable[..., sp.Symbol]:
    """``par(local, value, unit, desc, basis=, why=, source=, rng=)`` for module ``m``: provenance
    follows the basis, and the plausible range defaults to a decade either side."""

    def par(local: str, value: float, unit: str, desc: str, *, basis: str = "assumed", why: str = "",
            source: str | None = None, rng: tuple[float, float] | None = None) -> sp.Symbol:
        lo, hi = rng or (value / 10, value * 10)
        return m.parameter(local, round(value, 8), unit, desc, basis=basis, rationale=why,  # type: ignore[arg-type]
                           source=source, provenance=_PROV[basis],  # type: ignore[arg-type]
                           range=(lo, hi))

    return par


def glutamate_module(*, quinolinic_acid: object = 0.051, kynurenic_acid: object = 0.029,
                     gaba_to_astrocyte: object = None) -> Module:
    """Build the ``glutamate`` module: glutamatergic neurons, astrocytes, extracellular glutamine and
    ambient glutamate.  ``quinolinic_acid``/``kynurenic_acid`` are the defaults of the brain QUIN and
    KYNA inputs; ``gaba_to_astrocyte`` (µM/h, tissue-averaged) is the astrocytic GABA catabolism that
    returns nitrogen to astrocytic glutamate (the ``gaba`` module's flux when composed)."""
    m = Module("glutamate", "Glutamate–glutamine cycle: release, astrocytic uptake (EAAT2/EAAT1), glutamine "
               "synthetase, SNAT shuttle, glutaminase, anaplerosis; ambient glutamate with mGluR2/3 and xc⁻; "
               "oxidative energy use; NMDA drive with quinolinic and kynurenic acid.",
               references=["shen1999", "mason2007", "sibson1998", "patel2005", "hascup2010", "zhou2014",
                           "jolivet2015", "rothman1993", "nguyen2016", "mckenna2007"])
    comp = {k: m.compartment(k, desc, size=_V[k], source="jolivet2015", basis="measured",
                             rationale="") for k, desc in
            (("neuron_glu", "glutamatergic neurons"), ("astrocyte", "astrocytes"), ("ecs", "extracellular space"))}

    par = _parameter_declarer(m)

    def derived(local: str, value: float, unit: str, desc: str, why: str, source: str = "shen1999") -> sp.Symbol:
        return par(local, value, unit, desc, basis="derived", why=why, source=source)

    # ---- inputs ---------------------------------------------------------------------------
    act = m.input("activity", 1.0, "dimensionless", "cortical activity (1 = awake rest; 0 = isoelectric)")
    ca_block = m.input("n_type_calcium_block", 0.0, "dimensionless",
                       "fraction of N-type Ca²⁺ channels blocked (ω-conotoxin-like; stops vesicular release)")
    ago = m.input("mglur23_agonist", 0.0, "dimensionless", "mGluR2/3 occupancy by an exogenous agonist")
    ant = m.input("mglur23_antagonist", 0.0, "dimensionless", "fraction of mGluR2/3 blocked by an antagonist")
    eaat_block = m.input("eaat_block", 0.0, "dimensionless", "fraction of EAAT capacity blocked (TBOA-like)")
    quin = m.input("quinolinic_acid", quinolinic_acid, "uM", "brain quinolinic acid (NMDA agonist; kynurenine module)")
    kyna = m.input("kynurenic_acid", kynurenic_acid, "uM", "brain kynurenic acid (NMDA antagonist; kynurenine module)")
    ref_gaba_astro = _V_GABA * _PER_MIN
    g2a = m.input("gaba_to_astrocyte", ref_gaba_astro if gaba_to_astrocyte is None else gaba_to_astrocyte, "uM/h",
                  "astrocytic GABA catabolism returning nitrogen to astrocytic glutamate (tissue-averaged)")

    # ---- states ---------------------------------------------------------------------------
    r = REFERENCE
    glu_n = m.state("glu_neuron", r["glu_n"], "uM", "glutamate in glutamatergic neurons", compartment=comp["neuron_glu"])
    gln_n = m.state("gln_neuron", r["gln_n"], "uM", "glutamine in glutamatergic neurons", compartment=comp["neuron_glu"])
    glu_a = m.state("glu_astrocyte", r["glu_a"], "uM", "astrocytic glutamate", compartment=comp["astrocyte"])
    gln_a = m.state("gln_astrocyte", r["gln_a"], "uM", "astrocytic glutamine", compartment=comp["astrocyte"])
    gln_e = m.state("gln_extracellular", r["gln_e"], "uM", "extracellular glutamine", compartment=comp["ecs"])
    glu_e = m.state("glu_ambient", r["glu_ambient"], "uM", "ambient extracellular glutamate", compartment=comp["ecs"])

    # ---- release (lumped with astrocytic uptake) -------------------------------------------
    fa, fn, fe = _V["astrocyte"], _V["neuron_glu"], _V["ecs"]
    nu = derived("vmax_glutamate_release", _V_GLU * _PER_MIN / fn, "uM/h", "glutamate release at rest (per neuron "
                 "volume), taken up by astrocytes", "Glu–Gln cycling 0.32 µmol/g/min (Shen et al. 1999) minus the "
                 "GABA–Gln share (23 %, Patel et al. 2005)")
    c_glu_n = derived("c_neuron_glutamate_reference", r["glu_n"], "uM", "reference glutamatergic-neuron glutamate",
                      "tissue Glu ≈ 9.5 µmol/g (5.8–11.2 mM, human cortex MRS), ≈ 85 % neuronal", source="rothman1993")
    ves = act * (1 - ca_block) * glu_n / c_glu_n
    m.rule("release_relative", ves, "dimensionless", "glutamate release relative to rest")
    j_release = nu * ves
    m.flux("glutamate_cycle_release", j_release, consumes=[glu_n], produces=[glu_a], compartment=comp["neuron_glu"],
           desc="vesicular glutamate release and astrocytic EAAT uptake (cleft-averaged)")

    # ---- glutamine synthetase, pyruvate carboxylase, glutamine efflux ----------------------
    km_gs = par("km_gs_glutamate", 3000.0, "uM", "glutamine synthetase Km for glutamate", basis="measured",
                source="shichkova2025", why="", rng=(1000.0, 6000.0))
    vmax_gs = derived("vmax_glutamine_synthetase", (_V_GS - _OX_A) * _PER_MIN / fa * (3000.0 + r["glu_a"]) / r["glu_a"],
                      "uM/h", "glutamine synthetase capacity (per astrocyte volume)",
                      "steady state: GS = cycling + anaplerosis − astrocytic glutamate oxidation (Mason et al. 2007: "
                      "PC ≈ 6 % of Gln synthesis)", source="mason2007")
    # Glutamine-triggered GS degradation (quasi-steady GS protein): GS level ∝ 1/(1 + Gln_a/K), normalised to 1
    # at the reference.  Without it the cycle has no steady state once GS capacity exceeds the saturable SNAT3/5
    # export capacity (88 % saturated at the reference): astrocytic glutamine then grows without bound.
    k_deg = par("ki_gs_glutamine_degradation", r["gln_a"], "uM", "astrocytic glutamine at which glutamine-triggered "
                "GS degradation equals its basal degradation (GS protein ∝ 1/(1 + Gln/K))",
                why="glutamine triggers acetylation-dependent GS degradation (Nguyen et al. 2016, Mol Cell 61:809; "
                "cell lines): set at the reference astrocytic glutamine, so the brake's log-gain is −½ there (an "
                "assumption; the protein turnover, hours, is taken as quasi-steady)", source="nguyen2016",
                rng=(2000.0, 40000.0))
    c_gln_a = par("c_astrocyte_glutamine_reference", r["gln_a"], "uM", "reference astrocytic glutamine (the "
                  "module's reference state)", why="tissue Gln ≈ 4 µmol/g, mostly astrocytic (shared reference §A.1, "
                  "[L]); the same value as the astrocytic glutamine state's initial value")
    j_gs = m.gene(GENES["GLUL"]) * vmax_gs * glu_a / (km_gs + glu_a) * (k_deg + c_gln_a) / (k_deg + gln_a)
    m.flux("glutamine_synthetase", j_gs, consumes=[glu_a],
           produces=[gln_a], compartment=comp["astrocyte"], desc="GS: glutamate + NH4⁺ → glutamine "
           "(GS level braked by glutamine-triggered degradation)")
    v_pc = derived("vmax_pyruvate_carboxylase", _V_PC * _PER_MIN / fa, "uM/h", "anaplerotic glutamate synthesis "
                   "(per astrocyte volume)", "6 % of glutamine synthesis ≈ 0.02 µmol/g/min (Mason et al. 2007)",
                   source="mason2007")
    m.flux("anaplerosis", v_pc, produces=[glu_a], compartment=comp["astrocyte"],
           desc="pyruvate carboxylase: new glutamate carbon in astrocytes")
    k_efflux = derived("k_glutamine_efflux", (_V_PC - _OX - _OX_A) * _PER_MIN / fe / r["gln_e"], "1/h",
                       "glutamine efflux to blood", "with neuronal and astrocytic glutamate oxidation, balances "
                       "anaplerosis at the reference (a half leaves through neurons, a quarter each here and through "
                       "astrocytic oxidation; assumed split)", source="mason2007")
    k_ox = derived("k_neuronal_glutamate_oxidation", _K_OX, "1/h", "neuronal glutamate oxidation (aminotransferases, "
                   "glutamate dehydrogenase → TCA cycle)", "half of the anaplerotic carbon leaves the cycle this way "
                   "(assumed split); without an exit, neuronal glutamate would grow without bound when release stops",
                   source="mason2007")
    m.flux("glutamate_oxidation", k_ox * glu_n, consumes=[glu_n], compartment=comp["neuron_glu"],
           desc="oxidation of neuronal glutamate in the TCA cycle")
    k_ox_a = derived("k_astrocytic_glutamate_oxidation", _OX_A * _PER_MIN / fa / r["glu_a"], "1/h",
                     "astrocytic glutamate oxidation (GDH, aminotransferases → TCA cycle), first order",
                     "astrocytes oxidise a share of the glutamate they take up, a share that rises with glutamate "
                     "(McKenna 2007, cultured astrocytes and brain slices); a quarter of the anaplerotic carbon at "
                     "the reference (assumed split). First order (GDH far from saturation: an assumption), it is "
                     "the overflow that bounds astrocytic glutamate when uptake outruns glutamine synthesis and "
                     "the saturable SNAT3/5 export", source="mckenna2007")
    m.flux("astrocytic_glutamate_oxidation", k_ox_a * glu_a, consumes=[glu_a], compartment=comp["astrocyte"],
           desc="oxidation of astrocytic glutamate in the TCA cycle")
    m.flux("glutamine_efflux", k_efflux * gln_e, consumes=[gln_e], compartment=comp["ecs"],
           desc="glutamine efflux from brain to blood")
    m.flux("gaba_nitrogen_return", g2a / fa, produces=[glu_a], compartment=comp["astrocyte"],
           desc="astrocytic GABA-T: GABA nitrogen → astrocytic glutamate")

    # ---- SNAT shuttle (Blue Brain reversible form) ----------------------------------------
    km_snat = par("km_snat_glutamine", 1100.0, "uM", "SNAT Km for glutamine", basis="measured", source="shichkova2025",
                  rng=(300.0, 3000.0))
    t_out = derived("vmax_snat_astrocyte", (_V_GS - _OX_A) * _PER_MIN / fa * (1100.0 + r["gln_a"]) / (r["gln_a"] - r["gln_e"]),
                    "uM/h", "astrocytic SNAT3/5 glutamine export capacity", "steady state: export = glutamine synthesis")
    m.flux("glutamine_export", m.gene(GENES["SLC38A3"]) * t_out * (gln_a - gln_e) / (km_snat + gln_a),
           consumes=[gln_a], produces=[gln_e], compartment=comp["astrocyte"], desc="SNAT3/5: astrocyte → ECS")
    rho = par("c_snat_neuron_ratio", 20.0, "dimensionless", "neuron/ECS glutamine ratio at which SNAT1/2 uptake stops",
              why="SNAT1/2 are concentrative (Na⁺-coupled); neuronal Gln ≈ 10 × extracellular at the reference")
    t_in = derived("vmax_snat_neuron", (_V_GLU + _OX_N) * _PER_MIN / fn * (1100.0 + r["gln_n"]) / (r["gln_e"] - r["gln_n"] / 20.0),
                   "uM/h", "neuronal SNAT1/2 glutamine uptake capacity (glutamatergic)",
                   "steady state: uptake = glutamate cycling")
    m.flux("glutamine_uptake_neuron", m.gene(GENES["SLC38A1"]) * t_in * (gln_e - gln_n / rho) / (km_snat + gln_n),
           consumes=[gln_e], produces=[gln_n], compartment=comp["neuron_glu"], desc="SNAT1/2: ECS → neuron")

    # ---- glutaminase (product-inhibited) ----------------------------------------------------
    km_pag = par("km_glutaminase_glutamine", 2000.0, "uM", "glutaminase Km for glutamine", basis="measured",
                 source="shichkova2025", rng=(500.0, 6000.0))
    ki_pag = par("ki_glutaminase_glutamate", 20000.0, "uM", "glutamate inhibition constant of glutaminase",
                 why="brain PAG is inhibited by glutamate (Benjamin 1981); set near the neuronal glutamate level so "
                 "that neuronal Glu is defended (the lymphoid IC50 of 0.7 mM would shut the enzyme at 22 mM)",
                 rng=(700.0, 100000.0))
    vmax_pag = derived("vmax_glutaminase", (_V_GLU + _OX_N) * _PER_MIN / fn * (2000.0 * (1 + r["glu_n"] / 20000.0) + r["gln_n"])
                       / r["gln_n"], "uM/h", "glutaminase capacity (glutamatergic neurons)",
                       "steady state: glutaminase = glutamate cycling")
    m.flux("glutaminase", m.gene(GENES["GLS"]) * vmax_pag * gln_n / (km_pag * (1 + glu_n / ki_pag) + gln_n),
           consumes=[gln_n], produces=[glu_n], compartment=comp["neuron_glu"], desc="PAG: glutamine → glutamate")

    # ---- ambient glutamate --------------------------------------------------------------------
    c_amb = par("c_ambient_glutamate_reference", r["glu_ambient"], "uM", "reference ambient glutamate",
                basis="measured", source="hascup2010", why="", rng=(0.025, 0.09))
    k_clear = par("k_ambient_glutamate_clearance", 3600.0, "1/h", "total clearance rate of ambient glutamate",
                  why="ambient glutamate turns over within about a second (EAAT clearance; Danbolt 2001)",
                  rng=(360.0, 36000.0))
    f_eaat = par("f_eaat_share_of_clearance", 0.58, "dimensionless", "EAAT share of ambient-glutamate clearance",
                 basis="fitted", source="hascup2010", why="full EAAT block raises PFC glutamate by 120 % (with the "
                 "mGluR2/3 feedback); the rest is diffusion and EAAT-independent uptake", rng=(0.0, 1.0))
    f_glt = par("f_glt1_share_of_uptake", 0.95, "dimensionless", "GLT-1 (EAAT2) share of EAAT uptake capacity",
                basis="measured", source="zhou2014", why="", rng=(0.9, 1.0))
    cap = m.gene(GENES["SLC1A2"]) * f_glt + m.gene(GENES["SLC1A3"]) * (1 - f_glt)
    f_ves = par("f_vesicular_share_of_ambient", 0.5, "dimensionless", "vesicular share of ambient-glutamate supply",
                basis="fitted", source="hascup2010", why="ω-conotoxin (all vesicular release) lowers PFC glutamate by "
                "50 %; the rest is non-vesicular (cystine–glutamate exchange)", rng=(0.0, 1.0))
    f_ap = par("f_action_potential_share", 0.82, "dimensionless", "action-potential-dependent share of vesicular "
               "spill-over", basis="fitted", source="hascup2010", why="TTX lowers PFC glutamate by 40 % after the "
               "mGluR2/3 feedback", rng=(0.0, 1.0))
    i_m = par("f_mglur23_max_inhibition", 2.0 / 3.0, "dimensionless", "maximal presynaptic inhibition of vesicular "
              "release by mGluR2/3", basis="fitted", source="hascup2010", why="an agonist lowers PFC glutamate by 20 % "
              "and an antagonist raises it by 40 %: tonic occupancy 2/3, maximal inhibition 2/3", rng=(0.0, 1.0))
    k_m = par("k_mglur23_ambient", r["glu_ambient"] / 2, "uM", "ambient glutamate of half-maximal mGluR2/3 "
              "occupancy (effective, in ambient units)", basis="fitted", source="hascup2010",
              why="tonic occupancy 2/3 at the reference (perisynaptic glutamate scales with ambient)", rng=(0.001, 1.0))
    occ_endo = glu_e / (k_m + glu_e)
    occ = ago + (1 - ago) * (1 - ant) * occ_endo
    occ0 = r["glu_ambient"] / (r["glu_ambient"] / 2 + r["glu_ambient"])
    m.rule("mglur23_occupancy", occ, "dimensionless", "presynaptic mGluR2/3 occupancy")
    ves_amb = (f_ap * act + (1 - f_ap)) * (1 - ca_block) * (1 - i_m * occ) / (1 - i_m * occ0)
    supply0 = c_amb * k_clear
    m.flux("glutamate_spillover", f_ves * supply0 * ves_amb * glu_n / c_glu_n, consumes=[glu_n], produces=[glu_e],
           compartment=comp["ecs"], desc="vesicular glutamate spill-over to the ambient pool")
    m.flux("xc_exchange", m.gene(GENES["SLC7A11"]) * (1 - f_ves) * supply0, consumes=[glu_a], produces=[glu_e],
           compartment=comp["ecs"], desc="non-vesicular release by the cystine–glutamate exchanger (xc⁻)")
    m.flux("eaat_uptake", f_eaat * k_clear * cap * (1 - eaat_block) * glu_e, consumes=[glu_e], produces=[glu_a],
           compartment=comp["ecs"], desc="EAAT2/EAAT1 uptake of ambient glutamate")
    m.flux("ambient_other_clearance", (1 - f_eaat) * k_clear * glu_e, consumes=[glu_e], produces=[glu_n],
           compartment=comp["ecs"], desc="EAAT-independent clearance (diffusion, neuronal uptake)")

    # ---- NMDA drive ----------------------------------------------------------------------------
    ec_glu = par("kd_nmda_glutamate", 2.0, "uM", "NMDA-receptor EC50 for glutamate", basis="assumed",
                 why="GluN1/GluN2 receptors: EC50 ≈ 1–3 µM", rng=(0.3, 10.0))
    ec_quin = par("kd_nmda_quinolinate", 250.0, "uM", "NMDA-receptor EC50 for quinolinic acid",
                  why="quinolinate is a weak agonist, preferring GluN2B (EC50 ≈ 0.1–2 mM)", rng=(50.0, 2000.0))
    ki_kyna = par("ki_nmda_kynurenate", 10.0, "uM", "kynurenic acid inhibition constant at the NMDA glycine site",
                  why="IC50 ≈ 8–15 µM in the presence of glycine", rng=(1.0, 100.0))
    x = glu_e / ec_glu + quin / ec_quin
    x0 = r["glu_ambient"] / 2.0 + 0.051 / 250.0
    pore = m.input("nmda_channel_block", 0.0, "dimensionless", "fraction of NMDA channels blocked by an open-channel "
                   "blocker (ketamine-like; reference §D.1: g_NMDA,eff = g_NMDA·(1 − θ))")
    nmda = x / (1 + x) / (1 + kyna / ki_kyna) * (1 - pore)
    nmda0 = x0 / (1 + x0) / (1 + 0.029 / 10.0)
    m.rule("nmda_activation", nmda, "dimensionless", "tonic NMDA-receptor activation (ambient Glu + QUIN; KYNA "
           "block)")
    nref = par("c_nmda_activation_reference", nmda0, "dimensionless", "tonic NMDA activation at the reference",
               basis="derived", source="hascup2010", why="the rule above at the reference ambient Glu, QUIN and KYNA",
               rng=(nmda0 / 10, nmda0 * 10))
    m.rule("nmda_relative", nmda / nref, "dimensionless", "tonic NMDA-receptor activation relative to the reference")

    # ---- energy (tissue-averaged, canonical µM/h; shown in mM/min = µmol/g/min) -------------------
    cyc_glu = j_release * fn
    floor = par("c_neuronal_oxidation_floor", 0.02 * _PER_MIN, "uM/h", "isoelectric floor of neuronal glucose "
                "oxidation (0.02 µmol/g/min)", basis="fitted", source="shen1999", why="CMRglc(ox) 0.39 µmol/g/min at "
                "rest = astroglial 0.05 + neuronal 0.34, of which 0.32 follows cycling one-for-one (Sibson 1998)",
                rng=(0.0, 0.2 * _PER_MIN))
    cmr_a = par("c_astroglial_oxidation", 0.05 * _PER_MIN, "uM/h", "astroglial glucose oxidation (0.05 µmol/g/min)",
                why="glia ≥ 8 % of oxidative ATP (Hyder 2006); 13 % here", rng=(0.02 * _PER_MIN, 0.1 * _PER_MIN))
    s_glu = par("f_glutamatergic_oxidation_per_cycle", 1.066, "dimensionless", "glucose oxidised per glutamate "
                "cycled (glutamatergic neurons)", basis="fitted", source="patel2005", why="with the GABAergic value "
                "gives GABAergic neurons 18 % of neuronal oxidation (Patel 2005) and an overall slope of 1.0 "
                "(Sibson 1998)", rng=(0.5, 2.0))
    s_gaba = par("f_gabaergic_oxidation_per_cycle", 0.777, "dimensionless", "glucose oxidised per GABA cycled "
                 "(GABAergic neurons)", basis="fitted", source="patel2005", why="see the glutamatergic value",
                 rng=(0.3, 2.0))
    cmr_glu = floor * 0.8 + s_glu * cyc_glu
    cmr_gaba = floor * 0.2 + s_gaba * g2a
    m.rule("neuronal_glucose_oxidation", cmr_glu + cmr_gaba, "uM/h", "neuronal glucose oxidation (tissue-averaged)")
    vcyc = cyc_glu + g2a
    mm = "mM/min"
    m.observable("v_cycle", vcyc, "uM/h", mm, "total neurotransmitter (Glu + GABA)/Gln cycling (µmol/g/min)",
                 reference_range=(0.27, 0.37), range_source="shen1999", range_note="0.32 ± 0.05, human cortex at rest")
    m.observable("v_cycle_gaba_share", g2a / vcyc, "dimensionless", "dimensionless",
                 "GABA–glutamine share of total cycling")
    m.observable("cmr_glc_ox", cmr_glu + cmr_gaba + cmr_a, "uM/h", mm, "cortical glucose oxidation (µmol/g/min)",
                 reference_range=(0.35, 0.43), range_source="shen1999", range_note="0.39 ± 0.04")
    m.observable("cmr_glc_ox_neuronal", cmr_glu + cmr_gaba, "uM/h", mm, "neuronal glucose oxidation (µmol/g/min)")
    m.observable("gabaergic_share_of_neuronal_oxidation", cmr_gaba / (cmr_glu + cmr_gaba), "dimensionless",
                 "dimensionless", "GABAergic neurons' share of neuronal TCA flux")
    m.observable("v_tca", 2 * (cmr_glu + cmr_gaba + cmr_a), "uM/h", mm, "total TCA-cycle flux (µmol/g/min)",
                 reference_range=(0.70, 0.84), range_source="shen1999", range_note="0.77 ± 0.07")
    m.observable("v_anaplerosis", v_pc * fa, "uM/h", mm,
                 "pyruvate-carboxylase flux (µmol/g/min)")
    m.observable("v_glutamine_synthesis", j_gs * fa, "uM/h", mm,
                 "glutamine synthetase flux (µmol/g/min)")
    tissue_glu = glu_n * fn + glu_a * fa + sp.Symbol("gaba.glu_neuron", real=True) * _V["neuron_gaba"]
    tissue_gln = gln_n * fn + gln_a * fa + gln_e * fe + sp.Symbol("gaba.gln_neuron", real=True) * _V["neuron_gaba"]
    m.observable("tissue_glutamate", tissue_glu, "uM", "mM", "tissue glutamate (MRS)", reference_range=(5800.0, 11200.0),
                 range_source="rothman1993", range_note="human cortex 5.8–11.2 mM (3 T MRS, PMC6092256)")
    m.observable("tissue_glutamine", tissue_gln, "uM", "mM", "tissue glutamine (MRS)")
    m.observable("ambient_glutamate", glu_e, "uM", "nM", "ambient extracellular glutamate",
                 reference_range=(0.025, 0.09), range_source="hascup2010",
                 range_note="electrophysiological estimate 25–90 nM (dialysate 2–10 µM is a different measure)")
    m.observable("eaat_capacity", cap * (1 - eaat_block), "dimensionless", "dimensionless",
                 "glutamate uptake capacity relative to the reference (EAAT2 + EAAT1)")
    m.observable("nmda_drive", nmda / nref, "dimensionless", "dimensionless",
                 "tonic NMDA-receptor activation relative to the reference")
    return m.freeze()


def gaba_module(*, plp: object = 1.0, activity: object = 1.0) -> Module:
    """Build the ``gaba`` module: GABAergic neurons with glutaminase, GAD holo/apo cycling (PLP),
    neuronal and astrocytic GABA transaminase, and GABA release.  Extracellular glutamine and the
    astrocytic glutamate that GABA nitrogen returns to are the ``glutamate`` module's."""
    m = Module("gaba", "GABA synthesis and cycling: glutaminase, GAD65/67 with PLP holo/apo cycling, GABA "
               "transaminase (neuronal and astrocytic), GABA release.",
               references=["martin1993", "patel2005", "patel2001", "rothman1993"])
    c = m.compartment("neuron_gaba", "GABAergic neurons", size=_V["neuron_gaba"], source="jolivet2015",
                      basis="assumed", rationale="a fifth of the neuronal volume fraction 0.45 (Jolivet 2015)")
    r = REFERENCE
    fg = _V["neuron_gaba"]

    par = _parameter_declarer(m)

    b6 = m.input("plp", plp, "dimensionless", "vitamin B6 (PLP) status (1 = replete; the cofactors module supplies it)")
    act = m.input("activity", activity, "dimensionless", "activity of GABAergic neurons (1 = rest)")
    gabat_inhibition = m.input("gabat_inactivation_rate", 0.0, "1/h", "irreversible GABA-T inactivation rate by a drug "
                               "(vigabatrin, gabaculine, phenelzine's metabolite)")
    gln_e = sp.Symbol("glutamate.gln_extracellular", real=True)

    glu = m.state("glu_neuron", r["glu_g"], "uM", "glutamate in GABAergic neurons", compartment=c)
    gln = m.state("gln_neuron", r["gln_g"], "uM", "glutamine in GABAergic neurons", compartment=c)
    gaba = m.state("gaba", r["gaba"], "uM", "GABA in GABAergic neurons (cytosol + vesicles)", compartment=c)
    holo = m.state("gad_holo", 0.4, "dimensionless", "PLP-bound (holo) fraction of GAD", compartment=c)
    e_t = m.state("gabat_active", 1.0, "dimensionless", "active GABA-T relative to the reference", compartment=c)

    # glutamine uptake and glutaminase (GABAergic neurons)
    t_in = par("vmax_snat_neuron", (_V_GABA + _OX_G) * _PER_MIN / fg * (1100.0 + r["gln_g"]) / (r["gln_e"] - r["gln_g"] / 20.0),
               "uM/h", "SNAT1/2 glutamine uptake capacity (GABAergic neurons)", basis="derived", source="patel2005",
               why="steady state: uptake = GABA–glutamine cycling (23 % of 0.32 µmol/g/min)")
    km_snat = sp.Symbol("glutamate.km_snat_glutamine", real=True)
    rho = sp.Symbol("glutamate.c_snat_neuron_ratio", real=True)
    m.flux("glutamine_uptake", m.gene(GENES["SLC38A1"]) * t_in * (gln_e - gln / rho) / (km_snat + gln),
           consumes=[gln_e], produces=[gln], compartment=c, desc="SNAT1/2: ECS → GABAergic neuron")
    vmax_pag = par("vmax_glutaminase", (_V_GABA + _OX_G) * _PER_MIN / fg * (2000.0 * (1 + r["glu_g"] / 20000.0) + r["gln_g"]) / r["gln_g"],
                   "uM/h", "glutaminase capacity (GABAergic neurons)", basis="derived", source="patel2005",
                   why="steady state: glutaminase = GABA–glutamine cycling")
    km_pag = sp.Symbol("glutamate.km_glutaminase_glutamine", real=True)
    ki_pag = sp.Symbol("glutamate.ki_glutaminase_glutamate", real=True)
    m.flux("glutaminase", m.gene(GENES["GLS"]) * vmax_pag * gln / (km_pag * (1 + glu / ki_pag) + gln),
           consumes=[gln], produces=[glu], compartment=c, desc="PAG: glutamine → glutamate")

    m.flux("glutamate_oxidation", sp.Symbol("glutamate.k_neuronal_glutamate_oxidation", real=True) * glu,
           consumes=[glu], compartment=c, desc="oxidation of neuronal glutamate in the TCA cycle")

    # GAD with PLP holo/apo cycling (Martin 1987/1993)
    h0 = par("c_gad_holo_reference", 0.4, "dimensionless", "holo fraction of GAD at replete B6", basis="measured",
             source="martin1993", why="", rng=(0.3, 0.5))
    k_off = par("k_gad_apo_formation", 0.5, "1/h", "GAD holo → apo conversion (substrate-induced transamination, "
                "at the reference glutamate)", why="abortive transamination inactivates holo-GAD within hours "
                "(Martin 1987); sets how fast GAD follows PLP", rng=(0.05, 5.0))
    k_on = k_off * h0 / (1 - h0)  # PLP binding rate at replete status: gives the reference holo fraction
    c_glu_g = par("c_gabaergic_glutamate_reference", r["glu_g"], "uM", "reference glutamate in GABAergic neurons",
                  basis="derived", source="rothman1993", why="tissue Glu share of GABAergic neurons")
    k_abort = par("kd_gad_abortive_glutamate", 5 * r["glu_g"], "uM", "glutamate that doubles substrate-induced GAD "
                  "inactivation", why="apo-GAD formation rises with substrate (Martin 1993); weak enough (5 × the "
                  "neuronal level) that GABA synthesis still rises with glutamate (a stronger effect makes the "
                  "neuronal glutamate pool unstable)", rng=(1000.0, 200000.0))
    m.flux("gad_activation", k_on * b6 * (1 - holo), produces=[holo], compartment=c, desc="PLP binding to apo-GAD")
    m.flux("gad_inactivation", k_off * (1 + glu / k_abort) / (1 + c_glu_g / k_abort) * holo, consumes=[holo],
           compartment=c, desc="abortive transamination: holo-GAD → apo-GAD")
    km_gad = par("km_gad_glutamate", 4000.0, "uM", "GAD Km for glutamate", basis="measured", source="shichkova2025",
                 why="value of a GABA-neuron model quoted in the Blue Brain metabolism code (literature 0.5–1.5 mM "
                 "for the purified enzyme; reference caveat: treat as tunable)", rng=(500.0, 8000.0))
    k_fb = par("ki_gad_gaba", 15000.0, "uM", "GABA end-product inhibition of GAD (per GABAergic-neuron volume)",
               why="tissue GABA ≈ 1–2 mM (reference design assumption) ⇒ ≈ 15 mM in GABAergic neurons",
               rng=(2000.0, 100000.0))
    vmax_gad = par("vmax_gad", _V_GAD * _PER_MIN / fg / 0.4 * (4000.0 + r["glu_g"]) / r["glu_g"] * (1 + r["gaba"] / 15000.0),
                   "uM/h", "GAD capacity (holoenzyme, per GABAergic-neuron volume)", basis="derived",
                   source="patel2005", why="steady state: GAD = GABA–Gln cycling / (1 − neuronal shunt share)")
    f67 = par("f_gad67_share", 0.5, "dimensionless", "GAD67 (GAD1) share of GAD capacity (the rest GAD65, GAD2)",
              why="GAD67 is the constitutive isoform, GAD65 the terminal, mostly-apo one; equal shares assumed",
              rng=(0.0, 1.0))
    g_gad = f67 * m.gene(GENES["GAD1"]) + (1 - f67) * m.gene(GENES["GAD2"])
    m.flux("gad", g_gad * vmax_gad * holo * glu / (km_gad + glu) / (1 + gaba / k_fb),
           consumes=[glu], produces=[gaba], compartment=c, desc="GAD65/67: glutamate → GABA")

    # GABA-T: neuronal shunt and astrocytic (after release)
    k_res = par("k_gabat_resynthesis", 0.0231, "1/h", "GABA-T resynthesis after irreversible inactivation "
                "(half-life 30 h)", why="brain GABA-T recovers over days after vigabatrin (the reference gives no "
                "value); rodent", rng=(0.005, 0.2))
    m.flux("gabat_resynthesis", k_res * (1 - e_t), produces=[e_t], compartment=c, desc="GABA-T resynthesis")
    m.flux("gabat_inactivation", gabat_inhibition * e_t, consumes=[e_t], compartment=c,
           desc="irreversible GABA-T inactivation by a drug")
    kd_t = par("kd_gabat_plp", 0.02, "dimensionless", "PLP status of half-maximal GABA-T holoenzyme",
               why="GABA-T keeps its PLP in B6 deficiency (activity unchanged; developmental J Neurochem study)",
               rng=(0.001, 0.5))
    f_t = holo_factor(b6, kd_t)
    km_t = par("km_gabat_gaba", 1920.0, "uM", "GABA-T Km for GABA (purified rabbit-brain enzyme, 1.92 ± 0.24 mM)",
               why="kinetic study of muscimol with 4-aminobutyrate aminotransferase (reference §A.5)",
               rng=(1000.0, 4000.0))
    v_shunt = par("vmax_gabat_neuronal", _V_GAD * _SHUNT * _PER_MIN / fg * (1920.0 + r["gaba"]) / r["gaba"], "uM/h",
                  "neuronal GABA-T capacity", basis="derived", source="patel2005",
                  why="a third of GAD output is catabolised in the neuron (GABA shunt; assumed share)")
    m.flux("gabat_neuronal", m.gene(GENES["ABAT"]) * f_t * e_t * v_shunt * gaba / (km_t + gaba), consumes=[gaba],
           produces=[glu], compartment=c, desc="neuronal GABA-T (GABA shunt; nitrogen back to glutamate)")
    nu = par("vmax_gaba_release", _V_GABA * _PER_MIN / fg, "uM/h", "GABA release to astrocytes at rest (per neuron "
             "volume)", basis="derived", source="patel2005", why="GABA–glutamine cycling 23 % of 0.32 µmol/g/min")
    c_gaba = par("c_gaba_reference", r["gaba"], "uM", "reference GABA in GABAergic neurons", basis="derived",
                 source="rothman1993", why="tissue GABA ≈ 1.0 µmol/g (1.1 ± 0.1 occipital)")
    rel = nu * act * gaba / c_gaba * f_t * e_t
    m.flux("gaba_release_to_astrocytes", rel, consumes=[gaba], compartment=c,
           desc="GABA release, GAT3 uptake and astrocytic GABA-T (nitrogen to astrocytic glutamate)")
    m.rule("gaba_to_astrocyte", rel * fg, "uM/h", "astrocytic GABA catabolism (tissue-averaged)")
    m.rule("release_relative", act * gaba / c_gaba, "dimensionless", "GABA release relative to rest")

    m.observable("tissue_gaba", gaba * fg, "uM", "mM", "tissue GABA (MRS)", reference_range=(620.0, 1150.0),
                 range_source="rothman1993", range_note="human cortex 0.62–1.15 mM; occipital 1.1 ± 0.1")
    m.observable("gad_holo_fraction", holo, "dimensionless", "dimensionless", "holo (PLP-bound) fraction of GAD",
                 reference_range=(0.3, 0.5), range_source="martin1993",
                 range_note="rat brain: ≥ 50 % of GAD is apoenzyme, mostly GAD65 (Martin & Rimvall 1993)")
    m.observable("gad_holo_activity", holo * g_gad, "dimensionless", "dimensionless",
                 "holo-GAD activity relative to total GAD")
    m.observable("gad_apo_fraction", 1 - holo, "dimensionless", "dimensionless", "apo-GAD fraction")
    m.observable("gabat_activity", f_t * e_t, "dimensionless", "dimensionless", "GABA-T activity relative to reference")
    return m.freeze()
