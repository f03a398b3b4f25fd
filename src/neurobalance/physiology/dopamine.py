"""Dopamine terminal (Best, Nijhout & Reed 2009), with DOPAC and HVA split by COMT.

Equations follow the corrected form of BioModels MODEL1502230000 (Michaelis–Menten
tyrosine influx, NADPH 330 / NADP 26 µM, VMAT as uptake minus leak); see the
`best2009` reference.  The 2009 model lumps every DA catabolite into one pool ("hva",
lost at 3.45 h⁻¹).  We split it: cytosolic MAO makes DOPAC, COMT methylates DOPAC to
HVA, extracellular DA is catabolised (glial MAO-B/COMT) to HVA, and DOPAC and HVA leave
the tissue with the same first-order constant as the lumped pool, so DOPAC + HVA obeys
the published equation exactly and T-DA targets are unaffected.

Compartments: ``terminal`` (cytosol and vesicles, per terminal volume) and
``extracellular``.  The terminal volume is also the surviving-terminal fraction: release
and DAT uptake change extracellular DA in proportion to it, removal and extracellular
catabolism do not (Reed, Best & Nijhout 2009, terminal-loss experiment).

??? cite "Reference"
    Best JA, Nijhout HF, Reed MC (2009) Theor Biol Med Model 6:21. doi:10.1186/1742-4682-6-21
"""

from __future__ import annotations

from typing import Literal

import sympy as sp

from ..model._core import Module
from ..model._motifs import michaelis_menten
from ._genes import GENES
from ._shared import add_bh4_oxidation, add_cofactor_hooks, holo_factor

__all__ = ["dopamine_module"]

_BM = "BioModels MODEL1502230000"
#: BH4 of the published steady state (µM; terminals model), normalising the GTP-cyclohydrolase feedback.
_BH4_REFERENCE = 319.145
#: AADC Vmax/Km for L-DOPA (1/h; 10000 µM/h / 130 µM), the reference turnover rate of L-DOPA.
_AADC_VMAX_KM = 10000.0 / 130.0


def dopamine_module(*, substrate_inhibition: Literal["dynamic", "constant"] = "dynamic",
                    blood_tyrosine: object = 97.0, oxidative_stress: object = 0.0, plp: object = 1.0,
                    iron: object = 1.0, folate: object = 1.0, phenylalanine: object = 55.0, sam: object = 1.0,
                    autoreceptor_sensitivity: object = 1.0, autoreceptor_potency: object = 1.0,
                    dat_density: object = 1.0,
                    biopterin_turnover: bool = False, mao_a_activity: object = 1.0,
                    mao_b_activity: object = 1.0) -> Module:
    """Build the dopamine terminal module.

    Parameters
    ----------
    substrate_inhibition
        ``"dynamic"`` (published model) or ``"constant"``: the TH substrate-inhibition
        factor frozen at its reference value (the in-silico experiment of T-DA-12).
    blood_tyrosine, oxidative_stress, plp, iron, folate, phenylalanine, sam, dat_density
        Defaults of those inputs (constants alone; other modules' expressions when composed).
    autoreceptor_sensitivity, autoreceptor_potency
        D2 autoreceptor coupling, and dopamine's potency at the autoreceptor (1/(1 + C/Ki) under a
        competitive antagonist); defaults as above.
    biopterin_turnover
        Add de novo BH4 synthesis and loss (the published model conserves the biopterin pool).
    """
    m = Module(
        "dopamine",
        "Striatal dopamine terminal: tyrosine uptake, TH with BH4, AADC, VMAT2, release, "
        "DAT, D2 autoreceptor control of TH, MAO, COMT, removal.",
        references=["best2009", "biomodels_best2009"],
    )
    term = m.compartment("terminal", "dopaminergic terminals (cytosol + vesicles)", size=1.0,
                         rationale="Best 2009 expresses terminal and extracellular concentrations in one volume; "
                                   "set below 1 to model the surviving fraction of terminals")
    ext = m.compartment("extracellular", "striatal extracellular space", size=1.0,
                        rationale="reference volume of the Best 2009 model")

    def bm(local: str, value: float, unit: str, desc: str, sbml_id: str, rng: tuple[float, float]) -> sp.Symbol:
        return m.parameter(local, value, unit, desc, source="best2009", locator=f"{_BM} parameter {sbml_id}",
                           basis="published_model", provenance="code", range=rng)

    # ---- inputs ---------------------------------------------------------------------
    btyr = m.input("blood_tyrosine", blood_tyrosine, "uM", "effective serum tyrosine seen by the LAT1 carrier "
                   "(published reference 97 µM)")
    fire = m.input("firing", 1.0, "dimensionless", "firing-rate multiplier, 1 = tonic 5 Hz")

    # ---- states (initial values = published steady state, MT §3.6) ------------------
    g_gch1 = m.gene(GENES["GCH1"])
    c_biopterin = m.parameter(
        "c_biopterin_total", 360.0, "uM", "total biopterin (BH4 + BH2) in the terminal",
        source="best2009", locator=f"{_BM} initial bh4 319 + bh2 41", basis="derived",
        rationale="conserved sum of the published initial values; scaled by GCH1 (pool size ∝ synthesis)",
        provenance="D", range=(100.0, 600.0),
    )
    f_bh4 = m.parameter(
        "f_bh4_reduced_initial", 319.0 / 360.0, "dimensionless",
        "fraction of biopterin reduced (BH4) in the initial guess; the steady state decides the split",
        source="best2009", locator=f"{_BM} initial values", basis="derived",
        rationale="ratio of the published initial values 319/360", provenance="D", range=(0.0, 1.0),
    )
    tyr = m.state("tyr", 125.70, "uM", "cytosolic tyrosine", compartment=term)
    tyrpool = m.state("tyrpool", 942.8, "uM", "tyrosine bound or used elsewhere (protein)", compartment=term)
    bh4 = m.state("bh4", g_gch1 * c_biopterin * f_bh4, "uM", "tetrahydrobiopterin", compartment=term)
    bh2 = m.state("bh2", g_gch1 * c_biopterin * (1 - f_bh4), "uM", "dihydrobiopterin", compartment=term)
    ldopa = m.state("ldopa", 0.3559, "uM", "L-DOPA", compartment=term)
    cda = m.state("cda", 2.6470, "uM", "cytosolic dopamine", compartment=term)
    vda = m.state("vda", 80.97, "uM", "vesicular dopamine (per terminal volume)", compartment=term)
    eda = m.state("eda", 0.002024, "uM", "extracellular dopamine (hour-scale mean)", compartment=ext)
    dopac = m.state("dopac", 4.519, "uM", "3,4-dihydroxyphenylacetic acid (DOPAC)", compartment=ext)
    hva = m.state("hva", 3.150, "uM", "homovanillic acid (HVA) incl. 3-MT route", compartment=ext)

    # ---- tyrosine supply --------------------------------------------------------------
    vmax_in = bm("vmax_tyr_influx", 400.0, "uM/h", "maximal tyrosine influx (neutral amino-acid carrier)",
                 "VmaxVTYRin", (200.0, 800.0))
    km_in = bm("km_tyr_influx", 64.0, "uM", "Km of tyrosine influx", "KmVTYRin", (30.0, 130.0))
    g_lat1 = m.gene(GENES["SLC7A5"])
    m.flux("tyr_influx", g_lat1 * michaelis_menten(vmax_in, btyr, km_in), produces=[tyr], compartment=term,
           desc="tyrosine entry from blood (BBB + membrane carrier)")
    k_pool_in = bm("k_tyr_to_pool", 6.0, "1/h", "tyrosine → pool exchange", "k1tyr", (3.0, 12.0))
    k_pool_out = bm("k_pool_to_tyr", 0.6, "1/h", "pool → tyrosine exchange", "k_1tyr", (0.3, 1.2))
    k_tyr_cat = bm("k_tyr_catabolism", 0.2, "1/h", "other use/catabolism of tyrosine", "kcatabtyr", (0.1, 0.4))
    k_pool_loss = bm("k_tyrpool_loss", 0.2, "1/h", "loss from the tyrosine pool", "kcatabtyrpool", (0.1, 0.4))
    m.flux("tyr_to_pool", k_pool_in * tyr, consumes=[tyr], produces=[tyrpool], compartment=term,
           desc="tyrosine into the pool")
    m.flux("pool_to_tyr", k_pool_out * tyrpool, consumes=[tyrpool], produces=[tyr], compartment=term,
           desc="tyrosine back from the pool")
    m.flux("tyr_catabolism", k_tyr_cat * tyr, consumes=[tyr], compartment=term, desc="tyrosine catabolism")
    m.flux("tyrpool_loss", k_pool_loss * tyrpool, consumes=[tyrpool], compartment=term, desc="pool loss")
    bdopa = m.input("blood_ldopa", 0.0, "uM", "plasma L-DOPA (levodopa therapy)")
    m.flux("ldopa_influx", g_lat1 * vmax_in * bdopa / (km_in + btyr), produces=[ldopa], compartment=term,
           desc="L-DOPA entry from blood on the large neutral amino-acid carrier (LAT1; assumed the tyrosine "
                "affinity, so dietary tyrosine competes with it)")

    # ---- tyrosine hydroxylase with substrate inhibition and D2 autoreceptor ---------------
    vmax_th = bm("vmax_th", 125.0, "uM/h", "TH maximal rate", "VmaxVTH", (60.0, 250.0))
    km_th_tyr = bm("km_th_tyr", 46.0, "uM", "TH Km for tyrosine", "KtyrVTH", (20.0, 100.0))
    km_th_bh4 = bm("km_th_bh4", 60.0, "uM", "TH Km for BH4", "Kbh4VTH", (20.0, 120.0))
    ki_th_tyr = bm("ki_th_tyr", 160.0, "uM", "TH substrate-inhibition constant", "ki(tyr)VTH", (80.0, 320.0))
    ki_th_cda = bm("ki_th_cda", 110.0, "uM", "TH inhibition by cytosolic DA (competitive with BH4)",
                   "Ki(cda)VTH", (50.0, 220.0))
    f_si = bm("f_th_substrate_inhibition_scale", 0.56, "dimensionless",
              "scale of the TH substrate-inhibition factor 0.56/(1 + tyr/Ki)", "function VTH (constant 0.56)",
              (0.2, 1.0))
    a_min = bm("f_d2_autoreceptor_min", 0.5, "dimensionless", "TH autoreceptor factor at saturating DA",
               "function VTH (constant 0.5)", (0.1, 1.0))
    a_span = bm("f_d2_autoreceptor_span", 4.5, "dimensionless",
                "rise of the autoreceptor factor from saturating DA to no DA", "function VTH (constant 4.5)",
                (1.0, 9.0))
    a_coupling = bm("f_d2_autoreceptor_coupling", 8.0, "dimensionless",
                    "coupling of D2 occupancy to TH inhibition", "function VTH (constant 8)", (2.0, 16.0))
    kd_d2 = bm("kd_d2_autoreceptor", 0.002024, "uM", "extracellular DA at which the autoreceptor factor is 1",
               "function VTH (constant 0.002024)", (0.001, 0.004))
    n_d2 = bm("n_d2_autoreceptor", 4.0, "dimensionless", "steepness of the autoreceptor factor",
              "function VTH (exponent 4)", (1.0, 6.0))
    gain = m.parameter(
        "f_autoreceptor_gain", 1.0, "dimensionless",
        "fraction of the D2 autoreceptor feedback that is active (0 = factor frozen at its reference value)",
        basis="assumed", rationale="1 reproduces the published model; 0 is the papers' fixed-autoreceptor comparison",
        provenance="own", range=(0.0, 1.0),
    )
    a_ref = m.parameter(
        "f_d2_autoreceptor_reference", 1.0, "dimensionless", "autoreceptor factor at the reference steady state",
        source="best2009", locator=f"{_BM} function VTH: 0.5 + 4.5/(1 + 8) = 1 at eda = 0.002024 µM",
        basis="derived", rationale="value of the factor at the published steady state", provenance="D",
        range=(0.5, 5.0),
    )
    sens_d2 = m.input("autoreceptor_sensitivity", autoreceptor_sensitivity, "dimensionless",
                      "D2 autoreceptor sensitivity (coupling; 1 = reference; the receptors module supplies it)")
    pot_d2 = m.input("autoreceptor_potency", autoreceptor_potency, "dimensionless",
                     "dopamine's potency at the D2 autoreceptor relative to no antagonist: 1/(1 + C/Ki) for a "
                     "competitive antagonist (the receptors module supplies it)")
    g_drd2 = m.gene(GENES["DRD2"]) * sens_d2
    a_dyn = m.rule("d2_autoreceptor_factor_dynamic",
                   a_min + a_span / (1 + a_coupling * g_drd2 * (eda * pot_d2 / kd_d2) ** n_d2), "dimensionless",
                   "TH activity factor set by D2 autoreceptor occupancy (5 with no DA, 1 at rest, 0.5 saturated)")
    a_eff = m.rule("d2_autoreceptor_factor", a_ref + gain * (a_dyn - a_ref), "dimensionless",
                   "D2 autoreceptor factor applied to TH (gain-weighted)")
    if substrate_inhibition == "dynamic":
        s_inh = m.rule("th_substrate_inhibition", f_si / (1 + tyr / ki_th_tyr), "dimensionless",
                       "TH substrate-inhibition factor")
    else:
        s_ref = m.parameter(
            "f_th_substrate_inhibition_reference", 0.56 / (1 + 125.70 / 160.0), "dimensionless",
            "substrate-inhibition factor frozen at its reference value", source="best2009",
            locator="0.56/(1 + 125.70/160) at the published steady state", basis="derived",
            rationale="in-silico experiment of T-DA-12", provenance="D", range=(0.0, 1.0),
        )
        s_inh = m.rule("th_substrate_inhibition", s_ref, "dimensionless", "TH substrate-inhibition factor (frozen)")
    hooks = add_cofactor_hooks(m, bh4=bh4, bh2=bh2, compartment=term, total=g_gch1 * c_biopterin,
                               bh4_reference=_BH4_REFERENCE, plp=plp, iron=iron, folate=folate, phe=phenylalanine,
                               turnover=biopterin_turnover, amino_acid=ldopa, aadc_first_order=_AADC_VMAX_KM)
    g_th = m.gene(GENES["TH"]) * hooks.iron
    v_th = (g_th * vmax_th * s_inh * a_eff * tyr * bh4
            / (tyr * bh4 + km_th_tyr * bh4 + km_th_tyr * km_th_bh4 * (1 + cda / ki_th_cda)))
    m.flux("th", v_th, consumes=[tyr, bh4], produces=[ldopa, bh2], compartment=term,
           desc="tyrosine hydroxylase: tyr + BH4 → L-DOPA + BH2")

    # ---- BH4 regeneration (DRR / DHPR) -----------------------------------------------
    vf = bm("vmax_drr_forward", 200.0, "uM/h", "DRR forward Vmax", "VfmaxVDRR", (100.0, 400.0))
    vb = bm("vmax_drr_reverse", 80.0, "uM/h", "DRR reverse Vmax", "VbmaxVDRR", (40.0, 160.0))
    km_bh2 = bm("km_drr_bh2", 100.0, "uM", "DRR Km for BH2", "Kbh2VDRR", (6.0, 650.0))
    km_nadph = bm("km_drr_nadph", 75.0, "uM", "DRR Km for NADPH", "KnadphVDRR", (29.0, 770.0))
    km_bh4 = bm("km_drr_bh4", 10.0, "uM", "DRR Km for BH4 (reverse)", "Kbh4VDRR", (1.1, 17.0))
    km_nadp = bm("km_drr_nadp", 75.0, "uM", "DRR Km for NADP+", "KnadpVDRR", (29.0, 770.0))
    nadph = m.parameter("c_nadph", 330.0, "uM", "NADPH (held constant)", source="best2020",
                        locator="authors' MATLAB code VDRR.m (the 2009 SBML sets 0, switching DRR off)",
                        basis="published_model", provenance="code", range=(100.0, 600.0))
    nadp = m.parameter("c_nadp", 26.0, "uM", "NADP+ (held constant)", source="best2020",
                       locator="authors' MATLAB code VDRR.m", basis="published_model", provenance="code",
                       range=(5.0, 100.0))
    g_qdpr = m.gene(GENES["QDPR"])
    v_drr = g_qdpr * (vf * bh2 * nadph / ((km_bh2 + bh2) * (km_nadph + nadph))
                      - vb * bh4 * nadp / ((km_bh4 + bh4) * (km_nadp + nadp)))
    m.flux("drr", v_drr, consumes=[bh2], produces=[bh4], compartment=term,
           desc="dihydropteridine reductase: BH2 + NADPH ⇌ BH4 + NADP+")
    add_bh4_oxidation(m, bh4=bh4, bh2=bh2, compartment=term, default=oxidative_stress)

    # ---- AADC, VMAT2, release, DAT ----------------------------------------------------
    vmax_aadc = bm("vmax_aadc", 10000.0, "uM/h", "AADC Vmax (L-DOPA)", "VmaxVAADC", (5000.0, 20000.0))
    km_aadc = bm("km_aadc", 130.0, "uM", "AADC Km for L-DOPA", "KmVAADC", (50.0, 300.0))
    m.flux("aadc", m.gene(GENES["DDC"]) * hooks.plp_aadc * michaelis_menten(vmax_aadc, ldopa, km_aadc), consumes=[ldopa],
           produces=[cda], compartment=term, desc="AADC: L-DOPA → DA")
    vmax_vmat = bm("vmax_vmat", 7082.0, "uM/h", "VMAT2 Vmax", "VmaxVMAT", (3500.0, 14000.0))
    km_vmat = bm("km_vmat", 3.0, "uM", "VMAT2 Km for DA", "KmVMAT", (1.0, 6.0))
    k_leak = bm("k_vesicle_leak", 40.0, "1/h", "passive leak of vesicular DA to the cytosol", "koutVMAT",
                (20.0, 80.0))
    m.flux("vmat", m.gene(GENES["SLC18A2"]) * michaelis_menten(vmax_vmat, cda, km_vmat) - k_leak * vda,
           consumes=[cda], produces=[vda], compartment=term, desc="VMAT2 uptake minus passive leak")
    k_rel = m.parameter("k_release", 1.0, "1/h", "fractional release of the vesicular pool at tonic firing",
                        source="best2009", locator="release = fire(t)·vda with fire = 1 at 5 Hz (MT §1)",
                        basis="published_model", provenance="code", range=(0.5, 2.0))
    m.flux("release", k_rel * fire * vda, consumes=[vda], produces=[eda], compartment=term,
           desc="exocytotic release (autoreceptors act on TH only in this model)")
    vmax_dat = bm("vmax_dat", 8000.0, "uM/h", "DAT Vmax (≈ 2.2 µM/s)", "VmaxVDAT", (4000.0, 21600.0))
    km_dat = bm("km_dat", 0.2, "uM", "DAT Km", "KmVDAT", (0.1, 2.0))
    dat_d = m.input("dat_density", dat_density, "dimensionless", "DAT surface density relative to the reference "
                    "(iron; the receptors module supplies it)")
    dat_block = m.input("dat_block", 0.0, "dimensionless", "fraction of DAT blocked by a reuptake inhibitor "
                        "(drug occupancy; non-competitive, reference §D.1)")
    m.flux("dat", m.gene(GENES["SLC6A3"]) * dat_d * (1 - dat_block) * michaelis_menten(vmax_dat, eda, km_dat),
           consumes=[eda],
           produces=[cda], compartment=term, desc="reuptake by DAT")

    # ---- catabolism and removal -------------------------------------------------------
    k_mao = bm("k_mao", 10.0, "1/h", "cytosolic DA catabolism by MAO (→ DOPAC)", "kcatabcda", (5.0, 20.0))
    e_maoa = m.input("mao_a_activity", mao_a_activity, "dimensionless", "active MAO-A relative to the reference "
                     "(irreversible inhibitors; the mao module supplies it)")
    e_maob = m.input("mao_b_activity", mao_b_activity, "dimensionless", "active MAO-B relative to the reference "
                     "(irreversible inhibitors; the mao module supplies it)")
    m.flux("mao", m.gene(GENES["MAOA"]) * e_maoa * k_mao * cda, consumes=[cda], produces=[dopac], compartment=term,
           desc="neuronal MAO: DA → DOPAC")
    vmax_cat = bm("vmax_extracellular_catabolism", 30.0, "uM/h", "extracellular DA catabolism Vmax",
                  "Vcatab(eda)max", (10.0, 60.0))
    km_cat = bm("km_extracellular_catabolism", 3.0, "uM", "extracellular DA catabolism Km", "Kcatab(eda)m",
                (1.0, 10.0))
    f_b = m.parameter("f_maob_share_extracellular", 0.5, "dimensionless", "MAO-B share of extracellular DA "
                      "catabolism (the rest COMT)", basis="assumed", provenance="own", range=(0.0, 1.0),
                      rationale="glial MAO-B and COMT are lumped in the published model; equal shares assumed")
    m.flux("extracellular_catabolism", m.gene(GENES["MAOB"]) * (1 - f_b + f_b * e_maob)
           * michaelis_menten(vmax_cat, eda, km_cat),
           consumes=[eda], produces=[hva], compartment=ext,
           desc="glial MAO-B/COMT catabolism of extracellular DA (→ 3-MT → HVA)")
    k_rem = bm("k_removal", 400.0, "1/h", "removal of extracellular DA (capillaries, diffusion)", "Krem",
               (200.0, 800.0))
    m.flux("removal", k_rem * eda, consumes=[eda], compartment=ext, desc="removal of extracellular DA")
    k_out = bm("k_catabolite_efflux", 3.45, "1/h", "efflux of acid metabolites (DOPAC, HVA) from the tissue",
               "Kcatabhva", (1.0, 7.0))
    k_comt = m.parameter(
        "k_comt_dopac", 2.40, "1/h", "O-methylation of DOPAC to HVA by COMT",
        source="wilk1975", locator="rat striatum: DOPAC 5.21, HVA 3.63 nmol/g (ratio 1.44)", basis="derived",
        rationale="at steady state DOPAC/HVA ≈ k_catabolite_efflux/k_comt_dopac, so 3.45/1.44 = 2.40 h⁻¹; "
                  "then 41 % of DOPAC is methylated, close to the ≈ 48 % inferred from rat striatal "
                  "metabolite turnover; the lumped DOPAC + HVA pool of Best 2009 is unchanged",
        provenance="D", range=(0.5, 6.0),
    )
    s_am = m.input("sam", sam, "dimensionless", "S-adenosylmethionine status, COMT's methyl donor (1 = replete; "
                   "the cofactors module supplies it)")
    kd_sam = m.parameter("kd_comt_sam", 0.05, "dimensionless", "SAM status of half-maximal COMT methylation",
                         basis="assumed", rationale="brain SAM is well above COMT's Km for it, so methylation is "
                         "nearly saturated: low SAM alone did not lower CSF HVA or 5-HIAA (Surtees et al. 1994)",
                         provenance="own", range=(0.01, 2.0))
    m.flux("comt", m.gene(GENES["COMT"]) * holo_factor(s_am, kd_sam) * k_comt * dopac, consumes=[dopac],
           produces=[hva], compartment=ext,
           desc="COMT: DOPAC → HVA")
    m.flux("dopac_efflux", k_out * dopac, consumes=[dopac], compartment=ext, desc="DOPAC leaves the tissue")
    m.flux("hva_efflux", k_out * hva, consumes=[hva], compartment=ext, desc="HVA leaves the tissue")

    # ---- observables ------------------------------------------------------------------
    v_term = sp.Symbol("dopamine.f_volume_terminal", real=True)
    v_ext = sp.Symbol("dopamine.f_volume_extracellular", real=True)
    m.observable("extracellular", eda, "uM", "nM", "extracellular dopamine (striatum, hour-scale mean)",
                 reference_range=(1.0, 10.0), range_source="parsons1992",
                 range_note="rat nucleus accumbens, no-net-flux microdialysis 4.2 ± 0.2 nM; Best 2009 basal 2 nM; "
                            "voltammetric (FSCAV) values are higher (≈ 90 nM)")
    m.observable("tissue", v_term * (cda + vda) + v_ext * eda, "uM", "uM",
                 "tissue dopamine (terminal contents per tissue volume, as in Best 2009)")
    m.observable("cytosolic", cda, "uM", "uM", "cytosolic dopamine")
    m.observable("vesicular", vda, "uM", "uM", "vesicular dopamine (per terminal volume)")
    m.observable("dopac_tissue", dopac, "uM", "uM", "tissue DOPAC",
                 reference_range=(2.4, 8.0), range_source="wilk1975",
                 range_note="rat striatum 5.21 ± 0.40 nmol/g (mean ± SEM, n = 12): mean ± 2 SD")
    m.observable("hva_tissue", hva, "uM", "uM", "tissue HVA",
                 reference_range=(1.9, 5.4), range_source="wilk1975",
                 range_note="rat striatum 3.63 ± 0.25 nmol/g (mean ± SEM, n = 12): mean ± 2 SD")
    m.observable("catabolites", dopac + hva, "uM", "uM",
                 "DOPAC + HVA (the lumped 'hva' pool of Best 2009)")
    m.observable("brain_tyrosine", tyr, "uM", "uM", "cytosolic (brain) tyrosine")
    m.observable("biopterin_reduced", bh4, "uM", "uM", "BH4 in the terminal")
    m.observable("autoreceptor_factor", a_eff, "dimensionless", "dimensionless",
                 "D2 autoreceptor factor on TH (1 at rest)")
    return m.freeze()
