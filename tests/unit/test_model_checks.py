"""Build-time checks of the declarative layer: names, units, sources, cycles, variants."""

from __future__ import annotations

import math

import pytest
import sympy as sp

from neurobalance._errors import InvalidValueError, ModelDefinitionError, UnitError, UnknownNameError
from neurobalance.model import Model, Module, michaelis_menten


def _toy(rate_unit_ok=True, source="best2009", extra=None):
    m = Module("toy", "toy module")
    c = m.compartment("cell", "a cell", rationale="reference volume")
    x = m.state("x", 1.0, "uM", "substrate", compartment=c)
    y = m.state("y", 0.0, "uM", "product", compartment=c)
    v = m.parameter("vmax_conv", 2.0, "uM/h" if rate_unit_ok else "uM", "max rate", source=source,
                    range=(0.0, 10.0))
    k = m.parameter("km_conv", 1.0, "uM", "Km", source="best2009", range=(0.1, 10.0))
    m.flux("conv", michaelis_menten(v, x, k), consumes=[x], produces=[y], compartment=c, desc="x → y")
    m.flux("back", sp.Symbol("toy.k_back", real=True) * y, consumes=[y], produces=[x], compartment=c, desc="y → x")
    m.parameter("k_back", 1.0, "1/h", "back rate", source="best2009", range=(0.0, 5.0))
    if extra:
        extra(m)
    return m.freeze()


def test_toy_builds_and_is_immutable():
    model = Model([_toy()])
    assert set(model.states) == {"toy.x", "toy.y"}
    with pytest.raises(ModelDefinitionError):
        model.modules[0].parameter("k_late", 1.0, "1/h", "too late", source="best2009")


def test_unit_mismatch_names_the_flux():
    with pytest.raises(UnitError, match="toy.conv"):
        Model([_toy(rate_unit_ok=False)])


def test_unknown_symbol_suggests_close_match():
    def bad(m):
        m.flux("leak", sp.Symbol("toy.k_bak", real=True) * sp.Symbol("toy.x", real=True),
               consumes=[sp.Symbol("toy.x")], compartment="toy.cell_compartment", desc="leak")

    with pytest.raises(UnknownNameError) as err:
        Model([_toy(extra=bad)])
    assert "toy.k_back" in err.value.suggestions


def test_unknown_source_is_rejected():
    with pytest.raises(UnknownNameError, match="reference"):
        Model([_toy(source="nobody2099")])


def test_duplicate_names_are_rejected():
    def dup(m):
        m.parameter("k_back", 2.0, "1/h", "again", source="best2009")

    with pytest.raises(ModelDefinitionError, match="already used"):
        _toy(extra=dup)


def test_parameter_prefix_is_enforced():
    m = Module("toy", "t")
    with pytest.raises(ModelDefinitionError, match="kind prefix"):
        m.parameter("conversion_rate", 1.0, "1/h", "no prefix", source="best2009")


def test_assumed_parameter_needs_rationale():
    def assumed(m):
        m.parameter("f_guess", 0.5, "dimensionless", "a guess", basis="assumed")

    with pytest.raises(ModelDefinitionError, match="rationale"):
        Model([_toy(extra=assumed)])


def test_rule_cycle_is_printed():
    def cyc(m):
        m.rule("a", sp.Symbol("toy.b", real=True) + 1, "dimensionless", "a")
        m.rule("b", sp.Symbol("toy.a", real=True) + 1, "dimensionless", "b")

    with pytest.raises(ModelDefinitionError, match=r"toy\.a > toy\.b > toy\.a|toy\.b > toy\.a > toy\.b"):
        Model([_toy(extra=cyc)])


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf, "abc", None])
def test_with_parameters_rejects_bad_values(bad):
    model = Model([_toy()])
    with pytest.raises(InvalidValueError, match="toy.vmax_conv"):
        model.with_parameters({"toy.vmax_conv": bad})


def test_with_parameters_returns_new_model_sharing_structure():
    model = Model([_toy()])
    other = model.with_parameters({"toy.vmax_conv": 3.0})
    assert model["toy.vmax_conv"] == 2.0 and other["toy.vmax_conv"] == 3.0
    assert other.structure is model.structure


def test_with_genes_validates_symbol_and_value(model):
    with pytest.raises(UnknownNameError) as err:
        model.with_genes(SLC6A5=0.5)
    assert "SLC6A4" in err.value.suggestions
    with pytest.raises(InvalidValueError):
        model.with_genes(TH=-0.1)
    assert model.with_genes(TH=0.5)["gene.TH"] == 0.5
