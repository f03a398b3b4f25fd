"""Render a compiled model to SBML Level 3 Version 2 (python-libsbml).

Each flux becomes a reaction whose kinetic law is ``rate × V(compartment)`` (amount per
hour), so species in compartments of different size change by the volume ratio, as in
the IR.  Inputs, rules and observables are parameters with assignment rules; a state
whose initial value depends on parameters gets an initial assignment.  The model and
every parameter with a DOI carry MIRIAM ``isDescribedBy`` annotations.
"""

from __future__ import annotations

import functools
import re

import sympy as sp
from sympy.printing.str import StrPrinter

from .. import units as U
from .._errors import ModelDefinitionError
from ..model._core import TIME
from ..model._references import doi_url
from ._ir import CompiledModel

__all__ = ["sbml_id", "to_sbml", "infix"]


def sbml_id(name: str) -> str:
    """Qualified name → SBML id (``dopamine.vmax_th`` → ``dopamine__vmax_th``)."""
    return name.replace(".", "__")


class _L3Printer(StrPrinter):
    """sympy → libSBML L3 infix (parseL3Formula)."""

    def _print_Symbol(self, expr: sp.Symbol) -> str:
        return "time" if expr == TIME else sbml_id(expr.name)

    def _print_Float(self, expr: sp.Float) -> str:
        return repr(float(expr))

    def _print_Integer(self, expr: sp.Integer) -> str:
        return str(int(expr))

    def _print_Rational(self, expr: sp.Rational) -> str:
        return f"({int(expr.p)}/{int(expr.q)})"

    def _print_Pow(self, expr: sp.Pow, rational: bool = False) -> str:
        return f"pow({self._print(expr.base)}, {self._print(expr.exp)})"

    def _print_Max(self, expr: sp.Max) -> str:
        # piecewise is understood by every SBML tool; L3V2 max() is not
        out = self._print(expr.args[0])
        for a in expr.args[1:]:
            b = self._print(a)
            out = f"piecewise({out}, ({out}) > ({b}), {b})"
        return out

    def _print_Min(self, expr: sp.Min) -> str:
        out = self._print(expr.args[0])
        for a in expr.args[1:]:
            b = self._print(a)
            out = f"piecewise({out}, ({out}) < ({b}), {b})"
        return out

    def _print_Piecewise(self, expr: sp.Piecewise) -> str:
        parts: list[str] = []
        otherwise = None
        for val, cond in expr.args:
            if cond == sp.true:
                otherwise = self._print(val)
                break
            parts += [self._print(val), self._print(cond)]
        if otherwise is None:
            otherwise = "0"
        return "piecewise(" + ", ".join(parts + [otherwise]) + ")"

    def _print_Relational(self, expr: sp.core.relational.Relational) -> str:
        return f"({self._print(expr.lhs)} {expr.rel_op} {self._print(expr.rhs)})"

    def _print_And(self, expr: sp.And) -> str:
        return "(" + " && ".join(self._print(a) for a in expr.args) + ")"

    def _print_Or(self, expr: sp.Or) -> str:
        return "(" + " || ".join(self._print(a) for a in expr.args) + ")"

    def _print_Mod(self, expr: sp.Mod) -> str:
        a, b = (self._print(x) for x in expr.args)
        # a - b·floor(a/b): defined for every tool, unlike L3V2 rem()
        return f"(({a}) - ({b})*floor(({a})/({b})))"

    def _print_exp(self, expr: sp.exp) -> str:
        return f"exp({self._print(expr.args[0])})"

    def _print_log(self, expr: sp.log) -> str:
        return f"ln({self._print(expr.args[0])})"


_PRINTER = _L3Printer()


def infix(expr: sp.Expr) -> str:
    return _PRINTER.doprint(expr)


def _math(libsbml, expr: sp.Expr, where: str):  # noqa: ANN001
    text = infix(expr)
    ast = libsbml.parseL3Formula(text)
    if ast is None:
        raise ModelDefinitionError(where, f"cannot render to SBML: {libsbml.getLastParseL3Error()}", "report this")
    return ast


def _check(code: int, what: str) -> None:
    import libsbml

    if code != libsbml.LIBSBML_OPERATION_SUCCESS:
        raise ModelDefinitionError(what, f"libSBML error {libsbml.OperationReturnValue_toString(code)}", "report this")


def _annotate(libsbml, element, key: str, *, model_level: bool = False) -> None:  # noqa: ANN001
    url = doi_url(key)
    if not url:
        return
    cv = libsbml.CVTerm()
    if model_level:
        cv.setQualifierType(libsbml.MODEL_QUALIFIER)
        cv.setModelQualifierType(libsbml.BQM_IS_DESCRIBED_BY)
    else:
        cv.setQualifierType(libsbml.BIOLOGICAL_QUALIFIER)
        cv.setBiologicalQualifierType(libsbml.BQB_IS_DESCRIBED_BY)
    cv.addResource(url)
    element.addCVTerm(cv)


def _unit_definition(libsbml, model, unit: str) -> str | None:  # noqa: ANN001
    """Add (once) an SBML unit definition for a canonical unit; return its id."""
    canon = U.canonical_unit(unit)
    uid = "u_" + re.sub(r"[^A-Za-z0-9]+", "_", canon).strip("_")
    if canon == "dimensionless":
        return "dimensionless"
    if model.getUnitDefinition(uid) is not None:
        return uid
    ud = model.createUnitDefinition()
    ud.setId(uid)
    q = U.parse_unit(canon)
    kinds = {"micromole": (libsbml.UNIT_KIND_MOLE, -6), "decimeter": (libsbml.UNIT_KIND_METRE, -1),
             "hour": (libsbml.UNIT_KIND_SECOND, 0), "gram": (libsbml.UNIT_KIND_GRAM, 0)}
    for name, power in q._units.items():  # pint UnitsContainer
        kind, scale = kinds[name]
        u = ud.createUnit()
        u.setKind(kind)
        u.setExponent(float(power))
        u.setScale(scale)
        u.setMultiplier(3600.0 if name == "hour" else 1.0)
    return uid


@functools.lru_cache(maxsize=32)
def _to_sbml_cached(compiled: CompiledModel, values: tuple[float, ...]) -> str:
    import libsbml

    st = compiled.structure
    doc = libsbml.SBMLDocument(3, 2)
    model = doc.createModel()
    model.setId("neurobalance_" + "_".join(m.name for m in st.modules))
    model.setName("neurobalance: " + ", ".join(m.name for m in st.modules))
    model.setMetaId("meta_model")
    notes = ("<body xmlns=\"http://www.w3.org/1999/xhtml\"><p>Exported by neurobalance. Research and teaching "
             "software; not medical advice. Time in hours, concentrations in µmol/L.</p></body>")
    model.setNotes(notes)
    keys = sorted({k for m in st.modules for k in m.references})
    for k in keys:
        _annotate(libsbml, model, k, model_level=True)
    # units
    ud = model.createUnitDefinition()
    ud.setId("hour")
    u = ud.createUnit()
    u.setKind(libsbml.UNIT_KIND_SECOND)
    u.setExponent(1)
    u.setScale(0)
    u.setMultiplier(3600.0)
    model.setTimeUnits("hour")
    ud = model.createUnitDefinition()
    ud.setId("umol")
    u = ud.createUnit()
    u.setKind(libsbml.UNIT_KIND_MOLE)
    u.setExponent(1)
    u.setScale(-6)
    u.setMultiplier(1.0)
    model.setSubstanceUnits("umol")
    model.setExtentUnits("umol")
    model.setVolumeUnits("litre")

    pvals = dict(zip(compiled.param_names, values))
    comp_params = {c.size for c in st.compartments.values()}
    for c in st.compartments.values():
        comp = model.createCompartment()
        comp.setId(sbml_id(c.size))  # the size parameter *is* the compartment
        comp.setName(c.desc)
        comp.setConstant(True)
        comp.setSpatialDimensions(3)
        comp.setSize(pvals[c.size])
        comp.setUnits("litre")
    for n, p in st.parameters.items():
        if n in comp_params:
            continue
        par = model.createParameter()
        par.setId(sbml_id(n))
        par.setName(p.desc[:120])
        par.setConstant(True)
        par.setValue(pvals[n])
        par.setUnits(_unit_definition(libsbml, model, p.unit))
        if p.source and doi_url(p.source):
            par.setMetaId("meta_" + sbml_id(n))
            _annotate(libsbml, par, p.source)
    for i, (n, s) in enumerate(st.states.items()):
        sp_ = model.createSpecies()
        sp_.setId(sbml_id(n))
        sp_.setName(s.desc)
        sp_.setCompartment(sbml_id(st.compartments[s.compartment].size))
        sp_.setHasOnlySubstanceUnits(False)
        sp_.setBoundaryCondition(False)
        sp_.setConstant(False)
        sp_.setSubstanceUnits("umol")
        init = compiled.initial_exprs[i]
        if init.free_symbols:
            sp_.setInitialConcentration(float(init.subs({sp.Symbol(k, real=True): v for k, v in pvals.items()})))
            ia = model.createInitialAssignment()
            ia.setSymbol(sbml_id(n))
            ia.setMath(_math(libsbml, init, f"initial value of {n}"))
        else:
            sp_.setInitialConcentration(float(init))
    # inputs, rules, observables: assignment-rule parameters
    assigned: list[tuple[str, sp.Expr, str]] = []
    for n in st.inputs:
        assigned.append((n, compiled.input_exprs[n], st.inputs[n].unit))
    for n, r in st.rules.items():
        assigned.append((n, r.expr, r.unit))
    for n, o in st.observables.items():
        assigned.append((n, o.expr, o.unit))
    for n, expr, unit in assigned:
        par = model.createParameter()
        par.setId(sbml_id(n))
        par.setConstant(False)
        par.setValue(0.0)
        par.setUnits(_unit_definition(libsbml, model, unit))
        rule = model.createAssignmentRule()
        rule.setVariable(sbml_id(n))
        rule.setMath(_math(libsbml, expr, n))
    # reactions
    for f in st.fluxes.values():
        rx = model.createReaction()
        rx.setId(sbml_id(f.name))
        rx.setName(f.desc)
        rx.setReversible(True)
        used = {str(s) for s in f.rate.free_symbols}
        for sname, coeff in f.stoichiometry.items():
            ref = rx.createReactant() if coeff < 0 else rx.createProduct()
            ref.setSpecies(sbml_id(sname))
            ref.setStoichiometry(abs(coeff))
            ref.setConstant(True)
        for sname in st.states:
            if sname in used and sname not in f.stoichiometry:
                mod = rx.createModifier()
                mod.setSpecies(sbml_id(sname))
        kl = rx.createKineticLaw()
        vol = sp.Symbol(st.compartments[f.compartment].size, real=True)
        kl.setMath(_math(libsbml, vol * f.rate, f.name))
    return libsbml.writeSBMLToString(doc)


def to_sbml(compiled: CompiledModel, parameter_values: tuple[float, ...] | None = None) -> str:
    """SBML L3V2 text of the compiled model at the given canonical parameter values."""
    if parameter_values is None:
        parameter_values = tuple(compiled.parameter_vector(_reference_model(compiled)))
    return _to_sbml_cached(compiled, tuple(float(v) for v in parameter_values))


def _reference_model(compiled: CompiledModel):  # noqa: ANN202
    from ..model._core import Model

    return Model((), _structure=compiled.structure)
