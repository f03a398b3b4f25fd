"""Scenarios: a person's situation and treatment described in a file, resolved against the model and run.

>>> from neurobalance.scenarios import load, library
>>> "chronic-stress-plus-escitalopram" in library()
True
>>> s = load("escitalopram-10mg-8w")
>>> s.scenario.interventions[0].agent, s.hours
('escitalopram', 1344.0)
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import sympy as sp

from .._errors import InvalidValueError, UnknownNameError
from ..inputs import Schedule, pulses
from ._schema import LIMITS, Scenario, ScenarioError, load_text, locate, parse_dose, parse_time, validate

__all__ = ["load", "from_dict", "library", "Resolved", "ScenarioError", "run", "LIMITS", "library_path"]

_LIST_KEYS = ("conditions", "interventions", "sources")
_TABLE_KEYS = ("genotype", "parameters", "outputs")


def library_path() -> Path:
    return Path(str(resources.files("neurobalance.scenarios") / "library"))


def library() -> dict[str, Path]:
    """Library scenario name → file."""
    return {p.stem: p for p in sorted(library_path().glob("*.toml"))}


def _read(ref: str | Path, *, base: Path | None, depth: int, seen: tuple[str, ...]) -> tuple[dict[str, Any], str, str]:
    """Read a scenario (file or library name), applying ``extends``; returns (data, text, label)."""
    lib = library()
    p = Path(ref)
    if str(ref) in lib and not (base and (base / p).is_file()) and not p.suffix:
        p = lib[str(ref)]
    elif base is not None and not p.is_absolute():
        p = base / p
    label = p.name if p.parent == library_path() else (str(ref) if depth == 0 else str(p))
    if not p.is_file():
        if not str(ref).endswith(".toml") and str(ref) not in lib:
            raise UnknownNameError("scenario", str(ref), lib, hint="give a .toml file or a library name "
                                   "(`neurobalance scenarios list`)")
        raise ScenarioError("(file)", f"{ref} does not exist", "give the path of a scenario .toml file or a library "
                            "name")
    if p.stat().st_size > 1_000_000:
        raise ScenarioError("(file)", "is larger than 1 MB", "a scenario is a short text file; split or shorten it",
                            file=label)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ScenarioError("(file)", "is not UTF-8 text", "save it as UTF-8", file=label) from None
    data = load_text(text, label)
    parent_ref = data.get("extends")
    if parent_ref is not None:
        if not isinstance(parent_ref, str):
            raise ScenarioError("extends", f"{parent_ref!r} is not a name", "give a library name or a file path",
                                file=label, line=locate(text, "extends"))
        if depth >= LIMITS["extends_depth"] or str(p.resolve()) in seen:
            raise ScenarioError("extends", "forms a cycle or is nested too deeply",
                                f"use at most {LIMITS['extends_depth']} levels without cycles", file=label,
                                line=locate(text, "extends"))
        try:
            parent, _, _ = _read(parent_ref, base=p.parent, depth=depth + 1, seen=(*seen, str(p.resolve())))
        except UnknownNameError as exc:
            raise ScenarioError("extends", exc.message, "give a library name or a file path", file=label,
                                line=locate(text, "extends")) from None
        data = _merge(parent, data)
    return data, text, label


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    out = dict(parent)
    for k, v in child.items():
        if k in _LIST_KEYS and isinstance(v, list) and isinstance(parent.get(k), list):
            out[k] = [*parent[k], *v]
        elif k in _TABLE_KEYS and isinstance(v, dict) and isinstance(parent.get(k), dict):
            out[k] = {**parent[k], **v}
        else:
            out[k] = v
    out.pop("extends", None)
    return out


@dataclasses.dataclass
class Resolved:
    """A validated scenario bound to the model: everything a run needs."""

    scenario: Scenario
    file: str
    model: Any
    hours: float
    times: np.ndarray
    report_times: list[float]
    conditions: list[Any]
    observables: list[str]
    engine: str
    data: dict[str, Any]

    def resolved_toml(self) -> str:
        """The scenario after ``extends`` (what was run), as TOML, with model version and seed."""
        from .. import __version__

        d = dict(self.data)
        d["engine"] = self.engine
        lines = [f"# resolved scenario; neurobalance {__version__}; seed {self.scenario.seed}", ""]
        lines += _toml(d)
        return "\n".join(lines) + "\n"


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f'"{k}" = {_toml_value(x)}' for k, x in v.items()) + "}"
    raise TypeError(type(v))


def _toml(d: dict[str, Any]) -> list[str]:
    lines, tables, arrays = [], [], []
    for k, v in d.items():
        if isinstance(v, dict):
            tables.append((k, v))
        elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            arrays.append((k, v))
        else:
            lines.append(f"{k} = {_toml_value(v)}")
    for k, v in tables:
        lines += ["", f"[{k}]"] + [f'"{kk}" = {_toml_value(vv)}' for kk, vv in v.items()]
    for k, items in arrays:
        for it in items:
            lines += ["", f"[[{k}]]"] + [f"{kk} = {_toml_value(vv)}" for kk, vv in it.items()]
    return lines


def load(ref: str | Path, *, engine: str | None = None) -> Resolved:
    """Read, validate and resolve a scenario file or library name.  Raises a one-line error on bad input."""
    data, text, label = _read(ref, base=Path.cwd(), depth=0, seen=())
    scn = validate(data, text, label)

    def err(field: str, problem: str, fix: str) -> ScenarioError:
        return ScenarioError(field, problem, fix, file=label, line=locate(text, field))

    try:
        return _resolve(scn, data, label, engine, err)
    except ScenarioError as exc:
        if exc.file is None:
            raise err(exc.field, exc.problem, exc.fix) from None
        raise


def from_dict(data: dict[str, Any], *, engine: str | None = None) -> Resolved:
    """Resolve a scenario given as a dictionary (the parsed form of a file; no ``extends``)."""
    scn = validate(data, "", "<dict>")

    def err(field: str, problem: str, fix: str) -> ScenarioError:
        return ScenarioError(field, problem, fix, file="<dict>")

    return _resolve(scn, data, "<dict>", engine, err)


def _resolve(scn: Scenario, data: dict[str, Any], label: str, engine: str | None,
             err: Callable[[str, str, str], ScenarioError]) -> Resolved:
    from ..conditions import condition
    from ..physiology.default import default_model

    hours = parse_time(scn.duration, "duration")
    if hours <= 0 or hours > LIMITS["duration_h"]:
        raise err("duration", f"{scn.duration!r} is outside (0, 2 years]", "give a duration up to 104 weeks")
    step = parse_time(scn.outputs.interval, "outputs.interval")
    if step <= 0:
        raise err("outputs.interval", "is zero", 'give a positive sampling interval such as "1 h"')
    n = int(math.floor(hours / step + 1e-9)) + 1
    if n > LIMITS["points"]:
        raise err("outputs.interval", f"{scn.outputs.interval!r} over {scn.duration!r} gives {n} output points",
                  f"sample more coarsely: at most {LIMITS['points'] - 1} intervals")
    times = np.linspace(0.0, (n - 1) * step, n)
    if times[-1] < hours - 1e-9:
        times = np.append(times, hours)
    report = [0.0, hours]
    if scn.outputs.report_at is not None:
        report = [parse_time(x, f"outputs.report_at[{i}]") for i, x in enumerate(scn.outputs.report_at)]
        for i, x in enumerate(report):
            if x > hours:
                raise err(f"outputs.report_at[{i}]", "is after the end of the run", "give a time within the duration")

    model = default_model()
    if scn.genotype:
        genes = model.genes
        for g, f in scn.genotype.items():
            if g not in genes:
                raise err(f"genotype.{g}", UnknownNameError("gene", g, genes).message,
                          "use an HGNC symbol from `neurobalance list genes`")
            if not (math.isfinite(f) and 0 <= f <= 10):
                raise err(f"genotype.{g}", f"factor {f!r} is outside [0, 10]", "give an activity factor (1 = typical)")
        model = model.with_genes(dict(scn.genotype))
    if scn.parameters:
        vals: dict[str, float] = {}
        for name, ch in scn.parameters.items():
            if name not in model.parameters:
                raise err(f"parameters.{name}", "is not a model parameter",
                          "use a qualified name from `neurobalance list parameters`")
            if (ch.set is None) == (ch.scale is None):
                raise err(f"parameters.{name}", "needs exactly one of set or scale", "write {set = x} or {scale = f}")
            v = ch.set if ch.set is not None else model[name] * float(ch.scale or 0.0)
            if not math.isfinite(v) or v < 0:
                raise err(f"parameters.{name}", f"gives {v!r}", "give a finite, non-negative value")
            vals[name] = v
        try:
            model = model.with_parameters(vals)
        except InvalidValueError as exc:
            raise err("parameters", str(exc), "give a value inside the parameter's range") from None

    conds = []
    for i, c in enumerate(scn.conditions):
        try:
            conds.append(condition(c.name, **c.options()))
        except UnknownNameError as exc:
            field = f"conditions[{i}]" + ("" if exc.kind == "condition" else f".{exc.name}")
            raise err(field, exc.message, "see `neurobalance list conditions`") from None
        except InvalidValueError as exc:
            raise err(f"conditions[{i}].{exc.field}", f"must be {str(exc).split(' must be ', 1)[-1]}",
                      "correct the option") from None
    conds = _lifestyle(scn, hours, conds, err)
    conds += _interventions(scn, hours, err)

    obs = list(model.observables)
    if scn.outputs.observables is not None:
        for i, o in enumerate(scn.outputs.observables):
            if o not in model.observables:
                raise err(f"outputs.observables[{i}]", UnknownNameError("observable", o, model.observables).message,
                          "use a name from `neurobalance list observables`")
        obs = list(dict.fromkeys(scn.outputs.observables))
    eng = engine or scn.engine
    return Resolved(scn, label, model, hours, times, report, conds, obs, eng, data)


@dataclasses.dataclass(frozen=True)
class _Scaled(Schedule):
    """``base`` multiplied by (1 − reduction) on [start, stop)."""

    base: Schedule
    reduction: float
    start: float
    stop: float

    def expr(self, t: sp.Symbol) -> sp.Expr:
        on = sp.Piecewise((sp.Float(self.reduction), sp.And(t >= self.start, t < self.stop)), (0, True))
        return self.base.expr(t) * (1 - on)

    def discontinuities(self, t0: float, t1: float) -> list[float]:
        return sorted({*self.base.discontinuities(t0, t1), *[x for x in (self.start, self.stop) if t0 <= x <= t1]})


def _lifestyle(scn: Scenario, hours: float, conds: list[Any], err: Callable[[str, str, str], ScenarioError]) -> list[Any]:
    """Apply non-drug interventions (stress reduction, anti-inflammatory diet) to the conditions they change."""
    import re

    from ..agents import LIFESTYLE
    from ..conditions import Condition

    out = list(conds)
    for i, iv in enumerate(scn.interventions):
        key = iv.agent.strip().lower()
        if key not in LIFESTYLE:
            continue
        f = f"interventions[{i}]"
        life = LIFESTYLE[key]
        m = re.fullmatch(r"\s*(\d+(?:\.\d*)?)\s*%\s*", iv.dose)
        if not m or not 0 < float(m.group(1)) <= 100:
            raise err(f"{f}.dose", f"{iv.dose!r} is not a reduction", f'give the reduction of {life.condition} as a '
                      'percentage, e.g. "50 %"')
        if iv.interval is not None or iv.doses is not None or iv.infusion is not None:
            raise err(f"{f}.interval", f"{life.name} is not dosed", "give only start (and stop)")
        start = parse_time(iv.start, f"{f}.start")
        stop = parse_time(iv.stop, f"{f}.stop") if iv.stop is not None else 1e9
        if stop <= start:
            raise err(f"{f}.stop", "is not after the start", "give a stop time after the start")
        hits = [k for k, c in enumerate(out) if getattr(c, "name", "") == life.condition]
        if not hits:
            raise err(f"{f}.agent", f"{life.name} changes the {life.condition!r} condition, which this scenario does "
                      "not have", f"add a [[conditions]] entry named {life.condition!r} or remove this intervention")
        for k in hits:
            c = out[k]
            scaled = {name: (_Scaled(sch, float(m.group(1)) / 100.0, start, stop) if name == life.input else sch)
                      for name, sch in c.inputs.items()}
            out[k] = Condition(c.name, f"{c.description}, reduced by {m.group(1)} % from {start:g} h ({life.name})",
                               scaled, c.parameters, c.additive)
    return out


def _interventions(scn: Scenario, hours: float, err: Callable[[str, str, str], ScenarioError]) -> list[Any]:
    """Intervention entries → conditions (input schedules)."""
    from ..agents import LIFESTYLE, NOT_YET, TARGET_INPUTS, agent
    from ..conditions import Condition
    from ..pkpd import Regimen

    pkpd: dict[str, list[tuple[Regimen, Any]]] = {}
    direct: dict[str, list[tuple[float, float, float]]] = {}
    spans: dict[str, list[tuple[float, float, int]]] = {}
    for i, iv in enumerate(scn.interventions):
        f = f"interventions[{i}]"
        if iv.agent.strip().lower() in LIFESTYLE:
            continue
        try:
            a = agent(iv.agent)
        except UnknownNameError as exc:
            key = iv.agent.strip().lower()
            problem = f"unknown agent {iv.agent!r}"
            if exc.suggestions and key not in NOT_YET:
                problem += "; did you mean " + ", ".join(repr(x) for x in exc.suggestions) + "?"
            fix = f"it is planned ({NOT_YET[key]})" if key in NOT_YET else "see `neurobalance agents list`"
            raise err(f"{f}.agent", problem, fix) from None
        if iv.route not in a.routes:
            raise err(f"{f}.route", f"{a.name} is not modelled by route {iv.route!r}", f"use one of {', '.join(a.routes)}")
        dose = parse_dose(iv.dose, f"{f}.dose", scn.body_mass_kg)
        if dose > a.max_dose_mg:
            raise err(f"{f}.dose", f"{iv.dose!r} ({dose:g} mg) is above the largest single dose accepted for {a.name} "
                      f"({a.max_dose_mg:g} mg)", f"check the unit; typical: {a.typical}")
        start = parse_time(iv.start, f"{f}.start")
        if start >= hours:
            raise err(f"{f}.start", "is at or after the end of the run", "start within the duration")
        n = 1
        tau = 0.0
        if iv.interval is not None:
            tau = parse_time(iv.interval, f"{f}.interval")
            if tau <= 0:
                raise err(f"{f}.interval", "is zero", 'give a positive interval such as "24 h"')
            if iv.doses is not None and iv.stop is not None:
                raise err(f"{f}.stop", "is given together with doses", "give either doses or stop")
            if iv.doses is not None:
                n = iv.doses
            else:
                stop = parse_time(iv.stop, f"{f}.stop") if iv.stop is not None else hours
                if stop <= start:
                    raise err(f"{f}.stop", "is not after the start", "give a stop time after the start")
                n = int(math.floor((min(stop, hours) - start) / tau - 1e-9)) + 1
        elif iv.doses not in (None, 1) or iv.stop is not None:
            raise err(f"{f}.interval", "is missing for repeated doses", 'add interval = "24 h" (or give one dose)')
        if n > LIMITS["doses"]:
            raise err(f"{f}.doses", f"{n} doses exceed the limit of {LIMITS['doses']}", "give fewer doses")
        dur = 0.0
        if iv.infusion is not None:
            if iv.route != "iv":
                raise err(f"{f}.infusion", "applies only to route \"iv\"", "remove it or set route = \"iv\"")
            dur = parse_time(iv.infusion, f"{f}.infusion")
            if dur <= 0:
                raise err(f"{f}.infusion", "is zero", "give a positive infusion time or remove it for a bolus")
            if n > 1 and dur >= tau:
                raise err(f"{f}.infusion", "is as long as the dosing interval", "shorten the infusion or lengthen the interval")
        end = start + (n - 1) * tau + max(dur, 1e-9)
        for (s0, e0, j) in spans.get(a.name, []):
            if start < e0 and s0 < end:
                raise err(f"{f}.start", f"{a.name} overlaps interventions[{j}] ({s0:g}–{e0:g} h)",
                          "start after the earlier course ends, or merge the two entries")
        spans.setdefault(a.name, []).append((start, start + n * max(tau, 0.0) if n > 1 else end, i))
        if a.pk is not None:
            reg = Regimen(a.pk, dose, iv.route, start, tau if n > 1 else 24.0, n, dur)
            for e in a.effects:
                pkpd.setdefault(e.target, []).append((reg, e))
        elif a.direct is not None:
            inp = a.direct.inputs[iv.route]
            width = a.direct.pulse_h[iv.route] if dur <= 0 else dur
            amount = dose * a.direct.per_mg
            for k in range(n):
                t0 = start + k * tau
                direct.setdefault(inp, []).append((t0, t0 + width, amount / width))
    out = []
    for target, items in pkpd.items():
        inp, how = TARGET_INPUTS[target]
        out.append(Condition(f"pkpd:{target}", f"{target} occupancy by " + ", ".join(sorted({e.source or target for _, e in items})),
                             {inp: _PKPDSchedule(how, tuple(items))}))
    for inp, windows in direct.items():
        out.append(Condition(f"dose:{inp}", f"doses into {inp}", {inp: pulses(windows)}))
    return out


@dataclasses.dataclass(frozen=True)
class _PKPDSchedule(Schedule):
    """Combined drug effect on one target.  Courses of the same agent add concentrations (then one occupancy
    curve); different agents compete for the site, ``θ = Σ θmax,i·x_i/(1 + Σ x_i)`` with ``x_i = C_i/EC50_i``
    (Hill 1, as every library occupancy); D2 antagonists add in units of their K_d; enzyme inactivators add
    their rates; plasma-precursor inputs add concentrations (µM)."""

    how: str
    items: tuple[tuple[Any, Any], ...]

    def _by_agent(self, t: sp.Symbol) -> list[tuple[Any, sp.Expr]]:
        """(effect, summed plasma concentration incl. active metabolite, ng/mL) per agent."""
        groups: dict[int, tuple[Any, sp.Expr]] = {}
        for reg, e in self.items:
            c = reg.expression(t)
            if e.metabolite_potency and reg.pk.metabolite is not None:
                c = c + sp.Float(e.metabolite_potency) * reg.expression(t, "metabolite")
            key = id(e)
            groups[key] = (e, groups[key][1] + c) if key in groups else (e, c)
        return list(groups.values())

    def expr(self, t: sp.Symbol) -> sp.Expr:
        agents = self._by_agent(t)
        if self.how == "plasma_uM":  # a plasma concentration input (µM): ng/mL ÷ g/mol
            return sp.Add(*[c / sp.Float(reg.pk.mw) for reg, _ in self.items for c in [reg.expression(t)]])
        if self.how == "ki_units":  # a competitive antagonist: concentration in units of its K_i
            return sp.Add(*[c / sp.Float(e.ec50) for e, c in agents])
        if self.how == "kd_units":
            # D2 antagonist in units of its K_d: x = 2·C/EC50 (endogenous dopamine occupies half the receptors
            # at the reference, so the in-vivo EC50 is twice the K_d)
            return sp.Add(*[sp.Float(2.0 / e.ec50) * c for e, c in agents])
        xs = [(e, c / sp.Float(e.ec50)) for e, c in agents]
        if self.how == "rate":
            return sp.Add(*[sp.Float(e.rate_max) * x / (1 + x) for e, x in xs])
        total = sp.Add(*[x for _, x in xs])
        return sp.Add(*[sp.Float(e.theta_max) * x for e, x in xs]) / (1 + total)

    def discontinuities(self, t0: float, t1: float) -> list[float]:
        return sorted({x for reg, _ in self.items for x in reg.breaks() if t0 <= x <= t1})

    def key(self) -> str:
        return f"pkpd({self.how}, {[(e.target, e.ec50, r.pk, r.dose_mg, r.route, r.start_h, r.interval_h, r.doses, r.duration_h) for r, e in self.items]})"


def run(res: Resolved, *, progress: Callable[[float], None] | None = None, chunks: int = 20):  # noqa: ANN201
    """Simulate a resolved scenario; returns the labelled time course (xarray.Dataset)."""
    from ..analysis._api import _attrs, _dataset, _engine
    from ..compile._ir import compile_model
    from ..conditions import combine

    inputs, params = combine(res.conditions, None, res.model)
    model = res.model.with_parameters(params) if params else res.model
    compiled = compile_model(model, inputs)
    p = compiled.parameter_vector(model)
    # start on the healthy periodic orbit of the scenario's person (the balance reference: shipped for the
    # default model, found by shooting and cached otherwise); the conditions act from t = 0
    from ..balance import reference

    y0 = np.asarray(reference(res.model)["state"], dtype=float)
    eng = _engine(res.engine)
    t = res.times
    edges = np.unique(np.concatenate([[0], np.linspace(0, len(t) - 1, min(chunks, len(t) - 1) + 1).astype(int)]))
    ys = [y0[None, :]]
    y = y0
    for a, b in zip(edges[:-1], edges[1:], strict=True):
        seg = t[a:b + 1]
        ys_seg = eng.integrate(compiled, p, y, seg, t0=float(seg[0]))
        ys.append(ys_seg[1:])
        y = ys_seg[-1]
        if progress:
            progress(float(seg[-1]) / float(t[-1]))
    yy = np.vstack(ys)
    ds = _dataset(compiled, model, t, yy, p, _attrs(model, res.engine, inputs))
    ds.attrs["scenario"] = res.scenario.name
    return ds


def summary(res: Resolved, ds: Any) -> dict[str, Any]:
    """Per observable: unit, value at each report time, min, max, final; plus the reference range."""
    out: dict[str, Any] = {"scenario": res.scenario.name, "description": res.scenario.description,
                           "duration_h": res.hours, "report_times_h": res.report_times, "engine": res.engine,
                           "observables": {}}
    t = ds["time"].values
    for name in res.observables:
        v = ds[name].values
        o = res.model.observables[name]
        out["observables"][name] = {
            "unit": ds[name].attrs.get("units", o.display_unit),
            "at": {f"{x:g} h": float(np.interp(x, t, v)) for x in res.report_times},
            "min": float(np.min(v)), "max": float(np.max(v)), "final": float(v[-1]),
            "reference_range": list(o.reference_range) if o.reference_range else None,
        }
    return out
