"""The declarative model layer: State, Parameter, Input, Rule, Flux, Observable, Module, Model.

A module declares quantities with their unit, meaning and provenance next to the number
(as every variable of a Myokit ``.mmt`` file carries ``in [...]`` and ``desc:``).  Rate
laws are sympy expressions of qualified symbols (``dopamine.tyr``).  Nothing here is
numerical: `neurobalance.compile` turns a `Model` into engine code.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import sympy as sp

from .._errors import InvalidValueError, ModelDefinitionError, UnknownNameError

__all__ = [
    "TIME",
    "Basis",
    "Parameter",
    "State",
    "Input",
    "Rule",
    "Flux",
    "Observable",
    "Compartment",
    "Gene",
    "Module",
    "Model",
]

#: The independent variable, in hours.
TIME = sp.Symbol("time", real=True)

Basis = Literal["measured", "published_model", "derived", "fitted", "assumed"]
Provenance = Literal["pub", "code", "re-sim", "L", "D", "own"]

#: Allowed kind prefixes of parameter names (see docs/developer/naming.md).
PARAMETER_PREFIXES = ("vmax_", "km_", "ki_", "k_", "kd_", "n_", "tau_", "f_", "c_")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def _check_local_name(kind: str, module: str, name: str) -> None:
    if not _NAME_RE.match(name):
        raise ModelDefinitionError(
            f"{module}.{name}", f"{kind} name is not snake_case", "use lowercase letters, digits and '_'"
        )


@dataclasses.dataclass(frozen=True)
class Parameter:
    """A constant of the model, with its unit, meaning and provenance.

    Parameters
    ----------
    name
        Qualified name, ``module.local`` (or ``gene.SYMBOL`` for gene factors).
    value
        Reference value, in ``unit``.
    unit
        Unit string understood by pint (``"umol/L/h"``, ``"1/h"``, ``"dimensionless"``).
    desc
        What the number means.
    source
        Key in ``references.bib``; required unless ``basis == "assumed"``.
    locator
        Where in the source (table, figure, SBML id).
    basis
        ``measured`` | ``published_model`` | ``derived`` | ``fitted`` | ``assumed``.
    rationale
        Required for ``assumed`` and ``derived``: why this value.
    provenance
        Label of the reference files: ``pub``, ``code``, ``re-sim``, ``L``, ``D``, or ``own``.
    range
        Plausible (low, high) in ``unit``; feeds virtual populations and priors.
    """

    name: str
    value: float
    unit: str
    desc: str
    source: str | None = None
    locator: str = ""
    basis: Basis = "published_model"
    rationale: str = ""
    provenance: Provenance = "code"
    range: tuple[float, float] | None = None

    @property
    def symbol(self) -> sp.Symbol:
        return sp.Symbol(self.name, real=True)


@dataclasses.dataclass(frozen=True)
class Compartment:
    """A well-mixed volume.  ``size`` names a dimensionless relative-volume parameter."""

    name: str
    size: str
    desc: str


@dataclasses.dataclass(frozen=True)
class State:
    """A concentration (or dimensionless receptor quantity) governed by an ODE.

    ``initial`` is a number (in ``unit``) or a sympy expression of parameters.
    """

    name: str
    initial: float | sp.Expr
    unit: str
    desc: str
    compartment: str

    @property
    def symbol(self) -> sp.Symbol:
        return sp.Symbol(self.name, real=True)


@dataclasses.dataclass(frozen=True)
class Input:
    """A function of time supplied from outside the terminal (blood amino acids, firing).

    The default expression may be replaced by a schedule without touching the model
    (Myokit's model/protocol split).
    """

    name: str
    default: sp.Expr
    unit: str
    desc: str

    @property
    def symbol(self) -> sp.Symbol:
        return sp.Symbol(self.name, real=True)


@dataclasses.dataclass(frozen=True)
class Rule:
    """A named intermediate quantity (an autoreceptor factor, a gate)."""

    name: str
    expr: sp.Expr
    unit: str
    desc: str

    @property
    def symbol(self) -> sp.Symbol:
        return sp.Symbol(self.name, real=True)


@dataclasses.dataclass(frozen=True)
class Flux:
    """A process moving material between states.

    ``rate`` is in concentration per hour *of its compartment*; a state in another
    compartment changes by ``stoich × rate × V_flux / V_state``, so a flux between a
    terminal and the extracellular space conserves amount.
    """

    name: str
    rate: sp.Expr
    stoichiometry: Mapping[str, float]
    compartment: str
    desc: str


@dataclasses.dataclass(frozen=True)
class Observable:
    """A named model output with a display unit and a physiological reference range.

    ``reference_range`` is in ``display_unit``; ``range_source`` is a bib key and
    ``range_note`` says which species, region and technique the range comes from.
    """

    name: str
    expr: sp.Expr
    unit: str
    display_unit: str
    desc: str
    reference_range: tuple[float, float] | None = None
    range_source: str | None = None
    range_note: str = ""


@dataclasses.dataclass(frozen=True)
class Gene:
    """A gene-dose / activity factor addressed by its HGNC symbol (1 = reference)."""

    symbol: str
    desc: str

    @property
    def parameter_name(self) -> str:
        return f"gene.{self.symbol}"


class Module:
    """A physiology module under construction.

    Methods declare components and return sympy symbols with qualified names, so rate
    laws read as mathematics.  A module is finished with `freeze`, after which it is
    immutable.
    """

    def __init__(self, name: str, desc: str, *, references: Sequence[str] = ()) -> None:
        _check_local_name("module", name, name)
        self.name = name
        self.desc = desc
        self.references = tuple(references)
        self.parameters: dict[str, Parameter] = {}
        self.states: dict[str, State] = {}
        self.inputs: dict[str, Input] = {}
        self.rules: dict[str, Rule] = {}
        self.fluxes: dict[str, Flux] = {}
        self.observables: dict[str, Observable] = {}
        self.compartments: dict[str, Compartment] = {}
        self.genes: dict[str, Gene] = {}
        self._frozen = False

    # -- helpers ---------------------------------------------------------------------
    def _q(self, local: str) -> str:
        return f"{self.name}.{local}"

    def _add(self, table: dict[str, Any], kind: str, local: str, obj: Any) -> None:
        if self._frozen:
            raise ModelDefinitionError(self._q(local), "module is frozen", "declare components before freeze()")
        _check_local_name(kind, self.name, local)
        qname = self._q(local)
        for other_kind, other in (
            ("parameter", self.parameters),
            ("state", self.states),
            ("input", self.inputs),
            ("rule", self.rules),
            ("flux", self.fluxes),
            ("observable", self.observables),
        ):
            if qname in other:
                raise ModelDefinitionError(
                    qname, f"{kind} name already used by a {other_kind}", "give one of them another name"
                )
        table[qname] = obj

    # -- declarations ----------------------------------------------------------------
    def parameter(
        self,
        local: str,
        value: float,
        unit: str,
        desc: str,
        *,
        source: str | None = None,
        locator: str = "",
        basis: Basis = "published_model",
        rationale: str = "",
        provenance: Provenance = "code",
        range: tuple[float, float] | None = None,
    ) -> sp.Symbol:
        if not local.startswith(PARAMETER_PREFIXES):
            raise ModelDefinitionError(
                self._q(local),
                "parameter name has no kind prefix",
                "start it with one of " + ", ".join(PARAMETER_PREFIXES),
            )
        p = Parameter(
            self._q(local), float(value), unit, desc, source, locator, basis, rationale, provenance, range
        )
        self._add(self.parameters, "parameter", local, p)
        return p.symbol

    def compartment(self, local: str, desc: str, *, size: float = 1.0, source: str | None = None,
                    basis: Basis = "assumed", rationale: str = "") -> str:
        size_name = f"f_volume_{local}"
        self.parameter(size_name, size, "dimensionless", f"relative volume of the {desc}",
                       source=source, basis=basis, rationale=rationale, provenance="own",
                       range=(0.001, 2.0))
        c = Compartment(self._q(f"{local}_compartment"), self._q(size_name), desc)
        self.compartments[c.name] = c
        return c.name

    def state(self, local: str, initial: float | sp.Expr, unit: str, desc: str, *, compartment: str) -> sp.Symbol:
        s = State(self._q(local), initial, unit, desc, compartment)
        self._add(self.states, "state", local, s)
        return s.symbol

    def input(self, local: str, default: float | sp.Expr, unit: str, desc: str) -> sp.Symbol:
        i = Input(self._q(local), sp.sympify(default), unit, desc)
        self._add(self.inputs, "input", local, i)
        return i.symbol

    def rule(self, local: str, expr: sp.Expr, unit: str, desc: str) -> sp.Symbol:
        r = Rule(self._q(local), sp.sympify(expr), unit, desc)
        self._add(self.rules, "rule", local, r)
        return r.symbol

    def flux(
        self,
        local: str,
        rate: sp.Expr,
        *,
        consumes: Mapping[sp.Symbol, float] | Sequence[sp.Symbol] = (),
        produces: Mapping[sp.Symbol, float] | Sequence[sp.Symbol] = (),
        compartment: str,
        desc: str,
    ) -> sp.Symbol:
        stoich: dict[str, float] = {}
        for table, sign in ((consumes, -1.0), (produces, 1.0)):
            items = table.items() if isinstance(table, Mapping) else ((s, 1.0) for s in table)
            for sym, coeff in items:
                stoich[str(sym)] = stoich.get(str(sym), 0.0) + sign * float(coeff)
        f = Flux(self._q(local), sp.sympify(rate), stoich, compartment, desc)
        self._add(self.fluxes, "flux", local, f)
        return sp.Symbol(f.name, real=True)

    def observable(
        self,
        local: str,
        expr: sp.Expr,
        unit: str,
        display_unit: str,
        desc: str,
        *,
        reference_range: tuple[float, float] | None = None,
        range_source: str | None = None,
        range_note: str = "",
    ) -> sp.Symbol:
        o = Observable(self._q(local), sp.sympify(expr), unit, display_unit, desc, reference_range,
                       range_source, range_note)
        self._add(self.observables, "observable", local, o)
        return sp.Symbol(o.name, real=True)

    def gene(self, gene: Gene) -> sp.Symbol:
        """Use a gene-dose factor; the same gene may be used by several modules."""
        self.genes[gene.symbol] = gene
        return sp.Symbol(gene.parameter_name, real=True)

    def ref(self, qualified: str) -> sp.Symbol:
        """A symbol of another module (checked when the model is built)."""
        return sp.Symbol(qualified, real=True)

    def freeze(self) -> Module:
        self._frozen = True
        return self


def _finite_number(field: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise InvalidValueError(field, value, "a number") from None
    value = float(value)
    if not math.isfinite(value):
        raise InvalidValueError(field, value, "a finite number")
    return value


class Model:
    """An immutable, validated composition of modules, with parameter overrides.

    Use `with_parameters` and `with_genes` to derive variants; the structure (and its
    compiled code) is shared between variants.
    """

    __slots__ = ("_structure", "_values")

    def __init__(self, modules: Sequence[Module], *, _structure: Any = None, _values: Any = None) -> None:
        from ._checks import build_structure

        self._structure = _structure if _structure is not None else build_structure(tuple(modules))
        self._values: dict[str, float] = dict(_values) if _values is not None else {
            name: p.value for name, p in self._structure.parameters.items()
        }

    # -- read-only views -------------------------------------------------------------
    @property
    def structure(self) -> Any:
        return self._structure

    @property
    def modules(self) -> tuple[Module, ...]:
        return self._structure.modules

    @property
    def parameters(self) -> Mapping[str, Parameter]:
        return self._structure.parameters

    @property
    def states(self) -> Mapping[str, State]:
        return self._structure.states

    @property
    def observables(self) -> Mapping[str, Observable]:
        return self._structure.observables

    @property
    def inputs(self) -> Mapping[str, Input]:
        return self._structure.inputs

    @property
    def fluxes(self) -> Mapping[str, Flux]:
        return self._structure.fluxes

    @property
    def genes(self) -> Mapping[str, Gene]:
        return self._structure.genes

    @property
    def parameter_values(self) -> Mapping[str, float]:
        """Current parameter values, in each parameter's declared unit."""
        return dict(self._values)

    def __getitem__(self, name: str) -> float:
        if name not in self._values:
            raise UnknownNameError("parameter", name, self._values)
        return self._values[name]

    def __repr__(self) -> str:
        changed = {k: v for k, v in self._values.items() if v != self.parameters[k].value}
        return (
            f"Model(modules={[m.name for m in self.modules]}, states={len(self.states)}, "
            f"parameters={len(self.parameters)}, changed={changed})"
        )

    # -- variants --------------------------------------------------------------------
    def with_parameters(self, values: Mapping[str, Any] | None = None, /, **kwargs: Any) -> Model:
        """Return a new model with some parameters changed (values in declared units).

        Raises `UnknownNameError` (with close matches) for an unknown name and
        `InvalidValueError` for a non-numeric, non-finite or negative value.
        """
        updates = dict(values or {})
        updates.update(kwargs)
        new = dict(self._values)
        for name, value in updates.items():
            if name not in new:
                raise UnknownNameError("parameter", name, new)
            v = _finite_number(name, value)
            if v < 0:
                raise InvalidValueError(name, value, "non-negative (rates, constants and factors cannot be < 0)")
            if v == 0 and name in self._structure.volume_parameters:
                raise InvalidValueError(name, value, "positive (a compartment volume; use a small value such as "
                                                     "0.01 for near-complete loss)")
            new[name] = v
        return Model((), _structure=self._structure, _values=new)

    def with_genes(self, factors: Mapping[str, Any] | None = None, /, **kwargs: Any) -> Model:
        """Return a new model with gene-dose factors set (1 = reference, 0 = knockout)."""
        updates = dict(factors or {})
        updates.update(kwargs)
        params: dict[str, float] = {}
        for symbol, value in updates.items():
            if symbol not in self.genes:
                raise UnknownNameError("gene", symbol, self.genes, hint="list them with `neurobalance list genes`")
            v = _finite_number(f"gene {symbol}", value)
            if v < 0:
                raise InvalidValueError(f"gene {symbol}", value, "a non-negative factor (1 = reference, 0 = knockout)")
            params[self.genes[symbol].parameter_name] = v
        return self.with_parameters(params)
