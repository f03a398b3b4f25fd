"""Restoration planner: which admissible interventions bring a scenario back towards balance.

For a scenario (a condition, perhaps already treated), the planner adds daily interventions — drugs and
supplements from the agent library, and condition changes (stress reduction, an anti-inflammatory diet)
where the scenario has that condition — and minimises

    objective = balance index at the horizon + λ · burden,     burden = Σ dose / typical maximal dose,

with λ = 0.1 (an assumption: a full maximal dose of one agent costs as much as 0.1 index units).

Evaluation (the surrogate): every input is replaced by its mean over the last week of the horizon (drug
effects by their mean over a dosing interval at steady state), the model is brought to that steady
state, and the circadian orbit is followed for two days; the index is read on the second day.  The best
plans are then re-run as full time courses (the scenario plus the plan), and both numbers are
reported.

Search (SciPy): each candidate alone by bounded scalar minimisation (`scipy.optimize.minimize_scalar`),
then every pair among the best single candidates by `scipy.optimize.differential_evolution` (seeded);
larger combinations likewise up to ``max_agents``.  Each search has an evaluation budget; a search that
stops on the budget is reported as "not converged".

Research and teaching software: a plan is a model output, not a treatment recommendation.
"""

from __future__ import annotations

import dataclasses
import itertools
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .inputs import Schedule

__all__ = ["CANDIDATES", "Candidate", "search", "plan", "BURDEN_WEIGHT"]

BURDEN_WEIGHT = 0.1


@dataclasses.dataclass(frozen=True)
class Candidate:
    agent: str
    low: float  #: smallest daily dose (mg/day; % for condition changes)
    high: float  #: largest daily dose considered (the typical maximum)
    interval_h: float = 24.0
    needs_condition: str | None = None


#: Admissible interventions and their daily dose ranges (typical clinical ranges of the agent library).
CANDIDATES: tuple[Candidate, ...] = (
    Candidate("escitalopram", 5.0, 20.0),
    Candidate("bupropion", 150.0, 450.0),
    Candidate("mifepristone", 300.0, 1200.0),
    Candidate("celecoxib", 200.0, 400.0, 12.0),
    Candidate("lorazepam", 1.0, 6.0, 8.0),
    Candidate("tryptophan", 500.0, 3000.0),
    Candidate("pyridoxine", 10.0, 100.0),
    Candidate("stress-reduction", 10.0, 80.0, needs_condition="stress"),
    Candidate("anti-inflammatory-diet", 10.0, 60.0, needs_condition="chronic_inflammation"),
)


@dataclasses.dataclass
class SearchResult:
    plan: dict[str, float]
    objective: float
    converged: bool
    evaluations: int


def search(objective: Callable[[dict[str, float]], float], candidates: Sequence[Candidate], *, max_agents: int = 2,
           keep: int = 3, seed: int = 0, budget: int = 12, progress: Callable[[str], None] | None = None
           ) -> dict[str, Any]:
    """Minimise ``objective(plan)`` over plans (agent → daily dose) of up to ``max_agents`` candidates."""
    from scipy.optimize import differential_evolution, minimize_scalar

    results: list[SearchResult] = []
    none = SearchResult({}, objective({}), True, 1)
    for c in candidates:
        if progress:
            progress(f"single: {c.agent}")
        n = 0

        def f1(x: float, c: Candidate = c) -> float:
            nonlocal n
            n += 1
            return objective({c.agent: float(x)})

        r = minimize_scalar(f1, bounds=(c.low, c.high), method="bounded", options={"maxiter": budget, "xatol": 0.02 * (c.high - c.low)})
        results.append(SearchResult({c.agent: float(r.x)}, float(r.fun), bool(r.success), n))
    singles = sorted(results, key=lambda r: r.objective)
    combos: list[SearchResult] = []
    top = [next(c for c in candidates if c.agent == next(iter(r.plan))) for r in singles[:keep]]
    for k in range(2, max_agents + 1):
        for group in itertools.combinations(top, k):
            if progress:
                progress("combination: " + " + ".join(c.agent for c in group))
            n = 0

            def fk(x: np.ndarray, group: tuple[Candidate, ...] = group) -> float:
                nonlocal n
                n += 1
                return objective({c.agent: float(v) for c, v in zip(group, x, strict=True)})

            r = differential_evolution(fk, [(c.low, c.high) for c in group], seed=seed, maxiter=max(1, budget // 6),
                                       popsize=3, tol=1e-3, polish=False, init="sobol")
            combos.append(SearchResult({c.agent: float(v) for c, v in zip(group, r.x, strict=True)}, float(r.fun),
                                       bool(r.success), n))
    everything = sorted([none, *singles, *combos], key=lambda r: r.objective)
    return {"best": everything[0], "best_single": singles[0] if singles else none, "none": none,
            "singles": singles, "combinations": combos}


# ---- the model objective -----------------------------------------------------------------------------------
def _burden(p: dict[str, float], cands: dict[str, Candidate]) -> float:
    return sum(v / cands[a].high for a, v in p.items())


def _entries(p: dict[str, float], cands: dict[str, Candidate], hours: float) -> list[dict[str, Any]]:
    out = []
    for a, v in p.items():
        c = cands[a]
        if c.needs_condition:
            out.append({"agent": a, "dose": f"{v:.4g} %", "start": "0 h"})
        else:
            per = v * c.interval_h / 24.0
            out.append({"agent": a, "dose": f"{per:.6g} mg", "start": "8 h", "interval": f"{c.interval_h:g} h",
                        "stop": f"{hours:g} h"})
    return out


def _mean_inputs(res: Any, window_h: float = 168.0) -> tuple[dict[str, float], dict[str, float]]:
    """Each scheduled input's mean over the last ``window_h`` hours of the horizon, and the conditions'
    parameter changes."""
    import sympy as sp

    from .conditions import combine

    inputs, params = combine(res.conditions, None, res.model)
    t = sp.Symbol("t", real=True)
    grid = np.arange(max(0.0, res.hours - window_h), res.hours, 0.05)
    out = {}
    for k, sch in inputs.items():
        f = sp.lambdify(t, sch.expr(t), "numpy")
        v = np.broadcast_to(np.asarray(f(grid), dtype=float), grid.shape)
        out[k] = float(np.mean(v))
    return out, params


class _Level(Schedule):
    """An input held at the value of a parameter (so that changing the level reuses the compiled model)."""

    def __init__(self, parameter: str) -> None:
        self.parameter = parameter

    def expr(self, t: Any) -> Any:
        import sympy as sp

        return sp.Symbol(self.parameter, real=True)

    def discontinuities(self, t0: float, t1: float) -> list[float]:
        return []

    def key(self) -> str:
        return f"level({self.parameter})"


class _LevelModel:
    """The scenario's model with each non-circadian input held at a parameter (``planner.c_<input>``).

    Plans differ only in input levels and condition parameters, so every evaluation reuses one compiled
    model and one engine instance.
    Inputs a plan does not schedule keep their default level (a constant default; an input whose default
    is an expression of other variables is left to that expression unless a plan schedules it).
    """

    CIRCADIAN = "hpa.circadian_drive"

    def __init__(self, model: Any) -> None:
        import sympy as sp

        from .model import Model, Module

        mod = Module("planner", "Input levels set by the restoration planner (model-building device, no physiology)")
        self.param: dict[str, str] = {}
        self.default: dict[str, float] = {}
        for name, inp in model.inputs.items():
            if name == self.CIRCADIAN:
                continue
            d = inp.default
            if isinstance(d, sp.Expr) and not d.is_number:
                continue
            local = "c_" + name.replace(".", "__")
            mod.parameter(local, float(d), "1", f"level of input {name}, in its declared unit ({inp.unit})",
                          basis="assumed", rationale="set by the planner for each evaluated plan")
            self.param[name] = f"planner.{local}"
            self.default[name] = float(d)
        self.model = Model([*model.modules, mod.freeze()]).with_parameters(model.parameter_values)
        self.inputs = {n: _Level(p) for n, p in self.param.items()}

    def settle(self, means: dict[str, float], params: dict[str, float]) -> Any:
        """Steady state under constant input levels, then two days on the circadian orbit."""
        from ._errors import InvalidValueError
        from .analysis import simulate, steady_state

        values = {p: self.default[n] for n, p in self.param.items()}
        for n, v in means.items():
            if n == self.CIRCADIAN:
                continue
            if n not in self.param:
                raise InvalidValueError("input", n, "an input with a constant default (the planner holds inputs "
                                        "at levels)")
            values[self.param[n]] = v
        m = self.model.with_parameters({**params, **values})
        # from the model's declared initial values every time, not from the previous plan's state: the HPA
        # axis is bistable (GR self-induction), and continuation would make a plan's value depend on the order
        # in which the search visits plans
        ss = steady_state(m, inputs=self.inputs, guess="model")
        y0 = np.maximum(np.ravel(ss.state_value.values), 0.0)
        return simulate(m, 48.0, times=np.linspace(0.0, 48.0, 193), inputs=self.inputs, initial=y0)


def plan(scenario: str, *, agents: Sequence[str] | None = None, max_agents: int = 2, seed: int = 0, budget: int = 12,
         horizon: str | None = None, verify: bool = True, progress: Callable[[str], None] | None = None
         ) -> dict[str, Any]:
    """Search plans for a scenario (file or library name); returns a JSON-able report."""
    from . import balance as B
    from ._errors import InvalidValueError, NeurobalanceError, UnknownNameError
    from .scenarios import from_dict, load, run

    res = load(scenario)
    if horizon is not None:
        res = from_dict({**{k: v for k, v in res.data.items() if k != "extends"}, "duration": horizon})
    present = {c.name for c in res.conditions}
    taken = {iv.agent.strip().lower() for iv in res.scenario.interventions}
    # candidates the scenario already takes are not added again (their dose is the scenario's)
    cands = [c for c in CANDIDATES if (c.needs_condition is None or c.needs_condition in present)
             and c.agent not in taken]
    if not cands:
        raise InvalidValueError("agents", "all", "at least one candidate the scenario does not already take")
    if agents:
        known = {c.agent: c for c in CANDIDATES}
        for a in agents:
            if a not in known:
                raise UnknownNameError("planner agent", a, known, hint="list them with `neurobalance restore --help`")
        cands = [c for c in cands if c.agent in agents]
        if not cands:
            raise InvalidValueError("agents", ",".join(agents), "at least one admissible agent for this scenario "
                                    "(condition changes need their condition)")
    if not 1 <= max_agents <= 3:
        raise InvalidValueError("max_agents", max_agents, "1, 2 or 3")
    by_name = {c.agent: c for c in CANDIDATES}
    data = dict(res.data)
    # keep the scenario's output interval, so that the full runs read the index on the scenario's own grid
    # (a 10-min scenario read hourly gives an index a few % off); every observable is needed for the index
    interval = (data.pop("outputs", None) or {}).get("interval")
    if interval:
        data["outputs"] = {"interval": interval}
    base_iv = list(data.get("interventions", []))
    cache: dict[tuple[tuple[str, float], ...], float] = {}
    levels = _LevelModel(res.model)

    def surrogate(p: dict[str, float]) -> float:
        key = tuple(sorted((a, round(v, 6)) for a, v in p.items()))
        if key in cache:
            return cache[key]
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")  # a failed candidate is scored, not reported on stderr
            val = _evaluate(p)
        cache[key] = val
        return val

    def _evaluate(p: dict[str, float]) -> float:
        try:
            r = from_dict(dict(data, interventions=base_iv + _entries(p, by_name, res.hours)))
            means, params = _mean_inputs(r)
            val = B.index(levels.settle(means, params)).overall + BURDEN_WEIGHT * _burden(p, by_name)
        except (NeurobalanceError, ValueError, FloatingPointError, ArithmeticError):
            val = 1e3
        return val

    found = search(surrogate, cands, max_agents=max_agents, seed=seed, budget=budget, progress=progress)

    def describe(r: Any) -> dict[str, Any]:
        out: dict[str, Any] = {"plan": {a: {"daily": round(v, 4), "unit": "%" if by_name[a].needs_condition else "mg/day"}
                                        for a, v in r.plan.items()},
                               "objective": r.objective, "burden": _burden(r.plan, by_name),
                               "surrogate_index": r.objective - BURDEN_WEIGHT * _burden(r.plan, by_name),
                               "converged": r.converged, "evaluations": r.evaluations}
        if verify:
            if progress:
                progress("verifying " + (" + ".join(r.plan) or "no intervention"))
            d = dict(data, interventions=base_iv + _entries(r.plan, by_name, res.hours))
            ds = run(from_dict(d))
            b = B.index(ds)
            out["index_at_horizon"] = b.overall
            out["axes_at_horizon"] = b.axes
            out["objective_at_horizon"] = b.overall + BURDEN_WEIGHT * out["burden"]
        return out

    best, single, none = found["best"], found["best_single"], found["none"]
    report = {"scenario": res.scenario.name, "horizon_h": res.hours, "burden_weight": BURDEN_WEIGHT,
              "candidates": [c.agent for c in cands], "max_agents": max_agents, "seed": seed,
              "no_intervention": describe(none), "best_single": describe(single), "best": describe(best),
              "all": [{"plan": r.plan, "objective": r.objective, "converged": r.converged}
                      for r in sorted(found["singles"] + found["combinations"], key=lambda r: r.objective)],
              "converged": all(r.converged for r in found["singles"] + found["combinations"]),
              "note": B.DISCLAIMER}
    key = "objective_at_horizon" if verify else "objective"
    if verify:  # the full runs decide among the three plans they verified
        winner = min((report["best"], report["best_single"], report["no_intervention"]), key=lambda r: r[key])
        if winner is not report["best"]:
            report["surrogate_best"] = report["best"]
            report["best"] = winner
    report["decided_by"] = "full run at the horizon" if verify else "surrogate"
    report["multi_target_beats_single"] = bool(len(report["best"]["plan"]) > 1
                                               and report["best"][key] < report["best_single"][key] - 1e-9)
    return report

