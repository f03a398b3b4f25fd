"""The planner's input levels: holding inputs at parameters gives the same surrogate as compiling them in."""

from __future__ import annotations

import numpy as np


def test_level_model_matches_constant_inputs() -> None:
    from neurobalance import balance as B
    from neurobalance import restore as R
    from neurobalance.analysis import simulate, steady_state
    from neurobalance.inputs import constant
    from neurobalance.scenarios import from_dict, load

    res = load("chronic-stress-8w")
    data = dict(res.data)
    data.pop("outputs", None)
    plan = {"escitalopram": 10.0}
    r = from_dict(dict(data, interventions=R._entries(plan, {c.agent: c for c in R.CANDIDATES}, res.hours)))
    means, params = R._mean_inputs(r)
    assert means["serotonin.sert_block"] > 0.5  # the plan's drug is in the levels
    levels = R._LevelModel(res.model)
    fast = B.index(levels.settle(means, params)).overall
    # the direct way: the same constant inputs compiled into the equations
    const = {k: constant(v) for k, v in means.items() if k != "hpa.circadian_drive"}
    m = res.model.with_parameters(params) if params else res.model
    ss = steady_state(m, inputs=const)
    y0 = np.maximum(np.ravel(ss.state_value.values), 0.0)
    slow = B.index(simulate(m, 48.0, times=np.linspace(0.0, 48.0, 193), inputs=const, initial=y0)).overall
    assert abs(fast - slow) < 1e-5 * max(1.0, slow)
    # a second plan reuses the compiled model and differs
    other = B.index(levels.settle({**means, "serotonin.sert_block": 0.0}, params)).overall
    assert abs(other - fast) > 1e-3
    # and a plan's value does not depend on what was evaluated before it (the HPA axis is bistable)
    again = B.index(levels.settle(means, params)).overall
    assert abs(again - fast) < 1e-9
