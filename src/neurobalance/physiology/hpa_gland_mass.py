"""HPA axis with slow gland-mass adaptation (Karin et al. 2020; Milo et al. 2025), normalised.

The weeks-long time scale of the stress axis: corticotroph (P) and adrenal-cortex (A)
masses grow under sustained CRH and ACTH drive and shrink back slowly, so cortisol keeps
rising during a month of stress and the axis stays dysregulated for weeks after it ends.
All variables are normalised to 1 at rest; time is in hours (the source uses days).

This is the published sub-model on its own, validated against T-HPA-13/14; the
physiological `hpa` module (CRH/ACTH/cortisol in their own units, circadian drive, GR
self-induction) will build on it.

    MR(x) = 1/x ;   GR(x) = 1/(1 + (x/K_GR)^n_GR)
    dx1/dt = γ1·(u·MR(x3)·GR(x3) − x1)          CRH
    dx2/dt = γ2·(x1·P·GR(x3) − x2)             ACTH
    dx3/dt = γ3·(x2·A − x3)                    cortisol
    dP/dt  = γP·P·(x1·(1 − P/K_P) − 1)         corticotroph mass
    dA/dt  = γA·A·(x2·(1 − A/K_A) − 1)         adrenal-cortex mass

??? cite "Reference"
    Karin O, et al. (2020) A new model for the HPA axis explains dysregulation of stress
    hormones on the timescale of weeks. Mol Syst Biol 16:e9510.
"""

from __future__ import annotations

import math

from ..model._core import Module

__all__ = ["hpa_gland_mass_module"]

_CODE = "tomermilo/hpa-drugs, hpa drugs.ipynb, function HPA_full"


def hpa_gland_mass_module() -> Module:
    """Build the normalised gland-mass HPA model (module ``hpa_gland_mass``)."""
    m = Module("hpa_gland_mass", "Normalised HPA axis with corticotroph and adrenal gland-mass dynamics "
               "(Karin et al. 2020).", references=["karin2020"])
    c = m.compartment("body", "whole body (normalised hormone levels)", size=1.0,
                      rationale="all variables are normalised; volumes play no role")

    def k(local: str, half_life: float, unit: str, desc: str) -> object:
        return m.parameter(local, math.log(2) / half_life, f"1/{unit}", desc, source="karin2020",
                           locator=f"{_CODE}: ln2/({half_life:g} {unit})", basis="published_model",
                           provenance="code", range=(0.25 * math.log(2) / half_life, 4 * math.log(2) / half_life))

    u = m.input("stress_drive", 1.0, "dimensionless", "hypothalamic drive (1 = rest; > 1 = stress)")
    x1 = m.state("crh", 1.0, "dimensionless", "CRH (normalised)", compartment=c)
    x2 = m.state("acth", 1.0, "dimensionless", "ACTH (normalised)", compartment=c)
    x3 = m.state("cortisol", 0.985, "dimensionless", "cortisol (normalised)", compartment=c)
    p = m.state("corticotroph_mass", 1.015, "dimensionless", "pituitary corticotroph mass (normalised)",
                compartment=c)
    a = m.state("adrenal_mass", 0.985, "dimensionless", "adrenal-cortex mass (normalised)", compartment=c)

    g1 = k("k_crh_turnover", 4.0, "min", "CRH removal rate (half-life 4 min)")
    g2 = k("k_acth_turnover", 20.0, "min", "ACTH removal rate (half-life 20 min)")
    g3 = k("k_cortisol_turnover", 80.0, "min", "cortisol removal rate (half-life 80 min)")
    gp = k("k_corticotroph_turnover", 20.0, "day", "corticotroph turnover (half-life 20 days)")
    ga = k("k_adrenal_turnover", 30.0, "day", "adrenal-cortex turnover (half-life 30 days)")
    kgr = m.parameter("kd_gr", 4.0, "dimensionless", "cortisol level of half-maximal GR feedback",
                      source="karin2020", locator=f"{_CODE}: K_GR", range=(1.0, 16.0))
    ngr = m.parameter("n_gr", 3.0, "dimensionless", "Hill coefficient of GR feedback", source="karin2020",
                      locator=f"{_CODE}: n_GR", range=(1.0, 6.0))
    kp = m.parameter("c_corticotroph_capacity", 1e6, "dimensionless", "carrying capacity of corticotroph mass",
                     source="karin2020", locator=f"{_CODE}: K_P", range=(1e3, 1e9))
    ka = m.parameter("c_adrenal_capacity", 1e6, "dimensionless", "carrying capacity of adrenal mass",
                     source="karin2020", locator=f"{_CODE}: K_A", range=(1e3, 1e9))

    mr = 1 / x3
    gr = m.rule("gr_feedback", 1 / (1 + (x3 / kgr) ** ngr), "dimensionless", "GR feedback factor GR(x3)")
    m.flux("crh_secretion", g1 * u * mr * gr, produces=[x1], compartment=c, desc="CRH secretion under MR/GR feedback")
    m.flux("crh_removal", g1 * x1, consumes=[x1], compartment=c, desc="CRH removal")
    m.flux("acth_secretion", g2 * x1 * p * gr, produces=[x2], compartment=c, desc="ACTH secretion by corticotrophs")
    m.flux("acth_removal", g2 * x2, consumes=[x2], compartment=c, desc="ACTH removal")
    m.flux("cortisol_secretion", g3 * x2 * a, produces=[x3], compartment=c, desc="cortisol secretion by the adrenal")
    m.flux("cortisol_removal", g3 * x3, consumes=[x3], compartment=c, desc="cortisol removal")
    m.flux("corticotroph_growth", gp * p * x1 * (1 - p / kp), produces=[p], compartment=c,
           desc="corticotroph proliferation driven by CRH")
    m.flux("corticotroph_loss", gp * p, consumes=[p], compartment=c, desc="corticotroph removal")
    m.flux("adrenal_growth", ga * a * x2 * (1 - a / ka), produces=[a], compartment=c,
           desc="adrenal-cortex growth driven by ACTH")
    m.flux("adrenal_loss", ga * a, consumes=[a], compartment=c, desc="adrenal-cortex removal")
    m.observable("cortisol_normalised", x3, "dimensionless", "dimensionless", "cortisol relative to its rest level")
    return m.freeze()
