"""Physiological HPA axis: CRH → ACTH → cortisol with an external circadian drive, in dimensional units.

Time in hours; t = 0 h is midnight.  Portal CRH is relative (its daily mean at rest is 1),
ACTH is in pmol/L (exposed in pg/mL), cortisol is total plasma cortisol in nmol/L (exposed
in nmol/L and µg/dL).  The daily rhythm is an *external* drive (Bangsgaard & Ottesen 2017
shape, written inside the module as a closed-form function of time), not a self-oscillation
(Hosseinichimeh et al. 2015).  Feedback: free cortisol inhibits CRH (MR/GR, Gupta's
``1/(1 + o/k_i1)``); cortisol- and dexamethasone-bound pituitary GR inhibits ACTH
(``1/(1 + o·r/k_i2)``), and pituitary GR induces itself (Gupta et al. 2007, so the axis has a
normal low-GR and a dysregulated high-GR state).  Corticotroph and adrenal masses grow under
CRH and ACTH above their reference daily means and turn over in weeks (Karin et al. 2020).
Exogenous hydrocortisone (oral, i.v.) and dexamethasone (oral) enter through depots.

    D(t)   = N_c·[(t_m/α)^k/((t_m/α)^k + 1) · ((T − t_m)/β)^l/(((T − t_m)/β)^l + 1) + ε],
             t_m = (t + λ) mod T   (λ: the drive cycle starts at clock time 24 h − λ)
    free   = 2·C·K_CBG / (b + √(b² + 4·a·C·K_CBG)),  a = 1 + f_alb,  b = a·K_CBG + B_CBG − C
             (closed-form root of  C = free·(1 + f_alb) + B_CBG·free/(K_CBG + free))
    o      = (free + f_dex·f_u,dex·Dex)/c_o                         (Gupta's non-dimensional o)
    dCRH/dt  = γ1·[g1·(D(t) + b1)·(1 + stress)·(1 + cytokine)/(1 + o/k_i1) − CRH]
    dACTH/dt = γ2·[g2·P·CRH/(1 + o·r/k_i2) − ACTH]
    dC/dt    = γ3·[g3·A·ACTH^n/(K_A^n + ACTH^n) − C] + k_a,HC·HC_gut + HC_iv/(M·V)
    dr/dt    = γ3·[(o·r)²/(K + (o·r)²) + k_cr − k_rd·r]
    dP/dt    = γP·P·(CRH/CRH_ref − 1) ;   dA/dt = γA·A·(ACTH/ACTH_ref − 1)   (Karin's carrying capacity
                                                                   1e6 is dropped: it is inert)
    GR occupancy = L/(L + K_GR),  L = free + f_dex·f_u,dex·Dex ;   MR occupancy = free/(free + K_MR)

γ1, γ2, γ3 are the CRH, ACTH and cortisol elimination rates (half-lives 4, 20, 80 min),
γP, γA the gland turnovers (20 and 30 days).  The gains g1, g2, g3, the basal drive b1, the
lead λ, the drive shape (α, β) and the Gupta scale c_o are calibrated to the healthy 24-h
cortisol profile (Carroll et al. 2007; targets T-HPA-01/02) with the reference on Gupta's
low-GR branch; the dexamethasone potency to the overnight suppression test (Nieman 2008).  Drug depots
are plasma-equivalent concentrations (amount in the gut divided by the distribution volume).

??? cite "Reference"
    Gupta S, Aslakson E, Gurbaxani BM, Vernon SD (2007) Inclusion of the glucocorticoid
    receptor in a hypothalamic pituitary adrenal axis model reveals bistability.
    Theor Biol Med Model 4:8.

    Karin O, et al. (2020) A new model for the HPA axis explains dysregulation of stress
    hormones on the timescale of weeks. Mol Syst Biol 16:e9510.

    Bangsgaard EO, Ottesen JT (2017) Patient specific modeling of the HPA axis related to
    clinical diagnosis of depression. Math Biosci 287:24–35.

    Carroll BJ, Cassidy F, Naftolowitz D, et al. (2007) Pathophysiology of hypercortisolism in
    depression. Acta Psychiatr Scand 115(Suppl 433):90–103.

    Dunn JF, Nisula BC, Rodbard D (1981) Transport of steroid hormones: binding of 21 endogenous
    steroids to both testosterone-binding globulin and corticosteroid-binding globulin in human
    plasma. J Clin Endocrinol Metab 53:58–68.

    Lewis JG, Bagley CJ, Elder PA, Bachmann AW, Torpy DJ (2005) Plasma free cortisol fraction
    reflects levels of functioning corticosteroid-binding globulin. Clin Chim Acta 359:189–194.

    Derendorf H, et al. (1991) Pharmacokinetics and oral bioavailability of hydrocortisone.
    J Clin Pharmacol 31:473–476.

    Charmandari E, Johnston A, Brook CGD, Hindmarsh PC (2001) Bioavailability of oral
    hydrocortisone in patients with congenital adrenal hyperplasia due to 21-hydroxylase
    deficiency. J Endocrinol 169:65–70.

    Thomson AH, et al. (2007) Variability in hydrocortisone plasma and saliva pharmacokinetics
    following intravenous and oral administration to patients with adrenal insufficiency.
    Clin Endocrinol 66:789–796.

    Tsuei SE, Moore RG, Ashley JJ, McBride WG (1979) Disposition of synthetic glucocorticoids I.
    Pharmacokinetics of dexamethasone in healthy adults. J Pharmacokinet Biopharm 7:249–264.

    Loew D, Schuster O, Graul EH (1986) Dose-dependent pharmacokinetics of dexamethasone.
    Eur J Clin Pharmacol 30:225–230.

    Brophy TR, McCafferty J, Tyrer JH, Eadie MJ (1983) Bioavailability of oral dexamethasone
    during high dose steroid therapy in neurological patients. Eur J Clin Pharmacol 24:103–108.

    Nieman LK, et al. (2008) The diagnosis of Cushing's syndrome: an Endocrine Society clinical
    practice guideline. J Clin Endocrinol Metab 93:1526–1540.
"""

from __future__ import annotations

import math

import sympy as sp

from ..model._core import TIME, Module
from ._genes import GENES

__all__ = ["hpa_module", "CORTISOL_MOLAR_MASS", "ACTH_MOLAR_MASS", "DEXAMETHASONE_MOLAR_MASS"]

#: Molar masses (g/mol): cortisol (= hydrocortisone), ACTH(1–39), dexamethasone.
CORTISOL_MOLAR_MASS = 362.46
ACTH_MOLAR_MASS = 4541.0
DEXAMETHASONE_MOLAR_MASS = 392.46

_KARIN = "tomermilo/hpa-drugs, hpa drugs.ipynb, function HPA_full"
_GUPTA = "Gupta et al. 2007 parameter table (CellML encoding)"
_BANGS = "VeVaPy Bangsgaard-Ottesen-2017.py, drive c(t)"
_FIT = "fitted to the Carroll 2007 control 24-h cortisol curve (VeVaPy data file) by the module authors"


def hpa_module(*, cytokine_drive: object = 0.0) -> Module:
    """Build the physiological HPA axis (module ``hpa``) at the healthy reference; ``cytokine_drive`` is
    the default of that input (the inflammation module's drive in the whole-body model)."""
    m = Module("hpa", "HPA axis in physiological units: circadian drive, CRH, ACTH, total and free cortisol, "
               "pituitary GR self-induction, gland masses, exogenous hydrocortisone and dexamethasone.",
               references=["karin2020", "gupta2007", "bangsgaard2017", "carroll2007", "dunn1981", "lewis2005",
                           "derendorf1991", "charmandari2001", "thomson2007", "tsuei1979", "loew1986", "brophy1983",
                           "nieman2008", "greenspan2017"])
    c = m.compartment("plasma", "plasma and portal blood (well mixed)", size=1.0,
                      rationale="one volume: portal CRH, plasma ACTH and cortisol, and the plasma-equivalent drug "
                                "depots share it; exchange between them is written as production rates")

    # -- inputs ----------------------------------------------------------------------
    stress = m.input("stress", 0.0, "dimensionless", "psychological/physical stress: CRH drive × (1 + stress); 0 = rest")
    cyto = m.input("cytokine_drive", cytokine_drive, "dimensionless",
                   "inflammatory (IL-6/TNF) drive: CRH drive × (1 + cytokine_drive); 0 = none")
    hc_oral = m.input("hydrocortisone_oral", 0.0, "mg/h", "oral hydrocortisone ingestion rate")
    hc_iv = m.input("hydrocortisone_iv", 0.0, "mg/h", "intravenous hydrocortisone infusion rate")
    dex_oral = m.input("dexamethasone_oral", 0.0, "mg/h", "oral dexamethasone ingestion rate")

    # -- elimination and turnover (Karin/Milo) -----------------------------------------
    def k(local: str, half_life: float, unit: str, desc: str) -> sp.Symbol:
        return m.parameter(local, math.log(2) / half_life, f"1/{unit}", desc, source="karin2020",
                           locator=f"{_KARIN}: ln2/({half_life:g} {unit})", provenance="code",
                           range=(0.5 * math.log(2) / half_life, 2 * math.log(2) / half_life))

    g1 = k("k_crh_elimination", 4.0, "min", "CRH elimination rate (half-life 4 min)")
    g2 = k("k_acth_elimination", 20.0, "min", "ACTH elimination rate (half-life 20 min)")
    g3 = k("k_cortisol_elimination", 80.0, "min", "total cortisol elimination rate (half-life 80 min)")
    gp = k("k_corticotroph_turnover", 20.0, "day", "corticotroph mass turnover (half-life 20 days)")
    ga = k("k_adrenal_turnover", 30.0, "day", "adrenal-cortex mass turnover (half-life 30 days)")

    # -- circadian drive (Bangsgaard & Ottesen 2017 shape) -----------------------------
    def bp(local: str, value: float, unit: str, desc: str, loc: str) -> sp.Symbol:
        return m.parameter(local, value, unit, desc, source="bangsgaard2017", locator=f"{_BANGS}: {loc}",
                           provenance="code", range=(0.5 * value, 2 * value))

    nc = bp("c_drive_amplitude", 0.5217, "dimensionless", "drive amplitude N_c", "N_c")
    nk = bp("n_drive_rise", 5.0, "dimensionless", "steepness of the morning rise (k)", "k")
    nl = bp("n_drive_fall", 6.0, "dimensionless", "steepness of the evening fall (l)", "l")
    eps = bp("c_drive_floor", 0.01, "dimensionless", "drive floor (ε)", "epsilon")
    period = m.parameter("tau_drive_period", 24.0, "h", "period of the drive (T = 1440 min)", source="bangsgaard2017",
                         locator=f"{_BANGS}: T", provenance="code", range=(23.0, 25.0))

    # -- calibrated drive phase and shape, secretion gains (T-HPA-01/02) ---------------------
    def fit(local: str, value: float, unit: str, desc: str, why: str, rng: tuple[float, float]) -> sp.Symbol:
        return m.parameter(local, value, unit, desc, source="carroll2007", locator=_FIT, basis="fitted",
                           provenance="own", rationale=why, range=rng)

    lead = fit("tau_circadian_lead", 2.34, "h", "time from the start of the drive cycle (t_m = 0, clock time "
               "24 h − lead = 21:40) to midnight, so that t_m = (t + lead) mod T", "T-HPA-01: places the smoothed "
               "cortisol peak at ≈ 08:00 and the nadir at ≈ 23:20", (0.0, 24.0))
    alpha = fit("tau_drive_rise", 6.618, "h", "half-rise time of the drive after the phase offset (α; published "
                "300 min for Bangsgaard & Ottesen's subjects)", "T-HPA-01: the 8.7-h rise from the 23:20 nadir to the "
                "08:00 peak of the Carroll controls", (3.0, 10.0))
    beta = fit("tau_drive_fall", 12.07, "h", "half-fall time of the drive before the period ends (β; published "
               "950 min)", "T-HPA-01: the broad daytime plateau and the 24-h mean (5.6 µg/dL) of the Carroll "
               "controls", (8.0, 20.0))
    # t + lead ≥ 0, so every engine's modulo agrees (C fmod and Python % differ for negative arguments)
    tm = sp.Mod(TIME + lead, period)
    rise = (tm / alpha) ** nk / ((tm / alpha) ** nk + 1)
    fall = ((period - tm) / beta) ** nl / (((period - tm) / beta) ** nl + 1)
    drive = m.input("circadian_drive", nc * (rise * fall + eps), "dimensionless",
                    "external circadian drive D(t) of CRH secretion (Bangsgaard & Ottesen 2017 shape; an input "
                    "so that a schedule can replace it, e.g. for shift work)")

    crh_basal = fit("c_crh_basal_drive", 0.0795, "dimensionless", "drive-independent (basal) CRH drive b1",
                    "T-HPA-01: sets the night-time nadir (1.6 µg/dL) relative to the morning peak", (0.0, 0.2))
    crh_gain = fit("f_crh_secretion", 7.052, "dimensionless", "CRH secretion gain g1 (steady CRH per unit drive)",
                   "normalisation: the daily mean of CRH at the healthy reference is 1", (0.5, 50.0))
    acth_gain = fit("f_acth_secretion", 3.911, "pM", "ACTH secretion gain g2 (steady ACTH per unit CRH, P = 1)",
                    "T-HPA-02: ACTH 08–09 h inside 10–60 pg/mL and ≈ 10 pg/mL late in the evening", (1.0, 100.0))
    cort_gain = fit("f_cortisol_secretion", 4469.0, "nM", "cortisol secretion gain g3 (steady cortisol at saturating "
                    "ACTH, A = 1)", "T-HPA-01: 24-h mean total cortisol 5.6 µg/dL and the 13 µg/dL morning peak",
                    (100.0, 10000.0))
    km_adr = m.parameter("km_acth_adrenal", 22.0, "pM", "ACTH of half-maximal adrenal cortisol secretion",
                         basis="assumed", rationale="≈ 100 pg/mL: the adrenal response saturates only at stress levels "
                         "of ACTH (≳ 100–200 pg/mL) and is steep below, as in Bangsgaard & Ottesen's ACTH² law",
                         provenance="own", range=(5.0, 60.0))
    n_adr = m.parameter("n_acth_adrenal", 2.0, "dimensionless", "Hill coefficient of adrenal cortisol secretion in ACTH",
                        source="bangsgaard2017", locator=f"{_BANGS}: dCOR = a5·ACTH² − w3·COR", provenance="code",
                        range=(1.0, 3.0))
    o_scale = fit("c_gupta_cortisol_scale", 157.3, "nM",
                  "free cortisol equal to one unit of Gupta's non-dimensional cortisol o",
                  "places the daily mean o near Gupta's normal state (0.06), on the low-GR branch", (10.0, 1000.0))

    # -- Gupta 2007 feedback and GR self-induction -------------------------------------------
    def gp_(local: str, value: float, desc: str, rng: tuple[float, float]) -> sp.Symbol:
        return m.parameter(local, value, "dimensionless", desc, source="gupta2007", locator=_GUPTA, range=rng)

    ki1 = gp_("ki_cortisol_crh", 0.1, "cortisol (o) inhibition constant on CRH secretion (k_i1)", (0.02, 0.5))
    ki2 = gp_("ki_gr_acth", 0.1, "cortisol·GR (o·r) inhibition constant on ACTH secretion (k_i2)", (0.02, 0.5))
    kcr = gp_("f_gr_basal_synthesis", 0.05, "basal GR synthesis (k_cr)", (0.0, 0.1))
    krd = gp_("f_gr_degradation", 0.9, "GR degradation (k_rd)", (0.5, 1.5))
    kdim = gp_("kd_gr_dimer", 0.001, "half-saturation of GR dimer self-induction (K)", (0.0005, 0.002))

    # -- plasma binding of cortisol ------------------------------------------------------------
    b_cbg = m.parameter("c_cbg_capacity", 700.0, "nM", "CBG cortisol-binding capacity", source="dunn1981",
                        locator="CBG binding capacity ≈ 0.7 µM", provenance="L", range=(400.0, 1200.0))
    k_cbg = m.parameter("kd_cbg_cortisol", 1e9 / 7.6e7, "nM", "cortisol–CBG dissociation constant (1/K_a, "
                        "K_a = 7.6e7 /M)", source="dunn1981", locator="CBG association constant for cortisol, 37 °C",
                        provenance="L", range=(5.0, 40.0))
    f_alb = m.parameter("f_albumin_bound_to_free", 1.5, "dimensionless",
                        "albumin-bound/free cortisol ratio (≈ 6 % / 4 % of total)", source="dunn1981",
                        locator="cortisol distribution: ≈ 4 % free, 6 % albumin, 90 % CBG", provenance="L",
                        range=(1.0, 3.0))

    # -- states ------------------------------------------------------------------------------
    crh = m.state("portal_crh", 0.5817, "dimensionless", "portal CRH (relative; daily mean 1 at rest)", compartment=c)
    acth = m.state("plasma_acth", 2.2355, "pM", "plasma ACTH", compartment=c)
    cort = m.state("plasma_cortisol", 45.24, "nM", "total plasma cortisol (free + CBG- + albumin-bound)",
                   compartment=c)
    r = m.state("gr", 0.05578, "dimensionless", "pituitary glucocorticoid receptor (Gupta's non-dimensional r)",
                compartment=c)
    pmass = m.state("corticotrophs", 1.0, "dimensionless", "functional corticotroph mass (1 = reference)",
                    compartment=c)
    amass = m.state("adrenal_cortex", 1.0, "dimensionless", "functional adrenal-cortex mass (1 = reference)",
                    compartment=c)
    hc_gut = m.state("hydrocortisone_gut", 0.0, "nM",
                     "oral hydrocortisone not yet absorbed (amount in the gut / cortisol distribution volume)",
                     compartment=c)
    dex_gut = m.state("dexamethasone_gut", 0.0, "nM",
                      "oral dexamethasone not yet absorbed (amount in the gut / dexamethasone distribution volume)",
                      compartment=c)
    dex = m.state("dexamethasone", 0.0, "nM", "total plasma dexamethasone", compartment=c)

    # -- free cortisol, receptor occupancies ---------------------------------------------------
    a_tot = 1 + f_alb
    b_q = a_tot * k_cbg + b_cbg - cort
    free = m.rule("free_cortisol", 2 * cort * k_cbg / (b_q + sp.sqrt(b_q**2 + 4 * a_tot * cort * k_cbg)), "nM",
                  "free (unbound) plasma cortisol: closed-form root of the CBG + albumin binding equilibrium")
    f_dex_free = m.parameter("f_dexamethasone_unbound", 0.23, "dimensionless",
                             "unbound fraction of plasma dexamethasone (bound to albumin, not to CBG)",
                             basis="assumed", rationale="product information: ≈ 77 % (76–80 %) of plasma "
                             "dexamethasone is protein bound, mainly to albumin, independent of concentration",
                             provenance="L", range=(0.15, 0.35))
    f_dex = m.parameter("f_dexamethasone_gr_potency", 15.0, "dimensionless",
                        "GR potency of free dexamethasone relative to free cortisol (per nM)", source="nieman2008",
                        locator="overnight 1-mg dexamethasone test: 08:00 cortisol < 1.8 µg/dL (50 nmol/L) in "
                        "healthy subjects", basis="fitted", rationale="inside the 10–30× range of dexamethasone's "
                        "GR affinity and transactivation potency relative to cortisol; set so that 1 mg at 23:00 "
                        "suppresses 08:00 cortisol below the 1.8 µg/dL criterion (free-drug basis: CBG binding and "
                        "the longer half-life are modelled explicitly)", provenance="own", range=(5.0, 30.0))
    ligand = m.rule("gr_ligand", free + f_dex * f_dex_free * dex, "nM",
                    "GR agonist load in free-cortisol equivalents (free cortisol + potency × free dexamethasone)")
    kd_gr = m.parameter("kd_gr_cortisol", 25.0, "nM", "free cortisol of half-maximal GR occupancy",
                        basis="assumed", rationale="human GR binds cortisol with K_d ≈ 20–30 nM (≈ 10× weaker than "
                        "MR); midpoint", provenance="L", range=(10.0, 50.0))
    kd_mr = m.parameter("kd_mr_cortisol", 1.0, "nM", "free cortisol of half-maximal MR occupancy",
                        basis="assumed", rationale="MR binds cortisol ≈ 10–30× more tightly than GR (Reul & de Kloet "
                        "1985); MR is mostly occupied at all times of day", provenance="L", range=(0.3, 3.0))
    gr_block = m.input("gr_antagonist", 0.0, "dimensionless", "GR antagonist (mifepristone-like) free concentration "
                       "in units of its K_i: competitive, so agonist signalling is divided by (1 + x)")
    ligand = ligand / (1 + gr_block)
    gr_occ = m.rule("gr_occupancy", ligand / (ligand + kd_gr), "dimensionless",
                    "peripheral (e.g. hepatic) GR occupancy by free cortisol and dexamethasone")
    m.rule("mr_occupancy", free / (free + kd_mr), "dimensionless", "MR occupancy by free cortisol")
    o = m.rule("gupta_o", ligand / o_scale, "dimensionless",
               "glucocorticoid feedback signal in Gupta's non-dimensional units (free cortisol + dexamethasone)")

    # -- gland-mass references ------------------------------------------------------------
    crh_ref = m.parameter("c_crh_reference", 1.0, "dimensionless", "daily mean CRH at which corticotroph mass is steady",
                          basis="assumed", rationale="CRH is expressed relative to its daily mean at the healthy "
                          "reference (Karin's normalisation x1 = 1)", provenance="own", range=(0.5, 2.0))
    acth_ref = fit("c_acth_reference", 3.8205, "pM", "daily mean ACTH at which adrenal mass is steady",
                   "the daily mean ACTH of the healthy reference orbit, so that the gland masses stay at 1", (1.0, 20.0))

    # -- pharmacokinetics of exogenous glucocorticoids -----------------------------------------
    m_cort = m.parameter("c_cortisol_molar_mass", CORTISOL_MOLAR_MASS, "g/mol", "molar mass of cortisol "
                         "(hydrocortisone)", basis="assumed", rationale="C21H30O5", provenance="own",
                         range=(362.0, 363.0))
    m_acth = m.parameter("c_acth_molar_mass", ACTH_MOLAR_MASS, "g/mol", "molar mass of ACTH(1–39)",
                         basis="assumed", rationale="ACTH(1–39); 1 pg/mL = 0.2202 pmol/L", provenance="own",
                         range=(4500.0, 4600.0))
    m_dex = m.parameter("c_dexamethasone_molar_mass", DEXAMETHASONE_MOLAR_MASS, "g/mol",
                        "molar mass of dexamethasone", basis="assumed", rationale="C22H29FO5", provenance="own",
                        range=(392.0, 393.0))
    v_cort = m.parameter("c_cortisol_volume", 50.0, "L", "apparent distribution volume of exogenous hydrocortisone",
                         basis="assumed", rationale="oral clearance 0.267 L/h/kg (Thomson 2007) × 70 kg over the "
                         "80-min elimination rate gives 36 L; CBG saturation at pharmacological levels raises the "
                         "apparent volume (population V/F of oral hydrocortisone in adults ≈ 39–52 L); 50 L gives "
                         "a 20-mg oral peak of ≈ 22 µg/dL (observed oral C_max 422–1554 nmol/L, Thomson 2007)",
                         provenance="D", range=(25.0, 60.0))
    f_hc = m.parameter("f_hydrocortisone_bioavailability", 0.96, "dimensionless",
                       "oral bioavailability of hydrocortisone", source="derendorf1991",
                       locator="oral vs i.v. AUC, 96 ± 20 %", provenance="L", range=(0.8, 1.0))
    ka_hc = m.parameter("k_hydrocortisone_absorption", 1.25, "1/h", "first-order absorption of oral hydrocortisone",
                        source="charmandari2001", locator="t_max 1.2 h (range 0.3–3.3) after oral hydrocortisone",
                        basis="derived", rationale="the k_a that puts t_max = ln(k_a/k_e)/(k_a − k_e) at 1.2 h with "
                        "k_e = ln2/80 min", provenance="D", range=(0.5, 4.0))
    f_dexf = m.parameter("f_dexamethasone_bioavailability", 0.78, "dimensionless",
                         "oral bioavailability of dexamethasone (single doses, healthy volunteers)", source="brophy1983",
                         locator="abstract: published mean 0.78 in healthy volunteers", provenance="pub",
                         range=(0.5, 1.0))
    t_dex = 201.5 / 60.0
    k_dex = m.parameter("k_dexamethasone_elimination", math.log(2) / t_dex, "1/h",
                        "dexamethasone elimination rate (terminal half-life 201.5 min, men)", source="tsuei1979",
                        locator="abstract: t½β 201.5 min (men), 142.3 min (women)", provenance="pub",
                        range=(math.log(2) / 5.0, math.log(2) / 2.0))
    v_dex = m.parameter("c_dexamethasone_volume", 0.2475 * 60 * t_dex / math.log(2), "L",
                        "distribution volume of dexamethasone", source="tsuei1979", basis="derived",
                        locator="abstract: clearance 247.5 mL/min, t½β 201.5 min (men)",
                        rationale="V = CL/k = 14.85 L/h × 201.5 min / ln2 ≈ 72 L (≈ 1 L/kg)", provenance="D",
                        range=(40.0, 100.0))
    ka_dex = m.parameter("k_dexamethasone_absorption", 1.2, "1/h", "first-order absorption of oral dexamethasone",
                         source="loew1986", locator="abstract: t_max 1.6–2.0 h after 0.5–3 mg", basis="derived",
                         rationale="the k_a that puts t_max = ln(k_a/k_e)/(k_a − k_e) at ≈ 1.8 h with the "
                         "201.5-min half-life", provenance="D", range=(0.5, 5.0))

    # -- fluxes --------------------------------------------------------------------------------
    m.flux("crh_secretion", g1 * crh_gain * (drive + crh_basal) * (1 + stress) * (1 + cyto) / (1 + o / ki1),
           produces=[crh], compartment=c, desc="hypothalamic CRH secretion: circadian drive × stress × cytokines, "
           "inhibited by free cortisol (MR/GR)")
    m.flux("crh_elimination", g1 * crh, consumes=[crh], compartment=c, desc="CRH elimination")
    m.flux("acth_secretion", g2 * acth_gain * pmass * m.gene(GENES["CRHR1"]) * crh / (1 + o * r / ki2), produces=[acth], compartment=c,
           desc="ACTH secretion by corticotrophs, inhibited by agonist-bound pituitary GR")
    m.flux("acth_elimination", g2 * acth, consumes=[acth], compartment=c, desc="ACTH elimination")
    adr = (acth / km_adr) ** n_adr
    m.flux("cortisol_secretion", g3 * cort_gain * amass * m.gene(GENES["MC2R"]) * adr / (1 + adr), produces=[cort], compartment=c,
           desc="adrenal cortisol secretion driven by ACTH")
    m.flux("cortisol_elimination", g3 * cort, consumes=[cort], compartment=c, desc="cortisol elimination")
    m.flux("gr_synthesis", g3 * ((o * r) ** 2 / (kdim + (o * r) ** 2) + kcr), produces=[r], compartment=c,
           desc="pituitary GR synthesis: basal plus self-induction by the agonist–GR dimer")
    m.flux("gr_degradation", g3 * krd * r, consumes=[r], compartment=c, desc="pituitary GR degradation")
    m.flux("corticotroph_growth", gp * pmass * crh / crh_ref, produces=[pmass], compartment=c,
           desc="corticotroph proliferation driven by CRH")
    m.flux("corticotroph_loss", gp * pmass, consumes=[pmass], compartment=c, desc="corticotroph removal")
    m.flux("adrenal_growth", ga * amass * acth / acth_ref, produces=[amass], compartment=c,
           desc="adrenal-cortex growth driven by ACTH")
    m.flux("adrenal_loss", ga * amass, consumes=[amass], compartment=c, desc="adrenal-cortex removal")
    m.flux("hydrocortisone_ingestion", f_hc * hc_oral / (m_cort * v_cort), produces=[hc_gut], compartment=c,
           desc="oral hydrocortisone reaching the absorbable gut pool (bioavailable part)")
    m.flux("hydrocortisone_absorption", ka_hc * hc_gut, consumes=[hc_gut], produces=[cort], compartment=c,
           desc="absorption of oral hydrocortisone into plasma cortisol")
    m.flux("hydrocortisone_infusion", hc_iv / (m_cort * v_cort), produces=[cort], compartment=c,
           desc="intravenous hydrocortisone")
    m.flux("dexamethasone_ingestion", f_dexf * dex_oral / (m_dex * v_dex), produces=[dex_gut], compartment=c,
           desc="oral dexamethasone reaching the absorbable gut pool (bioavailable part)")
    m.flux("dexamethasone_absorption", ka_dex * dex_gut, consumes=[dex_gut], produces=[dex], compartment=c,
           desc="absorption of oral dexamethasone")
    m.flux("dexamethasone_elimination", k_dex * dex, consumes=[dex], compartment=c, desc="dexamethasone elimination")

    # -- observables -----------------------------------------------------------------------------
    m.observable("cortisol", cort, "nM", "nmol/L", "total plasma cortisol",
                 reference_range=(140.0, 700.0), range_source="greenspan2017",
                 range_note="human serum total cortisol at 08–09 h (5–25 µg/dL, immunoassay); lower in the evening "
                            "(one laboratory: 0–9 µg/dL late evening)")
    m.observable("cortisol_ugdl", cort * m_cort, "ng/L", "ug/dL", "total plasma cortisol in µg/dL",
                 reference_range=(5.0, 25.0), range_source="greenspan2017",
                 range_note="human serum total cortisol at 08–09 h (140–700 nmol/L); lower in the evening")
    m.observable("free_plasma_cortisol", free, "nM", "nmol/L", "free (unbound) plasma cortisol")
    m.observable("acth", acth * m_acth, "pg/L", "pg/mL", "plasma ACTH",
                 reference_range=(10.0, 60.0), range_source="greenspan2017",
                 range_note="human plasma ACTH at 08–09 h (one table: men 7–50, women 5–27 pg/mL); ≈ 10 pg/mL "
                            "late in the evening")
    m.observable("crh", crh, "dimensionless", "dimensionless", "portal CRH relative to its daily mean at rest")
    m.observable("peripheral_gr_occupancy", gr_occ, "dimensionless", "dimensionless",
                 "peripheral GR occupancy by free cortisol and dexamethasone")
    m.observable("pituitary_gr", r, "dimensionless", "dimensionless",
                 "pituitary GR (Gupta units; low-GR branch ≈ 0.1, high-GR branch ≈ 0.5–1)")
    m.observable("corticotroph_mass", pmass, "dimensionless", "dimensionless", "corticotroph mass (1 = reference)")
    m.observable("adrenal_mass", amass, "dimensionless", "dimensionless", "adrenal-cortex mass (1 = reference)")
    m.observable("dexamethasone_plasma", dex * m_dex, "ng/L", "ng/mL", "total plasma dexamethasone")
    return m.freeze()
