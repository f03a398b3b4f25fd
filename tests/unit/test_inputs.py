from __future__ import annotations

import pytest

from neurobalance._errors import InvalidValueError, UnknownNameError
from neurobalance.inputs import constant, daily, expression, meals, step


def test_meal_protocol_values():
    s = meals("2008", mean=97.0)
    assert s.value(3.0) == pytest.approx(0.25 * 97)
    assert s.value(8.0) == pytest.approx(1.75 * 97)
    assert s.value(19.0 + 48.0) == pytest.approx(3.25 * 97)  # periodic
    assert 7.0 in s.discontinuities(0.0, 24.0) and 45.0 in s.discontinuities(24.0, 48.0)


def test_bad_schedules():
    with pytest.raises(UnknownNameError):
        meals("1999", mean=97.0)
    with pytest.raises(InvalidValueError):
        step(1.0, -2.0, at=1.0)
    with pytest.raises(InvalidValueError):
        daily(1.0, [(10.0, 5.0, 2.0)])
    with pytest.raises(InvalidValueError):
        expression("1 + x")
    with pytest.raises(InvalidValueError):
        constant(float("nan"))


def test_expression_schedule():
    s = expression("1 + 2*t", discontinuities=[0.5])
    assert s.value(1.0) == pytest.approx(3.0)
    assert s.discontinuities(0, 1) == [0.5]
