"""Property-based tests (hypothesis): dose responses, invariances, schedules, validation.

Every test is derandomized (reproducible in CI) and kept to a handful of examples.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import neurobalance as nb
from neurobalance._errors import InvalidValueError, UnknownNameError
from neurobalance.inputs import MEAL_PROTOCOLS, meals, step

MODEL = nb.terminals_model()
GENES = sorted(MODEL.genes)
PARAMETERS = sorted(MODEL.parameters)
OBSERVABLES = list(MODEL.observables)

FAST = settings(max_examples=12, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


def _ss(model: nb.Model) -> dict[str, float]:
    ss = nb.steady_state(model)
    return {n: float(ss[n]) for n in OBSERVABLES}


REFERENCE = _ss(MODEL)


def _ordered_pair(lo: float, hi: float, min_gap: float):  # noqa: ANN202
    """Two factors a < b in [lo, hi], at least ``min_gap`` apart (relative), so the effect is resolvable."""
    f = st.floats(lo, hi, allow_nan=False, allow_infinity=False)
    return st.tuples(f, f).map(sorted).filter(lambda ab: ab[1] - ab[0] >= min_gap * ab[1])


# --------------------------------------------------------------------------- dose response


@FAST
@given(_ordered_pair(0.1, 2.0, 0.01))
def test_sert_dose_response_is_monotone_decreasing(ab: list[float]) -> None:
    a, b = ab
    at_a = _ss(MODEL.with_genes(SLC6A4=a))["serotonin.extracellular"]
    at_b = _ss(MODEL.with_genes(SLC6A4=b))["serotonin.extracellular"]
    assert at_a > at_b, f"SLC6A4 {a} -> {at_a} nM, {b} -> {at_b} nM"


@FAST
@given(_ordered_pair(0.25, 2.0, 0.01))
def test_th_dose_response_is_monotone_increasing(ab: list[float]) -> None:
    a, b = ab
    at_a = _ss(MODEL.with_genes(TH=a))["dopamine.extracellular"]
    at_b = _ss(MODEL.with_genes(TH=b))["dopamine.extracellular"]
    assert at_a < at_b, f"TH {a} -> {at_a} nM, {b} -> {at_b} nM"


# --------------------------------------------------------------------------- gene factor 1


@FAST
@given(st.sampled_from(GENES))
def test_gene_factor_one_reproduces_reference(gene: str) -> None:
    got = _ss(MODEL.with_genes({gene: 1.0}))
    for n in OBSERVABLES:
        assert got[n] == pytest.approx(REFERENCE[n], rel=1e-9, abs=0.0), n


@FAST
@given(st.sampled_from(GENES), st.floats(0.1, 3.0, allow_nan=False))
def test_gene_factor_reset_to_one_reproduces_reference(gene: str, factor: float) -> None:
    m = MODEL.with_genes({gene: factor}).with_genes({gene: 1.0})
    assert m.parameter_values == MODEL.parameter_values
    got = _ss(m)
    for n in OBSERVABLES:
        assert got[n] == pytest.approx(REFERENCE[n], rel=1e-9, abs=0.0), n


# --------------------------------------------------------------------------- horizon invariance


@FAST
@given(st.floats(1.0, 500.0, allow_nan=False))
def test_steady_state_is_invariant_under_simulation(hours: float) -> None:
    ds = nb.simulate(MODEL, hours, initial="steady_state", points=5)
    for n in OBSERVABLES:
        vals = ds[n].values
        assert float(vals[0]) == pytest.approx(REFERENCE[n], rel=1e-6), n
        assert float(vals[-1]) == pytest.approx(REFERENCE[n], rel=1e-6), f"{n} after {hours} h"
        assert float(abs(vals - REFERENCE[n]).max()) <= 1e-6 * abs(REFERENCE[n]), n


# --------------------------------------------------------------------------- schedules


def _daily_mean(schedule, day: int = 0) -> float:  # noqa: ANN001
    """Exact time mean over one day of a schedule piecewise constant on half-hour bins."""
    return sum(schedule.value(24.0 * day + 0.5 * k + 0.25) for k in range(48)) / 48.0


def test_meal_protocol_2008_multipliers_average_one() -> None:
    base, pieces = MEAL_PROTOCOLS["2008"]
    covered = sum(b - a for a, b, _ in pieces)
    mean = (base * (24.0 - covered) + sum((b - a) * v for a, b, v in pieces)) / 24.0
    assert mean == pytest.approx(1.0, rel=1e-12)
    # every boundary on the half-hour grid, so midpoint sampling is exact
    assert all((2 * x) == int(2 * x) for a, b, _ in pieces for x in (a, b))


@settings(max_examples=10, deadline=None, derandomize=True)
@given(st.floats(0.01, 1000.0, allow_nan=False), st.integers(0, 3))
def test_meals_2008_daily_mean(mean: float, day: int) -> None:
    s = meals("2008", mean=mean)
    assert _daily_mean(s, day) == pytest.approx(mean, rel=1e-9)


@FAST
@given(st.floats(0.0, 500.0, allow_nan=False), st.floats(0.0, 500.0, allow_nan=False),
       st.floats(0.0, 100.0, allow_nan=False), st.floats(1e-3, 100.0, allow_nan=False))
def test_step_before_and_after(a: float, b: float, t0: float, dt: float) -> None:
    s = step(a, b, at=t0)
    if t0 - dt >= 0:
        assert s.value(t0 - dt) == a
    assert s.value(t0 + dt) == b
    assert s.value(t0) == b  # `after` holds from `at` on
    assert s.discontinuities(0.0, t0 + dt + 1.0) == [t0]


@FAST
@given(st.sampled_from([float("nan"), float("inf"), -float("inf"), -1.0, -1e-9]))
def test_step_rejects_bad_levels(bad: float) -> None:
    with pytest.raises(InvalidValueError):
        step(bad, 1.0, at=1.0)
    with pytest.raises(InvalidValueError):
        meals("2008", mean=bad)


# --------------------------------------------------------------------------- with_parameters validation


BAD_VALUES = st.one_of(
    st.just(float("nan")),
    st.just(float("inf")),
    st.just(-float("inf")),
    st.floats(max_value=-1e-12, allow_nan=False, allow_infinity=False),
)


@FAST
@given(st.sampled_from(PARAMETERS), BAD_VALUES)
def test_with_parameters_rejects_bad_values(name: str, value: float) -> None:
    with pytest.raises(InvalidValueError) as info:
        MODEL.with_parameters({name: value})
    assert name in str(info.value)
    # the model itself is untouched
    assert MODEL.parameter_values[name] == MODEL.parameters[name].value


@FAST
@given(st.sampled_from(GENES), BAD_VALUES)
def test_with_genes_rejects_bad_values(gene: str, value: float) -> None:
    with pytest.raises(InvalidValueError):
        MODEL.with_genes({gene: value})


@FAST
@given(st.sampled_from(PARAMETERS), st.sampled_from(["double_last", "append_x", "append_digit"]))
def test_with_parameters_unknown_name_suggests_close_name(name: str, how: str) -> None:
    typo = {"double_last": name + name[-1], "append_x": name + "x", "append_digit": name + "7"}[how]
    assume(typo not in MODEL.parameters)
    with pytest.raises(UnknownNameError) as info:
        MODEL.with_parameters({typo: 1.0})
    assert name in info.value.suggestions
    assert info.value.name == typo
    assert isinstance(info.value, KeyError)
    assert typo in str(info.value) and name in str(info.value)


@FAST
@given(st.sampled_from(GENES))
def test_with_genes_unknown_symbol_suggests_close_symbol(gene: str) -> None:
    typo = gene + "X"
    assume(typo not in MODEL.genes)
    with pytest.raises(UnknownNameError) as info:
        MODEL.with_genes({typo: 1.0})
    assert gene in info.value.suggestions


@FAST
@given(st.sampled_from(PARAMETERS), st.floats(0.0, 1e6, allow_nan=False, allow_infinity=False))
def test_with_parameters_accepts_valid_values(name: str, value: float) -> None:
    m = MODEL.with_parameters({name: value})
    assert m.parameter_values[name] == value
    assert math.isfinite(m.parameter_values[name])
    assert MODEL.parameter_values[name] == MODEL.parameters[name].value
