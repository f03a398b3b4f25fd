#!/usr/bin/env python
"""neurobalance performance report: our engines and analyses against their peers.

Measures, in one run and on one machine (so the ratios are meaningful):

1. a 30-day (720 h) simulation of ``default_model()`` (the whole-body model: 72 states, 158 fluxes)
   with hourly output (721 points):
   ``nb.simulate`` end to end (from the steady state, and from the model's initial values),
   our roadrunner backend's ``integrate`` alone, raw libRoadRunner on the exported SBML with
   the same tolerances, SciPy LSODA (our scipy backend) and JAX/diffrax (compile and run
   separately);
2. one steady state (under the daily-mean HPA drive): our Newton core, ``nb.steady_state`` end to
   end, and roadrunner's ``steadyState()`` with conserved-moiety analysis on the same equations;
3. cold start of ``neurobalance steady-state --json`` and of ``import neurobalance``;
4. peak memory (max RSS) of ``neurobalance simulate --hours 720``.

It writes every sample to a JSON file and prints a table with value, peer, ratio, goal and
whether the goal is met.  It never asserts: this is a report, not a test.

    python benchmarks/bench.py --out bench.json            # full (~1 min on 2 cores)
    python benchmarks/bench.py --quick --out /tmp/b.json   # smoke run
"""

from __future__ import annotations

import argparse
import datetime as _dt
import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
HOURS = 720.0
POINTS = 721
RTOL, ATOL, MAX_STEPS = 1e-9, 1e-12, 200_000  # what our roadrunner engine uses
GOALS = {
    "sim_ratio": 1.2,  # ours / raw roadrunner
    "newton_ms": 2.0,
    "cli_cold_s": 2.0,
    "peak_rss_mb": 300.0,
}

perf = time.perf_counter


# --------------------------------------------------------------------------- timing helpers
def _stats(samples: list[float], **extra: Any) -> dict[str, Any]:
    return {"median_s": statistics.median(samples), "min_s": min(samples), "max_s": max(samples),
            "samples_s": samples, "repeats": len(samples), **extra}


class Group:
    """Candidates timed in interleaved rounds, so that machine noise hits them alike.

    ``add`` calls the candidate once at once (reported as ``first_call_s``).  ``run`` sizes
    each sample like ``timeit``'s autorange (``number`` calls lasting about ``min_time``),
    then takes ``repeats`` rounds; in each round every candidate takes one sample, the
    calls of all candidates interleaved evenly.  A sample is the mean per-call time of
    ``number`` calls; ``setup`` runs before every call, outside the timed region.  Ratios between members of one group are
    also reported as the median of per-round (paired) ratios.
    """

    def __init__(self) -> None:
        self.members: dict[str, tuple[Callable[[], Any], Callable[[], Any] | None, float]] = {}

    def add(self, name: str, fn: Callable[[], Any], setup: Callable[[], Any] | None = None) -> Any:
        if setup:
            setup()
        t0 = perf()
        out = fn()
        self.members[name] = (fn, setup, perf() - t0)
        return out

    def _call(self, fn: Callable[[], Any], setup: Callable[[], Any] | None) -> float:
        if setup:
            setup()
        t0 = perf()
        fn()
        return perf() - t0

    def run(self, repeats: int, min_time: float, max_number: int = 200) -> dict[str, dict[str, Any]]:
        numbers = {}
        for name, (fn, setup, _) in self.members.items():
            self._call(fn, setup)  # warm-up
            once = min(self._call(fn, setup) for _ in range(2))
            numbers[name] = max(1, min(max_number, int(min_time / once) if once > 0 else max_number))
        samples: dict[str, list[float]] = {n: [] for n in self.members}
        names = list(self.members)
        # within a round, the calls of all members are spread evenly over the round
        # (fine-grained interleaving), so slow drifts of the machine hit every member alike
        for r in range(repeats):
            events = sorted(((k + 0.5) / numbers[n], (i + r) % len(names), n)
                            for i, n in enumerate(names) for k in range(numbers[n]))
            acc = dict.fromkeys(names, 0.0)
            for _, _, name in events:
                fn, setup, _ = self.members[name]
                acc[name] += self._call(fn, setup)
            for n in names:
                samples[n].append(acc[n] / numbers[n])
        return {n: _stats(samples[n], number=numbers[n], first_call_s=self.members[n][2]) for n in names}


def paired_ratio(a: dict[str, Any] | None, b: dict[str, Any] | None) -> float | None:
    """Median of per-round ratios of two members of one `Group` (None if not paired)."""
    if not a or not b or "samples_s" not in a or "samples_s" not in b or len(a["samples_s"]) != len(b["samples_s"]):
        return None
    return statistics.median(x / y for x, y in zip(a["samples_s"], b["samples_s"], strict=True))


def max_rel_diff(a: np.ndarray, b: np.ndarray, floor: float = 1e-9) -> float:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), floor)))


def _safe(section: str, results: dict[str, Any], fn: Callable[[], Any]) -> None:
    """Run one benchmark section; record an error instead of stopping the report."""
    t0 = perf()
    try:
        fn()
    except Exception as exc:  # noqa: BLE001 - a report keeps going
        results.setdefault("errors", {})[section] = f"{type(exc).__name__}: {exc}"
        print(f"[bench] {section} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        traceback.print_exc()
    print(f"[bench] {section}: {perf() - t0:.1f} s", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- machine info
def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _git() -> dict[str, Any]:
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip() != ""
        return {"commit": commit or None, "dirty": dirty}
    except (OSError, subprocess.SubprocessError):
        return {"commit": None, "dirty": None}


def machine_info() -> dict[str, Any]:
    import neurobalance

    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = None
    return {
        "date": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "python_executable": sys.executable,
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_model": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "cpu_affinity": affinity,
        "neurobalance": neurobalance.__version__,
        "neurobalance_path": str(Path(neurobalance.__file__).parent),
        "git": _git(),
        "versions": {d: _version(d) for d in ("libroadrunner", "jax", "jaxlib", "diffrax", "equinox", "numpy",
                                              "scipy", "sympy", "xarray", "pint", "python-libsbml")},
    }


# --------------------------------------------------------------------------- 1 + 2: in-process
class Ctx:
    def __init__(self) -> None:
        t0 = perf()
        import neurobalance as nb
        from neurobalance.compile import compile_model

        self.nb = nb
        self.import_s = perf() - t0
        t0 = perf()
        self.model = nb.default_model()
        self.default_model_s = perf() - t0
        t0 = perf()
        self.c = compile_model(self.model)
        self.compile_s = perf() - t0
        self.p = self.c.parameter_vector(self.model)
        self.y0 = self.c.initial_state(self.p)
        # code generation (cached on the compiled model): done here so first calls below exclude it
        t0 = perf()
        _ = self.c.rhs, self.c.flux_function, self.c.observable_function
        self.codegen_s = perf() - t0
        self.times = np.linspace(0.0, HOURS, POINTS)
        self.ref: np.ndarray | None = None  # our roadrunner trajectory from y0


def _sbml_ids(ctx: Ctx) -> list[str]:
    try:
        from neurobalance.compile._render_sbml import sbml_id
    except ImportError:  # pragma: no cover
        def sbml_id(n: str) -> str:
            return n.replace(".", "__")
    return [sbml_id(n) for n in ctx.c.state_names]


def _raw_roadrunner(ctx: Ctx, *, tolerances: bool, compiled: Any = None):  # noqa: ANN202
    import roadrunner

    from neurobalance.compile._render_sbml import to_sbml

    sbml = to_sbml(compiled if compiled is not None else ctx.c, tuple(ctx.p))
    t0 = perf()
    rr = roadrunner.RoadRunner(sbml)
    load_s = perf() - t0
    if tolerances:
        integ = rr.integrator
        integ.relative_tolerance = RTOL
        for sid in rr.model.getFloatingSpeciesIds():
            integ.setIndividualTolerance(sid, ATOL)
        integ.maximum_num_steps = MAX_STEPS
    return rr, load_s, len(sbml)


def bench_simulation(ctx: Ctx, repeats: int, min_time: float, jax_on: bool, res: dict[str, Any]) -> None:
    from neurobalance.backends import get_backend

    nb, m, c, p, y0, times = ctx.nb, ctx.model, ctx.c, ctx.p, ctx.y0, ctx.times
    sim: dict[str, Any] = res.setdefault("simulation_720h", {"hours": HOURS, "points": POINTS})
    meta: dict[str, dict[str, Any]] = {}
    group = Group()

    # (b) our roadrunner backend, integrate only (first call renders SBML, loads and JITs it)
    def b_rr() -> None:
        be = get_backend("roadrunner")
        ctx.ref = group.add("ours_backend_integrate", lambda: be.integrate(c, p, y0, times))
        meta["ours_backend_integrate"] = {"note": "first_call_s includes SBML rendering, loading and JIT"}

    _safe("sim.ours_backend_integrate.setup", res, b_rr)

    # (c) raw roadrunner on the exported SBML with the same tolerances
    def c_raw() -> None:
        rr, load_s, nchar = _raw_roadrunner(ctx, tolerances=True)
        out = group.add("raw_roadrunner_simulate", lambda: rr.simulate(0, HOURS, POINTS), setup=rr.resetAll)
        cols = list(out.colnames)
        raw = np.asarray(out)[:, [cols.index(f"[{s}]") for s in _sbml_ids(ctx)]]
        meta["raw_roadrunner_simulate"] = {
            "load_s": load_s, "sbml_chars": nchar,
            "note": "resetAll() before every call, outside the timed region; load_s may hit roadrunner's "
                    "in-memory cache of the same SBML (our backend loaded it first)"}

        def reset_and_sim() -> None:
            rr.resetAll()
            rr.simulate(0, HOURS, POINTS)

        group.add("raw_roadrunner_reset_and_simulate", reset_and_sim)
        if ctx.ref is not None:
            sim["agreement_ours_vs_raw_max_rel"] = max_rel_diff(ctx.ref, raw)

    _safe("sim.raw_roadrunner.setup", res, c_raw)

    # (a) nb.simulate end to end: from model initial values and from the steady state (default)
    def a_sim() -> None:
        run = lambda **kw: nb.simulate(m, HOURS, points=POINTS, engine="roadrunner", **kw)  # noqa: E731
        ds = group.add("ours_simulate_initial_model", lambda: run(initial="model"))
        group.add("ours_simulate_initial_steady_state", lambda: run())
        if ctx.ref is not None:
            sim["agreement_simulate_vs_backend_max_rel"] = max_rel_diff(ds["state_value"].values, ctx.ref)

    _safe("sim.ours_simulate.setup", res, a_sim)

    # (d) SciPy LSODA via our scipy backend
    def d_scipy() -> None:
        be = get_backend("scipy")
        ys = group.add("scipy_lsoda_backend", lambda: be.integrate(c, p, y0, times))
        meta["scipy_lsoda_backend"] = {"settings": {"method": be.method, "rtol": be.rtol, "atol": be.atol}}
        if ctx.ref is not None:
            sim["agreement_scipy_vs_roadrunner_max_rel"] = max_rel_diff(ys, ctx.ref)

    _safe("sim.scipy.setup", res, d_scipy)

    def timed() -> None:
        for name, r in group.run(repeats, min_time).items():
            sim[name] = {**r, **meta.get(name, {})}

    _safe("sim.timing", res, timed)

    # (e) JAX: first call = trace + compile + run; later calls = run
    def e_jax() -> None:
        import jax

        be = get_backend("jax")
        g = Group()
        ys = g.add("jax", lambda: be.integrate(c, p, y0, times))
        r = g.run(repeats, min_time)["jax"]
        r["compile_s"] = max(0.0, r["first_call_s"] - r["median_s"])
        r["run_s"] = r["median_s"]
        r["devices"] = [str(d) for d in jax.devices()]
        r["settings"] = {"rtol": be.rtol, "atol": be.atol, "max_steps": be.max_steps}
        r["note"] = "compile_s = first call - median run (trace + XLA compile); timed after the roadrunner group"
        sim["jax_backend"] = r
        if ctx.ref is not None:
            sim["agreement_jax_vs_roadrunner_max_rel"] = max_rel_diff(ys, ctx.ref)

    if jax_on:
        _safe("sim.jax", res, e_jax)
    else:
        sim["jax_backend"] = {"skipped": "--no-jax"}


def bench_steady_state(ctx: Ctx, repeats: int, min_time: float, res: dict[str, Any]) -> None:
    from neurobalance.analysis import solve_steady_state
    from neurobalance.analysis._api import forced_input_means
    from neurobalance.compile import compile_model
    from neurobalance.inputs import constant

    nb, m, p = ctx.nb, ctx.model, ctx.p
    # the HPA drive is periodic: the steady state is the one under its daily mean (as nb.steady_state does)
    c = compile_model(m, {k: constant(v) for k, v in forced_input_means(m).items()})
    y0 = c.initial_state(p)
    ss: dict[str, Any] = res.setdefault("steady_state", {})
    meta: dict[str, dict[str, Any]] = {}
    group = Group()
    ours: dict[str, Any] = {}

    def newton() -> None:
        y, method, ev, laws = group.add("ours_newton_core", lambda: solve_steady_state(c, p, y0))
        ours["y"] = y
        meta["ours_newton_core"] = {
            "method": method, "conservation_laws": int(laws.shape[0]),
            "max_real_eigenvalue_per_h": float(ev[0].real) if ev.size else None,
            "note": "conservation laws + Newton + eigenvalues (stability), from the model's initial values"}

    _safe("ss.ours_newton_core.setup", res, newton)

    def end_to_end() -> None:
        group.add("ours_steady_state_end_to_end", lambda: nb.steady_state(m))

    _safe("ss.ours_end_to_end.setup", res, end_to_end)

    def raw() -> None:
        rr, load_s, _ = _raw_roadrunner(ctx, tolerances=False, compiled=c)
        t0 = perf()
        rr.conservedMoietyAnalysis = True
        cma_s = perf() - t0
        group.add("roadrunner_steadyState", rr.steadyState, setup=rr.resetAll)  # first call: warm-up, may JIT
        rr.resetAll()
        resid = float(rr.steadyState())
        meta["roadrunner_steadyState"] = {
            "load_s": load_s, "conserved_moiety_analysis_s": cma_s, "residual": resid,
            "solver": rr.getSteadyStateSolver().getName(),
            "note": "resetAll() (the model's initial values, where our Newton starts too) before every call, "
                    "outside the timed region; first_call_s is the warm-up call"}
        if "y" in ours:
            ids = list(rr.model.getFloatingSpeciesIds())
            got = np.asarray(rr.model.getFloatingSpeciesConcentrations())[[ids.index(s) for s in _sbml_ids(ctx)]]
            ss["agreement_ours_vs_roadrunner_max_rel"] = max_rel_diff(got, ours["y"])

    _safe("ss.roadrunner.setup", res, raw)

    def timed() -> None:
        for name, r in group.run(repeats, min_time).items():
            ss[name] = {**r, **meta.get(name, {})}

    _safe("ss.timing", res, timed)


# --------------------------------------------------------------------------- 3 + 4: subprocesses
def _cli() -> list[str]:
    exe = Path(sys.executable).parent / "neurobalance"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("neurobalance")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from neurobalance.cli import main; sys.argv[0] = 'neurobalance'; main()"]


def _wall(cmd: list[str], repeats: int, check: Callable[[subprocess.CompletedProcess], None] | None = None,
          warmup: int = 1) -> dict[str, Any]:
    first = None
    samples = []
    for i in range(warmup + repeats):
        t0 = perf()
        cp = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        dt = perf() - t0
        if cp.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {cp.returncode}: {cp.stderr.strip()[-500:]}")
        if check:
            check(cp)
        if i == 0:
            first = dt
        if i >= warmup:
            samples.append(dt)
    return {"median_s": statistics.median(samples), "min_s": min(samples), "max_s": max(samples),
            "samples_s": samples, "repeats": repeats, "first_run_s": first,
            "note": f"{warmup} untimed warm-up run(s) (disk cache) first"}


def bench_cold_start(repeats: int, res: dict[str, Any]) -> None:
    cs: dict[str, Any] = res.setdefault("cold_start", {})

    def cli() -> None:
        def check(cp: subprocess.CompletedProcess) -> None:
            data = json.loads(cp.stdout)
            if "observables" not in data:
                raise RuntimeError("steady-state --json printed no observables")

        r = _wall(_cli() + ["steady-state", "--json"], repeats, check)
        r["command"] = "neurobalance steady-state --json"
        cs["cli_steady_state_json"] = r

    _safe("cold.cli_steady_state", res, cli)

    def imp() -> None:
        cs["python_startup"] = _wall([sys.executable, "-c", "pass"], repeats)
        cs["import_neurobalance"] = _wall([sys.executable, "-c", "import neurobalance"], repeats)
        cs["import_neurobalance"]["import_only_s"] = (cs["import_neurobalance"]["median_s"]
                                                      - cs["python_startup"]["median_s"])
        cp = subprocess.run([sys.executable, "-X", "importtime", "-c", "import neurobalance"], capture_output=True,
                            text=True, timeout=120)
        top = []
        for line in cp.stderr.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[1].strip().isdigit():
                top.append((int(parts[1]), parts[2].rstrip()))
        top.sort(reverse=True)
        cs["import_neurobalance"]["top_cumulative_us"] = [{"module": n.strip(), "us": t} for t, n in top[:8]]

    _safe("cold.import", res, imp)


# Runs in a fresh, small interpreter so that the measured child's max RSS is its own: Linux
# carries the exec-ing process's high-water RSS into ru_maxrss, and a child forked (or
# vforked) from this benchmark process -- hundreds of MB once JAX is loaded -- would inherit it.
_RSS_WRAPPER = r"""
import json, os, subprocess, sys, time
t0 = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
err = p.stderr.read()
_, status, ru = os.wait4(p.pid, 0)
print(json.dumps({"maxrss": ru.ru_maxrss, "wall_s": time.perf_counter() - t0,
                  "code": os.waitstatus_to_exitcode(status), "stderr": err.decode(errors="replace")[-500:]}))
"""


def _peak_rss_child(cmd: list[str]) -> tuple[float, float, int, str]:
    """Run ``cmd``; return (max RSS in MB, wall s, exit code, stderr tail) of that one child."""
    if hasattr(os, "wait4"):
        cp = subprocess.run([sys.executable, "-I", "-S", "-c", _RSS_WRAPPER, *cmd], capture_output=True,
                            text=True, timeout=600)
        if cp.returncode != 0:
            raise RuntimeError(f"RSS wrapper failed: {cp.stderr.strip()[-500:]}")
        d = json.loads(cp.stdout)
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
        return d["maxrss"] * scale / 2**20, d["wall_s"], d["code"], d["stderr"]
    import psutil  # no wait4 (Windows): poll

    t0 = perf()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ps = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, ps.memory_info().rss)
        except psutil.Error:
            break
        time.sleep(0.02)
    return peak / 2**20, perf() - t0, proc.returncode, ""


def bench_memory(runs: int, res: dict[str, Any]) -> None:
    def mem() -> None:
        samples = []
        walls = []
        with tempfile.TemporaryDirectory(prefix="nb-bench-") as tmp:
            for i in range(runs):
                out = Path(tmp) / f"run{i}"
                mb, wall, code, err = _peak_rss_child(_cli() + ["simulate", "--hours", str(int(HOURS)),
                                                                "--out", str(out)])
                if code != 0:
                    raise RuntimeError(f"neurobalance simulate exited {code}: {err.strip()}")
                if not (out / "timecourse.csv").exists():
                    raise RuntimeError("neurobalance simulate wrote no timecourse.csv")
                n_rows = sum(1 for _ in (out / "timecourse.csv").open()) - 1
                samples.append(mb)
                walls.append(wall)
            floor_mb = _peak_rss_child([sys.executable, "-c", "pass"])[0]
        res["peak_memory"] = {"cli_simulate_720h": {
            "max_rss_mb": max(samples), "samples_mb": samples, "wall_s": walls, "runs": runs,
            "output_rows": n_rows, "python_c_pass_mb": floor_mb,
            "command": f"neurobalance simulate --hours {int(HOURS)} --out TMP",
            "method": ("os.wait4 rusage of the single child, spawned from a fresh small interpreter"
                       if hasattr(os, "wait4") else "psutil polling")}}

    _safe("memory.cli_simulate", res, mem)


# --------------------------------------------------------------------------- report
def _get(d: dict[str, Any], *path: str) -> Any:
    for k in path:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def summary_rows(res: dict[str, Any]) -> list[dict[str, Any]]:
    """Table rows.  ``ratio`` is value / peer: the median of same-round (paired) ratios where
    both were timed in one `Group`, else the ratio of medians (also kept as ``ratio_of_medians``)."""
    rows: list[dict[str, Any]] = []

    def row(name: str, value: float | None, unit: str, peer: str | None = None, peer_value: float | None = None,
            goal: str | None = None, ratio_goal: float | None = None, abs_goal: float | None = None,
            paired: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> None:
        rom = value / peer_value if value is not None and peer_value else None
        ratio = rom
        if paired and rom is not None:
            ratio = paired_ratio(_get(res, *paired[0]), _get(res, *paired[1])) or rom
        met = None
        if ratio_goal is not None and ratio is not None:
            met = ratio <= ratio_goal
        if abs_goal is not None and value is not None:
            met = value <= abs_goal
        rows.append({"measurement": name, "value": value, "unit": unit, "peer": peer, "peer_value": peer_value,
                     "ratio": ratio, "ratio_of_medians": rom, "goal": goal, "met": met})

    def ms(*path: str) -> float | None:
        v = _get(res, *path)
        return v * 1e3 if isinstance(v, float) else None

    def sim(key: str, label: str, **kw: Any) -> None:
        row(label, ms("simulation_720h", key, "median_s"), "ms", "raw roadrunner simulate", raw,
            paired=(("simulation_720h", key), ("simulation_720h", "raw_roadrunner_simulate")), **kw)

    raw = ms("simulation_720h", "raw_roadrunner_simulate", "median_s")
    g = GOALS["sim_ratio"]
    sim("ours_simulate_initial_model", "1a nb.simulate 720h, initial=model", goal=f"ratio <= {g}", ratio_goal=g)
    sim("ours_simulate_initial_steady_state", "1a nb.simulate 720h, initial=steady_state")
    sim("ours_backend_integrate", "1b backend integrate (roadrunner)", goal=f"ratio <= {g}", ratio_goal=g)
    sim("raw_roadrunner_reset_and_simulate", "1c raw roadrunner resetAll+simulate")
    sim("scipy_lsoda_backend", "1d scipy LSODA backend")
    row("1e jax backend, run", ms("simulation_720h", "jax_backend", "run_s"), "ms", "raw roadrunner simulate", raw)
    row("1e jax backend, compile (first - run)", ms("simulation_720h", "jax_backend", "compile_s"), "ms")

    rr_ss = ms("steady_state", "roadrunner_steadyState", "median_s")
    peer = ("steady_state", "roadrunner_steadyState")
    row("2 Newton core solve_steady_state", ms("steady_state", "ours_newton_core", "median_s"), "ms",
        "roadrunner steadyState", rr_ss, f"<= {GOALS['newton_ms']:g} ms", abs_goal=GOALS["newton_ms"],
        paired=(("steady_state", "ours_newton_core"), peer))
    row("2 nb.steady_state end to end", ms("steady_state", "ours_steady_state_end_to_end", "median_s"), "ms",
        "roadrunner steadyState", rr_ss, paired=(("steady_state", "ours_steady_state_end_to_end"), peer))

    py = _get(res, "cold_start", "python_startup", "median_s")
    row("3 cold start: steady-state --json", _get(res, "cold_start", "cli_steady_state_json", "median_s"), "s",
        "python -c pass", py, f"<= {GOALS['cli_cold_s']:g} s", abs_goal=GOALS["cli_cold_s"])
    row("3 cold start: import neurobalance", _get(res, "cold_start", "import_neurobalance", "median_s"), "s",
        "python -c pass", py)
    row("4 peak RSS: simulate --hours 720", _get(res, "peak_memory", "cli_simulate_720h", "max_rss_mb"), "MB",
        goal=f"<= {GOALS['peak_rss_mb']:g} MB", abs_goal=GOALS["peak_rss_mb"])
    pop = res.get("population") or {}
    if pop.get("loop"):
        w = pop["workers"]
        row(f"5 population {pop['n']} x {pop['scenario']}: CPU pool ({w} processes)", pop["pool"]["wall_s"], "s",
            "1-process roadrunner loop", pop["loop"]["wall_s"], f"speed-up >= {0.8 * w:g} (0.8 x cores)",
            ratio_goal=1.0 / (0.8 * w))
    mem = res.get("population_memory") or {}
    if mem.get("runs"):
        small, big = mem["runs"][0], mem["runs"][-1]
        row(f"5 population peak RSS, {big['n']} subjects (chunk {mem['chunk']}, 1 process)", big["max_rss_mb"], "MB",
            f"{small['n']} subjects, same chunk", small["max_rss_mb"], "bounded by the chunk, not n (ratio ~ 1)",
            ratio_goal=1.1)
    return rows


def _fmt(v: Any, digits: int = 4) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "NO"
    if isinstance(v, float):
        return f"{v:.{digits}g}"
    return str(v)


def print_table(rows: list[dict[str, Any]], res: dict[str, Any]) -> None:
    head = ["measurement", "value", "unit", "peer", "peer value", "ratio", "goal", "met?"]
    body = [[r["measurement"], _fmt(r["value"]), r["unit"], r["peer"] or "-", _fmt(r["peer_value"]),
             _fmt(r["ratio"], 3), r["goal"] or "-", _fmt(r["met"])] for r in rows]
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(head)]
    line = "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))
    print(line)
    print("-" * len(line))
    for b in body:
        print("  ".join(c.ljust(w) for c, w in zip(b, widths, strict=True)))
    agree = {k: v for sec in ("simulation_720h", "steady_state") for k, v in (res.get(sec) or {}).items()
             if k.startswith("agreement")}
    if agree:
        print("\nagreement (max relative difference of states): "
              + ", ".join(f"{k.removeprefix('agreement_')}={v:.2g}" for k, v in agree.items()))
    if res.get("errors"):
        print("\nerrors: " + "; ".join(f"{k}: {v}" for k, v in res["errors"].items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", default="bench.json", help="JSON report path (default: bench.json)")
    ap.add_argument("--repeats", type=int, default=None, help="samples per measurement (default 5; 2 with --quick)")
    ap.add_argument("--quick", action="store_true", help="smoke run: 2 samples, short samples, one memory run")
    ap.add_argument("--no-jax", action="store_true", help="skip the JAX engine (its compile takes ~10 s on a CPU)")
    ap.add_argument("--population-n", type=int, default=32,
                    help="subjects of the 8-week population benchmark, pool vs loop (0: skip; see population_bench.py)")
    args = ap.parse_args(argv)
    repeats = args.repeats if args.repeats is not None else (2 if args.quick else 5)
    if repeats < 1:
        ap.error("--repeats must be at least 1")
    min_time = 0.02 if args.quick else 0.15
    t_start = perf()

    results: dict[str, Any] = {}
    ctx = Ctx()
    results["setup"] = {"in_process_import_s": ctx.import_s, "default_model_s": ctx.default_model_s,
                        "compile_model_first_s": ctx.compile_s,
                        "codegen_rhs_flux_observables_s": ctx.codegen_s, "n_states": len(ctx.c.state_names),
                        "n_parameters": len(ctx.c.param_names), "n_fluxes": len(ctx.c.flux_names)}
    bench_steady_state(ctx, repeats, min_time, results)
    bench_simulation(ctx, repeats, min_time, not args.no_jax, results)
    bench_cold_start(repeats, results)
    bench_memory(1 if args.quick else 2, results)
    if args.population_n > 0:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from population_bench import run as population_run

        _safe("population", results, lambda: results.__setitem__("population", population_run(args.population_n)))
        from population_bench import memory_scaling

        _safe("population_memory", results, lambda: results.__setitem__("population_memory", memory_scaling((8, 128))))

    rows = summary_rows(results)
    report = {
        "benchmark": "neurobalance",
        "machine": machine_info(),
        "config": {"repeats": repeats, "quick": args.quick, "min_sample_s": min_time, "hours": HOURS,
                   "points": POINTS, "roadrunner_settings": {"relative_tolerance": RTOL,
                                                             "individual_absolute_tolerance": ATOL,
                                                             "maximum_num_steps": MAX_STEPS},
                   "goals": GOALS, "argv": sys.argv[1:]},
        "summary": rows,
        "results": results,
        "total_wall_s": perf() - t_start,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, default=float) + "\n")
    m = report["machine"]
    print(f"\nneurobalance {m['neurobalance']} | Python {m['python']} | {m['cpu_model']} x{m['cpu_count']} | "
          f"roadrunner {m['versions']['libroadrunner']} | jax {m['versions']['jax']} | numpy {m['versions']['numpy']}")
    print(f"repeats={repeats} (medians){' quick' if args.quick else ''}\n")
    print_table(rows, results)
    print(f"\nwrote {out} ({report['total_wall_s']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
