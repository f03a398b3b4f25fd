"""HPA axis with glucocorticoid-receptor self-induction (Gupta, Aslakson, Gurbaxani & Vernon 2007).

CRH (c) drives ACTH (a), which drives cortisol (o).  Cortisol inhibits CRH, and inhibits ACTH
through pituitary GR (r); cortisol-bound GR, as a homodimer, induces GR synthesis.  The
positive loop makes the axis bistable: a normal low-GR state and a dysregulated high-GR state
with lower cortisol, reached after long or repeated stress.

The published equations are non-dimensional, with time scaled by the cortisol elimination
rate.  Here every rate is multiplied by ``k_cortisol_elimination`` (h⁻¹), so time is in hours
and one published time unit lasts ``1/k_cortisol_elimination`` hours; the steady states do
not depend on it.

    dc/dτ = (1 + f)/(1 + o/k_i1) − k_cd·c
    da/dτ = c/(1 + o·r/k_i2) − k_ad·a
    do/dτ = a − o
    dr/dτ = (o·r)²/(K + (o·r)²) + k_cr − k_rd·r

This published sub-model is validated on its own (T-HPA-04…08); the physiological `hpa`
module will build its GR loop on it.

??? cite "Reference"
    Gupta S, Aslakson E, Gurbaxani BM, Vernon SD (2007) Inclusion of the glucocorticoid
    receptor in a hypothalamic pituitary adrenal axis model reveals bistability.
    Theor Biol Med Model 4:8.
"""

from __future__ import annotations

import math

from ..model._core import Module

__all__ = ["hpa_gr_switch_module"]

_SRC = "Gupta et al. 2007 parameter table (CellML encoding)"


def hpa_gr_switch_module() -> Module:
    """Build the non-dimensional GR-switch HPA model (module ``hpa_gr_switch``)."""
    m = Module("hpa_gr_switch", "HPA axis with GR self-induction and bistability (Gupta et al. 2007), "
               "non-dimensional concentrations.", references=["gupta2007"])
    comp = m.compartment("body", "whole body (non-dimensional hormone levels)", size=1.0,
                         rationale="all variables are non-dimensional; volumes play no role")
    f = m.input("stress", 0.0, "dimensionless", "stress input f(t) on CRH secretion (0 = none; < 0 = reduced drive)")
    k = m.parameter(
        "k_cortisol_elimination", math.log(2) / 70.0, "1/min",
        "cortisol elimination rate, the time scale of the non-dimensional model (one published unit = 1/k)",
        basis="assumed", rationale="half-life 70 min, inside the 60–90 min of plasma cortisol; the published "
        "model is non-dimensional, so only time is rescaled", provenance="own",
        range=(math.log(2) / 90.0, math.log(2) / 60.0))

    def p(local: str, value: float, desc: str, rng: tuple[float, float]) -> object:
        return m.parameter(local, value, "dimensionless", desc, source="gupta2007", locator=_SRC, range=rng)

    kcd = p("f_crh_elimination", 1.0, "CRH elimination (scaled, k_cd)", (0.5, 2.0))
    ki1 = p("ki_cortisol_crh", 0.1, "cortisol inhibition constant on CRH (k_i1)", (0.05, 0.2))
    kad = p("f_acth_elimination", 10.0, "ACTH elimination (scaled, k_ad)", (5.0, 20.0))
    ki2 = p("ki_cortisol_gr_acth", 0.1, "cortisol·GR inhibition constant on ACTH (k_i2)", (0.05, 0.2))
    kcr = p("f_gr_basal_synthesis", 0.05, "basal GR synthesis (k_cr)", (0.0, 0.1))
    krd = p("f_gr_degradation", 0.9, "GR degradation (k_rd)", (0.5, 1.5))
    kk = p("kd_gr_dimer", 0.001, "half-saturation of GR dimer self-induction (K)", (0.0005, 0.002))

    c = m.state("crh", 0.626, "dimensionless", "CRH (non-dimensional)", compartment=comp)
    a = m.state("acth", 0.0597, "dimensionless", "ACTH (non-dimensional)", compartment=comp)
    o = m.state("cortisol", 0.0597, "dimensionless", "cortisol (non-dimensional)", compartment=comp)
    r = m.state("gr", 0.081, "dimensionless", "pituitary glucocorticoid receptor (non-dimensional)", compartment=comp)

    m.flux("crh_secretion", k * (1 + f) / (1 + o / ki1), produces=[c], compartment=comp,
           desc="CRH secretion, inhibited by cortisol")
    m.flux("crh_removal", k * kcd * c, consumes=[c], compartment=comp, desc="CRH elimination")
    m.flux("acth_secretion", k * c / (1 + o * r / ki2), produces=[a], compartment=comp,
           desc="ACTH secretion, inhibited by cortisol-bound GR")
    m.flux("acth_removal", k * kad * a, consumes=[a], compartment=comp, desc="ACTH elimination")
    m.flux("cortisol_secretion", k * a, produces=[o], compartment=comp, desc="cortisol secretion")
    m.flux("cortisol_removal", k * o, consumes=[o], compartment=comp, desc="cortisol elimination")
    m.flux("gr_synthesis", k * ((o * r) ** 2 / (kk + (o * r) ** 2) + kcr), produces=[r], compartment=comp,
           desc="GR synthesis: basal plus self-induction by the cortisol–GR dimer")
    m.flux("gr_degradation", k * krd * r, consumes=[r], compartment=comp, desc="GR degradation")
    m.observable("gr_level", r, "dimensionless", "dimensionless", "pituitary GR (non-dimensional)")
    return m.freeze()
