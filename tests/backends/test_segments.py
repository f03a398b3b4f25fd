"""Engines stop at schedule discontinuities; breaks that fall within round-off of an output
time must not create zero-length steps (CVODE refuses them with "tout too close to t0")."""

from __future__ import annotations

import numpy as np
import pytest

from neurobalance.analysis import simulate
from neurobalance.backends._base import segments
from neurobalance.inputs import pulses


def test_break_within_round_off_of_an_output_time_is_moved_onto_it() -> None:
    times = np.arange(0.0, 2.0001, 0.05)
    b = 0.8 + 3e-12  # a bolus end computed as 0.5 + 18 min / 60
    segs = segments(0.0, times, [b, 1.2])
    edges = [a for a, _, _ in segs] + [segs[-1][1]]
    assert edges == [0.0, pytest.approx(0.8, abs=0), pytest.approx(1.2), 2.0]
    assert all(bb - aa > 1e-6 for aa, bb, _ in segs)
    # every output time lands in exactly one segment
    got = np.concatenate([ts for _, _, ts in segs])
    np.testing.assert_array_equal(got, times[1:])


def test_breaks_closer_than_round_off_collapse() -> None:
    segs = segments(0.0, np.array([0.0, 1.0, 3.0]), [2.0, 2.0 + 1e-13, 3.0 - 1e-13])
    assert [round(a, 9) for a, _, _ in segs] == [0.0, 2.0]


@pytest.mark.parametrize("engine", ["roadrunner", "scipy"])
def test_simulation_with_a_pulse_ending_near_an_output_time(model, engine: str) -> None:  # noqa: ANN001
    t = np.arange(0.0, 34.0001, 0.05)  # t[646] is 32.300000000000004
    drive = pulses([(32.0, 32.0 + 18 / 60, 60.0)], base=96.0)  # ends at 32.3
    ds = simulate(model, 34.0, times=t, engine=engine, inputs={"serotonin.blood_tryptophan": drive})
    assert np.all(np.isfinite(ds.state_value.values))
    trp = ds.state_value.sel(state="serotonin.trp")
    assert float(trp.sel(time=32.25, method="nearest")) > float(trp.sel(time=31.95, method="nearest"))
