"""`balance` and `restore` on every library scenario (slow: about 20 s and 1–2 min per scenario)."""

from __future__ import annotations

import math

import pytest

from neurobalance.scenarios import library

NAMES = sorted(library())


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_balance_and_restore_work_on_every_library_scenario(name: str) -> None:
    from neurobalance import balance as B
    from neurobalance.restore import plan
    from neurobalance.scenarios import load, run

    res = load(name)
    ds = run(res)
    b = B.index(ds)
    assert math.isfinite(b.overall) and b.overall >= 0 and set(b.axes) == set(B.AXES)
    if name == "healthy-baseline":
        assert b.overall < 0.05
    rep = plan(name, agents=["pyridoxine"], max_agents=1, budget=3)
    for key in ("no_intervention", "best_single", "best"):
        assert math.isfinite(rep[key]["index_at_horizon"])
    # the reported best is never worse at the horizon than doing nothing
    assert rep["best"]["objective_at_horizon"] <= rep["no_intervention"]["objective_at_horizon"] + 1e-12
    # the planner's full run of "no intervention" is the scenario itself, on the scenario's output grid
    assert abs(rep["no_intervention"]["index_at_horizon"] - b.overall) < 1e-6 * max(1.0, b.overall)
