"""Glucocorticoid-receptor auto-down-regulation (Jusko "fifth-generation" corticosteroid model).

GR mRNA (Rm) is transcribed at a rate inhibited by the nuclear drug–receptor complex (DRn);
free cytosolic receptor (R) is translated from it, binds the steroid (C) into DR, which
translocates to the nucleus (DRn) and partly recycles:

    dRm/dt  = ks_Rm·(1 − DRn/(IC50_Rm + DRn)) − kd_Rm·Rm
    dR/dt   = ks_R·Rm + Rf·kre·DRn − kon·C·R − kd_R·R
    dDR/dt  = kon·C·R − kT·DR
    dDRn/dt = kT·DR − kre·DRn

Parameters are those of a public implementation quoted in the project reference (§C.1, Template R4);
ks_R is derived so that the drug-free steady state is Rm₀ = 4.74 fmol/g and R₀ = 267 fmol/mg protein.
The brain GR and MR populations of the ``receptors`` module use the same idea (occupancy represses GR
transcription) in relative units; this published sub-model is validated on its own (T-REC-10).

??? cite "Reference"
    Ramakrishnan R, DuBois DC, Almon RR, Pyszczynski NA, Jusko WJ (2002) Fifth-generation model for
    corticosteroid pharmacodynamics. J Pharmacokinet Pharmacodyn 29:1–24 (citation details not
    re-verified here).
"""

from __future__ import annotations

import sympy as sp

from ..model._core import Module

__all__ = ["gr_jusko_module"]

_SRC = "public R implementation of the fifth-generation model (fifthGenerationModel), via the project reference"


def gr_jusko_module() -> Module:
    """Build the Jusko GR down-regulation sub-model (module ``gr_jusko``)."""
    m = Module("gr_jusko", "GR mRNA and receptor down-regulation by a corticosteroid (Jusko fifth-generation model).",
               references=["ramakrishnan2002"])
    c = m.compartment("liver", "tissue (rat liver in the published model)", size=1.0,
                      rationale="concentrations per tissue mass; one compartment")

    def par(local: str, value: float, unit: str, desc: str) -> sp.Symbol:
        return m.parameter(local, value, unit, desc, source="ramakrishnan2002", locator=_SRC, basis="published_model",
                           provenance="code", range=(value / 5, value * 5))

    drug = m.input("steroid", 0.0, "nmol/L", "free corticosteroid concentration C (0 = drug-free)")
    ks_rm = par("k_mrna_synthesis", 2.9, "fmol/g/h", "GR mRNA synthesis ks_Rm")
    kd_rm = par("k_mrna_degradation", 0.612, "1/h", "GR mRNA degradation kd_Rm")
    ic50 = par("c_ic50_mrna", 26.2, "fmol/mg", "nuclear complex giving half inhibition of GR mRNA synthesis")
    kon = par("k_on", 0.00329, "L/nmol/h", "steroid–receptor association kon")
    kt = par("k_translocation", 0.63, "1/h", "nuclear translocation kT")
    kre = par("k_recycling", 0.57, "1/h", "nuclear complex turnover kre")
    rf = par("f_recycled", 0.49, "dimensionless", "fraction of receptor recycled Rf")
    kd_r = par("k_receptor_degradation", 0.0572, "1/h", "free receptor degradation kd_R (t½ ≈ 12 h)")
    ks_r = m.parameter("k_receptor_synthesis", round(0.0572 * 267.0 / 4.74, 5), "g/(mg*h)",
                       "receptor synthesis per unit mRNA ks_R", source="ramakrishnan2002", basis="derived",
                       rationale="kd_R·R₀/Rm₀ (reference: ≈ 3.2), so the drug-free state is Rm₀ 4.74, R₀ 267",
                       provenance="D", range=(1.0, 10.0))
    rm = m.state("mrna", 4.74, "fmol/g", "GR mRNA (Rm)", compartment=c)
    r = m.state("receptor", 267.0, "fmol/mg", "free cytosolic GR (R)", compartment=c)
    dr = m.state("complex", 0.0, "fmol/mg", "cytosolic steroid–GR complex (DR)", compartment=c)
    drn = m.state("nuclear_complex", 0.0, "fmol/mg", "nuclear steroid–GR complex (DRn)", compartment=c)
    m.flux("mrna_synthesis", ks_rm * (1 - drn / (ic50 + drn)), produces=[rm], compartment=c, desc="GR transcription")
    m.flux("mrna_degradation", kd_rm * rm, consumes=[rm], compartment=c, desc="GR mRNA decay")
    m.flux("receptor_synthesis", ks_r * rm, produces=[r], compartment=c, desc="GR translation")
    m.flux("receptor_degradation", kd_r * r, consumes=[r], compartment=c, desc="GR degradation")
    m.flux("binding", kon * drug * r, consumes=[r], produces=[dr], compartment=c, desc="steroid binding")
    m.flux("translocation", kt * dr, consumes=[dr], produces=[drn], compartment=c, desc="nuclear translocation")
    m.flux("recycling", rf * kre * drn, consumes=[drn], produces=[r], compartment=c, desc="receptor recycling")
    m.flux("nuclear_loss", (1 - rf) * kre * drn, consumes=[drn], compartment=c, desc="nuclear complex degradation")
    m.observable("gr_mrna", rm, "fmol/g", "fmol/g", "GR mRNA")
    m.observable("gr_free", r, "fmol/mg", "fmol/mg", "free cytosolic GR")
    return m.freeze()
