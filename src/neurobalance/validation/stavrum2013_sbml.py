"""T-KYN-01…21: side-by-side check with the published SBML of Stavrum et al. 2013 (liver tryptophan metabolism).

The file (``MODEL1310160000_stavrum2013_tryptophan_liver.xml``, SBML L2V4, COPASI export of the
original BioModels submission) is not shipped: it is read from ``$NEUROBALANCE_SBML_DIR`` or from
``shared/data/sbml`` beside or inside the working directory.  It is loaded unchanged except that
its local ``E_T`` parameters (TDO, TPH1, TPH2, KMO, WARS, …) are promoted to global parameters
``<reaction id>_E_T`` in memory, so that every enzyme level can be set on one loaded model.

Each target applies one experiment protocol (shared reference ``stress_inflammation_tryptophan.md``
§2.4–2.7; rows T-KYN-01…21 of the public target table) to two systems, both called as
``fn(factors, trp_ex_uM) -> dict`` with the same keys (concentrations in µM, fluxes in µM/s):

* the published SBML in libRoadRunner (`sbml_experiment`), with the tight [re-sim] tolerances;
* our re-implementation `neurobalance.physiology.kynurenine.stavrum_liver_experiment`, with the
  re-implementation tolerances.

Checked: the liver steady state (T-KYN-01), the fate of Trp taken up and of Kyn formed (T-KYN-02),
scaled sensitivities d ln X / d ln E_T by ±1 % central differences (T-KYN-03…11) and fold changes
after enzyme or extracellular-Trp perturbations (T-KYN-12…21).  The targets are skipped when the
SBML file is absent.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping
from pathlib import Path

from ._framework import Check, TargetSkipped, absolute, find_shared_sbml, rel, target, within

__all__ = ["FILE_NAME", "ENZYME_PARAMETERS", "SPECIES", "find_stavrum2013_sbml", "sbml_experiment"]

FILE_NAME = "MODEL1310160000_stavrum2013_tryptophan_liver.xml"
HORIZON_S = 5000.0

#: Enzyme → reaction whose local parameter ``E_T`` is its expression level (promoted to ``<id>_E_T``).
_LOCAL_E_T = {"TDO": "R00678_Tdo", "TPH1": "R01814_Tph1", "TPH2": "R01814_Tph2", "KMO": "R01960", "WARS": "R03664",
              "HAAO": "R02665", "ACMSD": "R04323", "QPRT": "R03348", "IL4I1": "R00677", "NMNAT1": "R03005"}

#: Enzyme name → SBML parameter holding its expression level E_T.
ENZYME_PARAMETERS = {
    "TDO": "R00678_Tdo_E_T", "IDO1": "IDO_E_T", "SLC7A5": "Transporter_E_T_Slc7a5",
    "SLC7A8": "Transporter_E_T_Slc7a8", "KMO": "R01960_E_T", "KYNU": "KYNU_E_T", "KAT1": "AADAT_E_T_kat1",
    "KAT2": "AADAT_E_T_kat2", "KAT3": "AADAT_E_T_kat3", "TPH1": "R01814_Tph1_E_T", "TPH2": "R01814_Tph2_E_T",
    "MAOA": "MAOA_E_T", "MAOB": "MAOB_E_T", "WARS": "R03664_E_T", "AFMID": "AFMID_E_T", "HAAO": "R02665_E_T",
    "ACMSD": "R04323_E_T", "QPRT": "R03348_E_T", "DDC": "DDC_E_T", "AANAT": "AANAT_E_T", "INMT": "IMNT_E_T",
    "IL4I1": "R00677_E_T", "NMNAT1": "R03005_E_T",
}

#: Result key → intracellular species (mM in the file, µM in the result).
SPECIES = {"trp": "M_trp_DASH_L_c", "kyn": "M_Lkynr_c", "fkyn": "M_Lfmkynr_c", "3hk": "M_hLkynr_c",
           "3haa": "M_3hanthrn_c", "acms": "M_cmusa_c", "5htp": "M_5htrp_c", "5ht": "M_srtn_c",
           "tryptamine": "M_trypta_c", "quin": "M_quln_c"}

#: Result key → reactions summed (mM/s in the file, µM/s in the result).  The Kyn → KYNA reactions are
#: found by name: their ids are swapped relative to their names (KAT1_L-Kyn is ``R01956_Kat1`` but
#: KAT2/3_L-Kyn are ``R04171_Kat2/3``).
_FLUXES = {"tdo": ("R00678_Tdo",), "ido": ("R00678_Indo",), "wars": ("R03664",), "tph1": ("R01814_Tph1",),
           "tph2": ("R01814_Tph2",), "tph": ("R01814_Tph1", "R01814_Tph2"),
           "uptake": ("TRPtrans_Slc7a5", "TRPtrans_Slc7a8"), "kyn_export": ("Lkynr_trans_Slc7a5", "Lkynr_trans_Slc7a8"),
           "kmo": ("R01960",), "kynu": ("R00987",), "kyn_formed": ("R01959",)}
_KAT_NAMES = ("KAT1_L-Kyn", "KAT2_L-Kyn", "KAT3_L-Kyn")

_SOURCE = "Stavrum et al. 2013, BioModels MODEL1310160000 in libRoadRunner [re-sim]"
_SYSTEM = "kynurenine, Stavrum 2013 liver: published SBML and our re-implementation"

Experiment = Callable[[Mapping[str, float], float], dict[str, float]]


def find_stavrum2013_sbml() -> Path | None:
    """Locate the published file, or None."""
    return find_shared_sbml(FILE_NAME)


def _require(condition: object, message: object) -> None:
    if not condition:
        raise ValueError(f"{FILE_NAME} is not encoded as documented: {message}")


@functools.cache
def _model_text(path: str) -> tuple[str, tuple[str, ...]]:
    """The SBML text with local ``E_T`` parameters promoted to globals, and the Kyn → KYNA reaction ids."""
    import libsbml

    doc = libsbml.readSBMLFromFile(path)
    fatal = [doc.getError(i).getMessage() for i in range(doc.getNumErrors())
             if doc.getError(i).getSeverity() >= libsbml.LIBSBML_SEV_ERROR]
    _require(not fatal, fatal)
    m = doc.getModel()
    _require(m.getId() == "MODEL1310160000", f"model id {m.getId()!r}")
    for enzyme, rid in _LOCAL_E_T.items():
        kl = m.getReaction(rid).getKineticLaw() if m.getReaction(rid) else None
        _require(kl is not None and kl.getParameter("E_T") is not None, f"{enzyme}: no local E_T in {rid}")
    props = libsbml.ConversionProperties()
    props.addOption("promoteLocalParameters", True)
    _require(doc.convert(props) == libsbml.LIBSBML_OPERATION_SUCCESS, "local parameters could not be promoted")
    m = doc.getModel()
    for enzyme, pid in ENZYME_PARAMETERS.items():
        _require(m.getParameter(pid) is not None, f"{enzyme}: parameter {pid} missing")
    for sid in (*SPECIES.values(), "TRP_ex"):
        _require(m.getSpecies(sid) is not None, f"species {sid} missing")
    _require(m.getSpecies("TRP_ex").getBoundaryCondition(), "TRP_ex is expected to be a boundary species")
    by_name = {r.getName(): r.getId() for r in m.getListOfReactions()}
    _require(all(n in by_name for n in _KAT_NAMES), f"reactions named {_KAT_NAMES}")
    kat = tuple(by_name[n] for n in _KAT_NAMES)
    for k, rid in enumerate(kat, start=1):  # each Kyn → KYNA reaction uses its own KAT level
        law = libsbml.formulaToL3String(m.getReaction(rid).getKineticLaw().getMath())
        _require(f"AADAT_E_T_kat{k}" in law and "M_Lkynr_c" in law, f"{rid}: {law}")
    for rids in _FLUXES.values():
        for rid in rids:
            _require(m.getReaction(rid) is not None, f"reaction {rid} missing")
    return libsbml.writeSBMLToString(doc), kat


@functools.cache
def _runner(path: str):  # noqa: ANN202
    """The loaded model (conserved-moiety analysis on) and the file's E_T values."""
    import roadrunner

    text, _ = _model_text(path)
    rr = roadrunner.RoadRunner(text)
    rr.conservedMoietyAnalysis = True  # once: otherwise each steadyState() call rebuilds the model
    rr.integrator.stiff = True
    rr.integrator.relative_tolerance = 1e-10
    rr.integrator.absolute_tolerance = 1e-16
    base = {pid: float(rr[pid]) for pid in ENZYME_PARAMETERS.values()}
    return rr, base


def sbml_experiment(factors: Mapping[str, float] | None = None, trp_ex_uM: float = 5.0) -> dict[str, float]:
    """Steady state of the published liver model with enzyme levels E_T scaled by ``factors``
    (keys as `ENZYME_PARAMETERS`) and extracellular Trp clamped at ``trp_ex_uM``.

    Integrates 0–5000 s, polishes with ``steadyState()`` and checks that every rate of change is ≈ 0.
    Returns concentrations (µM; keys of `SPECIES`) and fluxes (µM/s: tdo, ido, wars, tph, tph1,
    tph2, uptake, kyn_export, kat, kmo, kynu, kyn_formed).  Raises `TargetSkipped` when the file is
    absent.
    """
    from .._errors import InvalidValueError, SteadyStateError, UnknownNameError

    factors = dict(factors or {})
    for k, f in factors.items():
        if k not in ENZYME_PARAMETERS:
            raise UnknownNameError("enzyme", k, ENZYME_PARAMETERS,
                                   hint="valid enzymes: " + ", ".join(ENZYME_PARAMETERS))
        if not (math.isfinite(f) and f >= 0):
            raise InvalidValueError(f"factors[{k!r}]", f, "a finite, non-negative factor")
    if not (math.isfinite(trp_ex_uM) and trp_ex_uM >= 0):
        raise InvalidValueError("trp_ex_uM", trp_ex_uM, "a finite, non-negative concentration in µM")
    path = find_stavrum2013_sbml()
    if path is None:
        raise TargetSkipped(f"{FILE_NAME} not found: set NEUROBALANCE_SBML_DIR to the folder that holds it")
    _, kat = _model_text(str(path))
    rr, base = _runner(str(path))

    rr.reset()
    for enzyme, pid in ENZYME_PARAMETERS.items():  # all of them: the loaded model is reused
        rr[pid] = base[pid] * float(factors.get(enzyme, 1.0))
    rr["[TRP_ex]"] = trp_ex_uM / 1000.0
    rr.simulate(0.0, HORIZON_S, 2)
    try:
        rr.steadyState()
    except RuntimeError:  # keep the integrated state; the check below decides
        rr.simulate(HORIZON_S, 100.0 * HORIZON_S, 2)
    rates = [abs(float(x)) for x in rr.getRatesOfChange()]
    scale = max(abs(float(rr[rid])) for rids in _FLUXES.values() for rid in rids)
    if max(rates) > 1e-9 * scale + 1e-18:
        raise SteadyStateError(f"{FILE_NAME}: no steady state for factors {factors} and TRP_ex {trp_ex_uM:g} µM "
                               f"(max |dx/dt| = {max(rates):.3g} mM/s); check the factors")
    out = {k: float(rr[f"[{sid}]"]) * 1000.0 for k, sid in SPECIES.items()}
    out.update({k: sum(float(rr[rid]) for rid in rids) * 1000.0 for k, rids in _FLUXES.items()})
    out["kat"] = sum(float(rr[rid]) for rid in kat) * 1000.0
    return out


# --- the experiment protocol, applied to both systems ------------------------------------------

def _experiment(system: str) -> Experiment:
    """The experiment function of ``system``: "SBML" (the published file) or "model" (our re-implementation)."""
    if system == "SBML":
        return sbml_experiment
    from ..physiology.kynurenine import stavrum_liver_experiment  # written alongside; imported lazily

    return stavrum_liver_experiment


@functools.cache
def _run(system: str, factors: tuple[tuple[str, float], ...] = (), trp_ex_uM: float = 5.0) -> dict[str, float]:
    """One steady state, cached by system, factors and TRP_ex (shared by the targets)."""
    return dict(_experiment(system)(dict(factors), trp_ex_uM))


_SYSTEMS = ("SBML", "model")  # label prefixes: the published file and our re-implementation


def _both(checks_of: Callable[[str], list[Check]]) -> list[Check]:
    """Checks of the SBML first (skips the target when the file is absent), then of our model."""
    return [c for system in _SYSTEMS for c in checks_of(system)]


# T-KYN-01 --------------------------------------------------------------------------------------

#: key → (label, expected, display unit, factor from µM) (SIT §2.4).
_STEADY = {"trp": ("Trp", 0.120, "µM", 1.0), "kyn": ("Kyn", 2.63, "µM", 1.0), "fkyn": ("FKyn", 21.8, "nM", 1e3),
           "3hk": ("3-HK", 12.0, "nM", 1e3), "3haa": ("3-HAA", 3.30, "nM", 1e3), "acms": ("ACMS", 11.2, "nM", 1e3),
           "5htp": ("5-HTP", 0.99, "nM", 1e3), "5ht": ("5-HT", 0.078, "nM", 1e3),
           "tryptamine": ("tryptamine", 3.6, "pM", 1e6)}
_OURS_STEADY = ("trp", "kyn", "3hk")


@target("T-KYN-01", system=_SYSTEM,
        setup="liver model, TRP_ex clamped at 5 µM, extracellular Kyn 0; steady state (SBML: integrate 0–5000 s, "
              "then steadyState()); intracellular concentrations",
        source=_SOURCE + "; equals the curated BIOMD0000000602 initial state [code]",
        tolerance="±1 % (SBML run; QUIN checked < 1e-9 µM); ±10 % for the re-implementation (Trp, Kyn, 3-HK)")
def t_kyn_01() -> list[Check]:
    def checks(system: str) -> list[Check]:
        r = _run(system)
        keys, tol = (_STEADY, 0.01) if system == "SBML" else (_OURS_STEADY, 0.10)
        out = [rel(f"{system}: {_STEADY[k][0]}", _STEADY[k][1], r[k] * _STEADY[k][3], tol, _STEADY[k][2])
               for k in keys]
        if system == "SBML":
            out.append(within("SBML: QUIN", 0.0, 1e-9, r["quin"], "µM", expected="≈ 2e-12 µM (negligible): < 1e-9"))
        return out

    return _both(checks)


# T-KYN-02 --------------------------------------------------------------------------------------

_UPTAKE_FATE = {"tdo": ("TDO", 99.1), "wars": ("WARS", 0.36), "ido": ("IDO1", 0.27), "tph": ("TPH1 + TPH2", 0.21)}
_KYN_FATE = {"kyn_export": ("export", 51.9), "kat": ("KATs → KYNA", 25.9), "kmo": ("KMO → 3-HK", 12.2),
             "kynu": ("KYNU → anthranilate", 10.0)}


def _share(label: str, expected_pct: float, got_pct: float, tol_pp: float) -> Check:
    return within(label, expected_pct - tol_pp, expected_pct + tol_pp, got_pct, "%",
                  expected=f"{expected_pct:g} % ±{tol_pp:g} pp")


@target("T-KYN-02", system=_SYSTEM,
        setup="as T-KYN-01; share of Trp uptake (SLC7A5 + SLC7A8) taken by TDO, WARS, IDO1 and TPH1 + TPH2, and "
              "share of Kyn formed (AFMID on FKyn) exported, transaminated by KAT1–3, hydroxylated by KMO and "
              "cleaved by KYNU", source=_SOURCE, tolerance="±0.5 pp (SBML); ±3 pp (re-implementation)")
def t_kyn_02() -> list[Check]:
    def checks(system: str) -> list[Check]:
        r = _run(system)
        tol = 0.5 if system == "SBML" else 3.0
        out = [_share(f"{system}: {name} / Trp uptake", e, 100.0 * r[k] / r["uptake"], tol)
               for k, (name, e) in _UPTAKE_FATE.items()]
        out += [_share(f"{system}: {name} / Kyn formed", e, 100.0 * r[k] / r["kyn_formed"], tol)
                for k, (name, e) in _KYN_FATE.items()]
        return out

    return _both(checks)


# T-KYN-03…11: scaled sensitivities ------------------------------------------------------------

_COLUMNS = {"trp": "Trp", "kyn": "Kyn", "3hk": "3-HK", "5ht": "5-HT", "kyn_export": "Kyn export",
            "tph": "TPH flux", "uptake": "Trp uptake"}
_Z = None  # "≈ 0" in the table
#: Enzyme → d ln X / d ln E_T in the order of `_COLUMNS` (SIT §2.5).
_SENSITIVITY = {
    "TDO": (-0.97, 0.03, 0.03, -0.96, 0.03, -0.96, 0.03),
    "SLC7A5": (0.65, 0.44, 0.44, 0.65, 0.85, 0.65, 0.65),
    "SLC7A8": (0.30, 0.00, 0.00, 0.29, 0.57, 0.29, 0.29),
    "KMO": (0.01, -0.12, 0.88, 0.01, -0.11, 0.01, 0.01),
    "KYNU": (0.01, -0.10, -1.09, 0.01, -0.09, 0.01, 0.01),
    "KAT1": (_Z, -0.07, -0.07, _Z, -0.07, _Z, _Z),
    "KAT2": (_Z, -0.06, -0.06, _Z, -0.06, _Z, _Z),
    "KAT3": (_Z, -0.12, -0.12, _Z, -0.11, _Z, _Z),
    "TPH1": (_Z, _Z, _Z, 0.93, _Z, 0.93, _Z),
    "TPH2": (_Z, _Z, _Z, 0.07, _Z, 0.07, _Z),
    "MAOA": (0.0, 0.0, 0.0, -0.32, 0.0, 0.0, 0.0),
    "MAOB": (0.0, 0.0, 0.0, -0.68, 0.0, 0.0, 0.0),
    "IDO1": (_Z, 0.0, 0.0, _Z, 0.0, _Z, 0.0),
}
_STEP = 0.01
_SENS_TOL = {"SBML": 0.02, "model": 0.05}


def sensitivities(system: str, enzyme: str) -> dict[str, float]:
    """d ln X / d ln E_T of ``enzyme`` by ±1 % central differences, for the keys of `_COLUMNS`."""
    up = _run(system, ((enzyme, 1.0 + _STEP),))
    down = _run(system, ((enzyme, 1.0 - _STEP),))
    dlne = math.log(1.0 + _STEP) - math.log(1.0 - _STEP)
    return {k: (math.log(up[k]) - math.log(down[k])) / dlne for k in _COLUMNS}


def _sensitivity_checks(*enzymes: str) -> list[Check]:
    def checks(system: str) -> list[Check]:
        tol = _SENS_TOL[system]
        out = []
        for enzyme in enzymes:
            s = sensitivities(system, enzyme)
            for (k, name), e in zip(_COLUMNS.items(), _SENSITIVITY[enzyme]):
                label = f"{system}: d ln {name} / d ln E_T({enzyme})"
                out.append(within(label, -tol, tol, s[k], expected=f"≈ 0 (|x| ≤ {tol:g})") if e is None
                           else absolute(label, e, s[k], tol))
        return out

    return _both(checks)


_SENS_SETUP = ("scale E_T by ±1 % for {} (TRP_ex 5 µM); steady states; central difference d ln X / d ln E_T for "
               "Trp, Kyn, 3-HK, 5-HT, Kyn export, TPH flux and Trp uptake")
_SENS_TOLERANCE = ("±0.02 (SBML); ±0.05 (re-implementation, which omits the tryptamine/INMT/AANAT-on-tryptamine "
                   "side branches)")


def _sensitivity_target(tid: str, *enzymes: str, what: str = "") -> None:
    if not what:
        what = enzymes[0] if len(enzymes) == 1 else " and ".join(enzymes) + " separately"
    target(tid, system=_SYSTEM, setup=_SENS_SETUP.format(what), source=_SOURCE,
           tolerance=_SENS_TOLERANCE)(lambda: _sensitivity_checks(*enzymes))


_sensitivity_target("T-KYN-03", "TDO")
_sensitivity_target("T-KYN-04", "SLC7A5")
_sensitivity_target("T-KYN-05", "SLC7A8")
_sensitivity_target("T-KYN-06", "KMO")
_sensitivity_target("T-KYN-07", "KYNU")
_sensitivity_target("T-KYN-08", "KAT1", "KAT2", "KAT3",
                    what="KAT1, KAT2 and KAT3 separately (KAT reactions found by their names, SIT §2.7)")
_sensitivity_target("T-KYN-09", "TPH1", "TPH2")
_sensitivity_target("T-KYN-10", "MAOA", "MAOB")
_sensitivity_target("T-KYN-11", "IDO1")


# T-KYN-12…21: perturbations -------------------------------------------------------------------

_FOLD_COLUMNS = {"trp": "Trp (cell)", "kyn": "Kyn", "5ht": "5-HT", "tph": "TPH flux", "kyn_export": "Kyn export",
                 "uptake": "Trp uptake"}
#: target → (description, factors, TRP_ex µM, fold changes in the order of `_FOLD_COLUMNS`) (SIT §2.6).
_PERTURBATIONS = {
    "T-KYN-12": ("TDO E_T × 0.5", {"TDO": 0.5}, 5.0, (1.94, 0.97, 1.93, 1.93, 0.97, 0.98)),
    "T-KYN-13": ("TDO E_T × 2", {"TDO": 2.0}, 5.0, (0.51, 1.02, 0.51, 0.51, 1.02, 1.01)),
    "T-KYN-14": ("TDO E_T × 4", {"TDO": 4.0}, 5.0, (0.26, 1.02, 0.26, 0.26, 1.02, 1.02)),
    "T-KYN-15": ("TDO E_T × 10", {"TDO": 10.0}, 5.0, (0.10, 1.03, 0.10, 0.10, 1.03, 1.02)),
    "T-KYN-16": ("IDO1 E_T × 10", {"IDO1": 10.0}, 5.0, (0.98, 1.00, 0.97, 0.98, 1.00, 1.00)),
    "T-KYN-17": ("IDO1 E_T × 100", {"IDO1": 100.0}, 5.0, (0.79, 1.01, 0.74, 0.79, 1.01, 1.01)),
    "T-KYN-18": ("IDO1 E_T × 1000", {"IDO1": 1000.0}, 5.0, (0.27, 1.02, 0.17, 0.27, 1.02, 1.02)),
    "T-KYN-19": ("TRP_ex 2.5 µM", {}, 2.5, (0.56, 0.53, 0.56, 0.56, 0.59, 0.56)),
    "T-KYN-20": ("TRP_ex 10 µM", {}, 10.0, (1.66, 1.81, 1.66, 1.66, 1.53, 1.66)),
    "T-KYN-21": ("TRP_ex 50 µM", {}, 50.0, (3.87, 5.63, 3.81, 3.81, 2.40, 3.86)),
}


def fold_changes(system: str, factors: Mapping[str, float], trp_ex_uM: float = 5.0) -> dict[str, float]:
    """Steady-state fold changes vs the baseline (TRP_ex 5 µM, file E_T) for the keys of `_FOLD_COLUMNS`."""
    base = _run(system)
    r = _run(system, tuple(sorted(factors.items())), trp_ex_uM)
    return {k: r[k] / base[k] for k in _FOLD_COLUMNS}


def _perturbation_checks(tid: str) -> list[Check]:
    what, factors, trp_ex, expected = _PERTURBATIONS[tid]

    def checks(system: str) -> list[Check]:
        f = fold_changes(system, factors, trp_ex)
        return [absolute(f"{system}: {name} fold change ({what})", e, f[k], 0.02) if system == "SBML"
                else rel(f"{system}: {name} fold change ({what})", e, f[k], 0.10)
                for (k, name), e in zip(_FOLD_COLUMNS.items(), expected)]

    return _both(checks)


def _perturbation_target(tid: str) -> None:
    what, _, trp_ex, _ = _PERTURBATIONS[tid]
    held = "" if trp_ex != 5.0 else ", TRP_ex 5 µM"
    target(tid, system=_SYSTEM,
           setup=f"{what}{held}; steady state; fold change vs baseline of Trp (cell), Kyn, 5-HT, TPH flux, "
                 "Kyn export and Trp uptake",
           source=_SOURCE, tolerance="±0.02 absolute (SBML); ±10 % (re-implementation)")(
        lambda: _perturbation_checks(tid))


for _tid in _PERTURBATIONS:
    _perturbation_target(_tid)
