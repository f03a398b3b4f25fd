"""Whole-body amino-acid supply: diet, protein turnover, albumin binding and LAT1 entry into the brain.

Plasma tryptophan (free and albumin-bound), tyrosine, phenylalanine and the other large
neutral amino acids that share the LAT1 carrier (leucine, isoleucine, valine, methionine
and histidine, lumped as ``lnaa``) are states of one amino-acid distribution volume (the
"circulation": plasma, extracellular water and the free pool that exchanges with it, 0.25 L/kg).

* Diet: per-amino-acid intake rates (µmol/h; the `neurobalance.conditions` diet helpers
  turn meals and protein sources into these schedules) enter gut pools absorbed first-order.
* Protein turnover: one body-protein state of fixed composition; breakdown is first order
  (half-life ≈ 25 d), synthesis is saturable in free tryptophan (WARS Km, Stavrum 2013)
  and stimulated by amino-acid absorption with a lag of ≈ 40 min (the insulin and mTORC1
  response to a meal; about half of an absorbed meal is deposited).  At steady state net
  protein synthesis is zero, as in an adult in nitrogen balance.
* First pass: absorbed tryptophan reaches the liver in portal blood before the rest of the
  body (``portal_trp_excess``, used by the kynurenine module's hepatic uptake), so TDO
  extracts part of a meal's tryptophan, more of a tryptophan-poor one.  Protein sources
  differ in how much and how fast they are digested (`DIGESTION`).
* Catabolism: phenylalanine → tyrosine (PAH), tyrosine (TAT) and the branched-chain and
  other LNAAs first order; tryptophan is drained by the hepatic kynurenine branch and by
  extrahepatic IDO1 (module `kynurenine`) and by peripheral TPH1/other routes (here).
* Brain entry (LAT1, SLC7A5): competitive, ``J_i ∝ (S_i/Km_i)/(1 + Σ_j S_j/Km_j)``.  The
  terminal models' blood-amino-acid inputs are driven by this competition term relative to
  its reference value, so at the reference diet they see their published blood values.

Steady-state balance fixes several rate constants from the reference plasma levels and the
reference diet; each says so (basis "derived").
"""

from __future__ import annotations

import math

import sympy as sp

from ..model._core import Module
from ._genes import GENES

__all__ = ["precursors_module", "reference_lat1_kyn_entry", "REFERENCE_DIET", "PROTEIN_SOURCES", "DIGESTION",
           "MOLAR_MASS"]

#: Molar masses (g/mol) of the free amino acids.
MOLAR_MASS = {"trp": 204.23, "tyr": 181.19, "phe": 165.19, "leu": 131.17, "ile": 131.17, "val": 117.15,
              "met": 149.21, "his": 155.15}
_LNAA_OTHER = ("leu", "ile", "val", "met", "his")

#: Amino-acid content of protein sources (mg per g of protein).  "mixed": a typical mixed
#: diet; the others are the proteins of Fernstrom et al. 2013 and the tryptophan-free
#: amino-acid drink of acute tryptophan depletion (Young et al. 1985, per g of mixture).
PROTEIN_SOURCES: dict[str, dict[str, float]] = {
    "mixed": {"trp": 11.0, "tyr": 35.0, "phe": 45.0, "leu": 80.0, "ile": 45.0, "val": 55.0, "met": 22.0, "his": 25.0},
    "alpha_lactalbumin": {"trp": 52.0, "tyr": 38.0, "phe": 44.0, "leu": 115.0, "ile": 68.0, "val": 47.0, "met": 10.0,
                          "his": 29.0},
    "zein": {"trp": 1.0, "tyr": 45.0, "phe": 65.0, "leu": 200.0, "ile": 40.0, "val": 35.0, "met": 20.0, "his": 10.0},
    "gluten": {"trp": 8.0, "tyr": 30.0, "phe": 50.0, "leu": 70.0, "ile": 40.0, "val": 40.0, "met": 17.0, "his": 20.0},
    "tryptophan_free_mixture": {"trp": 0.0, "tyr": 69.0, "phe": 57.0, "leu": 135.0, "ile": 80.0, "val": 89.0,
                                "met": 30.0, "his": 32.0},
}

#: Digestion of each protein source: (fraction of its amino acids absorbed, hours over which they are
#: released from the meal).  Whey proteins such as α-lactalbumin and wheat gluten are digested almost
#: completely within the hour that the gut absorption constant already represents; zein, a water-insoluble
#: maize prolamin, is digested slowly and incompletely (assumed 40 % over 6 h: the model then reproduces the
#: ratio fall after zein of Fernstrom et al. 2013 without any large rise in plasma LNAAs, as reported).
#: A free amino-acid mixture needs no digestion.
DIGESTION: dict[str, tuple[float, float]] = {
    "mixed": (1.0, 0.0), "alpha_lactalbumin": (1.0, 0.0), "zein": (0.4, 6.0), "gluten": (1.0, 0.0),
    "tryptophan_free_mixture": (1.0, 0.0),
}

#: Reference diet: 0.8 g protein per kg body mass per day (the adult recommended intake,
#: WHO/FAO/UNU 2007) of mixed protein, for a 70-kg adult.
REFERENCE_DIET: dict[str, float] = {"protein_g_per_kg_day": 0.8, "body_mass_kg": 70.0}  # of "mixed" protein


def content_umol_per_g(source: str, *, absorbed: bool = False) -> dict[str, float]:
    """µmol of trp, tyr, phe and lumped other LNAA per g of a protein source (``absorbed``: the
    part that digestion makes available, see `DIGESTION`)."""
    c = PROTEIN_SOURCES[source]
    f = DIGESTION[source][0] if absorbed else 1.0
    out = {k: f * c[k] / MOLAR_MASS[k] * 1000.0 for k in ("trp", "tyr", "phe")}
    out["lnaa"] = f * sum(c[k] / MOLAR_MASS[k] * 1000.0 for k in _LNAA_OTHER)
    return out


def reference_intake_umol_per_h() -> dict[str, float]:
    """Daily-mean amino-acid intake of the reference diet (µmol/h)."""
    g_per_h = REFERENCE_DIET["protein_g_per_kg_day"] * REFERENCE_DIET["body_mass_kg"] / 24.0
    return {k: v * g_per_h for k, v in content_umol_per_g("mixed").items()}


#: Reference (daily-mean, healthy adult) plasma concentrations, µM: those of the model's own reference
#: steady state.  Trp total 62.4 (Bevital range 40–90, typically 50–70; set by the hepatic TDO scale);
#: Kyn 1.835 (KTR 29.4 µmol/mmol, Padberg 2012); the others typical adult values (assumed, see each
#: parameter).  The LAT1 reference terms below use them, so that at the reference the terminal models
#: see exactly their published blood amino-acid levels.
_REF = {"trp_total": 62.44, "tyr": 60.0, "phe": 55.0, "lnaa": 505.0, "kyn": 1.835}
#: LAT1 Km (µM, rat in vivo, Smith et al. 1987) of the lumped LNAAs at their reference levels
#: Leu 120 (Km 29), Ile 60 (56), Val 220 (210), Met 25 (40), His 80 (100).
_LNAA_KM_EFFECTIVE = 505.0 / (120 / 29 + 60 / 56 + 220 / 210 + 25 / 40 + 80 / 100)


#: Free amino-acid distribution volume (L/kg), its total for the reference 70 kg (L), and body protein (g).
_VD = 0.25
_V = _VD * 70.0
_PROTEIN_G = 10500.0


def reference_lat1_kyn_entry(kyn_uM: float = _REF["kyn"]) -> float:
    """LAT1 kynurenine entry term (Kyn/Km)/(1 + ΣS/Km) at the reference plasma levels."""
    km_kyn = 190.0 * 0.032 / 0.019
    den = 1 + _REF["trp_total"] / 190.0 + _REF["tyr"] / 64.0 + _REF["phe"] / 11.0 + _REF["lnaa"] / _LNAA_KM_EFFECTIVE \
        + kyn_uM / km_kyn
    return kyn_uM / km_kyn / den


def precursors_module(*, plasma_kynurenine: object = None) -> Module:
    """Build the whole-body amino-acid supply module (``precursors``); ``plasma_kynurenine`` is the
    default of the kynurenine input competing at LAT1 (the kynurenine module's state when composed)."""
    m = Module("precursors", "Whole-body amino-acid supply: diet, gut absorption, albumin-bound and free plasma "
               "tryptophan, competing large neutral amino acids, protein turnover and LAT1 transport into the brain.",
               references=["stavrum2013", "smith1987", "pardridge1998", "who2007", "bevital", "best2020", "best2009"])
    body = m.compartment("circulation", "amino-acid distribution volume (plasma and equilibrated extracellular "
                         "water)", size=1.0, rationale="reference volume of the whole-body modules; liver and other "
                         "compartments are expressed relative to it")

    def assumed(local: str, value: float, unit: str, desc: str, why: str, rng: tuple[float, float]) -> sp.Symbol:
        return m.parameter(local, value, unit, desc, basis="assumed", rationale=why, provenance="own", range=rng)

    mass = assumed("c_body_mass", 70.0, "kg", "body mass", "reference adult", (20.0, 200.0))
    vd = assumed("c_distribution_volume", _VD, "L/kg", "free amino-acid distribution volume per kg",
                 "extracellular water (≈ 0.2 L/kg) plus the part of the intracellular free pool that exchanges within "
                 "an hour; sets the size of post-meal plasma excursions (set with the anabolic gain and the portal "
                 "availability of bound Trp so that the three protein meals of Fernstrom et al. 2013 fall inside "
                 "their ranges)",
                 (0.1, 0.7))
    volume = mass * vd

    # ---- inputs: intake rates (µmol/h) ---------------------------------------------------
    ref_in = reference_intake_umol_per_h()
    intake = {k: m.input(f"{k}_intake", round(v, 4), "umol/h",
                         f"dietary {k if k != 'lnaa' else 'other LNAA (Leu+Ile+Val+Met+His)'} intake rate "
                         "(default: daily mean of the reference diet)") for k, v in ref_in.items()}

    # ---- states ------------------------------------------------------------------------
    gut = {k: m.state(f"gut_{k}", 0.0, "uM", f"unabsorbed dietary {k} (per litre of distribution volume)",
                      compartment=body) for k in ("trp", "tyr", "phe", "lnaa")}
    alb = m.parameter("c_albumin_sites", 600.0, "uM", "plasma albumin tryptophan-binding sites (one per albumin)",
                      basis="assumed", rationale="plasma albumin ≈ 40 g/L ≈ 600 µM with one high-affinity indole site",
                      provenance="own", range=(300.0, 800.0))
    kd_alb = m.parameter("kd_albumin_trp", 60.0, "uM", "dissociation constant of tryptophan from albumin",
                         basis="assumed", rationale="gives ≈ 90 % bound (free Trp ≈ 6 µM of 60 µM total), the "
                         "usual free fraction of plasma tryptophan", provenance="own", range=(20.0, 200.0))
    free0 = 6.6
    trp_f = m.state("trp_free", free0, "uM", "free plasma tryptophan", compartment=body)
    trp_b = m.state("trp_bound", _REF["trp_total"] - free0, "uM", "albumin-bound plasma tryptophan", compartment=body)
    tyr = m.state("tyr", _REF["tyr"], "uM", "plasma tyrosine", compartment=body)
    phe = m.state("phe", _REF["phe"], "uM", "plasma phenylalanine", compartment=body)
    lnaa = m.state("lnaa", _REF["lnaa"], "uM", "plasma Leu + Ile + Val + Met + His", compartment=body)
    protein = m.state("body_protein", round(_PROTEIN_G / _V, 3), "g/L", "body protein (per litre of distribution volume)",
                      compartment=body)

    # ---- absorption ------------------------------------------------------------------------
    k_abs = m.parameter("k_gut_absorption", math.log(2) / 1.0, "1/h", "first-order absorption of dietary amino "
                        "acids (half-life 1 h)", basis="assumed", rationale="plasma amino acids peak 1–2 h after "
                        "a protein meal", provenance="own", range=(0.3, 5.0))
    for k, g in gut.items():
        m.flux(f"intake_{k}", intake[k] / volume, produces=[g], compartment=body, desc=f"ingestion of {k}")
    dest = {"trp": trp_f, "tyr": tyr, "phe": phe, "lnaa": lnaa}
    {k: m.flux(f"absorption_{k}", k_abs * g, consumes=[g], produces=[dest[k]], compartment=body,
                        desc=f"intestinal absorption of {k}") for k, g in gut.items()}

    q_portal = m.parameter("c_hepatic_plasma_flow", 50.0, "L/h", "hepatic (portal + arterial) plasma flow",
                           basis="assumed", rationale="liver blood flow ≈ 1.5 L/min (≈ 25 % of cardiac output) at a "
                           "haematocrit of ≈ 0.45", provenance="own", range=(20.0, 100.0))

    # ---- albumin binding (fast, reversible) -----------------------------------------------
    k_on = m.parameter("k_albumin_on", 10.0, "1/(uM*h)", "association rate of Trp–albumin", basis="assumed",
                       rationale="binding equilibrates within minutes; only kd matters for slower processes",
                       provenance="own", range=(1.0, 100.0))
    m.flux("albumin_binding", k_on * (trp_f * (alb - trp_b) - kd_alb * trp_b), consumes=[trp_f], produces=[trp_b],
           compartment=body, desc="tryptophan binding to albumin (net)")

    f_diss = m.parameter("f_portal_bound_trp_available", 0.263, "dimensionless", "fraction of the albumin-bound "
                         "tryptophan of portal blood that dissociates to the liver in one pass", basis="fitted",
                         source="fernstrom2013", rationale="bound Trp dissociates within milliseconds, so hepatic "
                         "uptake draws on it during sinusoidal transit (facilitated dissociation); the fraction sets "
                         "the first-pass extraction of dietary Trp by TDO, which makes a tryptophan-poor protein "
                         "meal (gluten) lower plasma Trp; set with the anabolic gain (checked by T-KYN-31)",
                         provenance="own", range=(0.0, 1.0))
    m.rule("portal_trp_excess", k_abs * gut["trp"] * volume / q_portal * (trp_f + f_diss * trp_b) / (trp_f + trp_b), "uM",
           "free tryptophan added to the blood reaching the liver by absorption (absorption rate / hepatic "
           "plasma flow, at the free fraction of plasma Trp as it binds albumin): the liver sees it before the "
           "rest of the body (first pass)")

    # ---- protein turnover -------------------------------------------------------------------
    content = content_umol_per_g("mixed")
    comp = {k: m.parameter(f"c_protein_{k}_content", round(v, 3), "umol/g", f"{k} content of body protein",
                           basis="assumed", rationale="mixed-protein amino-acid composition (mg/g: Trp 11, Tyr 35, "
                           "Phe 45, Leu 80, Ile 45, Val 55, Met 22, His 25)", provenance="own", range=(0.0, 5 * v))
            for k, v in content.items()}
    k_bd = m.parameter("k_protein_breakdown", math.log(2) / (25.0 * 24.0), "1/h", "fractional body-protein breakdown",
                       basis="assumed", rationale="whole-body protein turnover ≈ 4.6 g/kg/day on ≈ 10.5 kg protein "
                       "(half-life ≈ 25 d)", provenance="own", range=(1e-4, 1e-2))
    km_wars = m.parameter("km_protein_synthesis_trp", 1.0, "uM", "free-Trp half-saturation of whole-body protein "
                          "synthesis", basis="assumed", rationale="tRNA(Trp) charging is nearly saturated at normal free "
                          "Trp (≈ 7 µM; the WARS Km of Stavrum 2013 is 7.4 µM for the isolated enzyme), so synthesis "
                          "slows only when Trp is depleted, as after a tryptophan-free amino-acid load",
                          provenance="own", range=(0.2, 10.0))
    f_anab = m.parameter("f_anabolic_gain", 0.102, "dimensionless", "change of protein synthesis per unit of "
                         "amino-acid absorption above its daily mean", basis="fitted", source="fernstrom2013",
                         rationale="0.10 × (≈ 290 g/day turnover) / (56 g/day intake) ≈ 0.5: about half of an absorbed "
                         "meal is deposited as protein, the rest oxidised, as in tracer studies of the fed state; the "
                         "same law makes a large amino-acid load consume tryptophan (the rationale of acute "
                         "tryptophan depletion) and a tryptophan-poor protein (gluten, zein) lower plasma Trp. Set "
                         "with the distribution volume and the portal availability of bound Trp to the Fernstrom "
                         "et al. 2013 meals (checked by T-KYN-31)", provenance="own", range=(0.0, 1.0))
    x_max = m.parameter("c_anabolic_saturation", 50.0, "dimensionless", "absorption (× daily mean) of half-maximal "
                        "anabolic stimulation", basis="assumed", rationale="caps the stimulation by very large "
                        "loads", provenance="own", range=(5.0, 500.0))
    absorbed = k_abs * sum(gut.values())
    ref_abs = sum(ref_in.values())
    x_abs = absorbed * volume / m.parameter("c_reference_absorption", round(ref_abs, 4), "umol/h",
                                            "daily-mean amino-acid absorption of the reference diet", basis="derived", source="who2007",
                                            rationale="sum of the reference intake rates", provenance="D",
                                            range=(0.1 * ref_abs, 10 * ref_abs))
    anab = m.state("anabolic_drive", 1.0, "dimensionless", "stimulation of protein synthesis by absorbed amino "
                   "acids (1 at the reference mean); follows absorption with the lag of the insulin and mTORC1 "
                   "response", compartment=body)
    k_lag = m.parameter("k_anabolic_response", round(math.log(2) / (40.0 / 60.0), 5), "1/h", "rate at which protein "
                        "synthesis follows amino-acid absorption (half-time 40 min)", basis="assumed",
                        rationale="muscle protein synthesis rises within 30–45 min of a whey drink and peaks at "
                        "≈ 1–2 h (the insulin and mTORC1 response)", provenance="own", range=(0.3, 10.0))
    m.flux("anabolic_drive_response", k_lag * (1 + f_anab * (x_abs * x_max / (x_max + x_abs) - 1) - anab),
           produces=[anab], compartment=body, desc="protein-synthesis drive relaxing towards its absorption-set level")
    sat_ref = free0 / (1.0 + free0)
    vmax_syn = m.parameter("vmax_protein_synthesis", round(_PROTEIN_G / _V * math.log(2) / 600.0 / sat_ref, 6), "g/(L*h)",
                           "maximal body-protein synthesis", basis="derived", source="who2007",
                           rationale="equals breakdown at the reference state (nitrogen balance)", provenance="D",
                           range=(0.1, 20.0))
    km_aa = m.parameter("km_protein_synthesis_aa", 5.0, "uM", "half-saturation of protein synthesis by each other "
                        "amino acid (per amino acid; × 5 for the lumped LNAA)", basis="assumed",
                        rationale="aminoacyl-tRNA synthetase Km of a few µM; far below the plasma levels, so synthesis "
                        "stops only when an amino acid is nearly exhausted", provenance="own", range=(0.5, 50.0))
    c_tyr_ref = m.parameter("c_reference_tyr", _REF["tyr"], "uM", "reference plasma tyrosine", basis="assumed",
                            rationale="typical fasting adult plasma tyrosine (≈ 40–90 µM)", provenance="own",
                            range=(30.0, 120.0))
    c_phe_ref = m.parameter("c_reference_phe", _REF["phe"], "uM", "reference plasma phenylalanine", basis="assumed",
                            rationale="typical adult plasma phenylalanine (≈ 40–70 µM)", provenance="own",
                            range=(30.0, 120.0))
    c_lnaa_ref = m.parameter("c_reference_lnaa", _REF["lnaa"], "uM", "reference plasma Leu + Ile + Val + Met + His",
                             basis="assumed", rationale="typical adult levels: Leu 120, Ile 60, Val 220, Met 25, "
                             "His 80 µM", provenance="own", range=(250.0, 1000.0))
    others = 1
    for sym, ref, n in ((tyr, c_tyr_ref, 1), (phe, c_phe_ref, 1), (lnaa, c_lnaa_ref, 5)):
        others = others * sym / (n * km_aa + sym) * (n * km_aa + ref) / ref
    syn = vmax_syn * anab * trp_f / (km_wars + trp_f) * others
    brk = k_bd * protein
    m.flux("protein_synthesis", syn, produces=[protein],
                 compartment=body, desc="body-protein synthesis (limited by free tryptophan)")
    m.flux("protein_breakdown", brk, consumes=[protein], compartment=body,
                 desc="body-protein breakdown")
    for k, s in (("trp", trp_f), ("tyr", tyr), ("phe", phe), ("lnaa", lnaa)):
        m.flux(f"synthesis_use_{k}", comp[k] * syn, consumes=[s], compartment=body,
               desc=f"{k} incorporated into protein")
        m.flux(f"breakdown_release_{k}", comp[k] * brk, produces=[s], compartment=body,
               desc=f"{k} released by protein breakdown")

    # ---- catabolism ---------------------------------------------------------------------------
    v = _V
    g_pah = m.gene(GENES["PAH"])
    k_pah = m.parameter("k_pah", round(ref_in["phe"] / v / _REF["phe"], 5), "1/h", "phenylalanine hydroxylation",
                        basis="derived", source="who2007", rationale="steady-state balance: Phe intake = hydroxylation at 55 µM plasma Phe",
                        provenance="D", range=(0.05, 5.0))
    m.flux("pah", g_pah * k_pah * phe, consumes=[phe], produces=[tyr], compartment=body,
           desc="hepatic phenylalanine hydroxylase (Phe → Tyr)")
    k_tat = m.parameter("k_tyrosine_catabolism", round((ref_in["tyr"] + ref_in["phe"]) / v / _REF["tyr"], 5), "1/h",
                        "tyrosine catabolism (TAT)", basis="derived", source="who2007",
                        rationale="steady-state balance: Tyr intake + Phe hydroxylation = catabolism at 60 µM",
                        provenance="D", range=(0.05, 10.0))
    m.flux("tyrosine_catabolism", m.gene(GENES["TAT"]) * k_tat * tyr, consumes=[tyr], compartment=body, desc="tyrosine aminotransferase route")
    k_lnaa = m.parameter("k_lnaa_catabolism", round(ref_in["lnaa"] / v / _REF["lnaa"], 5), "1/h",
                         "catabolism of the other LNAAs", basis="derived", source="who2007",
                         rationale="steady-state balance: intake = catabolism at 505 µM", provenance="D",
                         range=(0.05, 10.0))
    m.flux("lnaa_catabolism", m.gene(GENES["BCAT2"]) * k_lnaa * lnaa, consumes=[lnaa], compartment=body, desc="BCAT and other LNAA catabolism")
    k_other = m.parameter("k_trp_other_use", 0.04, "1/h", "tryptophan use by peripheral TPH1 (gut serotonin) and "
                          "other minor routes, per free Trp", basis="assumed",
                          rationale="≈ 3 % of tryptophan disposal: the kynurenine pathway takes ≈ 95 % (Badawy 2017), "
                          "of the rest ≈ 1–2 % is serotonin synthesis (gut enterochromaffin cells) and ≈ 1–2 % "
                          "tryptamine, indole routes and urinary loss", provenance="own", range=(0.0, 0.5))
    m.flux("trp_other_use", m.gene(GENES["TPH1"]) * k_other * trp_f, consumes=[trp_f], compartment=body,
           desc="peripheral TPH1 and other minor tryptophan routes")

    # ---- LAT1 competition at the blood–brain barrier -------------------------------------------
    def km(local: str, value: float, desc: str, where: str) -> sp.Symbol:
        return m.parameter(local, value, "uM", desc, source="smith1987", locator=where, basis="measured",
                           provenance="L", range=(value / 3, value * 3))

    km_trp = m.parameter("km_lat1_trp_total", 190.0, "uM", "BBB LAT1 Km for total plasma tryptophan",
                         source="best2020", locator="Reed-group code VTRPin.m, quoting Pardridge 1975",
                         basis="measured", provenance="code", range=(60.0, 600.0))
    km_tyr = km("km_lat1_tyr", 64.0, "BBB LAT1 Km for tyrosine (rat in vivo)", "Table (quoted in GGC B.2)")
    km_phe = km("km_lat1_phe", 11.0, "BBB LAT1 Km for phenylalanine (rat in vivo)", "Table (quoted in GGC B.2)")
    km_lnaa = m.parameter("km_lat1_lnaa", round(_LNAA_KM_EFFECTIVE, 3), "uM", "effective LAT1 Km of the lumped LNAAs",
                          basis="derived", source="smith1987", rationale="Σ C_i/Km_i of Leu, Ile, Val, Met, His at their reference levels "
                          "(Smith et al. 1987 Km values) divided into their sum", provenance="D", range=(20.0, 200.0))
    km_kyn = m.parameter("km_lat1_kyn", round(190.0 * 0.032 / 0.019, 3), "uM", "BBB LAT1 Km for kynurenine (per "
                         "total-Trp scale)", basis="derived", source="stavrum2013", rationale="Trp Km scaled by the Kyn/Trp Km ratio of "
                         "LAT1 in Stavrum 2013 (0.032/0.019 mM)", provenance="D", range=(100.0, 1000.0))
    kyn_p = m.input("plasma_kynurenine", _REF["kyn"] if plasma_kynurenine is None else plasma_kynurenine, "uM", "plasma kynurenine competing at LAT1 (the kynurenine module "
                    "supplies it)")
    trp_tot = trp_f + trp_b
    terms = {"trp": trp_tot / km_trp, "tyr": tyr / km_tyr, "phe": phe / km_phe, "lnaa": lnaa / km_lnaa,
             "kyn": kyn_p / km_kyn}
    den = 1 + sum(terms.values())
    m.rule("lat1_denominator", den, "dimensionless", "1 + Σ S_j/Km_j over the LAT1 substrates")
    ref_terms = {"trp": _REF["trp_total"] / 190.0, "tyr": _REF["tyr"] / 64.0, "phe": _REF["phe"] / 11.0,
                 "lnaa": _REF["lnaa"] / _LNAA_KM_EFFECTIVE, "kyn": _REF["kyn"] / (190.0 * 0.032 / 0.019)}
    ref_den = 1 + sum(ref_terms.values())
    c_den = m.parameter("c_lat1_reference_denominator", round(ref_den, 6), "dimensionless",
                        "LAT1 denominator at the reference plasma levels", basis="derived", source="smith1987",
                        rationale="reference plasma Trp 62.44, Tyr 60, Phe 55, other LNAA 505, Kyn 1.835 µM",
                        provenance="D", range=(1.0, 100.0))
    c_trp_ref = m.parameter("c_reference_trp_total", _REF["trp_total"], "uM", "reference total plasma tryptophan",
                            source="bevital", locator="plasma Trp 40–90 µM, typically 50–70", basis="measured",
                            provenance="pub", range=(40.0, 90.0))
    trp_av = m.rule("trp_brain_availability", trp_tot / c_trp_ref * c_den / den, "dimensionless",
                    "LAT1 tryptophan entry term (Trp/Km)/(1 + ΣS/Km) relative to the reference")
    tyr_av = m.rule("tyr_brain_availability", tyr / c_tyr_ref * c_den / den, "dimensionless",
                    "LAT1 tyrosine entry term relative to the reference")
    b_trp = m.parameter("c_terminal_trp_reference", 96.0, "uM", "blood tryptophan of the published serotonin "
                        "terminal model", source="best2020", locator="authors' MATLAB code: btrp 96 µM",
                        basis="published_model", provenance="code", range=(40.0, 150.0))
    b_tyr = m.parameter("c_terminal_tyr_reference", 97.0, "uM", "blood tyrosine of the published dopamine "
                        "terminal model", source="best2009", locator="BioModels MODEL1502230000: btyr 97 µM",
                        basis="published_model", provenance="code", range=(40.0, 150.0))
    m.rule("terminal_blood_trp", b_trp * trp_av, "uM", "blood tryptophan input of the serotonin terminal "
           "(its published reference scaled by the LAT1 competition term)")
    m.rule("terminal_blood_tyr", b_tyr * tyr_av, "uM", "blood tyrosine input of the dopamine terminal")
    m.rule("kyn_brain_availability", kyn_p / km_kyn / den, "dimensionless",
           "LAT1 kynurenine entry term (Kyn/Km)/(1 + ΣS/Km)")
    m.rule("trp_total", trp_tot, "uM", "total plasma tryptophan")

    # ---- observables ----------------------------------------------------------------------------
    m.observable("plasma_trp", trp_tot, "uM", "uM", "total plasma tryptophan", reference_range=(40.0, 90.0),
                 range_source="bevital", range_note="LC-MS/MS reporting range; typically 50–70 µM")
    m.observable("plasma_free_trp", trp_f, "uM", "uM", "free (unbound) plasma tryptophan")
    m.observable("plasma_tyr", tyr, "uM", "uM", "plasma tyrosine")
    m.observable("plasma_phe", phe, "uM", "uM", "plasma phenylalanine")
    m.observable("plasma_lnaa", lnaa, "uM", "uM", "plasma Leu + Ile + Val + Met + His")
    m.observable("trp_lnaa_ratio", trp_tot / (tyr + phe + lnaa), "dimensionless", "dimensionless",
                 "plasma Trp / Σ competing LNAA (Fernstrom ratio)")
    m.observable("protein_balance", syn - brk, "g/(L*h)", "g/(L*h)", "net body-protein synthesis")
    return m.freeze()
