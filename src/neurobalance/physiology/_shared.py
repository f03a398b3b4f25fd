"""Mechanisms that several modules declare identically."""

from __future__ import annotations

import sympy as sp

from ..model._core import Module

__all__ = ["add_bh4_oxidation"]


def add_bh4_oxidation(m: Module, *, bh4: sp.Symbol, bh2: sp.Symbol, compartment: str, default: object) -> None:
    """Inflammatory oxidation of BH4 to BH2 in a monoamine terminal (input ``oxidative_stress``,
    0 at rest, so the published terminal is unchanged; the inflammation module supplies it)."""
    ox = m.input("oxidative_stress", default, "dimensionless",
                 "inflammatory oxidative stress acting on BH4 (0 at rest; the inflammation module supplies it)")
    k_ox = m.parameter("k_bh4_oxidation", 2.0, "1/h", "BH4 oxidation to BH2 per unit oxidative stress",
                       basis="assumed", rationale="inflammation oxidises BH4 (peroxynitrite), lowering the "
                       "reduced fraction that the hydroxylase uses; 0 at rest so the published model is unchanged",
                       provenance="own", range=(0.0, 50.0))
    m.flux("bh4_oxidation", k_ox * ox * bh4, consumes=[bh4], produces=[bh2], compartment=compartment,
           desc="oxidation of BH4 by inflammatory oxidants")
