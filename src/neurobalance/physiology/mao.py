"""Monoamine oxidase A and B as enzyme pools (module ``mao``): irreversible inhibitors and resynthesis.

Reference §D.1: ``dE/dt = k_syn·(1 − E) − k_inact·Occ(C)·E`` for each isoform, ``E`` the active fraction
(1 at the reference).  The inactivation rate is the drug input (`neurobalance.agents` computes it from the
plasma concentration of phenelzine, tranylcypromine or selegiline); the terminals read ``E``: MAO-A
catabolises 5-HT (neuronal and glial) and cytosolic dopamine, MAO-B a share of extracellular dopamine
catabolism (glia).
"""

from __future__ import annotations

import math

from ..model._core import Module

__all__ = ["mao_module"]


def mao_module() -> Module:
    m = Module("mao", "MAO-A and MAO-B active-enzyme pools: irreversible inhibition by drugs and resynthesis.",
               references=["fowler2015"])
    c = m.compartment("brain", "brain (relative enzyme activity)", size=1.0,
                      rationale="activities are relative to the reference; no amount crosses modules")
    for iso, desc in (("a", "MAO-A"), ("b", "MAO-B")):
        rate = m.input(f"mao_{iso}_inactivation_rate", 0.0, "1/h", f"irreversible {desc} inactivation rate by a drug")
        k = m.parameter(f"k_mao_{iso}_resynthesis", round(math.log(2) / (10.0 * 24.0), 8), "1/h",
                        f"{desc} resynthesis after irreversible inhibition (half-life 10 d)", basis="assumed",
                        provenance="own", range=(math.log(2) / (40 * 24.0), math.log(2) / (3 * 24.0)),
                        rationale="MAO-B activity recovers gradually over 2–6 weeks after stopping rasagiline "
                                  "(reference §D.2): to 90 % in ≈ 5 weeks at a 10-d half-life; MAO-A assumed alike. "
                                  "PET after selegiline suggests slower human brain MAO-B turnover (≈ 40 d, Fowler "
                                  "et al. 1994), outside the reference's range; the range allows it")
        e = m.state(f"mao_{iso}_active", 1.0, "dimensionless", f"active {desc} (fraction of the reference)",
                    compartment=c)
        m.flux(f"mao_{iso}_synthesis", k * (1 - e), produces=[e], compartment=c, desc=f"{desc} resynthesis")
        m.flux(f"mao_{iso}_inactivation", rate * e, consumes=[e], compartment=c,
               desc=f"irreversible {desc} inactivation by a drug")
        m.observable(f"mao_{iso}_activity", e, "dimensionless", "dimensionless",
                     f"{desc} activity relative to the reference")
    return m.freeze()
