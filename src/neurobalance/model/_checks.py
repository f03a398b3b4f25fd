"""Build-time checks: names, references, sources, units, dependency order.

`build_structure` runs every check once when a `Model` is created and returns the
frozen structure that the compiler reads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

import sympy as sp

from .. import units as U
from .._errors import ModelDefinitionError, UnitError, UnknownNameError
from ._core import TIME, Compartment, Flux, Gene, Input, Module, Observable, Parameter, Rule, State
from ._references import load_references

__all__ = ["Structure", "build_structure", "unused_references"]


@dataclasses.dataclass(frozen=True)
class Structure:
    modules: tuple[Module, ...]
    parameters: Mapping[str, Parameter]
    states: Mapping[str, State]
    inputs: Mapping[str, Input]
    rules: Mapping[str, Rule]  # in dependency order
    fluxes: Mapping[str, Flux]
    observables: Mapping[str, Observable]
    compartments: Mapping[str, Compartment]
    genes: Mapping[str, Gene]
    references: frozenset[str]

    @property
    def volume_parameters(self) -> frozenset[str]:
        """Names of the parameters that are compartment volumes (must stay > 0)."""
        return frozenset(c.size for c in self.compartments.values())

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other


def _merge(modules: tuple[Module, ...], attr: str) -> dict:
    out: dict = {}
    for m in modules:
        for k, v in getattr(m, attr).items():
            if k in out:
                raise ModelDefinitionError(k, f"declared twice (second time in module {m.name!r})", "rename one")
            out[k] = v
    return out


def _gene_parameters(genes: Mapping[str, Gene]) -> dict[str, Parameter]:
    return {
        g.parameter_name: Parameter(
            g.parameter_name,
            1.0,
            "dimensionless",
            f"gene-dose / activity factor of {g.symbol}: {g.desc} (1 = reference, 0.5 = heterozygous, 0 = knockout)",
            source="hgnc",
            locator=f"HGNC symbol {g.symbol}",
            basis="assumed",
            rationale="reference genotype by definition",
            provenance="own",
            range=(0.0, 2.0),
        )
        for g in genes.values()
    }


def _order_rules(rules: dict[str, Rule]) -> dict[str, Rule]:
    """Topologically sort rules; raise on a cycle, printing it as a > b > a."""
    deps = {n: {str(s) for s in r.expr.free_symbols} & rules.keys() for n, r in rules.items()}
    order: list[str] = []
    state: dict[str, int] = {}

    def visit(n: str, path: list[str]) -> None:
        if state.get(n) == 2:
            return
        if state.get(n) == 1:
            cycle = path[path.index(n):] + [n]
            raise ModelDefinitionError(n, "circular dependency " + " > ".join(cycle), "break the cycle with a state")
        state[n] = 1
        for d in sorted(deps[n]):
            visit(d, path + [d])
        state[n] = 2
        order.append(n)

    for n in rules:
        visit(n, [n])
    return {n: rules[n] for n in order}


def build_structure(modules: tuple[Module, ...]) -> Structure:
    if not modules:
        raise ModelDefinitionError("model", "no modules", "pass at least one physiology module")
    names = [m.name for m in modules]
    if len(set(names)) != len(names):
        raise ModelDefinitionError("model", f"module listed twice in {names}", "list each module once")

    params = _merge(modules, "parameters")
    states = _merge(modules, "states")
    inputs = _merge(modules, "inputs")
    rules = _merge(modules, "rules")
    fluxes = _merge(modules, "fluxes")
    observables = _merge(modules, "observables")
    compartments = _merge(modules, "compartments")
    genes: dict[str, Gene] = {}
    for m in modules:
        genes.update(m.genes)
    params.update(_gene_parameters(genes))
    rules = _order_rules(rules)

    bib = load_references()
    # -- sources and descriptions --------------------------------------------------
    for p in params.values():
        if not p.desc.strip():
            raise ModelDefinitionError(p.name, "parameter has no description", "add desc=...")
        if p.basis in ("assumed", "derived") and not p.rationale.strip():
            raise ModelDefinitionError(p.name, f"basis {p.basis!r} without a rationale", "add rationale=...")
        if p.basis != "assumed" and not p.source:
            raise ModelDefinitionError(p.name, "parameter has no source", "add source=<bib key> or basis='assumed'")
        if p.source and p.source not in bib:
            raise UnknownNameError("reference", p.source, bib, hint="add the entry to references.bib")
        if p.value < 0:
            raise ModelDefinitionError(p.name, "negative reference value", "parameters are non-negative")
        if p.range is not None and not (p.range[0] <= p.value <= p.range[1]):
            raise ModelDefinitionError(p.name, f"value {p.value} outside its range {p.range}", "fix value or range")
    for m in modules:
        for key in m.references:
            if key not in bib:
                raise UnknownNameError("reference", key, bib, hint="add the entry to references.bib")
    for o in observables.values():
        if o.range_source and o.range_source not in bib:
            raise UnknownNameError("reference", o.range_source, bib, hint="add the entry to references.bib")

    # -- compartments ----------------------------------------------------------------
    for c in compartments.values():
        if c.size not in params:
            raise UnknownNameError("parameter", c.size, params)
    for s in states.values():
        if s.compartment not in compartments:
            raise UnknownNameError("compartment", s.compartment, compartments)
    for f in fluxes.values():
        if f.compartment not in compartments:
            raise UnknownNameError("compartment", f.compartment, compartments)
        for sname in f.stoichiometry:
            if sname not in states:
                raise UnknownNameError("state", sname, states, hint=f"flux {f.name} names a state that does not exist")

    # -- symbol resolution -----------------------------------------------------------
    unit_of: dict[sp.Symbol, object] = {TIME: U.parse_unit("hour")}
    for table in (params, states, inputs, rules):
        for n, obj in table.items():
            unit_of[sp.Symbol(n, real=True)] = U.parse_unit(obj.unit)
    known = {str(s) for s in unit_of}

    def resolve(expr: sp.Expr, where: str) -> None:
        for s in expr.free_symbols:
            if str(s) not in known:
                raise UnknownNameError("symbol", str(s), known, hint=f"used in {where}")

    for i in inputs.values():
        resolve(i.default, i.name)
    for r in rules.values():
        resolve(r.expr, r.name)
    for f in fluxes.values():
        resolve(f.rate, f.name)
    for o in observables.values():
        resolve(o.expr, o.name)
    for s in states.values():
        if isinstance(s.initial, sp.Expr):
            resolve(s.initial, s.name)

    # -- units -----------------------------------------------------------------------
    def expect(expr: sp.Expr, unit: str, where: str) -> None:
        got = U.dimension_of(expr, unit_of, where)
        want = U.parse_unit(unit)
        if got.dimensionality != want.dimensionality:
            raise UnitError(where, f"expression has unit {got:~} but {unit!r} is declared", "fix the rate law or the unit")

    for i in inputs.values():
        if not i.default.is_Number:  # a bare number is read in the input's unit
            expect(i.default, i.unit, i.name)
    for r in rules.values():
        expect(r.expr, r.unit, r.name)
    for o in observables.values():
        expect(o.expr, o.unit, o.name)
        if not U.same_dimension(o.unit, o.display_unit):
            raise UnitError(o.name, f"display unit {o.display_unit!r} incompatible with {o.unit!r}", "fix display_unit")
    for s in states.values():
        if isinstance(s.initial, sp.Expr):
            expect(s.initial, s.unit, f"initial value of {s.name}")
    for f in fluxes.values():
        for sname in f.stoichiometry:
            want = f"({states[sname].unit})/hour"
            expect(f.rate, want, f"flux {f.name} (acting on {sname})")
    for p in params.values():
        U.parse_unit(p.unit)

    return Structure(
        modules=modules,
        parameters=params,
        states=states,
        inputs=inputs,
        rules=rules,
        fluxes=fluxes,
        observables=observables,
        compartments=compartments,
        genes=genes,
        references=frozenset(
            {p.source for p in params.values() if p.source}
            | {k for m in modules for k in m.references}
            | {o.range_source for o in observables.values() if o.range_source}
        ),
    )


def unused_references(structure: Structure, extra: Iterable[str] = ()) -> set[str]:
    """Keys in ``references.bib`` that neither the model nor ``extra`` (validation) uses."""
    return set(load_references()) - set(structure.references) - set(extra)
