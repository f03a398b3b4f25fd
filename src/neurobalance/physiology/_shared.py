"""Mechanisms that several modules declare identically."""

from __future__ import annotations

import dataclasses
import math

import sympy as sp

from ..model._core import Module

__all__ = ["add_bh4_oxidation", "add_cofactor_hooks", "holo_factor", "CofactorHooks"]


def add_bh4_oxidation(m: Module, *, bh4: sp.Symbol, bh2: sp.Symbol, compartment: str, default: object) -> None:
    """Inflammatory oxidation of BH4 to BH2 in a monoamine terminal (input ``oxidative_stress``,
    0 at rest, so the published terminal is unchanged; the inflammation module supplies it)."""
    ox = m.input("oxidative_stress", default, "dimensionless",
                 "inflammatory oxidative stress acting on BH4 (0 at rest; the inflammation module supplies it)")
    k_ox = m.parameter("k_bh4_oxidation", 2.0, "1/h", "BH4 oxidation to BH2 per unit oxidative stress",
                       basis="assumed", rationale="inflammation oxidises BH4 (peroxynitrite), lowering the "
                       "reduced fraction that the hydroxylase uses; 0 at rest so the published model is unchanged",
                       provenance="own", range=(0.0, 50.0))
    m.flux("bh4_oxidation", k_ox * ox * bh4, consumes=[bh4], produces=[bh2], compartment=compartment,
           desc="oxidation of BH4 by inflammatory oxidants")


def holo_factor(status: sp.Expr, kd: sp.Expr) -> sp.Expr:
    """Relative activity of an enzyme whose cofactor (status 1 = replete) binds with apparent
    dissociation constant ``kd`` (in status units): 1 at status 1, → 0 as the status → 0; a small
    ``kd`` (tight binding) makes the enzyme insensitive to moderate deficiency."""
    return status * (kd + 1) / (kd + status)


@dataclasses.dataclass(frozen=True)
class CofactorHooks:
    iron: sp.Expr
    plp_aadc: sp.Expr


def add_cofactor_hooks(m: Module, *, bh4: sp.Symbol, bh2: sp.Symbol, compartment: str, total: sp.Expr,
                       bh4_reference: float, plp: object, iron: object, folate: object, phe: object,
                       turnover: bool, amino_acid: sp.Symbol, aadc_first_order: float) -> CofactorHooks:
    """Cofactor inputs of a monoamine terminal (each 1 at the reference, so the published model
    is unchanged): iron for the hydroxylase, PLP for AADC and, when ``turnover``, de novo BH4
    synthesis by GTP cyclohydrolase (folate-dependent, feedback-inhibited by BH4 through GFRP and
    disinhibited by phenylalanine; Harada et al. 1993) balanced by first-order biopterin loss, and
    efflux of the hydroxylated amino acid (``amino_acid``: 5-HTP or L-DOPA) by LAT1, 5 % of its
    AADC turnover at the reference (``aadc_first_order`` is AADC's Vmax/Km).  Without
    ``turnover`` the biopterin pool is conserved and AADC is the only exit of the amino acid, as
    in the published terminal models."""
    b6 = m.input("plp", plp, "dimensionless", "vitamin B6 (PLP) status (1 = replete; the cofactors module supplies it)")
    fe = m.input("iron", iron, "dimensionless", "brain iron status (1 = replete; the cofactors module supplies it)")
    kd_fe = m.parameter("kd_hydroxylase_iron", 0.5, "dimensionless", "iron status of half-maximal hydroxylase "
                        "activity", basis="assumed", rationale="TH and TPH are non-haem iron enzymes; iron deficiency "
                        "lowers their activity, but less than it lowers D2 density (weanling rats, Erikson et al. "
                        "2001)", provenance="own", range=(0.05, 5.0))
    kd_aadc = m.parameter("kd_aadc_plp", 2.0, "dimensionless", "PLP status of half-maximal AADC holoenzyme",
                          basis="assumed", rationale="5-HTP decarboxylase activity falls markedly in B6 deficiency "
                          "and brain 5-HT with it (pyridoxine-deficiency review in the reference): the apoenzyme "
                          "binds PLP weakly", provenance="own", range=(0.1, 10.0))
    if turnover:
        fol = m.input("folate", folate, "dimensionless",
                      "brain 5-MTHF status (1 = replete; the cofactors module supplies it)")
        ph = m.input("phenylalanine", phe, "uM", "plasma phenylalanine (GFRP disinhibition of GTP cyclohydrolase)")
        k_turn = m.parameter("k_biopterin_turnover", round(math.log(2) / 12.0, 6), "1/h",
                             "first-order loss of biopterins (half-life 12 h)", basis="assumed",
                             rationale="brain biopterin falls within a day of GTP-cyclohydrolase inhibition; sets "
                             "how fast BH4 follows folate status", provenance="own", range=(0.005, 1.0))
        a_fb = m.parameter("f_gfrp_feedback", 1.0, "dimensionless", "GFRP feedback strength at the reference BH4 "
                           "(GTPCH activity × 1/(1 + f) at reference BH4 and no Phe)", basis="assumed",
                           rationale="BH4 feedback-inhibits GTP cyclohydrolase through GFRP and phenylalanine "
                           "relieves it (Harada et al. 1993); half-inhibition at the normal BH4 level",
                           provenance="own", range=(0.0, 10.0))
        km_phe = m.parameter("km_gfrp_phenylalanine", 100.0, "uM", "plasma Phe of half-maximal relief of the GFRP "
                             "feedback", basis="assumed", rationale="phenylalanine reverses GFRP inhibition at "
                             "physiological-to-high levels (Harada et al. 1993); 100 µM puts the reference near "
                             "a third of maximal relief", provenance="own", range=(10.0, 1000.0))
        kd_fol = m.parameter("kd_gtpch_folate", 1.0, "dimensionless", "5-MTHF status of half-maximal BH4 synthesis "
                             "support", basis="assumed", rationale="folate deficiency lowers CSF BH4, which "
                             "correlates with folate and 5-HIAA (Bottiglieri et al. 1992)", provenance="own",
                             range=(0.05, 5.0))
        bh4_ref = m.parameter("c_bh4_reference", bh4_reference, "uM", "BH4 of the published steady state",
                              basis="derived", source="best2020" if bh4_reference < 10 else "best2009",
                              rationale="normalises the GFRP feedback so that synthesis equals loss at the "
                              "published steady state", provenance="D", range=(bh4_reference / 10, bh4_reference * 10))
        phe_ref = m.parameter("c_phenylalanine_reference", 55.0, "uM", "reference plasma phenylalanine of the GFRP "
                              "normalisation", basis="assumed", rationale="typical adult plasma Phe, the reference "
                              "of the precursors module", provenance="own", range=(30.0, 120.0))
        fb = (1 + a_fb * (bh4 / bh4_ref) / (1 + ph / km_phe))
        fb_ref = 1 + a_fb / (1 + phe_ref / km_phe)
        j = k_turn * total * holo_factor(fol, kd_fol) * fb_ref / fb
        m.flux("gtpch", j, produces=[bh4], compartment=compartment,
               desc="de novo BH4 synthesis by GTP cyclohydrolase (GFRP feedback; folate-dependent)")
        m.flux("biopterin_loss_bh4", k_turn * bh4, consumes=[bh4], compartment=compartment,
               desc="first-order loss of BH4")
        m.flux("biopterin_loss_bh2", k_turn * bh2, consumes=[bh2], compartment=compartment,
               desc="first-order loss of BH2")
        f_eff = m.parameter("f_amino_acid_efflux", 0.05, "dimensionless", "LAT1 efflux of the hydroxylated amino "
                            "acid relative to its AADC turnover at the reference", basis="assumed",
                            rationale="5-HTP and L-DOPA are LAT1 substrates and leave neurons; a small exit makes "
                            "5-HT and DA synthesis depend on AADC when AADC loses its cofactor (B6 deficiency)",
                            provenance="own", range=(0.0, 0.5))
        k_aadc = m.parameter("k_aadc_first_order", round(aadc_first_order, 6), "1/h", "AADC Vmax/Km of the published "
                             "terminal (the first-order turnover rate of its substrate)", basis="derived",
                             source="best2020" if bh4_reference < 10 else "best2009",
                             rationale="published AADC Vmax divided by its Km", provenance="D",
                             range=(aadc_first_order / 10, aadc_first_order * 10))
        m.flux("amino_acid_efflux", f_eff * k_aadc * amino_acid, consumes=[amino_acid],
               compartment=compartment, desc="LAT1 efflux of the hydroxylated amino acid from the terminal")
    return CofactorHooks(iron=holo_factor(fe, kd_fe), plp_aadc=holo_factor(b6, kd_aadc))
