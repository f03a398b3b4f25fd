"""Pharmacokinetics and pharmacodynamics of interventions, in closed form.

Every dosing route handled here has a unit response that is a sum of exponentials
``C(t) = Σ cᵢ·exp(−λᵢ·t)`` (t ≥ 0 after the dose; λ = 0 is a constant term):

* oral, one compartment, first-order absorption (reference §D.1):
  ``C = F·D·ka/(V·(ka − k))·(e^(−k t) − e^(−ka t))``, ``k = CL/V``;
* oral, two compartments (central V, peripheral V2, inter-compartmental clearance Q): the
  three-exponential solution with the macro rate constants α, β;
* intravenous infusion of duration T (a bolus is a short infusion): the difference of two
  constant-rate inputs started T apart;
* an active metabolite formed from the parent's central compartment (fraction ``fm`` of the
  parent's clearance, own volume and clearance): the convolution of each parent term with
  the metabolite's elimination, again a sum of exponentials.

Repeated regular doses superpose analytically: after ``n`` doses given every ``τ`` hours, a term
``c·e^(−λ s)`` (``s`` = time since the last dose) becomes ``c·e^(−λ s)·(1 − e^(−nλτ))/(1 − e^(−λτ))``.
The same formula is evaluated numerically (`Regimen.concentration`) and written as a sympy
expression of time (`Regimen.expression`), which every engine integrates as an input schedule with a
discontinuity at each dose.  Nothing here integrates an ODE.

Pharmacodynamics: fractional occupancy ``θ = θmax·C^h/(EC50^h + C^h)`` of a transporter, receptor
or enzyme, from the plasma concentration (an active metabolite adds with its relative potency).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence

import numpy as np
import sympy as sp

from ._errors import InvalidValueError

__all__ = ["PK", "Metabolite", "Regimen", "unit_response", "occupancy"]


@dataclasses.dataclass(frozen=True)
class Metabolite:
    """An active metabolite formed from the parent's central compartment."""

    name: str
    fm: float  #: fraction of the parent's clearance that forms it
    cl: float  #: its clearance (L/h, apparent)
    v: float  #: its volume (L, apparent)
    mw: float  #: molar mass (g/mol)

    @property
    def half_life(self) -> float:
        """Elimination half-life of the metabolite (h)."""
        return math.log(2) * self.v / self.cl


@dataclasses.dataclass(frozen=True)
class PK:
    """Population-typical PK parameters of one agent (an adult of 70 kg)."""

    mw: float  #: molar mass of the parent (g/mol)
    cl: float  #: systemic clearance (L/h)
    v: float  #: central volume (L)
    f: float = 1.0  #: oral bioavailability
    ka: float = 1.0  #: first-order absorption rate (1/h)
    q: float = 0.0  #: inter-compartmental clearance (L/h); 0 → one compartment
    v2: float = 0.0  #: peripheral volume (L)
    f_routes: tuple[tuple[str, float], ...] = ()  #: bioavailability by non-oral extravascular route
    metabolite: Metabolite | None = None

    @property
    def half_life(self) -> float:
        """Terminal half-life of the parent (h)."""
        return math.log(2) / self.terminal_rate

    @property
    def terminal_rate(self) -> float:
        if self.q <= 0:
            return self.cl / self.v
        a, b = self._macro()
        return min(a, b)

    def _macro(self) -> tuple[float, float]:
        k10, k12, k21 = self.cl / self.v, self.q / self.v, self.q / self.v2
        s, p = k10 + k12 + k21, k10 * k21
        d = math.sqrt(s * s - 4 * p)
        return (s + d) / 2, (s - d) / 2

    def bioavailability(self, route: str) -> float:
        if route == "oral":
            return self.f
        if route == "iv":
            return 1.0
        return dict(self.f_routes).get(route, self.f)


Terms = list[tuple[float, float]]  # (coefficient, rate) pairs: Σ c·exp(−λ t)


def _oral_amount_terms(pk: PK, dose_mg: float, f: float) -> Terms:
    """Parent amount (mg) in the central compartment after an oral dose: exponential terms."""
    ka = pk.ka
    if pk.q <= 0:
        k = pk.cl / pk.v
        if abs(ka - k) < 1e-9 * ka:
            ka = k * (1 + 1e-6)  # the flip-flop limit: nudge to keep the closed form finite
        a = f * dose_mg * ka / (ka - k)
        return [(a, k), (-a, ka)]
    al, be = pk._macro()
    k21 = pk.q / pk.v2
    if min(abs(ka - al), abs(ka - be)) < 1e-9 * ka:
        ka = ka * (1 + 1e-6)
    g = f * dose_mg * ka
    return [(g * (k21 - al) / ((ka - al) * (be - al)), al), (g * (k21 - be) / ((ka - be) * (al - be)), be),
            (g * (k21 - ka) / ((al - ka) * (be - ka)), ka)]


def _infusion_amount_terms(pk: PK, dose_mg: float, duration_h: float) -> tuple[Terms, Terms]:
    """Central amount (mg) for a constant-rate infusion: the terms of the input switched on at 0
    and the (negated) terms of the same input switched on at ``duration_h``."""
    rate = dose_mg / duration_h
    if pk.q <= 0:
        k = pk.cl / pk.v
        on = [(rate / k, 0.0), (-rate / k, k)]
    else:
        al, be = pk._macro()
        k21 = pk.q / pk.v2
        # response of the central amount to a unit step: R/(αβ)·k21 + decaying terms
        c0 = rate * k21 / (al * be)
        ca = rate * (k21 - al) / (al * (al - be))
        cb = rate * (k21 - be) / (be * (be - al))
        on = [(c0, 0.0), (ca, al), (cb, be)]
    return on, [(-c, lam) for c, lam in on]


def _metabolite_terms(parent_amount: Terms, pk: PK) -> Terms:
    """Metabolite amount (mg of metabolite) formed from the parent's central amount."""
    m = pk.metabolite
    assert m is not None
    km = m.cl / m.v
    g = m.fm * (pk.cl / pk.v) * m.mw / pk.mw  # formation per mg of parent in the central compartment
    out: Terms = []
    for c, lam in parent_amount:
        if abs(km - lam) < 1e-9 * km:
            lam = km * (1 + 1e-6)  # equal rates: nudge, as for the absorption limit above
        out.append((c * g / (km - lam), lam))
        out.append((-c * g / (km - lam), km))
    return out


def unit_response(pk: PK, route: str, dose_mg: float, duration_h: float = 0.0,
                  species: str = "parent") -> tuple[Terms, Terms, float]:
    """Plasma concentration terms (ng/mL) of one dose: ``(terms from the dose, terms from its end
    (infusions only), end time)``.  ``species`` is "parent" or "metabolite"."""
    if route in ("iv",) and duration_h <= 0:
        duration_h = 1.0 / 60.0  # a bolus: one minute
    if route == "iv":
        on, off = _infusion_amount_terms(pk, dose_mg, duration_h)
    else:
        on, off = _oral_amount_terms(pk, dose_mg, pk.bioavailability(route)), []
        duration_h = 0.0
    vol = pk.v
    if species == "metabolite":
        on, off = _metabolite_terms(on, pk), (_metabolite_terms(off, pk) if off else [])
        assert pk.metabolite is not None
        vol = pk.metabolite.v
    scale = 1000.0 / vol  # mg/L → ng/mL
    return [(c * scale, lam) for c, lam in on], [(c * scale, lam) for c, lam in off], duration_h


@dataclasses.dataclass(frozen=True)
class Regimen:
    """``doses`` doses of ``dose_mg`` every ``interval_h`` hours from ``start_h`` by ``route``."""

    pk: PK
    dose_mg: float
    route: str
    start_h: float
    interval_h: float
    doses: int
    duration_h: float = 0.0  #: infusion duration (iv); 0 → bolus

    def __post_init__(self) -> None:
        if self.doses < 1:
            raise InvalidValueError("doses", self.doses, "at least 1")
        if self.doses > 1 and self.interval_h <= 0:
            raise InvalidValueError("interval", self.interval_h, "a positive interval for repeated doses")

    @property
    def dose_times(self) -> list[float]:
        return [self.start_h + j * self.interval_h for j in range(self.doses)]

    def _parts(self, species: str) -> list[tuple[Terms, float]]:
        on, off, dur = unit_response(self.pk, self.route, self.dose_mg, self.duration_h, species)
        parts = [(on, 0.0)]
        if off:
            parts.append((off, dur))
        return parts

    def concentration(self, t: Sequence[float] | np.ndarray, species: str = "parent") -> np.ndarray:
        """Plasma concentration (ng/mL) at times ``t`` (h)."""
        t = np.asarray(t, dtype=float)
        out = np.zeros_like(t)
        tau = self.interval_h if self.doses > 1 else 1.0
        last = (self.doses - 1) * tau
        for terms, shift in self._parts(species):
            u = t - self.start_h - shift
            on = u >= 0
            uu = np.where(on, u, 0.0)
            q, r = np.divmod(uu, tau)
            s = np.where(uu < last, r, uu - last)
            n = np.where(uu < last, q + 1, self.doses)
            for c, lam in terms:
                out += np.where(on, c * np.exp(-lam * s) * _geom(lam, tau, n), 0.0)
        return np.maximum(out, 0.0)

    def expression(self, t: sp.Symbol, species: str = "parent") -> sp.Expr:
        """The same concentration as a sympy expression of ``t`` (for input schedules)."""
        tau = self.interval_h if self.doses > 1 else 1.0
        last = (self.doses - 1) * tau
        total = sp.Integer(0)
        for terms, shift in self._parts(species):
            u = t - sp.Float(self.start_h + shift)
            if self.doses > 1:
                s_in = sp.Mod(sp.Max(u, 0), sp.Float(tau))
                n_in = (sp.Max(u, 0) - s_in) / sp.Float(tau) + 1
                inside = sp.Add(*[sp.Float(c) * sp.exp(-sp.Float(lam) * s_in) * _geom_sym(lam, tau, n_in)
                                  for c, lam in terms])
            since_last = sp.Max(u - sp.Float(last), 0)  # clamped: unselected branches must not overflow
            after = sp.Add(*[sp.Float(c) * sp.exp(-sp.Float(lam) * since_last)
                             * sp.Float(_geom(lam, tau, self.doses)) for c, lam in terms])
            if self.doses > 1:
                piece = sp.Piecewise((0, u < 0), (inside, u < sp.Float(last)), (after, True))
            else:
                piece = sp.Piecewise((0, u < 0), (after, True))
            total = total + piece
        return sp.Max(total, 0)

    def breaks(self) -> list[float]:
        out = list(self.dose_times)
        if self.route == "iv":
            d = self.duration_h if self.duration_h > 0 else 1.0 / 60.0
            out += [x + d for x in self.dose_times]
        return sorted(out)


def _geom(lam: float, tau: float, n: float | np.ndarray) -> float | np.ndarray:
    if lam == 0.0:
        return n
    return -np.expm1(-lam * tau * np.asarray(n, dtype=float)) / -math.expm1(-lam * tau)


def _geom_sym(lam: float, tau: float, n: sp.Expr) -> sp.Expr:
    if lam == 0.0:
        return n
    return (1 - sp.exp(-sp.Float(lam * tau) * n)) / sp.Float(-math.expm1(-lam * tau))


def occupancy(c: float | np.ndarray | sp.Expr, ec50: float, theta_max: float = 1.0, hill: float = 1.0):  # noqa: ANN201
    """Fractional occupancy ``θmax·C^h/(EC50^h + C^h)`` (numbers, arrays or sympy expressions)."""
    if isinstance(c, sp.Expr):
        x = (c / sp.Float(ec50)) ** sp.Float(hill) if hill != 1 else c / sp.Float(ec50)
        return sp.Float(theta_max) * x / (1 + x)
    x = (np.asarray(c, dtype=float) / ec50) ** hill
    return theta_max * x / (1 + x)
