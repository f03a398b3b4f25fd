"""Units: one pint registry, the canonical units, and dimensional analysis of rate laws.

Units are used when a model is built, never during a simulation (as in Brian2 and Myokit):
every quantity is converted once to the canonical unit of its dimension and the engines
see plain floats.  Canonical units: time in **hours**, amounts in **µmol**, volumes in
**litres** (so concentrations in µmol/L = µM), masses in **grams**.
"""

from __future__ import annotations

import functools
from typing import Any

import sympy as sp

from ._errors import UnitError

__all__ = ["parse_unit", "to_canonical", "canonical_unit", "convert", "dimension_of"]


@functools.cache
def _registry() -> Any:
    import pint

    # pint parses its definition file on every start (~0.35 s); its own on-disk cache makes later
    # starts fast.  Fall back to no cache where the user cache directory is not writable.
    try:
        reg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=":auto:")
    except Exception:  # noqa: BLE001 - any cache problem: build the registry without a cache
        reg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    reg.define("uM = micromole / liter = µM")
    reg.define("nM = nanomole / liter")
    reg.define("mM = millimole / liter")
    reg.define("pM = picomole / liter")
    # "model unit" for dimensionless quantities of abstract receptor/G-protein models
    return reg


def __getattr__(name: str) -> Any:
    if name == "ureg":
        return _registry()
    raise AttributeError(name)


# SI magnitude of one canonical unit for each base dimension.
_CANONICAL_SI = {
    "[substance]": (1e-6, "umol"),
    "[length]": (0.1, "dm"),  # dm³ = L
    "[time]": (3600.0, "hour"),
    "[mass]": (1e-3, "g"),
}


@functools.cache
def parse_unit(unit: str) -> Any:
    """Parse a unit string, raising `UnitError` with a fix when it is not understood."""
    reg = _registry()
    text = unit.strip() or "dimensionless"
    if text in ("1", "-"):
        text = "dimensionless"
    try:
        return reg.Unit(text)
    except Exception as exc:  # pint raises several types
        raise UnitError(
            unit, f"unit not understood ({exc})", "write it as pint understands it, e.g. 'umol/L/h'"
        ) from None


@functools.cache
def _canonical_factor(unit: str) -> tuple[float, str]:
    reg = _registry()
    q = (1.0 * parse_unit(unit)).to_base_units()
    dims = dict(q.dimensionality)
    factor = float(q.magnitude)
    parts = []
    for dim, power in dims.items():
        if dim not in _CANONICAL_SI:
            raise UnitError(unit, f"dimension {dim} has no canonical unit", "use µM, hours, g or L")
        si, name = _CANONICAL_SI[dim]
        factor /= si**power
        parts.append(f"{name}**{power:g}")
    canon = "*".join(parts) if parts else "dimensionless"
    return factor, str(reg.Unit(canon))


def to_canonical(value: float, unit: str) -> float:
    """Convert ``value`` in ``unit`` to the canonical unit of its dimension."""
    return value * _canonical_factor(unit)[0]


def canonical_unit(unit: str) -> str:
    """The canonical unit (as a string) of the dimension of ``unit``."""
    return _canonical_factor(unit)[1]


def convert(value: Any, from_unit: str, to_unit: str) -> Any:
    """Convert a value (float or array) between two compatible units."""
    if not same_dimension(from_unit, to_unit):
        raise UnitError(from_unit, f"cannot convert to {to_unit!r}", "use a unit of the same dimension")
    f1 = _canonical_factor(from_unit)[0]
    f2 = _canonical_factor(to_unit)[0]
    return value * (f1 / f2)


def same_dimension(a: str, b: str) -> bool:
    return parse_unit(a).dimensionality == parse_unit(b).dimensionality


def dimension_of(expr: sp.Expr, units: dict[sp.Symbol, Any], where: str) -> Any:
    """Return the pint unit of a sympy expression whose symbols have known units.

    Checks, as it walks the expression, that sums and comparisons combine equal
    dimensions and that exponents and function arguments are dimensionless.  Numeric
    literals are dimensionless: a constant that has a unit must be a declared parameter.

    Raises
    ------
    UnitError
        Naming ``where`` (the flux, observable or rule being checked), both units and
        the offending sub-expression.
    """
    reg = _registry()
    one = reg.dimensionless

    def same(a: Any, b: Any, node: sp.Basic) -> None:
        if a.dimensionality != b.dimensionality:
            raise UnitError(
                where,
                f"inconsistent units {a:~} and {b:~} in `{node}`",
                "make both sides the same dimension (declare constants as parameters with units)",
            )

    def walk(e: sp.Basic) -> Any:
        if isinstance(e, sp.Symbol):
            if e not in units:
                raise UnitError(where, f"symbol {e} has no unit", "declare it as a state, parameter or input")
            return units[e]
        if e.is_Number or isinstance(e, (sp.logic.boolalg.BooleanTrue, sp.logic.boolalg.BooleanFalse)):
            return one
        if isinstance(e, sp.Add) or isinstance(e, (sp.Max, sp.Min)):
            args = [walk(a) for a in e.args]
            for a in args[1:]:
                same(args[0], a, e)
            return args[0]
        if isinstance(e, sp.Mul):
            u = one
            for a in e.args:
                u = u * walk(a)
            return u
        if isinstance(e, sp.Pow):
            base = walk(e.base)
            expo = walk(e.exp)
            same(expo, one, e)
            if base.dimensionality and not e.exp.is_Number:
                raise UnitError(where, f"non-numeric power of a dimensional quantity in `{e}`", "")
            return base ** float(e.exp) if base.dimensionality else one
        if isinstance(e, sp.Piecewise):
            vals = []
            for val, cond in e.args:
                vals.append(walk(val))
                walk(cond)
            for v in vals[1:]:
                same(vals[0], v, e)
            return vals[0]
        if isinstance(e, sp.core.relational.Relational):
            same(walk(e.lhs), walk(e.rhs), e)
            return one
        if isinstance(e, (sp.And, sp.Or, sp.Not)):
            for a in e.args:
                walk(a)
            return one
        if isinstance(e, (sp.exp, sp.log, sp.sin, sp.cos, sp.tanh)):
            for a in e.args:
                same(walk(a), one, e)
            return one
        if isinstance(e, (sp.floor, sp.ceiling)):
            return walk(e.args[0])
        if isinstance(e, sp.Mod):
            a, b = (walk(x) for x in e.args)
            same(a, b, e)
            return a
        raise UnitError(where, f"cannot determine the unit of `{e}` ({type(e).__name__})", "simplify the rate law")

    return walk(expr)
