"""Input schedules: closed-form functions of time given to every engine identically.

An input (blood tryptophan, blood tyrosine, firing rate, histamine) has a default value
in the model; a schedule replaces it for one run without editing the model.  Each
schedule declares its discontinuity times so that every engine stops there.

Examples
--------
>>> from neurobalance.inputs import meals, step
>>> meals("2008", mean=97.0).value(8.0)   # breakfast, 1.75 × 97 µM
169.75
>>> step(1.0, 3.0, at=1.0).value(2.0)
3.0
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from typing import Any

import sympy as sp

from ._errors import InvalidValueError

__all__ = ["Schedule", "constant", "step", "daily", "meals", "expression", "circadian_drive", "pulses", "total",
           "as_schedule", "MEAL_PROTOCOLS"]


def _num(field: str, v: Any, *, nonneg: bool = True) -> float:
    try:
        x = float(v)
    except (TypeError, ValueError):
        raise InvalidValueError(field, v, "a number") from None
    if isinstance(v, bool) or not math.isfinite(x):
        raise InvalidValueError(field, v, "a finite number")
    if nonneg and x < 0:
        raise InvalidValueError(field, v, "non-negative")
    return x


class Schedule:
    """Abstract input schedule: `expr` (sympy, of time in hours) and discontinuities."""

    def expr(self, t: sp.Symbol) -> sp.Expr:  # pragma: no cover - abstract
        raise NotImplementedError

    def discontinuities(self, t0: float, t1: float) -> list[float]:  # pragma: no cover - abstract
        raise NotImplementedError

    def key(self) -> str:
        return repr(self)

    def value(self, t: float) -> float:
        """Value at time ``t`` (hours), for inspection and plots."""
        ts = sp.Symbol("t", real=True)
        return float(self.expr(ts).subs(ts, t))

    def __lt__(self, other: Schedule) -> bool:  # allows sorting (name, schedule) pairs
        return self.key() < other.key()


@dataclasses.dataclass(frozen=True, order=False)
class _Constant(Schedule):
    level: float

    def expr(self, t: sp.Symbol) -> sp.Expr:
        return sp.Float(self.level)

    def discontinuities(self, t0: float, t1: float) -> list[float]:
        return []


@dataclasses.dataclass(frozen=True, order=False)
class _Step(Schedule):
    before: float
    after: float
    at: float

    def expr(self, t: sp.Symbol) -> sp.Expr:
        return sp.Piecewise((sp.Float(self.before), t < self.at), (sp.Float(self.after), True))

    def discontinuities(self, t0: float, t1: float) -> list[float]:
        return [self.at]


@dataclasses.dataclass(frozen=True, order=False)
class _Daily(Schedule):
    base: float
    pieces: tuple[tuple[float, float, float], ...]  # (start h of day, end h of day, level)

    def expr(self, t: sp.Symbol) -> sp.Expr:
        tod = sp.Mod(t, 24)
        branches = [(sp.Float(v), sp.And(tod >= a, tod < b)) for a, b, v in self.pieces]
        return sp.Piecewise(*branches, (sp.Float(self.base), True))

    def discontinuities(self, t0: float, t1: float) -> list[float]:
        out = []
        day = math.floor(t0 / 24.0)
        while day * 24.0 <= t1:
            for a, b, _ in self.pieces:
                out += [day * 24.0 + a, day * 24.0 + b]
            day += 1
        return [t for t in out if t0 <= t <= t1]


@dataclasses.dataclass(frozen=True, order=False)
class _Expression(Schedule):
    text: str
    jumps: tuple[float, ...]

    def expr(self, t: sp.Symbol) -> sp.Expr:
        return sp.sympify(self.text, locals={"t": t, "time": t})

    def discontinuities(self, t0: float, t1: float) -> list[float]:
        return list(self.jumps)


@dataclasses.dataclass(frozen=True, order=False)
class _Circadian(Schedule):
    """Bangsgaard & Ottesen (2017) external circadian drive, one smooth bump per day."""

    amplitude: float  # N_c
    k: float
    l: float  # noqa: E741 - the paper's symbol
    alpha_min: float
    beta_min: float
    epsilon: float
    delay_min: float
    period_min: float

    def expr(self, t: sp.Symbol) -> sp.Expr:
        tm = sp.Mod(60 * t - self.delay_min, self.period_min)  # minutes after the phase offset
        rise = tm**self.k / (tm**self.k + self.alpha_min**self.k)
        fall = (self.period_min - tm) ** self.l / ((self.period_min - tm) ** self.l + self.beta_min**self.l)
        return self.amplitude * (rise * fall + self.epsilon)

    def discontinuities(self, t0: float, t1: float) -> list[float]:
        return []  # smooth: both factors vanish with high order at the wrap-around


@dataclasses.dataclass(frozen=True, order=False)
class _Pulses(Schedule):
    """``base`` plus ``level`` on each window [start, end) (hours; not periodic)."""

    base: float
    windows: tuple[tuple[float, float, float], ...]

    def expr(self, t: sp.Symbol) -> sp.Expr:
        if not self.windows:
            return sp.Float(self.base)
        # windows may overlap: sum one indicator per window
        return sp.Float(self.base) + sp.Add(*[sp.Piecewise((sp.Float(v), sp.And(t >= a, t < b)), (0, True))
                                              for a, b, v in self.windows])

    def discontinuities(self, t0: float, t1: float) -> list[float]:
        return sorted({x for a, b, _ in self.windows for x in (a, b) if t0 <= x <= t1})


@dataclasses.dataclass(frozen=True, order=False)
class _Total(Schedule):
    """The sum of several schedules."""

    parts: tuple[Schedule, ...]

    def expr(self, t: sp.Symbol) -> sp.Expr:
        return sp.Add(*[p.expr(t) for p in self.parts])

    def discontinuities(self, t0: float, t1: float) -> list[float]:
        return sorted({x for p in self.parts for x in p.discontinuities(t0, t1)})


def pulses(windows: Sequence[tuple[float, float, float]], *, base: float = 0.0) -> Schedule:
    """``base`` plus ``level`` during each window ``(start, end, level)`` (hours from t = 0).

    Examples
    --------
    >>> pulses([(1.0, 1.5, 4.0)]).value(1.2)   # e.g. a 30-min infusion at rate 4
    4.0
    """
    checked = []
    for k, (a, b, v) in enumerate(windows):
        a, b, v = _num(f"windows[{k}].start", a), _num(f"windows[{k}].end", b), _num(f"windows[{k}].level", v)
        if not b > a:
            raise InvalidValueError(f"windows[{k}]", (a, b), "an end after the start")
        checked.append((a, b, v))
    return _Pulses(_num("base", base), tuple(checked))


def total(*parts: Schedule) -> Schedule:
    """The sum of schedules (e.g. a diet plus a supplement on the same intake input)."""
    flat: list[Schedule] = []
    for p in parts:
        flat.extend(p.parts if isinstance(p, _Total) else (p,))
    return flat[0] if len(flat) == 1 else _Total(tuple(flat))


def circadian_drive(*, delay_h: float = 83.8 / 60.0, amplitude: float = 0.5217) -> Schedule:
    """External circadian drive of the HPA axis (dimensionless), as fitted by Bangsgaard & Ottesen 2017.

    ``c(t) = N_c·[t_m^k/(t_m^k + α^k) · (T − t_m)^l/((T − t_m)^l + β^l) + ε]`` with
    ``t_m = (t − δ) mod T`` in minutes; T = 1440, k = 5, l = 6, α = 300, β = 950, ε = 0.01,
    N_c = 0.5217, δ = 83.8 min (control subject) [pub, via the VeVaPy transcription].

    Examples
    --------
    >>> c = circadian_drive()
    >>> round(c.value(83.8 / 60 + 6.8), 3)   # the daily maximum, 6.8 h after the phase offset
    0.272
    """
    return _Circadian(_num("amplitude", amplitude), 5.0, 6.0, 300.0, 950.0, 0.01, 60.0 * _num("delay_h", delay_h),
                      1440.0)


def constant(level: float) -> Schedule:
    """A constant input (in the input's unit)."""
    return _Constant(_num("level", level))


def step(before: float, after: float, *, at: float) -> Schedule:
    """``before`` until ``at`` hours, ``after`` from then on."""
    return _Step(_num("before", before), _num("after", after), _num("at", at))


def daily(base: float, pieces: Sequence[tuple[float, float, float]]) -> Schedule:
    """A daily piecewise-constant schedule: ``base`` except ``level`` on [start, end) h."""
    checked = []
    for k, (a, b, v) in enumerate(pieces):
        a, b, v = _num(f"pieces[{k}].start", a), _num(f"pieces[{k}].end", b), _num(f"pieces[{k}].level", v)
        if not (0 <= a < b <= 24):
            raise InvalidValueError(f"pieces[{k}]", (a, b), "a window 0 <= start < end <= 24 h of day")
        checked.append((a, b, v))
    return _Daily(_num("base", base), tuple(checked))


#: Meal protocols of the Best/Reed/Nijhout group [code: authors' `btrp.m`, 4 Dec 2008 and
#: "Results Section 3.1" of 2020], as multiples of the daily mean blood amino acid.
MEAL_PROTOCOLS: dict[str, tuple[float, tuple[tuple[float, float, float], ...]]] = {
    "2008": (0.25, ((7.0, 10.0, 1.75), (12.0, 15.0, 1.75), (18.0, 21.0, 3.25))),
    "2020": (0.59, ((7.0, 9.0, 2.0), (12.0, 14.0, 2.0), (18.0, 21.0, 2.0))),
}


def meals(protocol: str = "2020", *, mean: float) -> Schedule:
    """Blood amino-acid level over a day of three meals, around a daily ``mean``."""
    if protocol not in MEAL_PROTOCOLS:
        from ._errors import UnknownNameError

        raise UnknownNameError("meal protocol", protocol, MEAL_PROTOCOLS)
    base, pieces = MEAL_PROTOCOLS[protocol]
    m = _num("mean", mean)
    return daily(base * m, [(a, b, v * m) for a, b, v in pieces])


def expression(text: str, *, discontinuities: Sequence[float] = ()) -> Schedule:
    """A closed-form expression of ``t`` (hours), e.g. ``"1 + 17*exp(-t)"``."""
    try:
        e = sp.sympify(text, locals={"t": sp.Symbol("t", real=True)})
    except (sp.SympifyError, SyntaxError, TypeError) as exc:
        raise InvalidValueError("expression", text, f"a formula of t ({exc})") from None
    extra = {str(s) for s in e.free_symbols} - {"t", "time"}
    if extra:
        raise InvalidValueError("expression", text, f"a formula of t only (found {sorted(extra)})")
    return _Expression(text, tuple(_num("discontinuities", x) for x in discontinuities))


def as_schedule(value: Any, *, field: str) -> Schedule:
    if isinstance(value, Schedule):
        return value
    return constant(_num(field, value))
