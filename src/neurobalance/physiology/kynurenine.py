"""Tryptophan–kynurenine pathway: hepatic branch (Stavrum 2013), plasma kynurenine and a brain branch.

This file holds the stand-alone hepatic model used for the side-by-side check with the
published SBML (T-KYN-01…21); the whole-body `kynurenine` module follows below it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping

from .._errors import InvalidValueError, UnknownNameError
from ..model._core import Model, Module
from ._genes import GENES
from ._shared import holo_factor
from ._stavrum_liver import ENZYME_PARAMETERS, add_hepatic_branch

__all__ = ["stavrum_liver_module", "stavrum_liver_experiment", "kynurenine_module"]


def stavrum_liver_module() -> Module:
    """The hepatic branch under the published model's conditions (module ``stavrum_liver``):
    extracellular Trp clamped (input ``trp_external``, 5 µM), extracellular Kyn a perfect sink."""
    m = Module("stavrum_liver", "Liver tryptophan metabolism of Stavrum et al. 2013 with clamped extracellular Trp.",
               references=["stavrum2013", "biomodels_stavrum2013"])
    c = m.compartment("cytosol", "hepatocyte cytosol (the published model's single compartment)", size=1.0,
                      rationale="the published model has one compartment of volume 1")
    trp_ex = m.input("trp_external", 5.0, "uM", "extracellular (free plasma) tryptophan, clamped")
    kyn_ex = m.input("kyn_external", 0.0, "uM", "extracellular kynurenine (0: perfect sink, as published)")
    add_hepatic_branch(m, compartment=c, trp_ex=trp_ex, kyn_ex=kyn_ex, trp_ex_state=None, kyn_ex_state=None)
    return m.freeze()


@functools.cache
def _stavrum_model() -> Model:
    return Model([stavrum_liver_module()])


_CONC = {"trp": "liver_trp", "kyn": "liver_kyn", "fkyn": "liver_formylkynurenine", "3hk": "liver_3hk",
         "3haa": "liver_3haa", "acms": "liver_acms", "5htp": "liver_5htp", "5ht": "liver_5ht", "quin": "liver_quin"}


def stavrum_liver_experiment(factors: Mapping[str, float] | None = None, trp_ex_uM: float = 5.0) -> dict[str, float]:
    """Steady state of the hepatic branch with enzyme expression scaled by ``factors``
    (keys: TDO, IDO1, SLC7A5, SLC7A8, KMO, KYNU, KAT1–3, TPH1, TPH2, MAOA, MAOB, WARS, …).

    Returns concentrations (µM: trp, kyn, fkyn, 3hk, 3haa, acms, 5htp, 5ht, quin) and fluxes
    (µM/s: tdo, ido, wars, tph, tph1, tph2, uptake, kyn_export, kat, kmo, kynu, kyn_formed).
    """
    from ..analysis import steady_state

    model = _stavrum_model()
    values = {}
    for k, f in (factors or {}).items():
        if k not in ENZYME_PARAMETERS:
            raise UnknownNameError("enzyme", k, ENZYME_PARAMETERS)
        if not f >= 0:
            raise InvalidValueError(f"factors[{k}]", f, "a non-negative factor")
        name = f"stavrum_liver.{ENZYME_PARAMETERS[k]}"
        values[name] = model[name] * float(f)
    if values:
        model = model.with_parameters(values)
    ds = steady_state(model, inputs={"stavrum_liver.trp_external": float(trp_ex_uM)})
    st = {str(s).removeprefix("stavrum_liver."): float(v) for s, v in zip(ds.state.values, ds.state_value.values)}
    fx = {str(f).removeprefix("stavrum_liver."): float(v) / 3600.0 for f, v in zip(ds.flux.values, ds.flux_value.values)}
    out = {k: st[v] for k, v in _CONC.items()}
    out.update(tdo=fx["tdo"], ido=fx["ido_trp"], wars=fx["wars"], tph1=fx["tph1"], tph2=fx["tph2"],
               tph=fx["tph1"] + fx["tph2"], uptake=fx["trp_uptake_slc7a5"] + fx["trp_uptake_slc7a8"],
               kyn_export=fx["kyn_export_slc7a5"] + fx["kyn_export_slc7a8"],
               kat=fx["kat1_kyn"] + fx["kat2_kyn"] + fx["kat3_kyn"], kmo=fx["kmo"], kynu=fx["kynu_kyn"],
               kyn_formed=fx["afmid"])
    return out


# ---------------------------------------------------------------------------------------------
# Whole-body kynurenine module
# ---------------------------------------------------------------------------------------------

def kynurenine_module(*, gr_occupancy: object = 0.2, gr_nuclear_factor: object = 1.0, ido_induction: object = 0.0,
                      brain_ido_induction: object = 0.0, brain_kmo_induction: object = 0.0,
                      brain_trp: object = 20.17, lat1_kyn_entry: object = None, plp: object = 1.0,
                      portal_trp_excess: object = 0.0) -> Module:
    """Build the whole-body kynurenine module (``kynurenine``).

    Liver: the Stavrum branch with an in-vivo carrier capacity, TDO expression regulated by
    glucocorticoid-receptor occupancy (through its mRNA, a transcriptional lag) and stabilised
    by its substrate.  Periphery: IDO1 (basal, cytokine-inducible) on free plasma tryptophan.
    Plasma kynurenine: liver export + IDO1 − clearance.  Brain: kynurenine from blood (LAT1)
    and microglial IDO1, astrocytic KATs → kynurenic acid, microglial KMO → 3-HK → quinolinic acid.

    Arguments are the default expressions of the module's coupling inputs (other modules'
    symbols in the composed model; constants when built alone).
    """
    import sympy as sp

    m = Module("kynurenine", "Tryptophan–kynurenine pathway: hepatic TDO2 branch (Stavrum 2013 kinetics), "
               "extrahepatic IDO1, plasma kynurenine, and a brain branch with kynurenic and quinolinic acid.",
               references=["stavrum2013", "biomodels_stavrum2013", "schimke1965", "badawy2016", "dalvigarcia2021",
                           "padberg2012"])
    circ = "precursors.circulation_compartment"
    liver = m.compartment("liver", "hepatocyte water", size=round(1.0 / 14.0, 5), basis="assumed",
                          rationale="≈ 1 L hepatocyte water relative to 14 L of amino-acid distribution volume")
    brain = m.compartment("brain", "brain tissue (kynurenine branch)", size=1.0,
                          rationale="brain fluxes are not subtracted from the circulation (brain uptake is < 1 % of "
                                    "whole-body flux), so its volume plays no role")

    def assumed(local: str, value: float, unit: str, desc: str, why: str, rng: tuple[float, float],
                basis: str = "assumed", source: str | None = None) -> sp.Symbol:
        return m.parameter(local, value, unit, desc, basis=basis, rationale=why, provenance="own", range=rng,  # type: ignore[arg-type]
                           source=source)

    from .precursors import reference_lat1_kyn_entry

    trp_f = sp.Symbol("precursors.trp_free", real=True)
    entry_ref = reference_lat1_kyn_entry()
    if lat1_kyn_entry is None:
        lat1_kyn_entry = entry_ref
    occ = m.input("gr_occupancy", gr_occupancy, "dimensionless", "hepatic glucocorticoid-receptor occupancy")
    nuc = m.input("gr_nuclear_factor", gr_nuclear_factor, "dimensionless",
                  "fraction of occupied GR that reaches nuclear binding (1 = unimpaired; endotoxin lowers it)")
    ido_ind = m.input("ido_induction", ido_induction, "dimensionless",
                      "extrahepatic IDO1 expression above basal (0 = basal; cytokines raise it)")
    bido_ind = m.input("brain_ido_induction", brain_ido_induction, "dimensionless",
                       "microglial IDO1 expression above basal")
    bkmo_ind = m.input("brain_kmo_induction", brain_kmo_induction, "dimensionless",
                       "microglial KMO expression above basal")
    btrp = m.input("brain_trp", brain_trp, "uM", "brain tryptophan (substrate of microglial IDO1)")
    kyn_entry = m.input("lat1_kyn_entry", lat1_kyn_entry, "dimensionless",
                        "LAT1 kynurenine entry term (Kyn/Km)/(1 + ΣS/Km) at the blood–brain barrier")
    portal = m.input("portal_trp_excess", portal_trp_excess, "uM", "excess of portal over systemic tryptophan "
                     "while a meal is absorbed (the precursors module supplies it; 0 between meals)")
    b6 = m.input("plp", plp, "dimensionless", "vitamin B6 (PLP) status for KYNU and the KATs (1 = replete; the "
                 "cofactors module supplies it)")

    kyn_p = m.state("kyn_plasma", 1.835, "uM", "plasma kynurenine", compartment=circ)

    # ---- TDO regulation: GR → mRNA (lag) → enzyme, stabilised by Trp -------------------------
    mrna = m.state("tdo_mrna", 1.0, "dimensionless", "hepatic TDO2 mRNA (relative)", compartment=liver)
    tdo_e = m.state("tdo_enzyme", 1.0, "dimensionless", "hepatic TDO protein (relative)", compartment=liver)
    f_gc = assumed("f_tdo_glucocorticoid_induction", 6.0, "dimensionless",
                   "maximal extra TDO2 transcription at full nuclear GR occupancy",
                   "glucocorticoids induce rat liver TDO several- to ten-fold (transcriptional; SIT §3.3); 7-fold at "
                   "full occupancy keeps the circadian swing of plasma Trp (overnight high) within ≈ ±5 %", (0.0, 30.0))
    occ_ref = assumed("c_gr_occupancy_reference", 0.163, "dimensionless", "daily-mean hepatic GR occupancy of the "
                      "reference state (TDO2 transcription = 1 there)", "set to the reference HPA state", (0.0, 1.0),
                      basis="derived", source="carroll2007")
    k_mrna = assumed("k_tdo_mrna_turnover", math.log(2) / 2.0, "1/h", "TDO2 mRNA turnover (half-life 2 h)",
                     "rat liver TDO mRNA rises within hours of a glucocorticoid dose", (0.05, 2.0))
    k_tdo = m.parameter("k_tdo_turnover", math.log(2) / 2.3, "1/h", "TDO protein degradation (half-life 2.3 h) "
                        "at the reference liver tryptophan", source="schimke1965",
                        locator="rat liver tryptophan pyrrolase half-life ≈ 2–3 h", basis="measured", provenance="L",
                        range=(0.05, 1.0))
    k_stab = assumed("kd_tdo_trp_stabilisation", 0.1, "uM", "liver Trp that halves TDO degradation "
                     "(substrate stabilisation)", "tryptophan slows TDO degradation (Schimke et al. 1965); below "
                     "the reference liver Trp, so TDO protein follows its substrate", (0.03, 30.0))
    k_heme = assumed("kd_tdo_heme_activation", 200.0, "uM", "liver Trp of half-maximal heme saturation of TDO",
                     "tryptophan promotes conjugation of apo-TDO with heme (Badawy's account of TDO regulation); "
                     "heme saturation is low and rises almost in proportion to liver Trp; with the substrate "
                     "stabilisation this keeps plasma Trp within 40–90 µM between 3 and 15 mg Trp/kg/day", (0.5, 2000.0))
    m.flux("tdo_transcription", k_mrna * (1 + f_gc * occ * nuc) / (1 + f_gc * occ_ref), produces=[mrna],
           compartment=liver, desc="TDO2 transcription induced by nuclear GR")
    m.flux("tdo_mrna_decay", k_mrna * mrna, consumes=[mrna], compartment=liver, desc="TDO2 mRNA decay")
    m.flux("tdo_synthesis", k_tdo * mrna, produces=[tdo_e], compartment=liver, desc="TDO translation")

    # liver Trp enters the degradation law; declare the hepatic branch first
    f_trp_vivo = assumed("f_trp_enzymes_in_vivo", 0.02, "dimensionless", "activity of the hepatic Trp-consuming "
                         "enzymes (TDO, IDO1, WARS, TPH1/2, AADC on Trp) relative to the kynurenine-handling enzymes, "
                         "against the published expression levels", "in the published liver model hepatocyte Trp is "
                         "2 % of free plasma Trp, so TDO cannot change Trp disposal; in vivo liver Trp is close to "
                         "the free plasma level (TAT1 uptake below) and glucocorticoid TDO induction lowers plasma "
                         "Trp. Trp-consuming activity relative to the rest of the pathway is lowered 50-fold (the "
                         "ratio of the two liver Trp levels), so that hepatic Kyn stays at the published level; the "
                         "stand-alone published configuration keeps 1", (0.001, 1.0))
    ltrp = sp.Symbol("kynurenine.liver_trp", real=True)
    ltrp_ref = assumed("c_liver_trp_reference", 6.4952, "uM", "liver Trp of the reference state", "reference steady "
                       "state of this module", (0.1, 20.0), basis="derived", source="bevital")
    holo = m.rule("tdo_holoenzyme_factor", ltrp / (k_heme + ltrp) * (k_heme + ltrp_ref) / ltrp_ref, "dimensionless",
                  "heme saturation of TDO relative to the reference (tryptophan-promoted)")
    # vitamin B6: the apoenzymes differ in PLP affinity, so deficiency hits kynureninase first
    # (3-HK ↑, anthranilate ↓), then the aminotransferases (KYNA ↓; Kyn and xanthurenate ↑ when severe)
    kd_kynu = assumed("kd_kynureninase_plp", 2.0, "dimensionless", "PLP status of half-maximal kynureninase "
                      "holoenzyme", "kynureninase binds PLP weakly and is the first kynurenine enzyme to fail in B6 "
                      "deficiency (3-HK rises, anthranilate falls at moderate deficiency; Rios-Avila et al. 2013)",
                      (0.2, 20.0))
    kd_kat = assumed("kd_kat_plp", 0.3, "dimensionless", "PLP status of half-maximal kynurenine-aminotransferase "
                     "holoenzyme", "the KATs keep more of their PLP: KYNA falls at moderate deficiency but "
                     "xanthurenate rises when 3-HK accumulates in severe deficiency (Rios-Avila et al. 2013)",
                     (0.02, 5.0))
    f_kynu, f_kat = holo_factor(b6, kd_kynu), holo_factor(b6, kd_kat)
    hb = add_hepatic_branch(m, compartment=liver, trp_ex=trp_f, kyn_ex=kyn_p,
                            trp_ex_state=trp_f, kyn_ex_state=kyn_p, tdo_activity=tdo_e * holo,
                            gene_factors={"TDO": m.gene(GENES["TDO2"]) * f_trp_vivo,
                                          "IDO1": m.gene(GENES["IDO1"]) * f_trp_vivo,
                                          "WARS": m.gene(GENES["WARS1"]) * f_trp_vivo,
                                          "TPH1": m.gene(GENES["TPH1"]) * f_trp_vivo,
                                          "TPH2": m.gene(GENES["TPH2"]) * f_trp_vivo,
                                          "DDC": m.gene(GENES["DDC"]) * f_trp_vivo, "KMO": m.gene(GENES["KMO"]),
                                          "SLC7A5": m.gene(GENES["SLC7A5"]), "SLC7A8": m.gene(GENES["SLC7A8"]),
                                          "AFMID": m.gene(GENES["AFMID"]), "HAAO": m.gene(GENES["HAAO"]),
                                          "ACMSD": m.gene(GENES["ACMSD"]), "QPRT": m.gene(GENES["QPRT"]),
                                          "MAOA": m.gene(GENES["MAOA"]), "MAOB": m.gene(GENES["MAOB"]),
                                          "AANAT": m.gene(GENES["AANAT"]), "INMT": m.gene(GENES["INMT"]),
                                          "KYNU": m.gene(GENES["KYNU"]) * f_kynu,
                                          "KAT1": m.gene(GENES["AADAT"]) * f_kat,
                                          "KAT2": m.gene(GENES["AADAT"]) * f_kat,
                                          "KAT3": m.gene(GENES["AADAT"]) * f_kat}, scale=2.8795e-8, scale_basis="fitted",
                            scale_rationale="whole-body calibration: hepatic TDO handles ≈ 80 % of tryptophan "
                            "disposal (Badawy & Dougherty 2016) at the reference diet, and its level sets the "
                            "reference plasma Trp (62.4 µM, daily mean: inside the typical 50–70 µM, high enough that "
                            "a third of the reference Trp intake still leaves ≥ 40 µM (T-KYN-33), low enough that the "
                            "overnight-fasted value stays near the ≈ 50 µM of Fernstrom et al. 2013 (T-KYN-31))")
    k_tat1 = assumed("k_liver_trp_uptake_tat1", 150.0, "1/h", "hepatic tryptophan uptake by the aromatic amino-acid "
                     "transporter TAT1 (SLC16A10), per liver volume", "TAT1 is abundant in liver and carries Trp but "
                     "not the kynurenines; the published model has LAT1/LAT2 only; 150/h puts liver Trp near 90 % "
                     "of free plasma Trp", (1.0, 5000.0))
    m.flux("trp_uptake_slc16a10", m.gene(GENES["SLC16A10"]) * k_tat1 * (trp_f + portal - hb.trp), consumes=[trp_f], produces=[hb.trp], compartment=liver,
           desc="facilitated Trp entry into hepatocytes by TAT1 (SLC16A10), from the portal-enriched blood the "
           "liver receives during absorption (first-pass extraction of dietary tryptophan)")
    m.flux("tdo_degradation", k_tdo * tdo_e * (1 + ltrp_ref / k_stab) / (1 + hb.trp / k_stab), consumes=[tdo_e],
           compartment=liver, desc="TDO degradation, slowed by its substrate")

    # ---- extrahepatic IDO1 -----------------------------------------------------------------------
    vmax_ido = assumed("vmax_ido_periphery", 10.0, "uM/h", "basal extrahepatic IDO1 capacity",
                       "≈ 17 % of tryptophan disposal at the reference, so that the hepatic pathway is ≈ 82 % of "
                       "kynurenine-pathway entry and TDO ≈ 79 % of disposal (Badawy & Dougherty 2016: ≈ 90 % and ≈ 70 %)", (0.5, 50.0), basis="fitted", source="badawy2016")
    km_ido = m.parameter("km_ido_periphery_trp", 45.0, "uM", "IDO1 Km for tryptophan", source="stavrum2013",
                         locator="BioModels MODEL1310160000: IDO_Km_trp_DASH_L 0.045 mM", basis="published_model",
                         provenance="code", range=(5.0, 200.0))
    ido_v = vmax_ido * (1 + ido_ind) * m.gene(GENES["IDO1"]) * trp_f / (km_ido + trp_f)
    m.flux("ido_periphery", ido_v,
                   consumes=[trp_f], produces=[kyn_p], compartment=circ,
                   desc="extrahepatic IDO1 (immune cells, lung, gut)")
    k_kyn = assumed("k_plasma_kyn_clearance", 1.6744, "1/h", "plasma kynurenine clearance (renal excretion and "
                    "extrahepatic metabolism)", "sets plasma Kyn = 1.835 µM (KTR 29.4 µmol/mmol at the reference plasma "
                    "Trp of 62.4 µM, Padberg 2012) at the reference", (0.1, 20.0), basis="fitted", source="padberg2012")
    m.flux("plasma_kyn_clearance", k_kyn * kyn_p, consumes=[kyn_p], compartment=circ,
           desc="renal and extrahepatic removal of plasma kynurenine")

    # ---- brain branch ------------------------------------------------------------------------------
    ref_brain = {"kyn": 0.058, "kyna": 0.029, "3hk": 0.057, "quin": 0.051}

    def dg(local: str, value: float, desc: str) -> sp.Symbol:
        return m.parameter(local, value, "uM", desc, source="dalvigarcia2021",
                           locator="model driver script, brain baselines (SIT §3.1)", basis="published_model",
                           provenance="code", range=(value / 5, value * 5))

    bkyn = m.state("kyn_brain", ref_brain["kyn"], "uM", "brain kynurenine", compartment=brain)
    bkyna = m.state("kyna_brain", ref_brain["kyna"], "uM", "brain kynurenic acid (NMDA/α7 antagonist)",
                    compartment=brain)
    b3hk = m.state("hk_brain", ref_brain["3hk"], "uM", "brain 3-hydroxykynurenine", compartment=brain)
    bquin = m.state("quin_brain", ref_brain["quin"], "uM", "brain quinolinic acid (NMDA agonist)", compartment=brain)
    c_kyn = dg("c_brain_kyn_reference", ref_brain["kyn"], "reference brain kynurenine")
    c_kyna = dg("c_brain_kyna_reference", ref_brain["kyna"], "reference brain kynurenic acid")
    c_3hk = dg("c_brain_3hk_reference", ref_brain["3hk"], "reference brain 3-HK")
    c_quin = dg("c_brain_quin_reference", ref_brain["quin"], "reference brain quinolinic acid")
    k_kyna = assumed("k_brain_kyna_efflux", 0.5, "1/h", "kynurenic acid efflux", "probenecid-sensitive organic-anion "
                     "efflux; time scale of hours", (0.05, 5.0))
    k_3hk = assumed("k_brain_3hk_turnover", 1.0, "1/h", "3-HK turnover (KYNU/HAAO onward and efflux)",
                    "time scale of about an hour", (0.1, 10.0))
    k_quin = assumed("k_brain_quin_removal", 0.5, "1/h", "quinolinic acid removal (QPRT and efflux)",
                     "time scale of hours", (0.05, 5.0))
    k_bkyn = assumed("k_brain_kyn_efflux", 0.5, "1/h", "kynurenine efflux from brain", "time scale of hours",
                     (0.05, 5.0))
    f_blood = assumed("f_brain_kyn_from_blood", 0.6, "dimensionless", "fraction of brain kynurenine taken up from "
                      "blood at the reference", "≈ 60 % of brain kynurenine comes from the circulation (rat "
                      "studies); the rest from local IDO1", (0.0, 1.0))
    # rate constants that reproduce the reference brain levels at steady state (derived in closed form)
    k_kat = c_kyna * k_kyna / c_kyn
    f_q = c_quin * k_quin / (c_3hk * k_3hk)
    k_kmo = c_3hk * k_3hk / c_kyn
    loss = (k_kat + k_kmo + k_bkyn) * c_kyn
    c_entry_ref = assumed("c_lat1_kyn_entry_reference", round(entry_ref, 8), "dimensionless", "LAT1 kynurenine "
                          "entry term at the reference", "reference plasma levels of the precursors module",
                          (1e-6, 0.1), basis="derived", source="smith1987")
    c_btrp_ref = assumed("c_brain_trp_reference", 20.17, "uM", "brain tryptophan of the reference (serotonin "
                         "module steady state)", "serotonin module steady state", (5.0, 60.0), basis="derived", source="best2020")
    m.flux("brain_kyn_uptake", f_blood * loss * kyn_entry / c_entry_ref, produces=[bkyn], compartment=brain,
           desc="kynurenine entry from blood by LAT1")
    m.flux("brain_ido", (1 - f_blood) * loss * (1 + bido_ind) * m.gene(GENES["IDO1"]) * btrp / c_btrp_ref,
           produces=[bkyn], compartment=brain, desc="microglial/astrocytic IDO1 (Trp → Kyn)")
    m.flux("brain_kat", f_kat * m.gene(GENES["AADAT"]) * k_kat * bkyn, consumes=[bkyn], produces=[bkyna],
           compartment=brain, desc="astrocytic KATs: Kyn → kynurenic acid")
    m.flux("brain_kmo", (1 + bkmo_ind) * m.gene(GENES["KMO"]) * k_kmo * bkyn, consumes=[bkyn], produces=[b3hk],
           compartment=brain, desc="microglial KMO: Kyn → 3-HK")
    m.flux("brain_kyn_efflux", k_bkyn * bkyn, consumes=[bkyn], compartment=brain, desc="kynurenine efflux")
    m.flux("brain_kyna_efflux", k_kyna * bkyna, consumes=[bkyna], compartment=brain, desc="kynurenic acid efflux")
    m.flux("brain_3hk_to_quin", f_q * k_3hk * b3hk, consumes=[b3hk], produces=[bquin], compartment=brain,
           desc="3-HK → 3-HAA → quinolinic acid (microglia)")
    m.flux("brain_3hk_other", (1 - f_q) * k_3hk * b3hk, consumes=[b3hk], compartment=brain,
           desc="3-HK efflux and other routes")
    m.flux("brain_quin_removal", k_quin * bquin, consumes=[bquin], compartment=brain, desc="QPRT and efflux")

    # ---- observables ----------------------------------------------------------------------------------
    trp_total = sp.Symbol("precursors.trp_total", real=True)
    m.observable("plasma_kyn", kyn_p, "uM", "uM", "plasma kynurenine", reference_range=(1.0, 3.3),
                 range_source="bevital", range_note="LC-MS/MS reporting range")
    m.observable("plasma_kyn_trp_ratio", kyn_p / trp_total * 1000, "dimensionless", "dimensionless",
                 "plasma kynurenine/tryptophan ratio (KTR), µmol Kyn per mmol Trp",
                 reference_range=(22.6, 36.2), range_source="padberg2012",
                 range_note="healthy young men 29.4 ± 6.8 µmol/mmol (mean ± SD, n = 6)")
    m.observable("brain_kyn", bkyn, "uM", "nM", "brain kynurenine")
    m.observable("brain_kyna", bkyna, "uM", "nM", "brain kynurenic acid (NMDA antagonist signal)")
    m.observable("brain_quin", bquin, "uM", "nM", "brain quinolinic acid (NMDA agonist signal)")
    m.observable("brain_3hk", b3hk, "uM", "nM", "brain 3-hydroxykynurenine")
    m.observable("brain_quin_kyna_ratio", bquin / bkyna, "dimensionless", "dimensionless",
                 "QUIN/KYNA ratio (excitotoxic balance)")
    m.observable("hepatic_trp", hb.trp, "uM", "uM", "hepatocyte tryptophan")
    m.observable("hepatic_kyn", hb.kyn, "uM", "uM", "hepatocyte kynurenine")
    m.observable("hepatic_3hk", hb.hk, "uM", "uM", "hepatocyte 3-hydroxykynurenine")
    m.observable("tdo_activity", tdo_e * holo * sp.Symbol("gene.TDO2", real=True), "dimensionless", "dimensionless",
                 "hepatic TDO activity relative to the reference")
    m.observable("ido_activity", (1 + ido_ind) * m.gene(GENES["IDO1"]), "dimensionless", "dimensionless",
                 "extrahepatic IDO1 activity relative to basal")
    m.observable("ido_flux", ido_v, "uM/h", "uM/h", "extrahepatic IDO1 flux")
    return m.freeze()
