"""Whole-body modules: precursors, kynurenine, inflammation, their couplings and the named conditions."""

from __future__ import annotations

import numpy as np
import pytest

import neurobalance as nb
from neurobalance._errors import InvalidValueError, UnknownNameError
from neurobalance.analysis import simulate, steady_state
from neurobalance.conditions import (
    acute_tryptophan_depletion,
    combine,
    condition,
    diet,
    endotoxin_challenge,
    hydrocortisone,
    stress,
    tryptophan_loading,
)
from neurobalance.model._core import Model
from neurobalance.physiology.kynurenine import kynurenine_module
from neurobalance.physiology.precursors import precursors_module


@pytest.fixture(scope="module")
def supply() -> Model:
    """Precursors + kynurenine alone (constant hormone and cytokine inputs)."""
    import sympy as sp

    return Model([precursors_module(plasma_kynurenine=sp.Symbol("kynurenine.kyn_plasma", real=True)),
                  kynurenine_module(portal_trp_excess=sp.Symbol("precursors.portal_trp_excess", real=True))])


@pytest.fixture(scope="module")
def supply_ss(supply: Model):  # noqa: ANN201
    return steady_state(supply)


def _flux(ds, name: str) -> float:  # noqa: ANN001
    return float(ds.flux_value.sel(flux=name))


def test_tryptophan_mass_balance_at_steady_state(supply: Model, supply_ss) -> None:  # noqa: ANN001
    """Dietary Trp equals the sum of all Trp-consuming fluxes (amount-weighted by compartment volume)."""
    vl = supply["kynurenine.f_volume_liver"]
    ss = supply_ss
    out = (vl * sum(_flux(ss, f"kynurenine.{f}") for f in ("tdo", "ido_trp", "wars", "tph1", "tph2", "ddc_trp"))
           + _flux(ss, "kynurenine.ido_periphery") + _flux(ss, "precursors.trp_other_use")
           + _flux(ss, "precursors.synthesis_use_trp") - _flux(ss, "precursors.breakdown_release_trp"))
    assert out == pytest.approx(_flux(ss, "precursors.intake_trp"), rel=1e-6)


def test_reference_plasma_values_inside_their_ranges(supply_ss) -> None:  # noqa: ANN001
    for name in ("precursors.plasma_trp", "kynurenine.plasma_kyn", "kynurenine.plasma_kyn_trp_ratio"):
        lo, hi = supply_ss[name].attrs["reference_range"]
        assert lo <= float(supply_ss[name]) <= hi, name


def test_hepatic_branch_takes_most_of_tryptophan(supply: Model, supply_ss) -> None:  # noqa: ANN001
    vl = supply["kynurenine.f_volume_liver"]
    tdo = vl * _flux(supply_ss, "kynurenine.tdo")
    assert 0.6 < tdo / _flux(supply_ss, "precursors.intake_trp") < 0.9


def test_lat1_competition_lowers_brain_tryptophan_availability(supply: Model) -> None:
    base = steady_state(supply)
    high_phe = steady_state(supply.with_genes(PAH=0.15))
    assert float(high_phe["precursors.plasma_phe"]) > 3 * float(base["precursors.plasma_phe"])
    av = lambda ds: float(ds["precursors.trp_lnaa_ratio"])  # noqa: E731
    assert av(high_phe) < 0.8 * av(base)


def test_glucocorticoid_occupancy_induces_tdo_with_a_lag(supply: Model) -> None:
    from neurobalance.inputs import step

    t = np.array([0.0, 0.5, 1.0, 6.0, 24.0])
    ds = simulate(supply, 24.0, times=t, inputs={"kynurenine.gr_occupancy": step(0.2, 0.8, at=0.0)})
    tdo = ds["kynurenine.tdo_activity"].values
    assert tdo[3] > 1.3  # clear induction at 6 h
    assert tdo[1] - 1 < 0.3 * (tdo[3] - 1)  # most of it comes after 30 min (transcription, translation)
    assert float(ds["precursors.plasma_trp"][-1]) < 0.95 * float(ds["precursors.plasma_trp"][0])


def test_substrate_regulation_buffers_plasma_tryptophan_against_diet(supply: Model) -> None:
    from neurobalance.physiology.precursors import reference_intake_umol_per_h

    trp = reference_intake_umol_per_h()["trp"]
    low = steady_state(supply, inputs={"precursors.trp_intake": trp / 3})
    ref = steady_state(supply)
    # a third of the tryptophan intake lowers plasma Trp by far less than two thirds
    assert 0.55 < float(low["precursors.plasma_trp"]) / float(ref["precursors.plasma_trp"]) < 0.85


def test_acute_tryptophan_depletion_and_loading(supply: Model) -> None:
    t = np.arange(0.0, 16.01, 0.25)
    atd = simulate(supply, 16.0, times=t, conditions=[acute_tryptophan_depletion(at_h=8.0)])
    load = simulate(supply, 16.0, times=t, conditions=[tryptophan_loading(at_h=8.0)])
    trp0 = float(atd["precursors.plasma_trp"][0])
    assert float(atd["precursors.plasma_trp"].min()) < 0.5 * trp0  # Young et al. 1985: large fall within hours
    assert float(atd["precursors.trp_lnaa_ratio"].min()) < 0.2 * float(atd["precursors.trp_lnaa_ratio"][0])
    assert float(load["precursors.plasma_trp"].max()) > 2 * trp0
    assert float(load["kynurenine.plasma_kyn"].max()) > 1.2 * float(load["kynurenine.plasma_kyn"][0])


def test_diet_meals_average_to_the_reference_intake() -> None:
    d = diet()
    sched = d.inputs["precursors.trp_intake"]
    hours = np.linspace(0, 24, 24 * 600, endpoint=False)
    mean = np.mean([sched.value(h) for h in hours])
    from neurobalance.physiology.precursors import reference_intake_umol_per_h

    assert mean == pytest.approx(reference_intake_umol_per_h()["trp"], rel=2e-3)


@pytest.mark.parametrize(("build", "field"), [
    (lambda: endotoxin_challenge(dose_ng_per_kg=-1), "dose_ng_per_kg"),
    (lambda: hydrocortisone(route="nasal"), "route"),
    (lambda: stress(kind="chronic", weeks=0), "weeks"),
    (lambda: diet(meals=[(8, 0.5)]), "meals"),
    (lambda: condition("stress", intensty=1), "intensty"),
])
def test_bad_condition_options_name_the_field(build, field: str) -> None:  # noqa: ANN001
    with pytest.raises((InvalidValueError, UnknownNameError)) as err:
        build()
    assert field in str(err.value)
    assert "\n" not in str(err.value)


def test_unknown_condition_suggests_a_name() -> None:
    with pytest.raises(UnknownNameError, match="endotoxin_challenge"):
        condition("endotoxin")


def test_additive_conditions_keep_the_default_intake(supply: Model) -> None:
    inputs, _ = combine([tryptophan_loading(dose_mg=100.0, at_h=1.0)], model=supply)
    sched = inputs["precursors.trp_intake"]
    default = float(supply.inputs["precursors.trp_intake"].default)
    assert sched.value(0.5) == pytest.approx(default)
    assert sched.value(1.02) > default
    replaced, _ = combine([diet(meals=[])], model=supply)
    assert replaced["precursors.trp_intake"].value(0.5) == pytest.approx(default, rel=1e-3)


def test_conditions_need_inputs_the_model_has(supply: Model) -> None:
    with pytest.raises(UnknownNameError, match="hpa.stress"):
        simulate(supply, 1.0, conditions=[stress()])


def test_conditions_listed_with_their_options() -> None:
    from neurobalance.conditions import describe

    names = {row[0] for row in describe()}
    assert {"stress", "endotoxin_challenge", "interferon_alpha_therapy", "chronic_inflammation", "diet",
            "acute_tryptophan_depletion", "tryptophan_loading", "dexamethasone", "hydrocortisone"} <= names
    assert nb.condition("chronic_inflammation", level=2).inputs["inflammation.chronic_inflammation"].value(5.0) == 2.0


def test_first_pass_extraction_lowers_a_meals_tryptophan_peak(supply: Model) -> None:
    """Absorbed Trp reaches the liver first: without the portal excess (input clamped to 0) the
    α-lactalbumin peak of plasma Trp is higher and hepatic TDO takes less during absorption."""
    from neurobalance.conditions import protein_meal

    t = np.arange(0.0, 6.01, 0.1)
    meal = [protein_meal(40.0, "alpha_lactalbumin", at_h=1.0)]
    with_fp = simulate(supply, 6.0, times=t, conditions=meal)
    without = simulate(supply, 6.0, times=t, conditions=meal, inputs={"kynurenine.portal_trp_excess": 0.0})
    assert float(with_fp["precursors.plasma_trp"].max()) < 0.97 * float(without["precursors.plasma_trp"].max())
    tdo = lambda ds: float(ds.flux_value.sel(flux="kynurenine.tdo").sel(time=slice(1.0, 3.0)).mean())  # noqa: E731
    assert tdo(with_fp) > 1.05 * tdo(without)


def test_zein_is_digested_slowly_and_incompletely() -> None:
    from neurobalance.conditions import protein_meal
    from neurobalance.physiology.precursors import DIGESTION, content_umol_per_g

    frac, hours = DIGESTION["zein"]
    sched = protein_meal(40.0, "zein", at_h=8.0).inputs["precursors.lnaa_intake"]
    grid = np.linspace(0.0, 24.0, 24 * 600, endpoint=False)
    vals = np.array([sched.value(h) for h in grid])
    total = vals.sum() * (grid[1] - grid[0])
    assert total == pytest.approx(frac * 40.0 * content_umol_per_g("zein")["lnaa"], rel=2e-3)
    assert grid[vals > 0].max() == pytest.approx(8.0 + hours, abs=0.01)  # released over 6 h, not at once
    whey = protein_meal(40.0, "alpha_lactalbumin", at_h=8.0).inputs["precursors.lnaa_intake"]
    assert max(whey.value(h) for h in grid) > 10 * vals.max()
