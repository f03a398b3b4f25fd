"""Reusable rate-law motifs (PySB macros, as sympy expressions).

Examples
--------
>>> import sympy as sp
>>> v, s, k = sp.symbols("v s k")
>>> michaelis_menten(v, s, k)
s*v/(k + s)
>>> competitive(v, s, k, inhibitor=sp.Symbol("i"), ki=sp.Symbol("ki"))
s*v/(k*(i/ki + 1) + s)
"""

from __future__ import annotations

import sympy as sp

__all__ = ["michaelis_menten", "competitive", "hill", "substrate_inhibition"]


def michaelis_menten(vmax: sp.Expr, s: sp.Expr, km: sp.Expr) -> sp.Expr:
    """``vmax·s/(km + s)``."""
    return vmax * s / (km + s)


def competitive(vmax: sp.Expr, s: sp.Expr, km: sp.Expr, *, inhibitor: sp.Expr, ki: sp.Expr) -> sp.Expr:
    """Michaelis–Menten with a competitive inhibitor: ``vmax·s/(km(1 + i/ki) + s)``."""
    return vmax * s / (km * (1 + inhibitor / ki) + s)


def hill(x: sp.Expr, k: sp.Expr, n: sp.Expr) -> sp.Expr:
    """Fractional occupancy ``xⁿ/(kⁿ + xⁿ)``."""
    return x**n / (k**n + x**n)


def substrate_inhibition(vmax: sp.Expr, s: sp.Expr, km: sp.Expr, ki: sp.Expr) -> sp.Expr:
    """``vmax·s/(km + s + s²/ki)`` (Haldane)."""
    return vmax * s / (km + s + s**2 / ki)
