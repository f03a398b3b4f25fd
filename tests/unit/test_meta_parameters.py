"""Meta-test: every parameter, state and observable of default_model() is documented and sourced
(scikit-learn's test_common idea applied to the model)."""

from __future__ import annotations

import pytest

import neurobalance as nb
from neurobalance import units as U
from neurobalance.model import Model
from neurobalance.model._checks import unused_references
from neurobalance.model._core import PARAMETER_PREFIXES
from neurobalance.model._references import load_references
from neurobalance.physiology.hpa_gland_mass import hpa_gland_mass_module
from neurobalance.physiology.hpa_gr_switch import hpa_gr_switch_module
from neurobalance.physiology.hpa_sriram import hpa_sriram_module
from neurobalance.validation import VALIDATION_REFERENCES

M = nb.default_model()
#: Published sub-models shipped beside the default model (validated on their own).
SUBMODELS = Model([hpa_gland_mass_module(), hpa_gr_switch_module(), hpa_sriram_module()])
ALL_PARAMETERS = {**M.parameters, **SUBMODELS.parameters}


@pytest.mark.parametrize("name", sorted(ALL_PARAMETERS))
def test_parameter_is_documented(name):
    p = ALL_PARAMETERS[name]
    U.parse_unit(p.unit)  # raises on an unknown unit
    assert p.desc.strip(), "missing description"
    assert p.basis in ("measured", "published_model", "derived", "fitted", "assumed")
    if p.basis in ("assumed", "derived"):
        assert p.rationale.strip(), "assumed/derived values need a rationale"
    if p.basis != "assumed":
        assert p.source in load_references(), f"source {p.source!r} not in references.bib"
    assert p.provenance in ("pub", "code", "re-sim", "L", "D", "own")
    assert p.range is not None and p.range[0] <= p.value <= p.range[1], "plausible range must contain the value"
    local = name.split(".", 1)[1]
    assert name.startswith("gene.") or local.startswith(PARAMETER_PREFIXES)


@pytest.mark.parametrize("name", sorted(M.states))
def test_state_is_documented(name):
    s = M.states[name]
    assert s.desc.strip() and s.compartment in M.structure.compartments
    U.parse_unit(s.unit)


@pytest.mark.parametrize("name", sorted(M.observables))
def test_observable_is_documented(name):
    o = M.observables[name]
    assert o.desc.strip()
    assert U.same_dimension(o.unit, o.display_unit)
    if o.reference_range is not None:
        lo, hi = o.reference_range
        assert lo < hi
        assert o.range_source in load_references(), "a reference range needs a source"
        assert o.range_note.strip(), "say which species, region and technique the range comes from"


def test_no_unused_references():
    assert unused_references(M.structure, set(VALIDATION_REFERENCES)) == set()


def test_every_reference_has_title_and_year():
    for key, entry in load_references().items():
        assert entry.get("title") and entry.get("year"), key


def test_architecture_gene_symbols_present():
    for sym in ("TPH2", "TH", "DDC", "GCH1", "MAOA", "MAOB", "COMT", "SLC6A4", "SLC6A3", "SLC18A2", "DRD2"):
        assert sym in M.genes
