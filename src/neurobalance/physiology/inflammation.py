"""Inflammation: endotoxin, interferon-α and chronic low-grade inflammation → cytokines → IDO1, HPA, BH4.

A Malek-type (2015) cascade, written with first-order kinetics in measured units:

* endotoxin (LPS, i.v., ng/kg) → monocyte activation → TNF-α → IL-6 (pg/mL);
* pegylated and standard interferon-α (s.c. depots → plasma, ng/mL) → IL-6 and IFN signalling;
* chronic low-grade inflammation: an input level that raises basal TNF-α and IL-6 production;
* free cortisol suppresses cytokine production (Hill form), the anti-inflammatory arm;
* outputs for other modules: the CRH/ACTH drive (``cytokine_drive``), IDO1 induction in the
  periphery and the brain (through an expression state: a lag of hours), microglial KMO
  induction, BH4 oxidation (``oxidative_stress``), and the endotoxin impairment of nuclear
  glucocorticoid-receptor binding (``gr_nuclear_factor``; Vaptzarova et al. 1989);
* C-reactive protein follows IL-6 with its 19-h half-life.

Cytokine gains and the interferon potency are calibrated to the targets named at each
parameter (T-KYN-24 for LPS, T-KYN-25 for interferon-α, T-KYN-30 for GR binding).
"""

from __future__ import annotations

import math

import sympy as sp

from ..model._core import Module

__all__ = ["inflammation_module"]


def inflammation_module(*, free_cortisol: object = 10.0) -> Module:
    """Build the inflammation module (``inflammation``); ``free_cortisol`` is the default of its
    cortisol input (the HPA module's free cortisol in the composed model)."""
    m = Module("inflammation", "Endotoxin, interferon-α and chronic inflammation: cytokines (TNF-α, IL-6, CRP), "
               "cortisol suppression, IDO1/KMO induction, HPA drive and BH4 oxidation.",
               references=["dillingh2014", "capuron2003", "raison2010", "vaptzarova1989", "pearson2003"])
    c = m.compartment("blood", "plasma (cytokine and drug concentrations)", size=1.0,
                      rationale="concentrations only; no amount crosses to other modules")

    def assumed(local: str, value: float, unit: str, desc: str, why: str, rng: tuple[float, float],
                basis: str = "assumed", source: str | None = None) -> sp.Symbol:
        return m.parameter(local, value, unit, desc, basis=basis, rationale=why, provenance="own",  # type: ignore[arg-type]
                           range=rng, source=source)

    def half_life(local: str, hours: float, desc: str, why: str) -> sp.Symbol:
        return assumed(local, math.log(2) / hours, "1/h", f"{desc} (half-life {hours:g} h)", why,
                       (math.log(2) / hours / 4, math.log(2) / hours * 4))

    # ---- inputs --------------------------------------------------------------------------
    lps_in = m.input("lps_dose_rate", 0.0, "ng/kg/h", "endotoxin (E. coli LPS) i.v. dose rate per kg body mass")
    peg_in = m.input("peginterferon_dose_rate", 0.0, "ug/h", "peginterferon α-2a s.c. dose rate")
    std_in = m.input("interferon_dose_rate", 0.0, "ug/h", "standard interferon α-2b s.c. dose rate")
    chronic = m.input("chronic_inflammation", 0.0, "dimensionless",
                      "chronic low-grade inflammation level (0 none; 1 ≈ IL-6 tripled, CRP ≈ 3 mg/L)")
    cort = m.input("free_cortisol", free_cortisol, "nM", "free plasma cortisol (suppresses cytokine production)")

    # ---- states ----------------------------------------------------------------------------
    lps = m.state("lps", 0.0, "ng/kg", "circulating endotoxin (per kg body mass)", compartment=c)
    act = m.state("monocyte_activation", 0.0, "dimensionless", "monocyte/macrophage activation by endotoxin",
                  compartment=c)
    tnf0 = assumed("c_tnf_basal", 1.0, "pg/mL", "basal plasma TNF-α", "healthy plasma TNF-α ≈ 1 pg/mL "
                   "(high-sensitivity assays)", (0.1, 10.0))
    il60 = assumed("c_il6_basal", 1.5, "pg/mL", "basal plasma IL-6", "healthy plasma IL-6 ≈ 1–2 pg/mL", (0.2, 10.0))
    tnf = m.state("tnf_plasma", tnf0, "pg/mL", "plasma TNF-α", compartment=c)
    il6 = m.state("il6_plasma", il60, "pg/mL", "plasma IL-6", compartment=c)
    crp0 = assumed("c_crp_basal", 1.0, "mg/L", "basal C-reactive protein", "healthy CRP ≈ 1 mg/L", (0.1, 5.0))
    crp = m.state("crp_plasma", crp0, "mg/L", "C-reactive protein", compartment=c)
    peg_d = m.state("peginterferon_depot", 0.0, "ug", "peginterferon α-2a at the s.c. injection site", compartment=c)
    peg = m.state("peginterferon", 0.0, "ng/mL", "plasma peginterferon α-2a", compartment=c)
    std_d = m.state("interferon_depot", 0.0, "ug", "interferon α-2b at the s.c. injection site", compartment=c)
    std = m.state("interferon", 0.0, "ng/mL", "plasma interferon α-2b", compartment=c)
    ido = m.state("ido_level", 1.0, "dimensionless", "extrahepatic IDO1 expression (1 = basal)", compartment=c)
    bido = m.state("brain_ido_expression", 1.0, "dimensionless", "microglial IDO1 expression (1 = basal)",
                   compartment=c)

    # ---- endotoxin → activation → TNF-α → IL-6 ----------------------------------------------
    k_lps = half_life("k_lps_clearance", 0.33, "endotoxin clearance", "LPS is cleared from plasma within an hour "
                      "(Kupffer cells); cytokines peak 1–3 h after a bolus")
    k_act = half_life("k_activation_decay", 0.75, "decay of monocyte activation",
                      "TNF-α peaks ≈ 1–1.5 h after an i.v. LPS bolus and is back near baseline by 4–6 h")
    m.flux("lps_dose", lps_in, produces=[lps], compartment=c, desc="endotoxin administration")
    m.flux("lps_clearance", k_lps * lps, consumes=[lps], compartment=c, desc="endotoxin clearance")
    c_lps = assumed("c_lps_scale", 1.0, "ng/kg", "endotoxin level of unit activation drive", "unit scale",
                    (1.0, 1.0))
    n_lps = assumed("n_lps_activation", 1.5, "dimensionless", "exponent of the endotoxin dose–activation relation",
                    "cytokine peaks rise more than proportionally with the LPS dose between 0.5 and 4 ng/kg "
                    "(TNF-α ≈ 10–20 pg/mL at 0.5 ng/kg, hundreds of pg/mL at 2–4 ng/kg)", (1.0, 3.0))
    m.flux("activation", k_act * (sp.Max(lps, 0) / c_lps) ** n_lps, produces=[act], compartment=c,
           desc="monocyte activation by LPS")
    m.flux("activation_decay", k_act * act, consumes=[act], compartment=c, desc="return to quiescence")

    kc = assumed("kd_cortisol_cytokine", 100.0, "nM", "free cortisol of half-maximal suppression of cytokine "
                 "production", "strong suppression only at stress or pharmacological glucocorticoid levels, so that "
                 "brief psychological stress leaves IL-6 and TNF-α unchanged (T-KYN-28)", (10.0, 1000.0))
    nc = assumed("n_cortisol_cytokine", 2.0, "dimensionless", "Hill coefficient of cortisol suppression",
                 "Malek 2015-type Hill inhibition", (1.0, 4.0))
    supp = m.rule("cortisol_suppression", 1 / (1 + (cort / kc) ** nc), "dimensionless",
                  "fraction of cytokine production left by cortisol")
    supp_ref = assumed("c_cortisol_suppression_reference", 0.998, "dimensionless", "suppression factor at the "
                       "reference daily-mean free cortisol", "basal production is normalised to it", (0.5, 1.0),
                       basis="derived", source="carroll2007")
    k_tnf = half_life("k_tnf_clearance", 0.3, "TNF-α clearance", "plasma TNF-α half-life ≈ 15–20 min")
    k_il6 = half_life("k_il6_clearance", 1.0, "IL-6 clearance", "IL-6 peaks 2–3 h after LPS, after TNF-α")
    g_tnf = assumed("f_tnf_per_activation", 224.0, "dimensionless", "TNF-α production per unit activation (relative "
                    "to basal)", "calibrated: LPS 0.5 ng/kg raises the 0–6 h TNF-α AUC by ≈ 413 % (Dillingh 2014)",
                    (0.0, 1000.0), basis="fitted", source="dillingh2014")
    g_il6 = assumed("f_il6_per_tnf", 0.76, "dimensionless", "IL-6 production per unit TNF-α rise (relative to basal)",
                    "calibrated: LPS 0.5 ng/kg raises the 0–6 h IL-6 AUC by ≈ 288 % (Dillingh 2014)", (0.0, 100.0),
                    basis="fitted", source="dillingh2014")
    f_chr_tnf = assumed("f_chronic_tnf", 0.5, "dimensionless", "extra basal TNF-α production per unit chronic level",
                        "low-grade inflammation raises TNF-α modestly", (0.0, 10.0))
    f_chr_il6 = assumed("f_chronic_il6", 2.0, "dimensionless", "extra basal IL-6 production per unit chronic level",
                        "level 1 ≈ tripled IL-6 (≈ 4.5 pg/mL), typical of low-grade inflammation", (0.0, 20.0))
    def above(x: sp.Expr) -> sp.Expr:  # smooth max(x, 0): differentiable at the resting state (Newton needs it)
        return (x + sp.sqrt(x**2 + sp.Rational(1, 10000))) / 2

    neut = m.input("tnf_neutralisation", 0.0, "dimensionless", "fraction of plasma TNF-α bound by a neutralising "
                   "antibody (infliximab-like); only free TNF-α above basal signals")
    tnf_rise = m.rule("tnf_rise", above(tnf * (1 - neut) / tnf0 - 1), "dimensionless",
                      "free TNF-α above basal (fold − 1; smooth)")
    m.flux("tnf_production", k_tnf * tnf0 * (1 + f_chr_tnf * chronic + g_tnf * act) * supp / supp_ref,
           produces=[tnf], compartment=c, desc="TNF-α production by monocytes/macrophages")
    m.flux("tnf_clearance", k_tnf * tnf, consumes=[tnf], compartment=c, desc="TNF-α clearance")

    # ---- interferon-α pharmacokinetics ---------------------------------------------------------
    def pk(prefix: str, depot: sp.Symbol, plasma: sp.Symbol, dose: sp.Symbol, ka_h: float, kel_h: float,
           f: float, vd: float, label: str, why: str) -> None:
        ka = half_life(f"k_{prefix}_absorption", ka_h, f"{label} s.c. absorption", why)
        kel = half_life(f"k_{prefix}_elimination", kel_h, f"{label} elimination", why)
        fb = assumed(f"f_{prefix}_bioavailability", f, "dimensionless", f"{label} s.c. bioavailability", why,
                     (0.1, 1.0))
        v = assumed(f"c_{prefix}_volume", vd, "L", f"{label} distribution volume", why, (1.0, 100.0))
        m.flux(f"{prefix}_injection", dose, produces=[depot], compartment=c, desc=f"{label} injection")
        m.flux(f"{prefix}_absorption", ka * depot, consumes=[depot], compartment=c, desc=f"{label} absorption")
        m.flux(f"{prefix}_appearance", ka * fb * depot / v, produces=[plasma], compartment=c,
               desc=f"{label} entering plasma")
        m.flux(f"{prefix}_elimination", kel * plasma, consumes=[plasma], compartment=c, desc=f"{label} elimination")

    pk("peginterferon", peg_d, peg, peg_in, 50.0, 80.0, 0.84, 10.0, "peginterferon α-2a",
       "peginterferon α-2a label: sustained absorption (peak 72–96 h), terminal half-life ≈ 80 h, "
       "bioavailability ≈ 84 %")
    pk("interferon", std_d, std, std_in, 2.0, 2.5, 0.9, 30.0, "interferon α-2b",
       "interferon α-2b: s.c. peak at 3–12 h, half-life 2–3 h")
    ec_peg = assumed("c_peginterferon_ec50", 170.0, "ng/mL", "plasma peginterferon of half-maximal IDO1/IL-6 "
                     "signalling", "calibrated: 12 weeks of 180 µg weekly lower plasma Trp by ≈ 6 % and raise KTR by ≈ 70 % (SIT §4.5: "
                     "Trp −10–20 %, order of magnitude) while CSF Trp stays within 10 % (Raison 2010)", (0.1, 10000.0), basis="fitted",
                     source="raison2010")
    ec_std = assumed("c_interferon_ec50", 0.9, "ng/mL", "plasma interferon α-2b of half-maximal signalling",
                     "3 MIU daily gives about the same mean signal as 180 µg peginterferon weekly (similar "
                     "clinical IDO1 activation)", (0.01, 100.0))
    ifn_sig = m.rule("interferon_signal", peg / ec_peg + std / ec_std, "dimensionless",
                     "type-I interferon signalling (relative)")

    m.flux("il6_production", k_il6 * il60 * (1 + f_chr_il6 * chronic + g_il6 * tnf_rise
                                             + assumed("f_il6_per_interferon", 1.0, "dimensionless",
                                                       "IL-6 production per unit interferon signal",
                                                       "interferon-α raises IL-6 (Raison 2009, CSF)", (0.0, 20.0))
                                             * ifn_sig) * supp / supp_ref,
           produces=[il6], compartment=c, desc="IL-6 production")
    m.flux("il6_clearance", k_il6 * il6, consumes=[il6], compartment=c, desc="IL-6 clearance")
    il6_rise = m.rule("il6_rise", above(il6 / il60 - 1), "dimensionless", "IL-6 above basal (fold − 1; smooth)")
    k_crp = half_life("k_crp_turnover", 19.0, "CRP turnover", "plasma CRP half-life ≈ 19 h")
    m.flux("crp_synthesis", k_crp * crp0 * il6 / il60, produces=[crp], compartment=c,
           desc="hepatic CRP synthesis driven by IL-6")
    m.flux("crp_clearance", k_crp * crp, consumes=[crp], compartment=c, desc="CRP clearance")

    # ---- IDO1 induction (expression states) --------------------------------------------------------
    x = m.rule("ido_signal", ifn_sig + assumed("f_ido_per_tnf", 0.02, "dimensionless", "IDO1 signal per unit TNF-α "
                                                "rise", "endotoxin raises the Kyn/Trp ratio within hours",
                                                (0.0, 1.0)) * tnf_rise
               + assumed("f_ido_per_il6", 0.02, "dimensionless", "IDO1 signal per unit IL-6 rise",
                         "IL-6 contributes to IDO1 induction", (0.0, 1.0)) * il6_rise,
               "dimensionless", "IDO1-inducing cytokine signal")
    f_ido = assumed("f_ido_max_induction", 20.0, "dimensionless", "maximal IDO1 induction (fold − 1)",
                    "IDO1 is low at rest and induced many-fold by interferons", (0.0, 200.0))
    k_ido = half_life("k_ido_expression_turnover", 6.0, "IDO1 expression turnover",
                      "Kyn/Trp rises over hours after an immune stimulus")
    k_sat = assumed("kd_ido_signal", 1.0, "dimensionless", "signal of half-maximal IDO1 induction", "unit scale",
                    (0.1, 10.0))
    m.flux("ido_induction", k_ido * (1 + f_ido * x / (k_sat + x)), produces=[ido], compartment=c,
           desc="IDO1 expression (basal + induced)")
    m.flux("ido_decay", k_ido * ido, consumes=[ido], compartment=c, desc="IDO1 turnover")
    f_bido = assumed("f_brain_ido_max_induction", 3.0, "dimensionless", "maximal microglial IDO1 induction (fold − 1)",
                     "brain IDO1 rises less than peripheral IDO1", (0.0, 50.0))
    m.flux("brain_ido_induction", k_ido * (1 + f_bido * x / (k_sat + x)), produces=[bido], compartment=c,
           desc="microglial IDO1 expression")
    m.flux("brain_ido_decay", k_ido * bido, consumes=[bido], compartment=c, desc="microglial IDO1 turnover")

    # ---- outputs for the other modules ----------------------------------------------------------------
    cox = m.input("cox2_inhibition", 0.0, "dimensionless", "fraction of COX-2 inhibited by a drug (celecoxib-like)")
    f_pge = assumed("f_hpa_cytokine_prostaglandin_share", 0.7, "dimensionless", "share of the cytokine → CRH/ACTH "
                    "drive that is mediated by COX-2 prostaglandins (PGE2)", "cytokines reach the hypothalamus "
                    "largely through endothelial COX-2 and PGE2; cyclo-oxygenase inhibitors blunt the HPA response to "
                    "endotoxin (assumed share)", (0.0, 1.0))
    y = m.rule("cytokine_load", tnf_rise + il6_rise, "dimensionless", "summed TNF-α and IL-6 rise above basal")
    y = y * (1 - f_pge * cox)
    m.rule("cytokine_drive", assumed("f_hpa_cytokine_max", 3.0, "dimensionless", "maximal extra CRH drive by "
                                     "cytokines", "endotoxin raises cortisol to stress levels within hours",
                                     (0.0, 20.0))
           * y / (assumed("kd_hpa_cytokine", 20.0, "dimensionless", "cytokine load of half-maximal HPA drive",
                          "IL-6 tens of times basal drives ACTH strongly", (1.0, 1000.0)) + y),
           "dimensionless", "extra CRH/ACTH drive by circulating cytokines (to the HPA module)")
    nuc = m.rule("gr_nuclear_factor", 1 / (1 + act / assumed("kd_gr_endotoxin", 0.15, "dimensionless",
                                                          "monocyte activation that halves nuclear GR binding",
                                                          "calibrated: endotoxin with a glucocorticoid lowers "
                                                          "nuclear dexamethasone binding by ≈ 57 % (Vaptzarova 1989; "
                                                          "here 3 h after LPS 4 ng/kg)",
                                                          (0.01, 100.0), basis="fitted", source="vaptzarova1989")),
           "dimensionless", "fraction of GR signalling left by endotoxin (to the TDO induction)")
    m.rule("ido_induction_periphery", ido - 1, "dimensionless", "extrahepatic IDO1 above basal")
    m.rule("ido_induction_brain", bido - 1, "dimensionless", "microglial IDO1 above basal")
    m.rule("kmo_induction_brain", assumed("f_brain_kmo_induction", 0.5, "dimensionless", "microglial KMO induction "
                                          "per unit IDO1 induction", "activated microglia favour the QUIN branch",
                                          (0.0, 5.0)) * (bido - 1), "dimensionless", "microglial KMO above basal")
    m.rule("oxidative_stress", assumed("f_bh4_oxidation_max", 1.0, "dimensionless", "maximal BH4 oxidation drive",
                                       "inflammation oxidises BH4 (peroxynitrite), lowering monoamine synthesis",
                                       (0.0, 10.0))
           * (y + f_chr_il6 * chronic) / (assumed("kd_bh4_oxidation", 10.0, "dimensionless",
                                                   "cytokine load of half-maximal BH4 oxidation", "unit scale",
                                                   (0.1, 1000.0)) + y + f_chr_il6 * chronic),
           "dimensionless", "inflammatory oxidative stress acting on BH4 (0 at rest)")

    m.observable("tnf_alpha", tnf, "pg/mL", "pg/mL", "plasma TNF-α (basal ≈ 1 pg/mL; no sourced range, "
                 "values are assay-dependent)")
    m.observable("il6", il6, "pg/mL", "pg/mL", "plasma IL-6 (basal ≈ 1.5 pg/mL; no sourced range, values are "
                 "assay-dependent)")
    m.observable("nuclear_gr_factor", nuc, "dimensionless", "dimensionless",
                 "fraction of glucocorticoid-receptor signalling that reaches nuclear binding (1 = unimpaired)")
    m.observable("cytokine_hpa_drive", sp.Symbol("inflammation.cytokine_drive", real=True), "dimensionless",
                 "dimensionless", "extra CRH/ACTH drive from circulating cytokines")
    m.observable("crp", crp, "mg/L", "mg/L", "C-reactive protein", reference_range=(0.0, 3.0),
                 range_source="pearson2003", range_note="hs-CRP below 3 mg/L: below the high-risk tier of the "
                 "CDC/AHA statement (low-grade inflammation above it)")
    m.observable("interferon_alpha", peg + std, "ng/mL", "ng/mL", "plasma interferon-α (both products)")
    m.observable("ido_expression", ido, "dimensionless", "dimensionless", "extrahepatic IDO1 expression (1 = basal)")
    return m.freeze()
