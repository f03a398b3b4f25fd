"""Physiology checks: non-negativity, conservation, mass balance, baseline inside reference ranges."""

from __future__ import annotations

import numpy as np
import pytest

import neurobalance as nb
from neurobalance.inputs import meals, step


@pytest.fixture(scope="module")
def reference():
    return nb.steady_state(nb.terminals_model())


def test_baseline_inside_reference_ranges(reference):
    checked = 0
    for name, o in nb.terminals_model().observables.items():
        if o.reference_range:
            lo, hi = o.reference_range
            assert lo <= float(reference[name]) <= hi, name
            checked += 1
    assert checked >= 4


def test_reference_is_stable(reference):
    assert reference.attrs["stable"] == 1
    assert reference.eigenvalue_real.values.max() < 0


def test_fluxes_balance_at_steady_state(reference):
    f = dict(zip(reference.flux.values, reference.flux_value.values))
    # tyrosine: influx = catabolism + TH + pool loss
    assert f["dopamine.tyr_influx"] == pytest.approx(
        f["dopamine.tyr_catabolism"] + f["dopamine.th"] + f["dopamine.tyrpool_loss"], rel=1e-8)
    # every DA molecule synthesised leaves as a catabolite or by removal
    assert f["dopamine.th"] == pytest.approx(
        f["dopamine.dopac_efflux"] + f["dopamine.hva_efflux"] + f["dopamine.removal"], rel=1e-8)
    # 5-HT: synthesis = 5-HIAA efflux + extracellular removal
    assert f["serotonin.tph"] == pytest.approx(f["serotonin.hiaa_efflux"] + f["serotonin.removal"], rel=1e-8)


def test_non_negative_and_conserved_under_stress_inputs():
    model = nb.terminals_model().with_genes(SLC6A4=0.3, MAOA=0.5)
    ds = nb.simulate(model, 96.0, points=961, inputs={
        "serotonin.blood_tryptophan": meals("2008", mean=96.0),
        "dopamine.blood_tyrosine": meals("2008", mean=97.0),
        "dopamine.firing": step(1.0, 3.0, at=24.0),
        "serotonin.firing": step(1.0, 0.2, at=48.0),
    })
    y = ds.state_value
    assert float(y.min()) > -1e-9
    total = y.sel(state="dopamine.bh4") + y.sel(state="dopamine.bh2")
    np.testing.assert_allclose(total.values, 360.0, rtol=1e-6)
    total5 = y.sel(state="serotonin.bh4") + y.sel(state="serotonin.bh2")
    np.testing.assert_allclose(total5.values, 1.0, rtol=1e-6)


def test_gch1_sets_biopterin_pool():
    ss = nb.steady_state(nb.terminals_model().with_genes(GCH1=0.5))
    s = dict(zip(ss.state.values, ss.state_value.values))
    assert s["dopamine.bh4"] + s["dopamine.bh2"] == pytest.approx(180.0, rel=1e-9)
    ref = nb.steady_state(nb.terminals_model())
    assert float(ss["serotonin.extracellular"]) < float(ref["serotonin.extracellular"])


@pytest.mark.parametrize(("gene", "observable"), [("TH", "dopamine.vesicular"), ("TPH2", "serotonin.vesicular"),
                                                ("SLC18A2", "dopamine.vesicular"), ("SLC18A2", "serotonin.vesicular")])
def test_knockout_of_synthesis_or_storage_empties_vesicles(gene, observable):
    ss = nb.steady_state(nb.terminals_model().with_genes({gene: 0.0}))
    assert float(ss[observable]) < 1e-9


def test_aadc_knockout_has_no_steady_state():
    # In the Best terminal models L-DOPA and 5-HTP have no route out of the terminal other than
    # AADC, so without AADC they accumulate without bound; the solver must say so, not invent a state.
    from neurobalance._errors import SteadyStateError

    with pytest.raises(SteadyStateError, match="without bound"):
        nb.steady_state(nb.terminals_model().with_genes(DDC=0.0))


def test_comt_knockout_removes_hva_and_raises_dopac():
    ref = nb.steady_state(nb.terminals_model())
    ko = nb.steady_state(nb.terminals_model().with_genes(COMT=0.0))
    assert float(ko["dopamine.dopac_tissue"]) > float(ref["dopamine.dopac_tissue"])
    # only the small extracellular (glial) route still makes HVA
    assert float(ko["dopamine.hva_tissue"]) < 0.01 * float(ref["dopamine.hva_tissue"])
    # the lumped catabolite pool of Best 2009 is independent of the split
    assert float(ko["dopamine.catabolites"]) == pytest.approx(float(ref["dopamine.catabolites"]), rel=1e-9)


def test_somatodendritic_5ht1a_loop_is_open_by_default():
    ref = nb.steady_state(nb.terminals_model())
    ko = nb.steady_state(nb.terminals_model().with_genes(HTR1A=0.0))
    assert float(ref["serotonin.raphe_firing"]) == pytest.approx(1.0, abs=1e-12)
    assert float(ko["serotonin.extracellular"]) == pytest.approx(float(ref["serotonin.extracellular"]), rel=1e-12)


def test_closed_5ht1a_loop_keeps_the_reference_and_blunts_an_ssri():
    closed = nb.terminals_model().with_parameters({"serotonin.f_raphe_feedback_gain": 1.0})
    ref_open = nb.steady_state(nb.terminals_model())
    ref_closed = nb.steady_state(closed)
    # normalised: closing the loop does not move the reference state
    assert float(ref_closed["serotonin.extracellular"]) == pytest.approx(
        float(ref_open["serotonin.extracellular"]), rel=1e-6)
    ssri_open = nb.steady_state(nb.terminals_model().with_genes(SLC6A4=0.2))
    ssri_closed = nb.steady_state(closed.with_genes(SLC6A4=0.2))
    ssri_antagonist = nb.steady_state(closed.with_genes(SLC6A4=0.2, HTR1A=0.0))
    rise = {k: float(v["serotonin.extracellular"]) - float(ref_open["serotonin.extracellular"])
            for k, v in (("open", ssri_open), ("closed", ssri_closed), ("antagonist", ssri_antagonist))}
    # the somatodendritic autoreceptor lowers firing and blunts the SSRI-induced rise;
    # removing it (a silent 5-HT1A antagonist) enlarges the rise (direction of T-DRUG-23)
    assert float(ssri_closed["serotonin.raphe_firing"]) < 1.0
    assert rise["closed"] < rise["open"] < rise["antagonist"]
