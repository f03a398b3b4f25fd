"""Hepatic tryptophan–kynurenine branch: the rate laws of Stavrum et al. (2013).

The published liver model (BioModels MODEL1310160000) is re-implemented reaction by
reaction in canonical units (µM, h).  Its enzyme amounts ``E_T`` are tissue expression
levels multiplied by one global ``scaling``; only ratios, concentrations and fold changes
are meaningful, so the absolute rate scale is the parameter ``c_enzyme_scale`` (1 mM in
the published model; the whole-body model calibrates it to the human tryptophan flux).

Reactions kept: LAT1/LAT2 (SLC7A5/SLC7A8) exchange transport of Trp and Kyn; TDO;
IDO1 on Trp, 5-HTP and 5-HT; WARS (protein synthesis); TPH1, TPH2; AADC on 5-HTP and Trp;
MAO-A/B, AANAT and INMT on 5-HT; AFMID; KMO; KYNU on FKyn, Kyn and 3-HK; KAT1–3 on Kyn
and 3-HK; HAAO; ACMSD; spontaneous ACMS → QUIN; QPRT.  Omitted, each below 0.05 % of
the Trp flux at the published steady state: the tryptamine and N-methyltryptamine
side-branch (3.6 pM tryptamine), IL4I1, cinnavalinate formation, and the 5-hydroxy-
N-formylkynurenine and N-formylanthranilate competition terms of AFMID.  Fixed
co-substrates (O2, NADPH, tRNA, PRPP) keep the published boundary values; BH4, ATP, H+ and H2O
are bare factors of value 1 in the published laws and are left out.

??? cite "Reference"
    Stavrum A-K, et al. (2013) Model of tryptophan metabolism, readily scalable using
    tissue-specific gene expression data. J Biol Chem 288:34555.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sympy as sp

from ..model._core import Module

__all__ = ["HepaticBranch", "add_hepatic_branch", "ENZYME_PARAMETERS"]

_SBML = "BioModels MODEL1310160000"

#: Enzyme name → the expression-level parameter (local name) that scales it.
ENZYME_PARAMETERS = {
    "TDO": "c_et_tdo", "IDO1": "c_et_ido1", "SLC7A5": "c_et_slc7a5", "SLC7A8": "c_et_slc7a8",
    "KMO": "c_et_kmo", "KYNU": "c_et_kynu", "KAT1": "c_et_kat1", "KAT2": "c_et_kat2", "KAT3": "c_et_kat3",
    "TPH1": "c_et_tph1", "TPH2": "c_et_tph2", "MAOA": "c_et_maoa", "MAOB": "c_et_maob", "WARS": "c_et_wars",
    "AFMID": "c_et_afmid", "HAAO": "c_et_haao", "ACMSD": "c_et_acmsd", "QPRT": "c_et_qprt", "DDC": "c_et_ddc",
    "AANAT": "c_et_aanat", "INMT": "c_et_inmt",
}

#: Liver expression levels E_T (microarray intensities) of the published model.
_ET = {
    "TDO": (943912.0, "R00678_Tdo local E_T"), "IDO1": (453.4833679199, "IDO_E_T"),
    "SLC7A5": (1961.5135498047, "Transporter_E_T_Slc7a5"), "SLC7A8": (2226.3728027344, "Transporter_E_T_Slc7a8"),
    "KMO": (9766.18, "R01960 local E_T"), "KYNU": (56601.7578125, "KYNU_E_T"),
    "KAT1": (9455.1357421875, "AADAT_E_T_kat1"), "KAT2": (7744.3154296875, "AADAT_E_T_kat2"),
    "KAT3": (15588.2099609375, "AADAT_E_T_kat3"), "TPH1": (503.141, "R01814_Tph1 local E_T"),
    "TPH2": (235.128, "R01814_Tph2 local E_T"), "MAOA": (137204.8125, "MAOA_E_T"),
    "MAOB": (294114.875, "MAOB_E_T"), "WARS": (15961.5, "R03664 local E_T"), "AFMID": (15820.2158203125, "AFMID_E_T"),
    "HAAO": (10308.4, "R02665 local E_T"), "ACMSD": (48858.2, "R04323 local E_T"),
    "QPRT": (138709.0, "R03348 local E_T"), "DDC": (36074.9140625, "DDC_E_T"), "AANAT": (2770.9680175781, "AANAT_E_T"),
    "INMT": (4186.5874023438, "IMNT_E_T"),
}


@dataclass(frozen=True)
class HepaticBranch:
    """Symbols of the hepatic branch that the caller wires to the rest of the body."""

    trp: sp.Symbol
    kyn: sp.Symbol
    hk: sp.Symbol
    ht: sp.Symbol
    fluxes: Mapping[str, sp.Symbol]


def add_hepatic_branch(m: Module, *, compartment: str, trp_ex: sp.Expr, kyn_ex: sp.Expr,
                       trp_ex_state: sp.Symbol | None, kyn_ex_state: sp.Symbol | None,
                       tdo_activity: sp.Expr = sp.Integer(1), ido_activity: sp.Expr = sp.Integer(1),
                       transport_factor: sp.Expr = sp.Integer(1), plp_factor: sp.Expr = sp.Integer(1),
                       gene_factors: Mapping[str, sp.Expr] | None = None,
                       scale: float = 1.0, scale_basis: str = "published_model",
                       scale_rationale: str = "") -> HepaticBranch:
    """Declare the Stavrum hepatic reactions in module ``m`` (states prefixed ``liver_``).

    ``trp_ex``/``kyn_ex`` are the extracellular (free plasma) concentrations; when the
    ``*_state`` arguments are given, transport moves amount between them and the liver.
    ``tdo_activity``, ``ido_activity`` (regulation), ``transport_factor`` (in-vivo carrier
    capacity), ``plp_factor`` (vitamin B6 for KYNU and the KATs) and ``gene_factors`` (by enzyme
    name) multiply the published rates.
    """
    c = compartment

    def par(local: str, value: float, unit: str, desc: str, where: str, lo: float = 0.1, hi: float = 10.0) -> sp.Symbol:
        return m.parameter(local, value, unit, desc, source="stavrum2013", locator=f"{_SBML}: {where}",
                           basis="published_model", provenance="code", range=(value * lo, value * hi))

    et = {k: m.parameter(ENZYME_PARAMETERS[k], v, "dimensionless", f"{k} expression level E_T (liver)",
                         source="stavrum2013", locator=f"{_SBML}: {w}", basis="published_model", provenance="code",
                         range=(0.0, v * 1000.0)) for k, (v, w) in _ET.items()}
    for k, g in (gene_factors or {}).items():
        et[k] = et[k] * g
    if scale_basis == "published_model":
        s = m.parameter("c_enzyme_scale", scale, "mM", "rate scale that turns E_T·kcat into a rate (SBML 'scaling' "
                        "× 1 mM)", source="stavrum2013", locator=f"{_SBML}: scaling", basis="published_model",
                        provenance="code", range=(0.0, 10.0))
    else:
        s = m.parameter("c_enzyme_scale", scale, "mM", "rate scale that turns E_T·kcat into a rate (SBML 'scaling' "
                        "× 1 mM)", source="stavrum2013", basis="fitted", rationale=scale_rationale,
                        provenance="own", range=(scale * 0.01, scale * 100.0))
    o2 = par("c_oxygen", 1.0, "mM", "O2 (fixed)", "M_o2_c")
    nadph = par("c_nadph_liver", 0.03, "mM", "NADPH for KMO (fixed)", "M_nadph_c")
    trna = par("c_trna_trp", 1e-5, "mM", "tRNA(Trp) for WARS (fixed)", "M_trna_trp_c")
    prpp = par("c_prpp", 1.0, "mM", "PRPP for QPRT (fixed)", "M_prpp_c")
    # BH4 (TPH), ATP (WARS), H+ and H2O enter the published laws as bare factors of value 1

    trp = m.state("liver_trp", 0.12, "uM", "hepatocyte tryptophan", compartment=c)
    fkyn = m.state("liver_formylkynurenine", 0.0218, "uM", "N-formylkynurenine", compartment=c)
    kyn = m.state("liver_kyn", 2.63, "uM", "hepatocyte kynurenine", compartment=c)
    hk = m.state("liver_3hk", 0.012, "uM", "3-hydroxykynurenine", compartment=c)
    haa = m.state("liver_3haa", 0.0033, "uM", "3-hydroxyanthranilate", compartment=c)
    acms = m.state("liver_acms", 0.0112, "uM", "2-amino-3-carboxymuconate semialdehyde (ACMS)", compartment=c)
    quin = m.state("liver_quin", 2e-12, "uM", "quinolinate", compartment=c)
    htp = m.state("liver_5htp", 0.00099, "uM", "5-hydroxytryptophan", compartment=c)
    ht = m.state("liver_5ht", 7.8e-5, "uM", "serotonin (hepatic)", compartment=c)

    fl: dict[str, sp.Symbol] = {}

    def flux(local: str, rate: sp.Expr, desc: str, consumes=(), produces=()) -> None:  # noqa: ANN001
        fl[local] = m.flux(local, rate, consumes=consumes, produces=produces, compartment=c, desc=desc)

    def two(kcat: sp.Expr, e: sp.Expr, a: sp.Expr, b: sp.Expr, ka: sp.Expr, kb: sp.Expr) -> sp.Expr:
        # random-order bi-substrate Michaelis–Menten (Stavrum's 'function_4_*' laws)
        return kcat * e * s * a * b / (ka * kb + ka * b + kb * a + a * b)

    # --- transport (exchange law; Trp and Kyn compete on each carrier) -----------------
    km_trp5 = par("km_slc7a5_trp", 0.019, "mM", "LAT1 Km for Trp", "Transporter_Km_Trp_Slc7a5")
    km_trp8 = par("km_slc7a8_trp", 0.0573, "mM", "LAT2 Km for Trp", "Transporter_Km_Trp_Slc7a8")
    km_kyn_t = par("km_lat_kyn", 0.032, "mM", "LAT1/LAT2 Km for Kyn", "Transporter_Km_Lkynr")
    kcat_t = par("k_lat_kcat", 1.3, "1/s", "transporter turnover (Trp and Kyn)", "Transporter_kcat_Trp/Lkynr")
    for gene, km_t in (("slc7a5", km_trp5), ("slc7a8", km_trp8)):
        cap = et["SLC7A5" if gene == "slc7a5" else "SLC7A8"] * transport_factor * kcat_t * s
        den = 1 + trp_ex / km_t + kyn_ex / km_kyn_t + trp / km_t + kyn / km_kyn_t
        flux(f"trp_uptake_{gene}", cap * (trp_ex - trp) / km_t / den, f"Trp exchange into the liver by {gene.upper()}",
             consumes=[trp_ex_state] if trp_ex_state is not None else (), produces=[trp])
        flux(f"kyn_export_{gene}", cap * (kyn - kyn_ex) / km_kyn_t / den, f"Kyn exchange out of the liver by {gene.upper()}",
             consumes=[kyn], produces=[kyn_ex_state] if kyn_ex_state is not None else ())

    # --- Trp consumers ------------------------------------------------------------------
    flux("tdo", tdo_activity * two(par("k_tdo_kcat", 1.4, "1/s", "TDO kcat", "R00678_Tdo kcat"), et["TDO"], trp, o2,
                                   par("km_tdo_trp", 0.222, "mM", "TDO Km Trp", "R00678_Tdo Ka"),
                                   par("km_tdo_o2", 0.037, "mM", "TDO Km O2", "R00678_Tdo Kb")),
         "tryptophan 2,3-dioxygenase (TDO2)", consumes=[trp], produces=[fkyn])
    km_ido_trp = par("km_ido_trp", 0.045, "mM", "IDO1 Km Trp", "IDO_Km_trp_DASH_L")
    km_ido_htp = par("km_ido_5htp", 0.02, "mM", "IDO1 Km 5-HTP", "IDO_Km_5htrp")
    km_ido_ht = par("km_ido_5ht", 0.1, "mM", "IDO1 Km 5-HT", "IDO_Km_srtn")
    km_ido_o2 = par("km_ido_o2", 0.042, "mM", "IDO1 Km O2", "IDO_Km_O2")
    # IDO1: three competing substrates, random order with O2 (function_4_IDO_*)
    ido_den = 1 + trp / km_ido_trp + htp / km_ido_htp + ht / km_ido_ht + o2 / km_ido_o2 \
        + (trp / km_ido_trp + htp / km_ido_htp + ht / km_ido_ht) * o2 / km_ido_o2
    ido_e = ido_activity * et["IDO1"] * s * o2 / km_ido_o2 / ido_den
    flux("ido_trp", ido_e * par("k_ido_kcat_trp", 1.65, "1/s", "IDO1 kcat Trp", "R00678_Indo kcat") * trp / km_ido_trp,
         "indoleamine 2,3-dioxygenase 1 on Trp", consumes=[trp], produces=[fkyn])
    flux("ido_5htp", ido_e * par("k_ido_kcat_5htp", 0.043, "1/s", "IDO1 kcat 5-HTP", "R02702 kcat") * htp / km_ido_htp,
         "IDO1 on 5-HTP", consumes=[htp])
    flux("ido_5ht", ido_e * par("k_ido_kcat_5ht", 0.002, "1/s", "IDO1 kcat 5-HT", "R02909 kcat") * ht / km_ido_ht,
         "IDO1 on 5-HT", consumes=[ht])
    flux("wars", et["WARS"] * s * par("k_wars_kcat", 1.1, "1/s", "WARS kcat", "R03664 kcat") * trp * trna
         / (par("km_wars_trp", 0.0074, "mM", "WARS Km Trp", "R03664 Ka") * par("km_wars_trna", 0.0011, "mM", "WARS Km tRNA",
                                                                                  "R03664 Kb")
            + m.ref(f"{m.name}.km_wars_trna") * trp + m.ref(f"{m.name}.km_wars_trp") * trna + trp * trna),
         "tryptophanyl-tRNA synthetase (protein synthesis)", consumes=[trp])
    for iso, kcat, ka, kb in (("tph1", 0.57, 0.0228, 0.109), ("tph2", 0.18, 0.0403, 0.273)):
        kc = par(f"k_{iso}_kcat", kcat, "1/s", f"{iso.upper()} kcat", f"R01814_{iso.capitalize()} kcat")
        kta = par(f"km_{iso}_trp", ka, "mM", f"{iso.upper()} Km Trp", f"R01814_{iso.capitalize()} Ka")
        ktb = par(f"km_{iso}_o2", kb, "mM", f"{iso.upper()} Km O2", f"R01814_{iso.capitalize()} Kb")
        flux(iso, kc * et[iso.upper()] * s * trp * o2 / (kta * ktb + ktb * trp + kta * o2 + trp * o2),
             f"tryptophan hydroxylase ({iso.upper()})", consumes=[trp], produces=[htp])
    km_ddc_htp = par("km_ddc_5htp", 0.049, "mM", "AADC Km 5-HTP", "DDC_Km_5htrp")
    km_ddc_trp = par("km_ddc_trp", 10.0, "mM", "AADC Km Trp", "DDC_Km_trp_DASH_L")
    ddc_den = 1 + htp / km_ddc_htp + trp / km_ddc_trp
    flux("ddc_5htp", et["DDC"] * s * par("k_ddc_kcat_5htp", 2.0, "1/s", "AADC kcat 5-HTP", "R02701 kcat_B")
         * htp / km_ddc_htp / ddc_den, "AADC: 5-HTP → 5-HT", consumes=[htp], produces=[ht])
    flux("ddc_trp", et["DDC"] * s * par("k_ddc_kcat_trp", 0.38, "1/s", "AADC kcat Trp", "R00685 kcat_B")
         * trp / km_ddc_trp / ddc_den, "AADC: Trp → tryptamine (side branch, product not tracked)", consumes=[trp])
    km_mao = par("km_mao_5ht", 0.43, "mM", "MAO Km 5-HT", "MAO_Km_srtn")
    k_mao = par("k_mao_kcat_5ht", 18.6, "1/s", "MAO kcat 5-HT", "R02908 kcat_B")
    for iso in ("maoa", "maob"):
        flux(iso, et[iso.upper()] * s * k_mao * ht / (km_mao + ht), f"{iso.upper()}: 5-HT → 5-HIAA", consumes=[ht])
    flux("aanat", et["AANAT"] * s * par("k_aanat_kcat", 25.9, "1/s", "AANAT kcat", "R02911 kcat_B") * ht
         / (par("km_aanat_5ht", 1.35, "mM", "AANAT Km 5-HT", "AANAT_Km_Srtn") + ht), "AANAT: 5-HT → N-acetylserotonin",
         consumes=[ht])
    flux("inmt", et["INMT"] * s * par("k_inmt_kcat", 0.044, "1/s", "INMT kcat 5-HT", "R02910 kcat_A") * ht
         / (par("km_inmt_5ht", 1.38, "mM", "INMT Km 5-HT", "IMNT_Km_srtn") + ht), "INMT: 5-HT → N-methylserotonin",
         consumes=[ht])

    # --- kynurenine branch ---------------------------------------------------------------
    flux("afmid", et["AFMID"] * s * par("k_afmid_kcat", 100.0, "1/s", "AFMID kcat", "R01959 kcat_A") * fkyn
         / (par("km_afmid_fkyn", 0.05, "mM", "AFMID Km FKyn", "AFMID_Km_Lfmkynr") + fkyn),
         "kynurenine formamidase: FKyn → Kyn", consumes=[fkyn], produces=[kyn])
    km_ku_k = par("km_kynu_kyn", 0.495, "mM", "KYNU Km Kyn", "KYNU_Km_Lkynr")
    km_ku_h = par("km_kynu_3hk", 0.028, "mM", "KYNU Km 3-HK", "KYNU_Km_hLkynr")
    km_ku_f = par("km_kynu_fkyn", 2.2, "mM", "KYNU Km FKyn", "KYNU_Km_Lfmkynr")
    ku_den = 1 + kyn / km_ku_k + hk / km_ku_h + fkyn / km_ku_f
    ku = plp_factor * et["KYNU"] * s / ku_den
    flux("kynu_kyn", ku * par("k_kynu_kcat_kyn", 0.23, "1/s", "KYNU kcat Kyn", "R00987 kcat_A") * kyn / km_ku_k,
         "kynureninase: Kyn → anthranilate", consumes=[kyn])
    flux("kynu_3hk", ku * par("k_kynu_kcat_3hk", 3.5, "1/s", "KYNU kcat 3-HK", "R02668 kcat_A") * hk / km_ku_h,
         "kynureninase: 3-HK → 3-HAA", consumes=[hk], produces=[haa])
    flux("kynu_fkyn", ku * par("k_kynu_kcat_fkyn", 0.013, "1/s", "KYNU kcat FKyn", "R03936 kcat_A") * fkyn / km_ku_f,
         "kynureninase: FKyn → N-formylanthranilate", consumes=[fkyn])
    flux("kmo", et["KMO"] * s * par("k_kmo_kcat", 2.2, "1/s", "KMO kcat", "R01960 kcat") * kyn * o2 * nadph
         / (lambda ka, kb, kc: ka * kb * kc + kyn * kb * kc + o2 * ka * kc + nadph * ka * kb + kyn * o2 * kc
            + o2 * nadph * ka + kyn * nadph * kb + kyn * o2 * nadph)(
             par("km_kmo_kyn", 0.1, "mM", "KMO Km Kyn", "R01960 Ka"), par("km_kmo_o2", 0.071, "mM", "KMO Km O2", "R01960 Kb"),
             par("km_kmo_nadph", 0.153, "mM", "KMO Km NADPH", "R01960 Kc")),
         "kynurenine 3-monooxygenase: Kyn → 3-HK", consumes=[kyn], produces=[hk])
    km_kat_k = par("km_kat_kyn", 4.7, "mM", "KAT Km Kyn", "AADAT_Km_Lkynr")
    km_kat_h = par("km_kat_3hk", 3.8, "mM", "KAT Km 3-HK", "AADAT_Km_hLkynr")
    kc_kat_k = par("k_kat_kcat_kyn", 9.76, "1/s", "KAT kcat Kyn", "AADAT_kcat_Lkynr")
    kc_kat_h = par("k_kat_kcat_3hk", 1.7, "1/s", "KAT kcat 3-HK", "AADAT_kcat_hLkynr")
    kat_den = 1 + kyn / km_kat_k + hk / km_kat_h
    for iso in ("kat1", "kat2", "kat3"):
        e = plp_factor * et[iso.upper()] * s / kat_den
        flux(f"{iso}_kyn", e * kc_kat_k * kyn / km_kat_k, f"{iso.upper()}: Kyn → kynurenic acid", consumes=[kyn])
        flux(f"{iso}_3hk", e * kc_kat_h * hk / km_kat_h, f"{iso.upper()}: 3-HK → xanthurenic acid", consumes=[hk])
    flux("haao", two(par("k_haao_kcat", 64.0, "1/s", "HAAO kcat", "R02665 kcat"), et["HAAO"], haa, o2,
                     par("km_haao_3haa", 0.016, "mM", "HAAO Km 3-HAA", "R02665 Ka"),
                     par("km_haao_o2", 0.615, "mM", "HAAO Km O2", "R02665 Kb")),
         "3-hydroxyanthranilate dioxygenase: 3-HAA → ACMS", consumes=[haa], produces=[acms])
    flux("acmsd", et["ACMSD"] * s * par("k_acmsd_kcat", 1.0, "1/s", "ACMSD kcat", "R04323 kcat") * acms
         / (par("km_acmsd", 0.0065, "mM", "ACMSD Km", "R04323 Km") + acms), "ACMS decarboxylase (picolinate route)",
         consumes=[acms])
    flux("quin_formation", par("k_quin_spontaneous", 2.5e-4, "1/s", "spontaneous ACMS cyclisation to QUIN",
                               "quin_form k1") * acms, "non-enzymatic ACMS → quinolinate", consumes=[acms], produces=[quin])
    flux("qprt", two(par("k_qprt_kcat", 0.255, "1/s", "QPRT kcat", "R03348 kcat"), et["QPRT"], quin, prpp,
                     par("km_qprt_quin", 0.022, "mM", "QPRT Km QUIN", "R03348 Ka"),
                     par("km_qprt_prpp", 0.023, "mM", "QPRT Km PRPP", "R03348 Kb")),
         "quinolinate phosphoribosyltransferase (NAD+ route)", consumes=[quin])
    return HepaticBranch(trp, kyn, hk, ht, fl)
