"""T-DA-03: side-by-side check with the published BioModels encoding of Best et al. 2009.

The file (``MODEL1502230000_best2009_dopamine.xml``, SBML L2V4, non-curated) is not shipped:
it is read from ``$NEUROBALANCE_SBML_DIR`` or from ``shared/data/sbml`` beside or inside the
working directory.  Its documented encoding defects are fixed in memory at load time, never in
the file:

(a) tyrosine influx ``VTYRin·btyr`` (constant VTYRin = 244) → ``VmaxVTYRin·btyr/(KmVTYRin + btyr)``;
(b) NADPH and NADP initial values 0 → 330 and 26 µM, held constant;
(c) the tyrpool initial value 1260 is not a steady state (computed by integration);
(d) tyr, tyrpool, cda, vda, eda, hva are boundary species driven by rate rules (kept);
(e) unused SAM/SAH species (removed after checking nothing uses them);
(f) VMAT ``Two_substrates`` law → uptake minus leak ``VmaxVMAT·cda/(KmVMAT + cda) − koutVMAT·vda``.
"""

from __future__ import annotations

from pathlib import Path

from ._framework import Check, TargetSkipped, find_shared_sbml, rel, steady_tables, target, within

FILE_NAME = "MODEL1502230000_best2009_dopamine.xml"
RATE_RULE_SPECIES = ("tyr", "tyrpool", "cda", "vda", "eda", "hva")
HORIZON_H = 3000.0

#: SBML species id → our state(s) (summed: the SBML lumps DOPAC and HVA into "hva").
STATE_MAP = {
    "tyr": ("dopamine.tyr",), "tyrpool": ("dopamine.tyrpool",), "bh4": ("dopamine.bh4",),
    "bh2": ("dopamine.bh2",), "l_dopa": ("dopamine.ldopa",), "cda": ("dopamine.cda",),
    "vda": ("dopamine.vda",), "eda": ("dopamine.eda",), "hva": ("dopamine.dopac", "dopamine.hva"),
}
#: SBML reaction id → our flux (µM/h; compartments of size 1 in both models).
FLUX_MAP = {"VTH": "dopamine.th", "VDRR": "dopamine.drr", "VAADC": "dopamine.aadc", "VMAT": "dopamine.vmat",
            "VDAT": "dopamine.dat", "VCATAB": "dopamine.extracellular_catabolism"}
#: Initial values encoded in the file (µM) and the decimals they are given to.
ENCODED = {"tyr": (126, 0), "bh4": (319, 0), "bh2": (41, 0), "l_dopa": (0.36, 2), "cda": (2.65, 2),
           "vda": (81, 0), "eda": (0.002, 3)}


def find_best2009_sbml() -> Path | None:
    """Locate the published file, or None."""
    return find_shared_sbml(FILE_NAME)


def _require(condition: object, message: object) -> None:
    if not condition:
        raise ValueError(f"{FILE_NAME} is not encoded as documented: {message}")


def _l3(math) -> str:  # noqa: ANN001
    import libsbml

    return libsbml.formulaToL3String(math)


def _names_in(math) -> set[str]:  # noqa: ANN001
    import libsbml

    out: set[str] = set()
    stack = [math]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if node.isName() or node.getType() == libsbml.AST_FUNCTION:
            out.add(node.getName())
        stack.extend(node.getChild(i) for i in range(node.getNumChildren()))
    return out


def _all_math(model) -> list:  # noqa: ANN001
    maths = [r.getMath() for r in model.getListOfRules()]
    maths += [r.getKineticLaw().getMath() for r in model.getListOfReactions() if r.isSetKineticLaw()]
    maths += [ia.getMath() for ia in model.getListOfInitialAssignments()]
    maths += [f.getMath() for f in model.getListOfFunctionDefinitions()]
    return maths


def fix_best2009(path: Path) -> tuple[str, dict[str, float]]:
    """Read the BioModels file, check each documented defect is present, fix it in memory.

    Returns the corrected SBML text and the initial values encoded in the file.  Raises
    `ValueError` when the file does not encode a defect as documented (a replaced file).
    """
    import libsbml

    doc = libsbml.readSBMLFromFile(str(path))
    fatal = [doc.getError(i).getMessage() for i in range(doc.getNumErrors())
             if doc.getError(i).getSeverity() >= libsbml.LIBSBML_SEV_ERROR]
    _require(not fatal, fatal)
    m = doc.getModel()
    _require(m.getId() == "MODEL1502230000", 'm.getId() == "MODEL1502230000"')
    encoded = {s.getId(): s.getInitialConcentration() for s in m.getListOfSpecies()}

    # (d) rate-rule-driven boundary species, as documented
    rate_rules = {r.getVariable(): r for r in m.getListOfRules() if r.isRate()}
    _require(set(rate_rules) == set(RATE_RULE_SPECIES), 'set(rate_rules) == set(RATE_RULE_SPECIES)')
    for sid in RATE_RULE_SPECIES:
        _require(m.getSpecies(sid).getBoundaryCondition(), f"{sid} is expected to be a boundary species")
    for sid in ("bh4", "bh2", "l_dopa"):  # driven by reactions only
        _require(not m.getSpecies(sid).getBoundaryCondition() and sid not in rate_rules, 'not m.getSpecies(sid).getBoundaryCondition() and sid not in rate_rules')

    # (a) constant tyrosine influx VTYRin·btyr → Michaelis–Menten
    _require(m.getParameter("VTYRin").getValue() == 244.0, 'm.getParameter("VTYRin").getValue() == 244.0')
    tyr_rule = rate_rules["tyr"]
    _require("VTYRin * btyr" in _l3(tyr_rule.getMath()), _l3(tyr_rule.getMath()))
    math = tyr_rule.getMath().deepCopy()
    math.replaceArgument("VTYRin", libsbml.parseL3Formula("VmaxVTYRin / (KmVTYRin + btyr)"))
    _require(tyr_rule.setMath(math) == libsbml.LIBSBML_OPERATION_SUCCESS, 'tyr_rule.setMath(math) == libsbml.LIBSBML_OPERATION_SUCCESS')
    _require("VTYRin" not in _names_in(tyr_rule.getMath()), '"VTYRin" not in _names_in(tyr_rule.getMath())')
    _require({"VmaxVTYRin", "KmVTYRin", "btyr"} <= _names_in(tyr_rule.getMath()), '{"VmaxVTYRin", "KmVTYRin", "btyr"} <= _names_in(tyr_rule.getMath())')

    # (b) NADPH 0 → 330 µM, NADP 0 → 26 µM, held constant
    rx = m.getReaction("VDRR")
    _require({r.getSpecies() for r in rx.getListOfReactants()} == {"bh2", "NADPH"}, '{r.getSpecies() for r in rx.getListOfReactants()} == {"bh2", "NADPH"}')
    _require({p.getSpecies() for p in rx.getListOfProducts()} == {"bh4", "NADP"}, '{p.getSpecies() for p in rx.getListOfProducts()} == {"bh4", "NADP"}')
    for sid, value in (("NADPH", 330.0), ("NADP", 26.0)):
        sp_ = m.getSpecies(sid)
        _require(sp_.getInitialConcentration() == 0.0, 'sp_.getInitialConcentration() == 0.0')
        sp_.setInitialConcentration(value)
        sp_.setBoundaryCondition(True)
        sp_.setConstant(True)

    # (c) tyrpool 1260 (= 10·tyr), hva 0: not a steady state, computed below
    _require(encoded["tyrpool"] == 1260.0, 'encoded["tyrpool"] == 1260.0')

    # (e) unused SAM/SAH
    used = set().union(*(_names_in(x) for x in _all_math(m)))
    used |= {sr.getSpecies() for r in m.getListOfReactions()
             for sr in (*r.getListOfReactants(), *r.getListOfProducts(), *r.getListOfModifiers())}
    for sid in ("SAM", "SAH"):
        _require(sid not in used, f"{sid} is used in the file")
        _require(m.removeSpecies(sid) is not None, 'm.removeSpecies(sid) is not None')

    # (f) VMAT two-substrate law → uptake minus leak
    kl = m.getReaction("VMAT").getKineticLaw()
    _require(_l3(kl.getMath()) == "Two_substrates(VmaxVMAT, cda, vda, KmVMAT, koutVMAT)", _l3(kl.getMath()))
    _require(kl.setMath(libsbml.parseL3Formula("VmaxVMAT * cda / (KmVMAT + cda) - koutVMAT * vda")) == libsbml.LIBSBML_OPERATION_SUCCESS, 'kl.setMath(libsbml.parseL3Formula("VmaxVMAT * cda / (KmVMAT + cda) - koutVMAT * vda")) == libsbml.LIBSBML_OPERATION_SUCCESS')

    _require(doc.checkInternalConsistency() == 0, [doc.getError(i).getMessage() for i in range(doc.getNumErrors())])
    return libsbml.writeSBMLToString(doc), encoded




def run_best2009(path: Path) -> dict:
    """Corrected file → libRoadRunner → integrate 3000 h; states, derivatives, reaction rates."""
    import roadrunner

    text, encoded = fix_best2009(path)
    rr = roadrunner.RoadRunner(text)
    rr.integrator.relative_tolerance = 1e-10
    rr.integrator.absolute_tolerance = 1e-14
    rr.integrator.stiff = True
    rr.simulate(0.0, HORIZON_H, 11)
    return {
        "states": {sid: float(rr[f"[{sid}]"]) for sid in STATE_MAP},
        "rates": {sid: float(rr[f"{sid}'"]) for sid in STATE_MAP},
        "fluxes": {rid: float(rr[rid]) for rid in FLUX_MAP},
        "influx": float(rr["VmaxVTYRin"] * rr["[btyr]"] / (rr["KmVTYRin"] + rr["[btyr]"])),
        "encoded": encoded,
    }


@target("T-DA-03", system="DA terminal vs published SBML",
        setup="BioModels MODEL1502230000 in libRoadRunner with its documented defects fixed at load time; "
              "steady state compared with our dopamine module at the same parameters",
        source="[code] BioModels MODEL1502230000 (Best, Nijhout & Reed 2009)", tolerance="±1 % between the two runs")
def t_da_03() -> list[Check]:
    from .targets_dopamine import _base

    path = find_best2009_sbml()
    if path is None:
        raise TargetSkipped(f"{FILE_NAME} not found: set NEUROBALANCE_SBML_DIR to the folder that holds it")
    sb = run_best2009(path)
    states, fluxes, _ = steady_tables(_base(), "dopamine")
    sv = {f"dopamine.{k}": v for k, v in states.items()}
    fv = {f"dopamine.{k}": v for k, v in fluxes.items()}
    checks = [rel(f"{sid} (ours vs SBML)", sb["states"][sid], sum(sv[n] for n in names), 0.01, "µM")
              for sid, names in STATE_MAP.items()]
    checks += [rel(f"{rid} flux (ours vs SBML)", sb["fluxes"][rid], fv[f], 0.01, "µM/h") for rid, f in FLUX_MAP.items()]
    for sid, (value, decimals) in ENCODED.items():
        ours = sum(sv[n] for n in STATE_MAP[sid])
        for who, got in (("SBML", sb["states"][sid]), ("ours", ours)):
            checks.append(within(f"{sid} ({who}) rounded to {decimals} decimals", value - 1e-12, value + 1e-12,
                                 round(got, decimals), "µM", expected=f"{value} (encoded initial value)"))
    return checks
