from __future__ import annotations

import pytest
import sympy as sp

from neurobalance import units as U
from neurobalance._errors import UnitError


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (1.0, "uM", 1.0), (1.0, "nM", 1e-3), (1.0, "mM", 1e3), (1.0, "1/s", 3600.0), (1.0, "uM/min", 60.0),
    (2.0, "umol/L/h", 2.0), (1.0, "day", 24.0), (1.0, "mg", 1e-3),
])
def test_canonical_conversion(value, unit, expected):
    assert U.to_canonical(value, unit) == pytest.approx(expected)


def test_convert_display_units():
    assert U.convert(0.002, "uM", "nM") == pytest.approx(2.0)
    with pytest.raises(UnitError):
        U.convert(1.0, "uM", "1/h")


def test_unknown_unit_is_reported():
    with pytest.raises(UnitError, match="not understood"):
        U.parse_unit("furlongs_per_fortnightx")


def test_dimension_of_rate_law():
    v, s, k = sp.symbols("v s k")
    units = {v: U.parse_unit("uM/h"), s: U.parse_unit("uM"), k: U.parse_unit("uM")}
    got = U.dimension_of(v * s / (k + s), units, "test")
    assert got.dimensionality == U.parse_unit("uM/h").dimensionality
    with pytest.raises(UnitError, match="inconsistent units"):
        U.dimension_of(v + s, units, "test")
    with pytest.raises(UnitError):
        U.dimension_of(sp.exp(s), units, "test")
