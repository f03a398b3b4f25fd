"""Cofactors of transmitter synthesis: vitamin B6 (PLP), folate (5-MTHF), vitamin B12, SAM and iron.

Each nutrient has a dietary *supply* input (1 = adequate intake; the deficiency conditions of
`neurobalance.conditions` lower it) and a brain *status* state that follows the supply with the
slow first-order kinetics of tissue stores (weeks).  All statuses are relative (1 = replete), so
the reference model is unchanged; other modules read them through coupling inputs:

* ``plp`` — pyridoxal 5′-phosphate: GAD holoenzyme formation (``gaba``), AADC in both terminals,
  kynureninase and the kynurenine aminotransferases (``kynurenine``), GABA transaminase;
* ``folate`` — brain 5-methyltetrahydrofolate, retained in cells only when B12-dependent
  methionine synthase turns it over (the "methyl-folate trap"), supports de novo BH4 synthesis
  (GTP cyclohydrolase) in the terminals;
* ``sam`` — S-adenosylmethionine (methylation capacity), made by methionine synthase from
  5-MTHF and B12; methyl donor of COMT; a ``sam_capacity`` input lowers it alone;
* ``iron`` — brain non-haem iron: TH and TPH2 activity, D1/D2 receptor and DAT density.

The statuses are dimensionless; how strongly each enzyme reads them (its apparent cofactor
affinity) is a parameter of the module that owns the enzyme.
"""

from __future__ import annotations

import math

import sympy as sp

from ..model._core import Module
from ._genes import GENES

__all__ = ["cofactors_module"]


def cofactors_module() -> Module:
    """Build the cofactor-status module (``cofactors``)."""
    m = Module("cofactors", "Vitamin B6 (PLP), folate, vitamin B12, SAM and iron: dietary supply → brain status "
               "(relative), read by the enzymes of the other modules.",
               references=["bottiglieri1992", "botez1982", "surtees1994", "erikson2001", "harada1993", "riosavila2013"])
    c = m.compartment("brain", "brain tissue (relative cofactor statuses)", size=1.0,
                      rationale="statuses are relative; no amount crosses to other modules")

    def half_life(local: str, days: float, what: str, why: str) -> sp.Symbol:
        k = math.log(2) / (days * 24.0)
        return m.parameter(local, round(k, 8), "1/h", f"{what} (half-time {days:g} d)", basis="assumed",
                           rationale=why, provenance="own", range=(k / 5, k * 5))

    supply = {k: m.input(f"{k}_supply", 1.0, "dimensionless", f"dietary {label} supply (1 = adequate intake)")
              for k, label in (("b6", "vitamin B6"), ("folate", "folate"), ("b12", "vitamin B12"), ("iron", "iron"))}
    sam_cap = m.input("sam_capacity", 1.0, "dimensionless", "methionine adenosyltransferase capacity for SAM "
                      "synthesis (1 = normal; lower it to reduce SAM alone, as in inborn errors of methyl transfer)")

    b6 = m.state("b6_store", 1.0, "dimensionless", "tissue vitamin B6 (pyridoxal, pyridoxine, pyridoxamine) status "
                 "(1 = replete)", compartment=c)
    plp = m.state("plp", 1.0, "dimensionless", "brain pyridoxal 5′-phosphate status (1 = replete)", compartment=c)
    pdxk_inh = m.input("pdxk_inhibition", 0.0, "dimensionless", "pyridoxal-kinase inhibition by a hydrazide "
                       "(thiosemicarbazide-like anti-B6 convulsant), as inhibitor / Ki; competitive with B6")
    b12 = m.state("b12", 1.0, "dimensionless", "tissue vitamin B12 status (1 = replete)", compartment=c)
    fol = m.state("folate", 1.0, "dimensionless", "brain 5-methyltetrahydrofolate status (1 = replete)",
                  compartment=c)
    fe = m.state("iron", 1.0, "dimensionless", "brain non-haem iron status (1 = replete)", compartment=c)

    k_b6 = half_life("k_b6_turnover", 7.0, "tissue B6 approach to a new B6 supply",
                     "brain PLP and GABA fall over 1–3 weeks of a B6-deficient diet in rats, with seizures "
                     "after ≈ 8–10 weeks (developmental and Epilepsia 1992 studies in the reference); rodent")
    k_plp = m.parameter("k_plp_turnover", round(math.log(2) / 2.0, 6), "1/h", "brain PLP turnover by phosphatases "
                        "(half-life 2 h)", basis="assumed", rationale="anti-B6 hydrazides lower brain PLP, GAD and "
                        "GABA within hours, before convulsions (Abe & Matsuda 1979)", provenance="own",
                        range=(0.05, 3.0))
    km_pdxk = m.parameter("km_pdxk_b6", 0.5, "dimensionless", "B6 status of half-maximal pyridoxal-kinase flux",
                          basis="assumed", rationale="pyridoxal kinase is roughly half-saturated at replete B6, so a "
                          "pyridoxine load can outcompete a hydrazide inhibitor (pyridoxine reverses the "
                          "convulsant; Abe & Matsuda 1979)", provenance="own", range=(0.05, 5.0))
    k_b12 = half_life("k_b12_turnover", 60.0, "tissue B12 approach to a new supply",
                      "B12 stores last months (hepatic reserve); deficiency develops slowly")
    k_fol = half_life("k_folate_turnover", 14.0, "brain 5-MTHF approach to a new folate supply",
                      "CSF and red-cell folate fall over weeks of a folate-poor diet")
    k_fe = half_life("k_iron_turnover", 21.0, "brain iron approach to a new iron supply",
                     "striatal iron and D2 density fall over the 6 weeks of the weanling iron-deficiency diet "
                     "(Erikson et al. 2001); rodent")
    kd_b12 = m.parameter("kd_b12_folate_retention", 0.3, "dimensionless", "B12 status of half-maximal methionine "
                         "synthase turnover of 5-MTHF", basis="assumed", rationale="5-MTHF is retained in cells "
                         "only after methionine synthase (B12) turns it into THF for polyglutamation; with B12 "
                         "deficiency folate is trapped as 5-MTHF and lost (methyl-folate trap), so brain 5-MTHF "
                         "and CSF 5-HIAA fall (Botez et al. 1982)", provenance="own", range=(0.05, 3.0))
    retention = b12 * (kd_b12 + 1) / (kd_b12 + b12)
    m.rule("folate_retention", retention, "dimensionless", "B12-dependent cellular retention of 5-MTHF (1 = replete)")
    m.flux("b6_adaptation", k_b6 * (supply["b6"] - b6), produces=[b6], compartment=c,
           desc="tissue B6 relaxing to the dietary supply")
    pyr = m.input("pyridoxine_dose_rate", 0.0, "1/h", "pyridoxine given as a drug, in units of the replete tissue B6 "
                  "store per hour (a 1-h pulse of 10 raises the store ten-fold)")
    m.flux("pyridoxine_dose", pyr, produces=[b6], compartment=c, desc="pyridoxine load into the tissue B6 store")
    pdxk = m.gene(GENES["PDXK"]) * b6 / (km_pdxk * (1 + pdxk_inh) + b6) * (km_pdxk + 1)
    m.flux("plp_synthesis", k_plp * pdxk, produces=[plp], compartment=c, desc="pyridoxal kinase: B6 → PLP")
    m.flux("plp_hydrolysis", k_plp * plp, consumes=[plp], compartment=c, desc="PLP phosphatase")
    m.flux("b12_adaptation", k_b12 * (supply["b12"] - b12), produces=[b12], compartment=c,
           desc="tissue B12 relaxing to its supply")
    mthf = m.input("methylfolate_supplement", 0.0, "dimensionless", "L-methylfolate taken as a supplement, in "
                   "adequate daily folate intakes (400 µg DFE) per day (daily mean)")
    s_max = m.parameter("f_folate_transport_max_gain", 1.0, "dimensionless", "largest extra brain 5-MTHF status a "
                        "supplement can add", basis="assumed", provenance="own", range=(0.2, 5.0),
                        rationale="5-MTHF reaches the brain by the saturable folate receptor (FOLR1) of the choroid "
                        "plexus, so brain status rises far less than plasma folate with high doses")
    k_mthf = m.parameter("kd_folate_transport_supplement", 5.0, "dimensionless", "supplement (adequate intakes per "
                         "day) of half-maximal extra brain 5-MTHF", basis="assumed", provenance="own",
                         range=(0.5, 50.0), rationale="half of the transport gain at ≈ 2 mg/day (assumed)")
    extra_fol = s_max * mthf / (k_mthf + mthf)
    m.flux("folate_adaptation", k_fol * ((supply["folate"] + extra_fol) * retention - fol), produces=[fol],
           compartment=c,
           desc="brain 5-MTHF relaxing to the folate supply times its B12-dependent retention")
    fe_sup = m.input("iron_supplement", 0.0, "dimensionless", "oral iron taken as a supplement, in adequate daily "
                     "iron intakes (18 mg) per day (daily mean)")
    k_hep = m.parameter("kd_hepcidin_iron", 0.9, "dimensionless", "iron status at which hepcidin halves the "
                        "absorption of supplemental iron", basis="assumed", provenance="own", range=(0.5, 1.5),
                        rationale="hepcidin closes intestinal iron absorption as stores fill, so a supplement repletes "
                        "a deficit but raises brain iron little in replete people")
    n_hep = m.parameter("n_hepcidin_iron", 8.0, "dimensionless", "steepness of the hepcidin gate", basis="assumed",
                        provenance="own", range=(1.0, 16.0), rationale="absorption changes several-fold over a "
                        "narrow range of stores")
    gate = 1 / (1 + (fe / k_hep) ** n_hep)
    m.flux("iron_adaptation", k_fe * (supply["iron"] + gate * fe_sup - fe), produces=[fe], compartment=c,
           desc="brain iron relaxing to the iron supply")

    km_ms = m.parameter("km_methionine_synthase_folate", 0.5, "dimensionless", "5-MTHF status of half-maximal "
                        "methionine synthase flux", basis="assumed", rationale="methionine synthase is about "
                        "two-thirds saturated at replete 5-MTHF, so SAM falls less than folate",
                        provenance="own", range=(0.05, 5.0))
    ms = fol / (km_ms + fol) * (km_ms + 1) * b12 / (kd_b12 + b12) * (kd_b12 + 1)
    sam = m.rule("sam", sam_cap * ms, "dimensionless",
                 "S-adenosylmethionine (methylation capacity; 1 = replete): methionine synthase (5-MTHF, B12) × "
                 "SAM synthesis capacity")

    m.observable("b6_status", b6, "dimensionless", "dimensionless", "tissue vitamin B6 status (1 = replete)")
    m.observable("brain_plp", plp, "dimensionless", "dimensionless", "brain PLP status (1 = replete)")
    m.observable("brain_folate", fol, "dimensionless", "dimensionless", "brain 5-MTHF status (1 = replete)")
    m.observable("brain_iron", fe, "dimensionless", "dimensionless", "brain iron status (1 = replete)")
    m.observable("b12_status", b12, "dimensionless", "dimensionless", "tissue B12 status (1 = replete)")
    m.observable("brain_sam", sam, "dimensionless", "dimensionless", "brain SAM (methylation capacity, 1 = replete)")
    return m.freeze()
