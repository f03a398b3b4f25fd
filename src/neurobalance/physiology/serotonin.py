"""Serotonin varicosity with dynamic autoreceptors (Best et al. 2020, BMC Neurosci 21:40).

Equations and constants follow the authors' 2020 MATLAB code (`runser.m` and its rate
functions; reproduced steady state in MT §5.1).  Differences, each deliberate:

* the release factor ``1.89 − 12.5·(G* − G*ref)`` is floored at 0 (and the synthesis
  factor likewise): unfloored, it turns negative after strong stimulation and the model
  would pump extracellular 5-HT *into* vesicles through the release term, which no
  exocytotic mechanism does (MT §11 item 5).  The floor is inactive at every steady state
  of the reference and of the published perturbations;
* the autoreceptor-binding time constants are applied once (the authors' `sc` factor was
  applied twice to that term, MT §5.6);
* the unused ``dummy`` state is omitted.

Receptor, G-protein and regulator quantities are in the code's "model units", declared here
as µM-equivalents: the published equations subtract the receptor-binding flux from
extracellular 5-HT (µM), which fixes that scale, and using one scale for the whole cascade
keeps every rate law (and the SBML export) dimensionally consistent.  The numbers are the
published ones.

??? cite "Reference"
    Best J, et al. (2020) Autoreceptor control of serotonin dynamics. BMC Neurosci 21:40.
    doi:10.1186/s12868-020-00587-z
"""

from __future__ import annotations

import sympy as sp

from ..model._core import Module
from ..model._motifs import michaelis_menten
from ._genes import GENES
from ._shared import add_bh4_oxidation, add_cofactor_hooks

__all__ = ["serotonin_module"]

_CODE = "authors' MATLAB code (VeVaPy ser2020code)"


def serotonin_module(*, blood_tryptophan: object = 96.0, oxidative_stress: object = 0.0, plp: object = 1.0,
                     iron: object = 1.0, folate: object = 1.0, phenylalanine: object = 55.0,
                     autoreceptor_sensitivity: object = 1.0, biopterin_turnover: bool = False,
                     raphe_feedback_gain: float = 0.0, mao_a_activity: object = 1.0) -> Module:
    """Build the serotonin varicosity module.

    ``blood_tryptophan``, ``oxidative_stress``, ``plp``, ``iron``, ``folate`` and
    ``phenylalanine`` are the defaults of those inputs: constants when the module is used alone,
    expressions of the precursors, inflammation and cofactors modules in the whole-body model.
    ``biopterin_turnover`` adds de novo BH4 synthesis and loss (the published model conserves
    the biopterin pool); ``raphe_feedback_gain`` closes the somatodendritic 5-HT1A loop (0: open,
    as published), whose strength the ``autoreceptor_sensitivity`` input (receptors module) scales.
    """
    m = Module(
        "serotonin",
        "Serotonin varicosity: tryptophan uptake, TPH2 with BH4, AADC, VMAT2, release under 5-HT1B "
        "autoreceptor and H3 heteroreceptor control, SERT, uptake-2 into glia, MAO, 5-HIAA.",
        references=["best2020", "best2010", "price1996"],
    )
    term = m.compartment("terminal", "serotonergic varicosities", size=1.0,
                         rationale="Best 2020 uses one volume for varicosity and extracellular space")
    ext = m.compartment("extracellular", "extracellular space", size=1.0,
                        rationale="reference volume of the Best 2020 model")
    glia = m.compartment("glia", "glial uptake-2 compartment", size=1.0,
                         rationale="Best 2020 uses one volume for glia and extracellular space")

    def bc(local: str, value: float, unit: str, desc: str, where: str, rng: tuple[float, float]) -> sp.Symbol:
        return m.parameter(local, value, unit, desc, source="best2020", locator=f"{_CODE}: {where}",
                           basis="published_model", provenance="code", range=rng)

    # ---- inputs --------------------------------------------------------------------
    btrp = m.input("blood_tryptophan", blood_tryptophan, "uM", "effective serum tryptophan seen by the LAT1 carrier "
                   "(published reference 96 µM)")
    fire = m.input("firing", 1.0, "dimensionless", "firing-rate multiplier of the raphe neurons, 1 = tonic")
    eha = m.input("extracellular_histamine", 1.39, "uM", "extracellular histamine near the varicosities")

    # ---- states (initial values = authors' out.txt steady state) -------------------------
    g_gch1 = m.gene(GENES["GCH1"])
    c_bio = bc("c_biopterin_total", 1.0, "uM", "total biopterin in the varicosity", "initial bh2 + bh4",
               (0.3, 3.0))
    f_bh4 = m.parameter("f_bh4_reduced_initial", 0.9005, "dimensionless",
                        "fraction of biopterin reduced in the initial guess (the steady state decides the split)",
                        source="best2020", locator=f"{_CODE}: out.txt bh4", basis="derived",
                        rationale="published steady-state bh4/(bh4 + bh2)", provenance="D", range=(0.0, 1.0))
    bh2 = m.state("bh2", g_gch1 * c_bio * (1 - f_bh4), "uM", "dihydrobiopterin", compartment=term)
    bh4 = m.state("bh4", g_gch1 * c_bio * f_bh4, "uM", "tetrahydrobiopterin", compartment=term)
    trp = m.state("trp", 20.1651, "uM", "cytosolic tryptophan", compartment=term)
    htp = m.state("htp", 1.6110, "uM", "5-hydroxytryptophan", compartment=term)
    cht = m.state("cht", 0.0376, "uM", "cytosolic 5-HT", compartment=term)
    vht = m.state("vht", 67.4285, "uM", "vesicular 5-HT (per varicosity volume)", compartment=term)
    eht = m.state("eht", 0.0601, "uM", "extracellular 5-HT", compartment=ext)
    hia = m.state("hia", 1.5846, "uM", "5-hydroxyindoleacetic acid (5-HIAA)", compartment=ext)
    pool = m.state("trppool", 113.4289, "uM", "tryptophan pool (protein, other uses)", compartment=term)
    gstar = m.state("gstar", 0.8639, "uM", "activated G-protein of the 5-HT1B autoreceptor",
                    compartment=term)
    tstar = m.state("tstar", 1.0068, "uM", "regulator that inactivates G*", compartment=term)
    bound = m.state("bound", 0.9757, "uM", "autoreceptors with 5-HT bound (µM-equivalent model units)",
                    compartment=term)
    ght = m.state("ght", 0.0, "uM", "glial 5-HT (uptake-2 compartment)", compartment=glia)
    ghastar = m.state("ghastar", 0.6947, "uM", "activated G-protein of the H3 heteroreceptor",
                      compartment=term)
    thastar = m.state("thastar", 12.686, "uM", "regulator of the H3 G-protein", compartment=term)
    bha = m.state("bha", 2.9428, "uM", "H3 receptors with histamine bound", compartment=term)

    # ---- autoreceptor factors ----------------------------------------------------------
    gref = bc("c_gstar_reference", 0.8639, "uM", "G* at the reference steady state",
              "inhib.m / inhibsyn.m", (0.5, 1.2))
    s_syn = bc("f_synthesis_inhibition_slope", 2.5, "1/uM", "slope of TPH inhibition by G*",
               "inhibsyn.m", (0.5, 5.0))
    r_rest = bc("f_release_factor_rest", 1.89, "dimensionless", "release factor at rest", "inhib.m", (1.0, 3.0))
    s_rel = bc("f_release_inhibition_slope", 12.5, "1/uM", "slope of release inhibition by G*",
               "inhib.m", (1.5, 25.0))
    gain = m.parameter(
        "f_autoreceptor_gain", 1.0, "dimensionless",
        "fraction of the 5-HT1B autoreceptor feedback that is active (0 = factors frozen at rest)",
        basis="assumed", rationale="1 reproduces the published model; 0 is the papers' fixed-autoreceptor comparison",
        provenance="own", range=(0.0, 1.0),
    )
    ghref = bc("c_ghastar_reference", 0.6947, "uM", "Gha* at the reference steady state",
               "inhibHA.m", (0.3, 1.0))
    s_h3 = bc("f_h3_inhibition_slope", 0.0, "1/uM",
              "slope of release inhibition by the H3 G-protein (0 in the 2020 snapshot; 1 in the Hashemi-lab variant)",
              "inhibHA.m", (0.0, 1.0))
    dg = gstar - gref
    # Floors at 0: a rate factor cannot reverse the direction of synthesis or exocytosis
    # (the authors' release factor reaches -3.1 after a 2-s burst, MT §8.2).
    i_syn = m.rule("synthesis_factor", sp.Max(0, 1 - gain * s_syn * dg), "dimensionless",
                   "TPH activity factor set by the autoreceptor G-protein (1 at rest)")
    i_rel = m.rule("autoreceptor_release_factor", sp.Max(0, r_rest - gain * s_rel * dg), "dimensionless",
                   "release factor set by the autoreceptor G-protein (1.89 at rest, floored at 0)")
    i_h3 = m.rule("h3_factor", sp.Max(0, 1 - m.gene(GENES["HRH3"]) * s_h3 * (ghastar - ghref)), "dimensionless",
                  "release factor set by H3 heteroreceptors (1 at rest)")
    thr = bc("c_uptake2_threshold", 0.0605, "uM", "extracellular 5-HT above which uptake-2 engages",
             "H1.m (60.5 nM)", (0.03, 0.1))
    span = bc("c_uptake2_span", 0.02, "uM", "range over which uptake-2 engages fully", "H1.m (60.5–80.5 nM)",
              (0.005, 0.05))
    h1 = m.rule("uptake2_gate", sp.Min(1, sp.Max(0, (eht - thr) / span)), "dimensionless",
                "gate of uptake-2: 0 below 60.5 nM, 1 above 80.5 nM")

    # ---- tryptophan supply ---------------------------------------------------------------
    vmax_in = bc("vmax_trp_influx", 700.0, "uM/h", "maximal tryptophan influx (LAT1)", "VTRPin.m", (350.0, 1400.0))
    km_in = bc("km_trp_influx", 330.0, "uM", "effective Km of Trp influx (lumps LNAA competition)", "VTRPin.m",
               (15.0, 660.0))
    m.flux("trp_influx", m.gene(GENES["SLC7A5"]) * michaelis_menten(vmax_in, btrp, km_in), produces=[trp],
           compartment=term, desc="tryptophan entry from blood")
    b5htp = m.input("blood_5htp", 0.0, "uM", "plasma 5-hydroxytryptophan (a 5-HTP supplement)")
    m.flux("htp_influx", m.gene(GENES["SLC7A5"]) * vmax_in * b5htp / (km_in + btrp), produces=[htp], compartment=term,
           desc="5-HTP entry from blood on the tryptophan carrier (LAT1; assumed the same affinity as tryptophan, "
                "so 5-HTP competes with the plasma tryptophan that occupies it)")
    k_to_pool = bc("k_trp_to_pool", 9.0, "1/h", "tryptophan → pool", "VPOOL.m", (4.5, 18.0))
    k_from_pool = bc("k_pool_to_trp", 0.6, "1/h", "pool → tryptophan", "VPOOL.m", (0.3, 1.2))
    k_trp_rem = bc("k_trp_removal", 2.0, "1/h", "tryptophan removal (other uses)", "runser.m a19", (1.0, 4.0))
    k_pool_rem = bc("k_trppool_loss", 1.0, "1/h", "pool removal", "runser.m a20", (0.5, 2.0))
    m.flux("trp_to_pool", k_to_pool * trp, consumes=[trp], produces=[pool], compartment=term, desc="Trp into pool")
    m.flux("pool_to_trp", k_from_pool * pool, consumes=[pool], produces=[trp], compartment=term,
           desc="Trp back from pool")
    m.flux("trp_removal", k_trp_rem * trp, consumes=[trp], compartment=term, desc="Trp removal")
    m.flux("trppool_loss", k_pool_rem * pool, consumes=[pool], compartment=term, desc="pool removal")

    # ---- TPH2 and BH4 --------------------------------------------------------------------
    vmax_tph = bc("vmax_tph", 278.0, "uM/h", "TPH2 Vmax", "VTPH.m", (140.0, 560.0))
    km_tph_trp = bc("km_tph_trp", 40.0, "uM", "TPH Km for Trp (Haavik 2005)", "VTPH.m", (20.0, 80.0))
    ki_tph_trp = bc("ki_tph_trp", 1000.0, "uM", "TPH substrate inhibition by Trp (Haavik 2005: 970 µM)", "VTPH.m",
                    (500.0, 2000.0))
    km_tph_bh4 = bc("km_tph_bh4", 20.0, "uM", "TPH Km for BH4", "VTPH.m", (10.0, 40.0))
    hooks = add_cofactor_hooks(m, bh4=bh4, bh2=bh2, compartment=term, total=g_gch1 * c_bio, bh4_reference=0.90046,
                               plp=plp, iron=iron, folate=folate, phe=phenylalanine, turnover=biopterin_turnover,
                               amino_acid=htp, aadc_first_order=400.0 / 160.0)
    v_tph = (m.gene(GENES["TPH2"]) * hooks.iron * vmax_tph * trp / (km_tph_trp + trp + trp**2 / ki_tph_trp)
             * bh4 / (km_tph_bh4 + bh4) * i_syn)
    m.flux("tph", v_tph, consumes=[trp, bh4], produces=[htp, bh2], compartment=term,
           desc="tryptophan hydroxylase 2: Trp + BH4 → 5-HTP + BH2")
    vf = bc("vmax_drr_forward", 5000.0, "uM/h", "DRR forward Vmax", "VDRR.m", (2500.0, 10000.0))
    vb = bc("vmax_drr_reverse", 3.0, "uM/h", "DRR reverse Vmax", "VDRR.m", (1.0, 10.0))
    km_bh2 = bc("km_drr_bh2", 100.0, "uM", "DRR Km for BH2", "VDRR.m", (6.0, 650.0))
    km_nadph = bc("km_drr_nadph", 75.0, "uM", "DRR Km for NADPH", "VDRR.m", (29.0, 770.0))
    km_bh4 = bc("km_drr_bh4", 10.0, "uM", "DRR Km for BH4", "VDRR.m", (1.1, 17.0))
    km_nadp = bc("km_drr_nadp", 75.0, "uM", "DRR Km for NADP+", "VDRR.m", (29.0, 770.0))
    nadph = bc("c_nadph", 330.0, "uM", "NADPH (held constant)", "VDRR.m", (100.0, 600.0))
    nadp = bc("c_nadp", 26.0, "uM", "NADP+ (held constant)", "VDRR.m", (5.0, 100.0))
    v_drr = m.gene(GENES["QDPR"]) * (vf * bh2 * nadph / ((km_bh2 + bh2) * (km_nadph + nadph))
                                     - vb * bh4 * nadp / ((km_bh4 + bh4) * (km_nadp + nadp)))
    m.flux("drr", v_drr, consumes=[bh2], produces=[bh4], compartment=term, desc="BH4 regeneration by DRR")
    add_bh4_oxidation(m, bh4=bh4, bh2=bh2, compartment=term, default=oxidative_stress)

    # ---- AADC, VMAT2, release, SERT, uptake-2 ---------------------------------------------
    vmax_aadc = bc("vmax_aadc", 400.0, "uM/h", "AADC Vmax (5-HTP)", "VAADC.m", (200.0, 800.0))
    km_aadc = bc("km_aadc", 160.0, "uM", "AADC Km for 5-HTP (Chico 2006)", "VAADC.m", (20.0, 320.0))
    m.flux("aadc", m.gene(GENES["DDC"]) * hooks.plp_aadc * michaelis_menten(vmax_aadc, htp, km_aadc), consumes=[htp],
           produces=[cht], compartment=term, desc="AADC: 5-HTP → 5-HT")
    vmax_vmat = bc("vmax_vmat", 1230.0, "uM/h", "VMAT2 Vmax", "VMAT.m", (600.0, 3500.0))
    km_vmat = bc("km_vmat", 0.2, "uM", "VMAT2 Km for 5-HT (Rau 2006: 198 nM)", "VMAT.m", (0.1, 0.3))
    k_leak = bc("k_vesicle_leak", 1.0, "1/h", "passive vesicular leak", "VMAT.m", (0.5, 40.0))
    m.flux("vmat", m.gene(GENES["SLC18A2"]) * michaelis_menten(vmax_vmat, cht, km_vmat) - k_leak * vht,
           consumes=[cht], produces=[vht], compartment=term, desc="VMAT2 uptake minus leak")
    # Somatodendritic 5-HT1A autoreceptors on raphe neurons inhibit firing (Price et al. 1996:
    # cell-body autoreceptors are 5-HT1A in all species studied; terminal ones 5-HT1B in rodents).
    # The terminal model has no raphe compartment, so extracellular 5-HT here stands in for raphe
    # 5-HT.  The loop is open by default (gain 0): Best 2020 drives the varicosity with firing as an
    # input, and its published experiments are open-loop.  With the gain > 0, firing is scaled by
    # (1 + g·I_ref)/(1 + g·I), I = HTR1A · eht/(Kd + eht), which is 1 at the reference state.
    g_1a = m.parameter(
        "f_raphe_feedback_gain", raphe_feedback_gain, "dimensionless",
        "strength of somatodendritic 5-HT1A inhibition of raphe firing (0 = open loop, as in Best 2020)",
        basis="assumed", rationale="0 reproduces the published open-loop model; the whole-body model uses 1: a "
        "silent 5-HT1A antagonist then raises tonic firing by half and enlarges the acute 5-HT rise after "
        "reuptake block (WAY-100635 with SSRIs, reference §C.2)", provenance="own", range=(0.0, 5.0))
    sens_1a = m.input("autoreceptor_sensitivity", autoreceptor_sensitivity, "dimensionless",
                      "5-HT1A autoreceptor sensitivity (coupling × density; 1 = reference; the receptors module "
                      "supplies it)")
    kd_1a = m.parameter(
        "kd_5ht1a_somatodendritic", 0.06, "uM", "5-HT level giving half-maximal 5-HT1A inhibition (model scale)",
        basis="assumed", rationale="set to the reference extracellular 5-HT (voltammetric scale, 60 nM) so that "
        "the loop works on the steep part of its curve; the model has no separate raphe 5-HT", provenance="own",
        range=(0.006, 0.6))
    eht_ref = m.parameter(
        "c_eht_reference", 0.06007, "uM", "extracellular 5-HT at the reference steady state", source="best2020",
        locator="out.txt eht 0.0601 µM (60.07 nM at full precision)", basis="derived",
        rationale="normalises the 5-HT1A firing factor to 1 at the reference", provenance="D", range=(0.03, 0.1))
    i_ref = eht_ref / (kd_1a + eht_ref)
    inh_1a = m.gene(GENES["HTR1A"]) * sens_1a * eht / (kd_1a + eht)
    fire_eff = m.rule("raphe_firing_factor", fire * (1 + g_1a * i_ref) / (1 + g_1a * inh_1a), "dimensionless",
                      "effective firing: the input drive scaled by somatodendritic 5-HT1A feedback (= drive at "
                      "the reference)")
    k_rel = bc("k_release", 1.0, "1/h", "release per unit firing (a22)", "runser.m a22", (0.5, 2.0))
    m.flux("release", k_rel * i_rel * i_h3 * fire_eff * vht, consumes=[vht], produces=[eht], compartment=term,
           desc="exocytotic release under 5-HT1B and H3 control")
    vmax_sert = bc("vmax_sert", 250.0, "uM/h", "SERT Vmax (Bunin 1998)", "VSERT.m", (125.0, 500.0))
    km_sert = bc("km_sert", 0.06, "uM", "SERT Km (Bunin 1998; 0.05–0.1 µM in synaptosomes)", "VSERT.m",
                 (0.03, 0.5))
    sert_block = m.input("sert_block", 0.0, "dimensionless", "fraction of SERT blocked by a reuptake inhibitor "
                         "(drug occupancy; non-competitive, reference §D.1)")
    m.flux("sert", m.gene(GENES["SLC6A4"]) * (1 - sert_block) * michaelis_menten(vmax_sert, eht, km_sert), consumes=[eht],
           produces=[cht], compartment=term, desc="reuptake by SERT")
    f_up2 = bc("f_uptake2", 0.001, "dimensionless", "uptake-2 multiplier a18 (0.01 in Mena 2024)", "runser.m a18",
               (0.0, 0.05))
    vmax_up2 = bc("vmax_uptake2", 1400.0, "uM/h", "uptake-2 Vmax (Wightman–Bunin 0.78 × 1800)", "VUP2.m",
                  (700.0, 2800.0))
    km_up2 = bc("km_uptake2", 0.17, "uM", "uptake-2 Km (Bunin 1998; Daws 2005)", "VUP2.m", (0.08, 0.34))
    m.flux("uptake2", m.gene(GENES["SLC22A3"]) * f_up2 * h1 * michaelis_menten(vmax_up2, eht, km_up2), consumes=[eht], produces=[ght],
           compartment=glia, desc="uptake-2 into glia (engages above basal 5-HT)")
    k_erem = bc("k_removal", 40.0, "1/h", "removal of extracellular 5-HT (capillaries, diffusion)", "runser.m a21",
                (20.0, 400.0))
    m.flux("removal", k_erem * eht, consumes=[eht], compartment=ext, desc="removal of extracellular 5-HT")
    k_cleak = bc("k_cytosol_leak", 1.0, "1/h", "leak of cytosolic 5-HT to the extracellular space", "runser.m a15",
                 (0.1, 2.0))
    k_gleak = bc("k_glia_leak", 1.0, "1/h", "leak of glial 5-HT to the extracellular space", "runser.m a16",
                 (0.1, 2.0))
    m.flux("cytosol_leak", k_cleak * cht, consumes=[cht], produces=[eht], compartment=term, desc="cytosolic leak")
    m.flux("glia_leak", k_gleak * ght, consumes=[ght], produces=[eht], compartment=glia, desc="glial leak")

    # ---- MAO, 5-HIAA --------------------------------------------------------------------
    vmax_mao = bc("vmax_mao", 4000.0, "uM/h", "MAO-A Vmax for 5-HT", "runser.m VMAOP", (2000.0, 8000.0))
    km_mao = bc("km_mao", 95.0, "uM", "MAO-A Km for 5-HT (Gottowik 1993; Fowler 1994)", "runser.m VMAOP",
                (50.0, 190.0))
    e_maoa = m.input("mao_a_activity", mao_a_activity, "dimensionless", "active MAO-A relative to the reference "
                     "(irreversible inhibitors; the mao module supplies it)")
    g_maoa = m.gene(GENES["MAOA"]) * e_maoa
    m.flux("mao", g_maoa * michaelis_menten(vmax_mao, cht, km_mao), consumes=[cht], produces=[hia],
           compartment=term, desc="neuronal MAO-A: 5-HT → 5-HIAA")
    m.flux("mao_glia", g_maoa * michaelis_menten(vmax_mao, ght, km_mao), consumes=[ght], produces=[hia],
           compartment=glia, desc="glial MAO: 5-HT → 5-HIAA")
    k_hia = bc("k_hiaa_removal", 1.0, "1/h", "5-HIAA removal (a17)", "runser.m a17", (0.5, 2.0))
    m.flux("hiaa_efflux", k_hia * hia, consumes=[hia], compartment=ext, desc="5-HIAA leaves the tissue")

    # ---- 5-HT1B autoreceptor cascade ------------------------------------------------------
    a9 = bc("k_gprotein_activation", 20.0, "1/(uM**2*h)", "bound receptors activate G (a9)", "runser.m a9",
            (10.0, 40.0))
    a10 = bc("k_gprotein_inactivation", 200.0, "1/(uM*h)", "T* inactivates G* (a10)", "runser.m a10", (100.0, 400.0))
    a11 = bc("k_regulator_production", 30.0, "1/(uM**2*h)", "G* produces T* (a11)", "runser.m a11", (15.0, 60.0))
    a12 = bc("k_regulator_decay", 200.0, "1/h", "T* decay (a12)", "runser.m a12", (100.0, 400.0))
    a13 = bc("k_autoreceptor_binding", 36000.0, "1/(uM*h)", "5-HT binding to the autoreceptor (a13)",
             "runser.m a13", (36.0, 72000.0))
    a14 = bc("k_autoreceptor_unbinding", 20000.0, "1/h", "unbinding (a14); K_D = a14/a13 = 0.56 µM",
             "runser.m a14", (20.0, 40000.0))
    g0 = bc("c_gprotein_total", 10.0, "uM", "total G-protein (g0)", "runser.m g0", (5.0, 20.0))
    t0 = bc("c_regulator_total", 10.0, "uM", "total regulator (t0)", "runser.m t0", (5.0, 20.0))
    b0 = bc("c_autoreceptor_total", 10.0, "uM", "total 5-HT1B autoreceptors (b0)", "runser.m b0", (5.0, 20.0))
    b0_eff = m.gene(GENES["HTR1B"]) * b0
    m.flux("autoreceptor_binding", a13 * eht * (b0_eff - bound) - a14 * bound, consumes=[eht], produces=[bound],
           compartment=term, desc="5-HT binding to 5-HT1B autoreceptors")
    m.flux("gprotein_activation", a9 * bound**2 * (g0 - gstar), produces=[gstar], compartment=term,
           desc="G-protein activation by bound receptors")
    m.flux("gprotein_inactivation", a10 * tstar * gstar, consumes=[gstar], compartment=term,
           desc="G-protein inactivation by T*")
    m.flux("regulator_production", a11 * gstar**2 * (t0 - tstar), produces=[tstar], compartment=term,
           desc="T* production by G*")
    m.flux("regulator_decay", a12 * tstar, consumes=[tstar], compartment=term, desc="T* decay")

    # ---- H3 heteroreceptor cascade ----------------------------------------------------------
    k11 = bc("k_h3_gprotein_activation", 4.32, "1/(uM**2*h)", "H3: bound receptors activate G (k11)", "runser.m k11",
             (2.0, 9.0))
    k12 = bc("k_h3_gprotein_inactivation", 1.296, "1/(uM*h)", "H3: T* inactivates G* (k12)", "runser.m k12",
             (0.6, 2.6))
    k13 = bc("k_h3_regulator_production", 14.4, "1/(uM**2*h)", "H3: G* produces T* (k13)", "runser.m k13", (7.0, 29.0))
    k14 = bc("k_h3_regulator_decay", 25.92, "1/h", "H3: T* decay (k14)", "runser.m k14", (13.0, 52.0))
    k15 = bc("k_h3_binding", 432.0, "1/(uM*h)", "histamine binding to H3 (k15)", "runser.m k15", (200.0, 900.0))
    k16 = bc("k_h3_unbinding", 1440.0, "1/h", "histamine unbinding from H3 (k16)", "runser.m k16", (700.0, 2900.0))
    gh0 = bc("c_h3_gprotein_total", 1.0, "uM", "H3 G-protein total (gh0)", "runser.m gh0", (0.5, 2.0))
    th0 = bc("c_h3_regulator_total", 60.0, "uM", "H3 regulator total (th0)", "runser.m th0",
             (30.0, 120.0))
    bh0 = bc("c_h3_receptor_total", 10.0, "uM", "H3 receptor total (bh0)", "runser.m bh0", (5.0, 20.0))
    m.flux("h3_binding", k15 * eha * (bh0 - bha) - k16 * bha, produces=[bha], compartment=term,
           desc="histamine binding to H3 heteroreceptors")
    m.flux("h3_gprotein_activation", k11 * bha**2 * (gh0 - ghastar), produces=[ghastar], compartment=term,
           desc="H3 G-protein activation")
    m.flux("h3_gprotein_inactivation", k12 * thastar * ghastar, consumes=[ghastar], compartment=term,
           desc="H3 G-protein inactivation")
    m.flux("h3_regulator_production", k13 * ghastar**2 * (th0 - thastar), produces=[thastar], compartment=term,
           desc="H3 regulator production")
    m.flux("h3_regulator_decay", k14 * thastar, consumes=[thastar], compartment=term, desc="H3 regulator decay")

    # ---- observables -------------------------------------------------------------------
    v_term = sp.Symbol("serotonin.f_volume_terminal", real=True)
    v_ext = sp.Symbol("serotonin.f_volume_extracellular", real=True)
    m.observable("extracellular", eht, "uM", "nM", "extracellular 5-HT (voltammetric scale)",
                 reference_range=(40.0, 80.0), range_source="abdalla2017",
                 range_note="FSCAV, mouse hippocampus CA2: 64.9 ± 2.3 nM; N-MCSWV rat SNr 52 ± 5.8 nM")
    m.observable("tissue", v_term * (cht + vht) + v_ext * eht, "uM", "uM", "tissue 5-HT (varicosity contents)")
    m.observable("cytosolic", cht, "uM", "uM", "cytosolic 5-HT")
    m.observable("vesicular", vht, "uM", "uM", "vesicular 5-HT (per varicosity volume)")
    m.observable("hiaa_tissue", hia, "uM", "uM", "tissue 5-HIAA")
    m.observable("brain_tryptophan", trp, "uM", "uM", "cytosolic (brain) tryptophan")
    m.observable("biopterin_reduced", bh4, "uM", "uM", "BH4 in the varicosity")
    m.observable("autoreceptor_gprotein", gstar, "uM", "uM",
                 "activated 5-HT1B G-protein G* (0.864 at rest)")
    m.observable("release_factor", i_rel, "dimensionless", "dimensionless", "autoreceptor release factor")
    m.observable("raphe_firing", fire_eff, "dimensionless", "dimensionless",
                 "effective raphe firing (1 = tonic; differs from the input only with 5-HT1A feedback on)")
    return m.freeze()
