"""Command-line interface (typer + rich).  Uses the public API only.

Every bad input ends in one line on stderr that names the problem and the fix, exit
code 2, and no partial output file.
"""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="neurobalance: simulate the brain's neurochemical balance state "
    "(research and teaching software; not medical advice).",
    pretty_exceptions_enable=False,
)
list_app = typer.Typer(help="List parameters, observables or genes.", no_args_is_help=True)
app.add_typer(list_app, name="list")
scenarios_app = typer.Typer(help="The scenario library.", no_args_is_help=True)
app.add_typer(scenarios_app, name="scenarios")
agents_app = typer.Typer(help="The intervention library: drugs, hormones, biologics, supplements.", no_args_is_help=True)
app.add_typer(agents_app, name="agents")

GeneOpt = Annotated[list[str] | None, typer.Option("--gene", help="gene factor SYMBOL=FACTOR (1 = reference, 0 = knockout); repeatable")]
SetOpt = Annotated[list[str] | None, typer.Option("--set", help="parameter NAME=VALUE in its declared unit; repeatable")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print machine-readable JSON")]
EngineOpt = Annotated[str, typer.Option("--engine", help="roadrunner (default), scipy or jax")]


class _Fail(Exception):
    """A user error already worded for the terminal."""


def _fail(message: str) -> None:
    raise _Fail(message)


def _guard(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn neurobalance errors into one line on stderr and exit code 2."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .._errors import NeurobalanceError

        try:
            return fn(*args, **kwargs)
        except (_Fail, NeurobalanceError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=2) from None
        except OSError as exc:  # a write that failed after the checks (disk full, removed directory)
            typer.echo(f"error: {exc.filename or 'output'}: {exc.strerror}; check the output path and free space",
                       err=True)
            raise typer.Exit(code=2) from None

    return wrapper


def _pairs(items: list[str] | None, option: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name or not value:
            _fail(f"{option} {item!r} is not NAME=VALUE; write it as e.g. {option} "
                  f"{'SLC6A4=0.5' if option == '--gene' else 'dopamine.vmax_th=125'}")
        try:
            v = float(value)
        except ValueError:
            _fail(f"{option} {name}: {value!r} is not a number; give a non-negative number")
        if not math.isfinite(v):
            _fail(f"{option} {name}: {value!r} is not finite; give a non-negative number")
        if v < 0:
            _fail(f"{option} {name}: {value} is negative; give a non-negative number")
        out[name] = v
    return out


def _conditions(items: list[str] | None) -> list:
    """Parse ``--condition NAME[:OPTION=VALUE,...]`` into condition objects."""
    from ..conditions import CONDITIONS, condition

    out = []
    for item in items or []:
        name, _, rest = item.partition(":")
        name = name.strip()
        opts: dict[str, object] = {}
        for part in filter(None, (x.strip() for x in rest.split(","))):
            key, sep, value = part.partition("=")
            if not sep or not key.strip() or not value.strip():
                _fail(f"--condition {item!r}: option {part!r} is not OPTION=VALUE; write e.g. "
                      f"--condition stress:kind=chronic,weeks=2")
            v: object = value.strip()
            try:
                v = float(str(v))
            except ValueError:
                pass
            opts[key.strip()] = v
        if name not in CONDITIONS:
            from .._errors import UnknownNameError

            raise UnknownNameError("condition", name, CONDITIONS, hint="list them with `neurobalance list conditions`")
        out.append(condition(name, **opts))
    return out


def _model(gene: list[str] | None, set_: list[str] | None):  # noqa: ANN202
    import neurobalance as nb

    m = nb.default_model()
    genes = _pairs(gene, "--gene")
    params = _pairs(set_, "--set")
    if genes:
        m = m.with_genes(genes)
    if params:
        m = m.with_parameters(params)
    return m


def _writable_dir(path: Path) -> Path:
    """Check (before any computation) that ``path`` is, or can become, a writable directory.

    Probes by creating and removing a temporary file, since permission bits do not tell the
    whole story (root, read-only or virtual file systems).  Creates nothing that remains.
    """
    path = path.expanduser()
    if path.exists() and not path.is_dir():
        _fail(f"--out {path}: exists and is not a directory; choose a directory path")
    probe = path
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        _fail(f"--out {path}: {probe} is a file, not a directory; choose a directory path")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".neurobalance-probe-", dir=probe)
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        _fail(f"--out {path}: cannot write in {probe} ({exc.strerror}); choose a directory you can write to")
    return path


def _make_dir(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"--out {path}: cannot create the directory ({exc.strerror}); choose a directory you can write to")


def _atomic_write_all(files: dict[Path, str]) -> None:
    """Write every file to a temporary name in its directory, then rename them all.

    Nothing is renamed unless every write succeeded, so a failure leaves no partial output.
    The files get the usual permissions (0666 minus the umask), not mkstemp's 0600.
    """
    umask = os.umask(0)
    os.umask(umask)
    done: list[tuple[str, Path]] = []
    try:
        for path, text in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            done.append((tmp, path))
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.chmod(tmp, 0o666 & ~umask)
        for tmp, path in done:
            os.replace(tmp, path)
    finally:
        for tmp, _ in done:
            Path(tmp).unlink(missing_ok=True)


def _atomic_write(path: Path, text: str) -> None:
    _atomic_write_all({path: text})


def _check_engine(engine: str) -> str:
    from ..backends._registry import BACKENDS

    if engine not in BACKENDS:
        from .._errors import UnknownNameError

        raise UnknownNameError("engine", engine, BACKENDS, hint="choose roadrunner, scipy or jax")
    return engine


@app.command()
@_guard
def simulate(
    hours: Annotated[float, typer.Option("--hours", help="duration in hours")] = 24.0,
    gene: GeneOpt = None,
    set_: SetOpt = None,
    out: Annotated[Path, typer.Option("--out", help="output directory")] = Path("out"),
    engine: EngineOpt = "roadrunner",
    points: Annotated[int | None, typer.Option("--points", help="number of output times")] = None,
    condition: Annotated[list[str] | None, typer.Option(
        "--condition", help="named condition NAME[:OPTION=VALUE,...], repeatable, e.g. "
        "endotoxin_challenge:dose_ng_per_kg=2 (see `neurobalance list conditions`)")] = None,
) -> None:
    """Simulate from the reference state (t = 0 h is midnight); write timecourse.csv and summary.json to --out."""
    import numpy as np

    import neurobalance as nb

    from .._errors import InvalidValueError
    from ..analysis import DISCLAIMER

    if not math.isfinite(hours) or hours <= 0:
        raise InvalidValueError("--hours", hours, "a positive, finite number of hours")
    _check_engine(engine)
    model = _model(gene, set_)
    conds = _conditions(condition)
    outdir = _writable_dir(out)
    ds = nb.simulate(model, hours, points=points, engine=engine, conditions=conds)  # type: ignore[arg-type]
    names = list(model.observables)
    t = ds["time"].values
    lines = ["time_h," + ",".join(names)]
    cols = np.column_stack([t] + [ds[n].values for n in names])
    lines += [",".join(f"{v:.10g}" for v in row) for row in cols]
    summary = {
        "disclaimer": DISCLAIMER,
        "hours": hours,
        "engine": engine,
        "parameters_changed": json.loads(ds.attrs["parameters_changed"]),
        "conditions": [{"name": c.name, "description": c.description} for c in conds],
        "observables": {
            n: {"unit": ds[n].attrs["units"], "final": float(ds[n].values[-1]), "min": float(ds[n].values.min()),
                "max": float(ds[n].values.max())}
            for n in names
        },
    }
    _make_dir(outdir)
    _atomic_write_all({outdir / "timecourse.csv": "\n".join(lines) + "\n",
                       outdir / "summary.json": json.dumps(summary, indent=2) + "\n"})
    typer.echo(f"wrote {outdir / 'timecourse.csv'} and {outdir / 'summary.json'} ({len(t)} times, {len(names)} observables)")


@app.command("steady-state")
@_guard
def steady_state_cmd(
    gene: GeneOpt = None,
    set_: SetOpt = None,
    json_: JsonOpt = False,
    engine: EngineOpt = "roadrunner",
) -> None:
    """Steady state of the model (Newton with integration fallback) and its stability."""
    import neurobalance as nb

    _check_engine(engine)
    model = _model(gene, set_)
    ss = nb.steady_state(model, engine=engine)  # type: ignore[arg-type]
    obs = {n: {"value": float(ss[n]), "unit": ss[n].attrs["units"]} for n in model.observables}
    if json_:
        typer.echo(json.dumps({"observables": obs, "stable": bool(ss.attrs["stable"]),
                               "max_real_eigenvalue_per_h": ss.attrs["max_real_eigenvalue_per_h"],
                               "method": ss.attrs["method"]}, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Steady state (model output, not medical advice)")
    for col in ("observable", "value", "unit", "reference range"):
        table.add_column(col)
    for n, v in obs.items():
        rr = ss[n].attrs.get("reference_range")
        flag = ""
        if rr:
            flag = f"{rr[0]:g}–{rr[1]:g}" + ("" if rr[0] <= v["value"] <= rr[1] else "  (outside)")
        table.add_row(n, f"{v['value']:.4g}", v["unit"], flag)
    console = Console()
    console.print(table)
    console.print(f"stable: {bool(ss.attrs['stable'])} (largest eigenvalue real part "
                  f"{ss.attrs['max_real_eigenvalue_per_h']:.3g} h⁻¹); method: {ss.attrs['method']}")


@list_app.command("parameters")
@_guard
def list_parameters(json_: JsonOpt = False) -> None:
    """Every parameter with value, unit, meaning and source."""
    import neurobalance as nb

    m = nb.default_model()
    rows = [{"name": p.name, "value": p.value, "unit": p.unit, "description": p.desc, "source": p.source,
             "locator": p.locator, "basis": p.basis, "provenance": p.provenance,
             "range": list(p.range) if p.range else None} for p in m.parameters.values()]
    _emit(rows, json_, ("name", "value", "unit", "source", "description"))


@list_app.command("observables")
@_guard
def list_observables(json_: JsonOpt = False) -> None:
    """Every observable with its display unit and reference range."""
    import neurobalance as nb

    m = nb.default_model()
    rows = [{"name": o.name, "unit": o.display_unit, "description": o.desc,
             "reference_range": list(o.reference_range) if o.reference_range else None,
             "range_source": o.range_source, "range_note": o.range_note} for o in m.observables.values()]
    _emit(rows, json_, ("name", "unit", "reference_range", "description"))


@list_app.command("conditions")
@_guard
def list_conditions(json_: JsonOpt = False) -> None:
    """Named conditions for `simulate --condition` with their options and defaults."""
    from ..conditions import describe

    rows = [{"name": n, "options": o, "description": d} for n, o, d in describe()]
    _emit(rows, json_, ("name", "options", "description"))


@list_app.command("genes")
@_guard
def list_genes(json_: JsonOpt = False) -> None:
    """Gene-dose factors (HGNC symbols) and what they scale."""
    import neurobalance as nb

    m = nb.default_model()
    rows = [{"symbol": g.symbol, "description": g.desc, "parameter": g.parameter_name} for g in m.genes.values()]
    _emit(sorted(rows, key=lambda r: r["symbol"]), json_, ("symbol", "description"))


def _emit(rows: list[dict], as_json: bool, cols: tuple[str, ...]) -> None:
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for c in cols:
        table.add_column(c)
    for r in rows:
        table.add_row(*("" if r[c] is None else str(r[c]) for c in cols))
    Console().print(table)


@app.command()
@_guard
def validate(
    fast: Annotated[bool, typer.Option("--fast", help="run the fast subset (what CI runs)")] = False,
    json_: JsonOpt = False,
    target: Annotated[list[str] | None, typer.Option("--target", help="run only these IDs; repeatable")] = None,
    list_: Annotated[bool, typer.Option("--list", help="list target IDs and exit")] = False,
) -> None:
    """Run the published validation targets and print expected vs got."""
    from ..validation import NOT_REPRODUCED, SKIPPED, all_targets, run_targets

    if list_:
        for t in all_targets().values():
            typer.echo(f"{t.id}\t{'fast' if t.fast else 'slow'}\t{t.system}: {t.setup}")
        return
    results = run_targets(target, fast=fast)
    n_pass = sum(r.passed for r in results)
    n_skip = sum(bool(r.skipped) for r in results)
    n_fail = sum(r.failed for r in results)
    if json_:
        typer.echo(json.dumps({"passed": n_pass, "failed": n_fail, "skipped_here": n_skip, "total": len(results),
                               "optional_not_implemented": SKIPPED, "required_not_reproduced": NOT_REPRODUCED,
                               "targets": [r.as_dict() for r in results]}, indent=2))
    else:
        from rich.console import Console
        from rich.table import Table

        title = f"Validation: {n_pass}/{len(results)} targets pass" + (f", {n_skip} skipped" if n_skip else "")
        table = Table(title=title)
        for c in ("target", "check", "expected", "got", "pass"):
            table.add_column(c)
        for r in results:
            if r.error:
                table.add_row(r.target.id, "error", "", r.error[:80], "[red]FAIL[/red]")
            if r.skipped:
                table.add_row(r.target.id, "skipped", "", r.skipped[:80], "[yellow]skip[/yellow]")
            for c in r.checks:
                table.add_row(r.target.id, c.label, c.expected, f"{c.got:.4g} {c.unit}".strip(),
                              "[green]pass[/green]" if c.passed else "[red]FAIL[/red]")
        console = Console(width=max(120, Console().width))
        console.print(table)
        for k, v in SKIPPED.items():
            console.print(f"not implemented (optional) {k}: {v}")
        for k, v in NOT_REPRODUCED.items():
            console.print(f"[yellow]not reproduced (required) {k}[/yellow]: {v}")
    if n_fail:
        raise typer.Exit(code=1)


@app.command("export-sbml")
@_guard
def export_sbml(
    out: Annotated[Path, typer.Argument(help="output SBML file (.xml)")],
    gene: GeneOpt = None,
    set_: SetOpt = None,
) -> None:
    """Export the model (at the given genes/parameters) as SBML L3V2 with MIRIAM annotations."""
    from ..compile import compile_model
    from ..compile._render_sbml import to_sbml

    model = _model(gene, set_)
    out = out.expanduser()
    if out.is_dir():
        _fail(f"{out} is a directory; give a file name such as model.xml")
    if not out.parent.exists():
        _fail(f"{out.parent} does not exist; create the directory first or choose another path")
    if not out.parent.is_dir():
        _fail(f"{out.parent} is a file, not a directory; choose a path inside a directory")
    _writable_dir(out.parent)
    compiled = compile_model(model)
    _atomic_write(out, to_sbml(compiled, tuple(compiled.parameter_vector(model))))
    typer.echo(f"wrote {out}")


@app.command()
@_guard
def cite() -> None:
    """BibTeX of every source the model uses."""
    import neurobalance as nb

    from ..model._references import bibtex

    typer.echo(bibtex(set(nb.default_model().structure.references)))


@app.command()
@_guard
def demo(
    days: Annotated[float, typer.Option("--days", help="simulated days")] = 7.0,
    out: Annotated[Path, typer.Option("--out", help="output directory")] = Path("demo_output"),
) -> None:
    """Bundled example: chronic stress (cortisol → TDO) and endotoxin (IDO1) against a control; table and plot."""
    from .demo import run_demo

    if not math.isfinite(days) or days <= 0 or days > 365:
        _fail(f"--days {days}: give a number of days in (0, 365]")
    run_demo(days, _writable_dir(out))


@app.command("run")
@_guard
def run_cmd(
    scenario: Annotated[str, typer.Argument(help="a scenario .toml file or a library name (`scenarios list`)")],
    out: Annotated[Path | None, typer.Option("--out", help="output directory (default: ./runs/NAME)")] = None,
    engine: Annotated[str | None, typer.Option("--engine", help="roadrunner, scipy or jax (default: the file's)")] = None,
    json_: JsonOpt = False,
) -> None:
    """Run a scenario: timecourse.csv, summary.json, scenario.toml, plots and report.html."""
    from ..scenarios import load, run, summary
    from ..scenarios._report import DISCLAIMER, write_outputs

    if engine is not None:
        _check_engine(engine)
    res = load(scenario, engine=engine)
    _check_engine(res.engine)
    target = _writable_dir(out if out is not None else Path("runs") / res.scenario.name)
    if json_:
        ds = run(res)
    else:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task(f"{res.scenario.name} ({res.hours:g} h)", total=1.0)
            ds = run(res, progress=lambda f: bar.update(task, completed=f))
    from ..scenarios._report import balance_summary

    summ = summary(res, ds)
    summ["balance"] = balance_summary(res, ds)
    write_outputs(target, res, ds, summ)
    if json_:
        typer.echo(json.dumps(summ, indent=1))
        return
    typer.echo(f"{res.scenario.name}: {res.scenario.description}")
    typer.echo(DISCLAIMER)
    key = [n for n in ("serotonin.extracellular", "dopamine.extracellular", "hpa.cortisol", "precursors.plasma_trp",
                       "kynurenine.plasma_kyn", "gaba.tissue_gaba", "glutamate.nmda_drive",
                       "receptors.ht1a_auto_sensitivity") if n in summ["observables"]]
    from rich.console import Console
    from rich.table import Table

    table = Table(title="key observables")
    table.add_column("observable")
    table.add_column("unit")
    times = list(next(iter(summ["observables"].values()))["at"]) if summ["observables"] else []
    for t in times:
        table.add_column(t)
    for n in key:
        o = summ["observables"][n]
        table.add_row(n, o["unit"], *(f"{o['at'][t]:.4g}" for t in times))
    Console().print(table)
    if summ["balance"]:
        b = summ["balance"]
        typer.echo(f"balance index at the end: {b['index']:.3f} (0 = healthy reference) — " + ", ".join(
            f"{a} {v:.2f}" for a, v in b["axes"].items()))
    typer.echo(f"outputs: {target}/ (timecourse.csv, summary.json, scenario.toml, plot_*.png, report.html)")


@app.command("balance")
@_guard
def balance_cmd(
    scenario: Annotated[str, typer.Argument(help="a scenario .toml file or a library name")],
    resilience: Annotated[bool, typer.Option("--resilience/--no-resilience",
                                             help="also the recovery after an acute stressor and an endotoxin challenge")] = True,
    json_: JsonOpt = False,
) -> None:
    """Balance index (overall and per axis) of a scenario's end state, its time course, and resilience."""
    import numpy as np

    from .. import balance as B
    from ..scenarios import load, run

    res = load(scenario)
    if res.scenario.outputs.observables is not None:
        res.observables = list(dict.fromkeys([*res.observables, *B.NEEDED]))
    ds = run(res)
    end = B.index(ds)
    tc = B.time_course(ds, step=24.0) if res.hours >= 24.0 else None
    out = {"scenario": res.scenario.name, **end.as_dict(),
           "reference": {"floquet_multipliers_abs": B.reference(res.model)["floquet_abs"][:5],
                         "stable": bool(max(B.reference(res.model)["floquet_abs"]) < 1.0)},
           "time_course": None if tc is None else {k: [round(float(x), 5) for x in v] for k, v in tc.items()}}
    if resilience:  # from the state at the run's last midnight (the perturbations are timed by the clock)
        t = ds["time"].values
        k = int(np.argmin(np.abs(t - 24.0 * math.floor(t[-1] / 24.0 + 1e-9))))
        out["resilience"] = B.resilience(res.model, np.maximum(ds.state_value.values[k], 0.0))
    if json_:
        typer.echo(json.dumps(out, indent=1))
        return
    typer.echo(f"{res.scenario.name}: balance index {end.overall:.3f} at the end (0 = healthy reference)")
    typer.echo(B.DISCLAIMER)
    for a, v in end.axes.items():
        typer.echo(f"  {a:24s} {v:6.3f}")
    worst = sorted(end.z.items(), key=lambda kv: -abs(kv[1]))[:5]
    typer.echo("  largest deviations: " + "; ".join(f"{k} {v:+.2f} SD" for k, v in worst))
    if resilience:
        r = out["resilience"]
        typer.echo(f"  slowest recovery rates of the reference (1/day): {', '.join(f'{x:.3g}' for x in r['recovery_rates_per_day'])}")
        for k in ("acute stressor", "endotoxin"):
            typer.echo(f"  after an {k}: peak index change {r[k]['peak_index_change']:.3f}, back within 10 % of it after "
                       f"{r[k]['recovery_days']:.2f} days" + ("" if r[k]["recovered"] else " (not within the 21 days)"))


@app.command("restore")
@_guard
def restore_cmd(
    scenario: Annotated[str, typer.Argument(help="a scenario .toml file or a library name")],
    agents: Annotated[str | None, typer.Option("--agents", help="comma-separated candidates (default: all admissible)")] = None,
    max_agents: Annotated[int, typer.Option("--max-agents", help="largest number of agents combined (1–3)")] = 2,
    horizon: Annotated[str | None, typer.Option("--horizon", help='evaluation horizon, e.g. "8 weeks" (default: the scenario duration)')] = None,
    seed: Annotated[int, typer.Option("--seed", help="seed of the combination search")] = 0,
    budget: Annotated[int, typer.Option("--budget", help="evaluations per search (bounds the run time)")] = 12,
    json_: JsonOpt = False,
) -> None:
    """Search doses and combinations of interventions that minimise the balance index plus a burden penalty."""
    from ..restore import plan

    if budget < 3 or budget > 200:
        _fail(f"--budget {budget}: give 3 to 200 evaluations per search")
    names = [a.strip() for a in agents.split(",") if a.strip()] if agents else None
    from .._errors import UnknownNameError
    from ..restore import CANDIDATES
    from ..scenarios import load

    known = {c.agent for c in CANDIDATES}
    for a in names or ():
        if a not in known:
            raise UnknownNameError("planner agent", a, known, hint="candidates: " + ", ".join(sorted(known)))
    load(scenario)  # bad files fail here, before any progress output
    if json_:
        rep = plan(scenario, agents=names, max_agents=max_agents, seed=seed, budget=budget, horizon=horizon)
        typer.echo(json.dumps(rep, indent=1))
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True) as bar:
        task = bar.add_task("planning", total=None)
        rep = plan(scenario, agents=names, max_agents=max_agents, seed=seed, budget=budget, horizon=horizon,
                   progress=lambda s: bar.update(task, description=s))
    typer.echo(f"{rep['scenario']}: restoration plans (objective = balance index + {rep['burden_weight']} × burden)")
    typer.echo("A model output for research and teaching — not a treatment recommendation.")
    for label in ("no_intervention", "best_single", "best"):
        r = rep[label]
        p = ", ".join(f"{a} {v['daily']:.4g} {v['unit']}" for a, v in r["plan"].items()) or "none"
        typer.echo(f"  {label.replace('_', ' '):16s} {p}: index {r.get('index_at_horizon', r['surrogate_index']):.3f}, "
                   f"objective {r.get('objective_at_horizon', r['objective']):.3f}"
                   + ("" if r["converged"] else " (not converged)"))
    if "surrogate_best" in rep:
        r = rep["surrogate_best"]
        p = ", ".join(f"{a} {v['daily']:.4g} {v['unit']}" for a, v in r["plan"].items())
        typer.echo(f"  (the surrogate preferred {p}, but the full run gives index {r['index_at_horizon']:.3f}, "
                   f"objective {r['objective_at_horizon']:.3f})")
    typer.echo("  a multi-target plan beats the best single agent: " + ("yes" if rep["multi_target_beats_single"] else "no"))


@app.command("population")
@_guard
def population_cmd(
    scenario: Annotated[str, typer.Argument(help="a scenario .toml file or a library name")],
    n: Annotated[int, typer.Option("--n", help="number of subjects")] = 100,
    seed: Annotated[int, typer.Option("--seed", help="seed of the subject draws")] = 0,
    engine: Annotated[str, typer.Option("--engine", help="roadrunner (CPU pool) or jax (batched; CPU or GPU)")] = "roadrunner",
    workers: Annotated[int | None, typer.Option("--workers", help="processes (default: all cores); with no --scheduler a "
                                                 "local process pool, with --scheduler local a local Dask cluster")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="address of a running Dask scheduler "
                                                   "(tcp://host:8786), or 'local' to start a local cluster")] = None,
    sigma: Annotated[float, typer.Option("--sigma", help="log-normal spread of kinetic parameters (0.05 = 5 % CV)")] = 0.05,
    parameters: Annotated[Path | None, typer.Option("--parameters", help="TOML file of parameter distributions "
                                                    "([parameters] name = {sigma = 0.2} or {low = .., high = ..})")] = None,
    chunk: Annotated[int | None, typer.Option("--chunk", help="subjects per chunk (default 32 on the CPU pool, 256 with jax)")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="output directory (default: ./populations/NAME)")] = None,
    resume: Annotated[bool, typer.Option("--resume/--no-resume", help="resume an unfinished run in --out (default) or "
                                         "overwrite it")] = True,
    threshold: Annotated[float, typer.Option("--threshold", help="balance index above which a subject counts as out of balance")] = 2.0,
    observables: Annotated[str | None, typer.Option("--observables", help="comma-separated observables to store, or 'all' "
                                                    "(default: key observables and the scenario's own list)")] = None,
    interval: Annotated[str | None, typer.Option("--interval", help='output interval, e.g. "3 h" (default: the scenario\'s, '
                                                 'at least 1/200 of the run, at most 3 h)')] = None,
    json_: JsonOpt = False,
) -> None:
    """Simulate a virtual population through a scenario: a Zarr store, summary.json, plots and report.html."""
    from .. import population as P
    from ..scenarios import load

    if not math.isfinite(threshold) or threshold <= 0:
        _fail(f"--threshold {threshold}: give a positive balance index, e.g. 2")
    if workers is not None and workers < 1:
        _fail(f"--workers {workers}: give at least 1 process")
    res = load(scenario)
    obs: Any = None
    if observables is not None:
        obs = "all" if observables.strip() == "all" else [o.strip() for o in observables.split(",") if o.strip()]
    step = None
    if interval is not None:
        from ..scenarios._schema import parse_time

        step = parse_time(interval, "--interval")
    spec = P.spec(scenario, n, seed=seed, sigma=sigma, engine=engine, chunk=chunk, parameters_file=parameters,
                  observables=obs, interval_h=step)
    target = _writable_dir(out if out is not None else Path("populations") / res.scenario.name)
    store = target / "population.zarr"
    if json_:
        info = P.run(spec, store, workers=workers, scheduler=scheduler, resume=resume)
    else:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task(f"{res.scenario.name}: {n} subjects", total=len(spec.chunks))
            info = P.run(spec, store, workers=workers, scheduler=scheduler, resume=resume,
                         progress=lambda d, t: bar.update(task, completed=d, total=t))
    from ..population_report import write_report

    summ = write_report(target, store, threshold=threshold)
    summ["run"] = info
    if json_:
        typer.echo(json.dumps(summ, indent=1))
        return
    typer.echo(f"{res.scenario.name}: {n} subjects ({info['computed']} chunks computed, {info['skipped']} resumed) in "
               f"{info['seconds']:.1f} s → {target}")
    typer.echo("status: " + ", ".join(f"{k} {v}" for k, v in summ["status"].items()))
    if "index" in summ:
        i = summ["index"]
        lo, hi = summ["out_of_balance_ci95"]
        typer.echo(f"balance index at the end: median {i['median']:.2f} (5–95 %: {i['p5']:.2f}–{i['p95']:.2f}); "
                   f"out of balance (> {threshold:g}): {100 * summ['out_of_balance_fraction']:.1f} % "
                   f"(95 % CI {100 * lo:.1f}–{100 * hi:.1f} %)")
    typer.echo("Model output for research and teaching — not a diagnosis, not medical advice.")


@app.command("sensitivity")
@_guard
def sensitivity_cmd(
    scenario: Annotated[str, typer.Argument(help="a scenario .toml file or a library name")],
    method: Annotated[str, typer.Option("--method", help="morris (screening) or sobol (variance-based)")] = "morris",
    outputs: Annotated[str, typer.Option("--outputs", help="comma-separated: observables (final value; NAME@mean for "
                                         "the run mean), 'balance' or 'balance:AXIS'")] = "balance",
    factors: Annotated[str | None, typer.Option("--factors", help="comma-separated genes or parameters (default: every gene)")] = None,
    n: Annotated[int, typer.Option("--n", help="Morris trajectories, or Sobol base samples (a power of two)")] = 8,
    spread: Annotated[float, typer.Option("--spread", help="each factor varies from value/spread to value×spread")] = 2.0,
    seed: Annotated[int, typer.Option("--seed", help="seed of the design")] = 0,
    engine: Annotated[str, typer.Option("--engine", help="roadrunner (CPU pool) or jax")] = "roadrunner",
    workers: Annotated[int | None, typer.Option("--workers", help="processes (default: all cores)")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address, or 'local'")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="output directory (default: ./sensitivity/NAME)")] = None,
    json_: JsonOpt = False,
) -> None:
    """Global sensitivity (SALib) of observables or the balance index to genes and parameters."""
    from ..scenarios import load
    from ..sensitivity import analyse, write
    from ..sensitivity import factors as check_factors

    res = load(scenario)
    names = [x.strip() for x in factors.split(",") if x.strip()] if factors else None
    check_factors(res.model, names)
    outs = [x.strip() for x in outputs.split(",") if x.strip()]
    target = _writable_dir(out if out is not None else Path("sensitivity") / res.scenario.name)
    kw = dict(method=method, outputs=outs, names=names, n=n, spread=spread, seed=seed, engine=engine, workers=workers,
              scheduler=scheduler)
    if json_:
        rep = analyse(scenario, **kw)
    else:
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task(f"{res.scenario.name}: {method}", total=None)
            rep = analyse(scenario, progress=lambda d, t: bar.update(task, completed=d, total=t), **kw)
    write(rep, target)
    if json_:
        typer.echo(json.dumps(rep, indent=1))
        return
    typer.echo(f"{rep['scenario']}: {method}, {rep['runs']} runs ({rep['failed_runs']} failed) → {target}")
    for label, o in rep["outputs"].items():
        typer.echo(f"  {label}:")
        for r in o["ranking"][:10]:
            if method == "morris":
                typer.echo(f"    {r['factor']:28s} μ* {r['mu_star']:.3g} ± {r['mu_star_conf']:.2g}   σ {r['sigma']:.3g}")
            else:
                typer.echo(f"    {r['factor']:28s} ST {r['ST']:.3f} ± {r['ST_conf']:.3f}   S1 {r['S1']:.3f} ± {r['S1_conf']:.3f}")
    typer.echo("Model output for research and teaching — not medical advice.")


@scenarios_app.command("list")
@_guard
def scenarios_list(json_: JsonOpt = False) -> None:
    """Scenarios shipped with the package."""
    from ..scenarios import library, load

    rows = []
    for name in library():
        r = load(name)
        rows.append({"name": name, "duration": r.scenario.duration, "description": r.scenario.description})
    _emit(rows, json_, ("name", "duration", "description"))


@scenarios_app.command("show")
@_guard
def scenarios_show(name: Annotated[str, typer.Argument(help="library name or file")]) -> None:
    """Print a scenario after `extends` is applied."""
    from ..scenarios import load

    typer.echo(load(name).resolved_toml(), nl=False)


@agents_app.command("list")
@_guard
def agents_list(json_: JsonOpt = False) -> None:
    """Every agent with its kind, routes and typical dose."""
    from ..agents import AGENTS, LIFESTYLE, NOT_YET

    rows = [{"name": a.name, "kind": a.kind, "routes": ", ".join(a.routes), "typical": a.typical,
             "targets": ", ".join(e.target for e in a.effects) or (", ".join(a.direct.inputs.values()) if a.direct else ""),
             "description": a.description} for a in AGENTS.values()]
    rows += [{"name": x.name, "kind": "lifestyle", "routes": "", "typical": x.typical, "targets": x.condition,
              "description": x.description} for x in LIFESTYLE.values()]
    rows += [{"name": k, "kind": "planned", "routes": "", "typical": "", "targets": "", "description": v}
             for k, v in NOT_YET.items()]
    _emit(rows, json_, ("name", "kind", "routes", "typical", "targets"))


@agents_app.command("show")
@_guard
def agents_show(name: Annotated[str, typer.Argument(help="agent name")], json_: JsonOpt = False) -> None:
    """Doses, targets, PK/PD parameters and sources of one agent."""
    import dataclasses as dc

    from ..agents import LIFESTYLE, agent

    if name.strip().lower() in LIFESTYLE:
        x = LIFESTYLE[name.strip().lower()]
        if json_:
            typer.echo(json.dumps(dc.asdict(x), indent=1))
        else:
            typer.echo(f"{x.name} (lifestyle): {x.description}")
            typer.echo(f"  changes the {x.condition!r} condition ({x.input}); typical: {x.typical}; {x.source}")
        return
    a = agent(name)
    d = dc.asdict(a)
    if a.pk is not None:
        d["pk"]["half_life_h"] = round(a.pk.half_life, 3)
    if json_:
        typer.echo(json.dumps(d, indent=1, default=str))
        return
    typer.echo(f"{a.name} ({a.kind}): {a.description}")
    typer.echo(f"  routes: {', '.join(a.routes)}; typical: {a.typical}; largest accepted single dose {a.max_dose_mg:g} mg")
    if a.pk is not None:
        p = a.pk
        typer.echo(f"  PK: MW {p.mw:g} g/mol, CL {p.cl:.4g} L/h, V {p.v:g} L, t½ {p.half_life:.3g} h, F {p.f:g}, "
                   f"ka {p.ka:g}/h" + (f"; metabolite {p.metabolite.name} (fm {p.metabolite.fm:g}, t½ "
                                      f"{p.metabolite.half_life:.3g} h)" if p.metabolite else ""))
        typer.echo(f"  PK source: {a.pk_source}")
    for e in a.effects:
        if e.target.startswith("plasma "):
            typer.echo(f"  acts as: {e.target} (the plasma concentration enters the terminal by LAT1)")
            continue
        typer.echo(f"  PD: {e.target}: EC50 {e.ec50:g} ng/mL, θmax {e.theta_max:g}, Hill {e.hill:g}"
                   + (f", metabolite potency {e.metabolite_potency:g}" if e.metabolite_potency else "")
                   + (f", k_inact,max {e.rate_max:g}/h" if e.rate_max else ""))
        typer.echo(f"      basis: {e.basis}; source: {e.source}")
    if a.direct is not None:
        typer.echo(f"  acts through model inputs {dict(a.direct.inputs)}: {a.direct.note}")


def version_callback(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"neurobalance {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                          help="print the version")] = False,
) -> None:
    """neurobalance command-line interface."""


def main() -> None:
    app(prog_name="neurobalance")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
