"""Closed-form PK against a numerical solution of the same compartment ODEs; PD occupancy; sympy = numpy."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from scipy.integrate import solve_ivp

from neurobalance.agents import AGENTS
from neurobalance.pkpd import PK, Metabolite, Regimen, occupancy

T = np.linspace(0.0, 200.0, 401)


def _ode(pk: PK, reg: Regimen, route: str) -> tuple[np.ndarray, np.ndarray]:
    """Gut, central, peripheral, metabolite amounts (mg) by ODE, with doses as events."""
    k = pk.cl / pk.v
    k12 = pk.q / pk.v if pk.q else 0.0
    k21 = pk.q / pk.v2 if pk.q else 0.0
    m = pk.metabolite
    km = m.cl / m.v if m else 0.0
    f = pk.bioavailability(route)
    inf = reg.duration_h if reg.duration_h > 0 else 1 / 60

    def rhs(t, y):  # noqa: ANN001, ANN202
        g, c, p, mm = y
        rate = 0.0
        if route == "iv":
            rate = sum(reg.dose_mg / inf for t0 in reg.dose_times if t0 <= t < t0 + inf)
        return [-pk.ka * g, pk.ka * g + rate - k * c - k12 * c + k21 * p, k12 * c - k21 * p,
                (m.fm * k * c * m.mw / pk.mw - km * mm) if m else 0.0]

    y = np.zeros(4)
    out_c, out_m = np.zeros_like(T), np.zeros_like(T)
    edges = sorted({0.0, *reg.breaks(), T[-1]})
    for a, b in zip(edges[:-1], edges[1:], strict=True):
        if route != "iv" and a in reg.dose_times:
            y[0] += f * reg.dose_mg
        sel = (T >= a) & (T <= b)
        sol = solve_ivp(rhs, (a, b), y, t_eval=T[sel], rtol=1e-10, atol=1e-12, method="LSODA")
        out_c[sel], out_m[sel] = sol.y[1], sol.y[3]
        y = solve_ivp(rhs, (a, b), y, rtol=1e-10, atol=1e-12, method="LSODA").y[:, -1]
    vm = m.v if m else 1.0
    return out_c / pk.v * 1000, out_m / vm * 1000


CASES = {
    "one-compartment oral, repeated": (PK(mw=300, cl=20, v=500, f=0.8, ka=0.7), "oral", 10.0, 0.0, 12.0, 6),
    "two-compartment oral": (PK(mw=300, cl=20, v=100, f=0.6, ka=1.2, q=40, v2=400), "oral", 10.0, 0.0, 24.0, 4),
    "metabolite": (PK(mw=309, cl=30, v=600, f=0.9, ka=0.5, metabolite=Metabolite("m", 0.8, 8, 900, 295)),
                   "oral", 20.0, 0.0, 24.0, 5),
    "iv infusion, two compartments": (PK(mw=238, cl=58, v=70, q=80, v2=140), "iv", 35.0, 40 / 60, 24.0, 3),
}


@pytest.mark.parametrize("case", list(CASES))
def test_closed_form_matches_ode(case: str) -> None:
    pk, route, dose, dur, tau, n = CASES[case]
    reg = Regimen(pk, dose, route, 3.0, tau, n, dur)
    c_ode, m_ode = _ode(pk, reg, route)
    c = reg.concentration(T)
    assert np.max(np.abs(c - c_ode)) < 1e-6 * np.max(c_ode)
    if pk.metabolite:
        assert np.max(np.abs(reg.concentration(T, "metabolite") - m_ode)) < 1e-6 * np.max(m_ode)


def test_sympy_expression_equals_numpy() -> None:
    pk, route, dose, dur, tau, n = CASES["metabolite"]
    reg = Regimen(pk, dose, route, 3.0, tau, n, dur)
    t = sp.Symbol("t", real=True)
    f = sp.lambdify(t, reg.expression(t, "metabolite"), "numpy")
    ts = np.array([0.0, 2.9, 3.0, 10.0, 27.0, 99.0, 150.0])
    np.testing.assert_allclose([float(f(x)) for x in ts], reg.concentration(ts, "metabolite"), rtol=1e-9, atol=1e-12)


def test_accumulation_to_the_textbook_steady_state() -> None:
    """Mean concentration over a dosing interval at steady state = F·D/(CL·τ)."""
    pk = AGENTS["citalopram"].pk
    reg = Regimen(pk, 20.0, "oral", 0.0, 24.0, 60)
    tt = np.linspace(58 * 24, 59 * 24, 2001)
    mean = float(np.trapezoid(reg.concentration(tt), tt) / 24.0)
    assert mean == pytest.approx(pk.f * 20.0 / (pk.cl * 24.0) * 1000, rel=1e-3)


def test_occupancy_curve() -> None:
    assert occupancy(2.0, 2.0, 0.9) == pytest.approx(0.45)
    assert occupancy(1e9, 2.0, 0.9) == pytest.approx(0.9)
    assert float(occupancy(np.array([0.0]), 1.0)[0]) == 0.0


def test_agent_half_lives_are_the_stated_ones() -> None:
    assert AGENTS["escitalopram"].pk.half_life == pytest.approx(30.0)
    assert AGENTS["ketamine"].pk.half_life == pytest.approx(2.5)
    m = AGENTS["fluoxetine"].pk.metabolite
    assert math.log(2) * m.v / m.cl == pytest.approx(240.0)
