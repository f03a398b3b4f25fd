"""HPA axis as a self-oscillator fitted to normal, depressed and PTSD cortisol (Sriram et al. 2012).

Four states (CRH, ACTH, cortisol, cortisol–GR complex) in the paper's model units (cortisol
numerically in µg/dL), time in hours.  With the fitted parameters the axis has a circadian limit
cycle; the groups differ in drive ``k_stress`` and feedback constant ``K_i`` (parameter sets
`SRIRAM_GROUPS`).  The project's physiological `hpa` module uses an *external* circadian drive
instead (Bangsgaard & Ottesen 2017); this published sub-model is kept for comparison and
validated on its own (T-HPA-09…11).

    inh   = K_i^n2/(K_i^n2 + GR^n2)
    dCRH  = k_stress·inh − V_S3·CRH/(K_m1 + CRH) − K_d1·CRH
    dACTH = K_P2·CRH·inh − V_S4·ACTH/(K_m2 + ACTH) − K_d2·ACTH
    dCORT = K_P3·ACTH − V_S5·CORT/(K_m3 + CORT) − K_d3·CORT
    dGR   = K_b·CORT·(G_tot − GR) + V_S2·GR^n1/(K1^n1 + GR^n1) − K_d5·GR

??? cite "Reference"
    Sriram K, Rodriguez-Fernandez M, Doyle FJ 3rd (2012) Modeling cortisol dynamics in the
    neuro-endocrine axis distinguishes normal, depression, and post-traumatic stress disorder
    (PTSD) in humans. PLoS Comput Biol 8:e1002379.
"""

from __future__ import annotations

from ..model._core import Module
from ..model._motifs import hill, michaelis_menten

__all__ = ["hpa_sriram_module", "SRIRAM_GROUPS"]

_SRC = "paper's Table 1 as transcribed in VeVaPy (Sriram-2012 notebook)"

#: Group parameter sets: (k_stress, K_i) [code, transcription].
SRIRAM_GROUPS = {"normal": (10.1, 1.51), "depressed": (13.7, 1.60), "ptsd": (17.5, 1.17)}


def hpa_sriram_module() -> Module:
    """Build the Sriram 2012 oscillator (module ``hpa_sriram``) with the normal parameter set."""
    m = Module("hpa_sriram", "Self-oscillating HPA axis fitted to normal, depressed and PTSD cortisol "
               "(Sriram et al. 2012), model units.", references=["sriram2012"])
    comp = m.compartment("body", "whole body (model units)", size=1.0,
                         rationale="model units; volumes play no role")

    def p(local: str, value: float, unit: str, desc: str) -> object:
        # plausible range: 0–2× the normal-group value (covers the depressed and PTSD sets)
        return m.parameter(local, value, unit, desc, source="sriram2012", locator=_SRC, provenance="code",
                           range=(0.0, 2 * value))

    k_stress = p("k_stress", 10.1, "1/h", "hypothalamic drive (normal 10.1, depressed 13.7, PTSD 17.5)")
    ki = p("ki_gr_feedback", 1.51, "dimensionless", "GR feedback constant K_i (normal 1.51, depressed 1.60, PTSD 1.17)")
    vs3 = p("vmax_crh_degradation", 3.25, "1/h", "saturable CRH removal V_S3")
    km1 = p("km_crh_degradation", 1.74, "dimensionless", "K_m1")
    kp2 = p("k_acth_synthesis", 8.3, "1/h", "ACTH synthesis per CRH K_P2")
    vs4 = p("vmax_acth_degradation", 0.907, "1/h", "saturable ACTH removal V_S4")
    km2 = p("km_acth_degradation", 0.112, "dimensionless", "K_m2")
    kp3 = p("k_cortisol_synthesis", 0.945, "1/h", "cortisol synthesis per ACTH K_P3")
    vs5 = p("vmax_cortisol_degradation", 0.00535, "1/h", "saturable cortisol removal V_S5")
    km3 = p("km_cortisol_degradation", 0.0768, "dimensionless", "K_m3")
    kd1 = p("k_crh_removal", 0.00379, "1/h", "linear CRH removal K_d1")
    kd2 = p("k_acth_removal", 0.00916, "1/h", "linear ACTH removal K_d2")
    kd3 = p("k_cortisol_removal", 0.356, "1/h", "linear cortisol removal K_d3")
    n1 = p("n_gr_autoinduction", 5.43, "dimensionless", "Hill exponent of GR auto-induction n1")
    n2 = p("n_gr_feedback", 5.1, "dimensionless", "Hill exponent of GR feedback n2")
    kb = p("k_gr_binding", 0.0202, "1/h", "cortisol–GR binding K_b")
    gtot = p("c_gr_total", 3.28, "dimensionless", "total GR G_tot")
    vs2 = p("vmax_gr_autoinduction", 0.0509, "1/h", "GR auto-induction V_S2")
    k1 = p("kd_gr_autoinduction", 0.645, "dimensionless", "K1")
    kd5 = p("k_gr_removal", 0.0854, "1/h", "GR complex removal K_d5")

    crh = m.state("crh", 1.0, "dimensionless", "CRH (model units)", compartment=comp)
    acth = m.state("acth", 4.5, "dimensionless", "ACTH (model units)", compartment=comp)
    cort = m.state("cortisol", 11.9, "dimensionless", "cortisol (model units, numerically µg/dL)", compartment=comp)
    gr = m.state("gr", 2.5, "dimensionless", "cortisol–GR complex (model units)", compartment=comp)

    inh = m.rule("gr_inhibition", 1 - hill(gr, ki, n2), "dimensionless", "K_i^n2/(K_i^n2 + GR^n2)")
    m.flux("crh_secretion", k_stress * inh, produces=[crh], compartment=comp, desc="CRH secretion")
    m.flux("crh_removal", michaelis_menten(vs3, crh, km1) + kd1 * crh, consumes=[crh], compartment=comp,
           desc="CRH removal")
    m.flux("acth_secretion", kp2 * crh * inh, produces=[acth], compartment=comp, desc="ACTH secretion")
    m.flux("acth_removal", michaelis_menten(vs4, acth, km2) + kd2 * acth, consumes=[acth], compartment=comp,
           desc="ACTH removal")
    m.flux("cortisol_secretion", kp3 * acth, produces=[cort], compartment=comp, desc="cortisol secretion")
    m.flux("cortisol_removal", michaelis_menten(vs5, cort, km3) + kd3 * cort, consumes=[cort], compartment=comp,
           desc="cortisol removal")
    m.flux("gr_formation", kb * cort * (gtot - gr) + vs2 * hill(gr, k1, n1), produces=[gr], compartment=comp,
           desc="cortisol–GR complex formation and auto-induction")
    m.flux("gr_removal", kd5 * gr, consumes=[gr], compartment=comp, desc="GR complex removal")
    m.observable("free_gr", gtot - gr, "dimensionless", "dimensionless", "free GR (G_tot − GR)")
    return m.freeze()
