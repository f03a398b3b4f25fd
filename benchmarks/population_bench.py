#!/usr/bin/env python
"""Population throughput: the CPU pool (all cores) against a single-process libRoadRunner loop, and JAX.

Both sides simulate the **same subjects** (same spec, same seed) of a scenario (default: the 8-week
``chronic-stress-8w``) into Zarr stores with `neurobalance.population.run`:

* ``loop``: ``workers=1`` — one process, one libRoadRunner instance, subjects one after another (the peer);
* ``pool``: ``workers=W`` (default: all cores) — a process pool, one libRoadRunner per process;
* ``jax`` (optional, ``--jax``): chunks of subjects as one vmapped diffrax batch in this process.

Reported: wall time, subjects per second, the pool's speed-up over the loop and its efficiency
(speed-up / cores; goal ≥ 0.8), the agreement of pool and loop results (they must be identical), the
extrapolated time for ``--target-n`` subjects, and the peak resident memory of the processes (the
store is written chunk by chunk, so memory is bounded by the chunk size, not by n).

    python benchmarks/population_bench.py --n 64                      # ~5 min on 2 cores
    python benchmarks/population_bench.py --n 10000 --skip-loop       # the full-size pool run
    python benchmarks/population_bench.py --n 100000 --jax --skip-loop --chunk 20000   # on a GPU machine
    python benchmarks/population_bench.py --memory 8,32 --chunk 8     # peak memory against n, fixed chunk
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))


def _rss_mb() -> dict[str, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    return {"self_max_rss_mb": me, "children_max_rss_mb": kids}


def _timed(spec: Any, store: Path, workers: int | None) -> dict[str, Any]:
    from neurobalance import population as P

    t0 = time.perf_counter()
    info = P.run(spec, store, workers=workers, resume=False)
    wall = time.perf_counter() - t0
    ds = P.open_population(store)
    ok = int(np.sum(ds["status"].values == 0))
    return {"wall_s": wall, "subjects": spec.n, "ok": ok, "subjects_per_s": spec.n / wall, "chunks": info["chunks"],
            "workers": workers, **_rss_mb()}


def run(n: int, *, scenario: str = "chronic-stress-8w", workers: int | None = None, chunk: int | None = None,
        seed: int = 0, jax: bool = False, skip_loop: bool = False, target_n: int = 10_000,
        keep: Path | None = None, pool_n: int | None = None, jax_chunk: int | None = None,
        observables: list[str] | None = None) -> dict[str, Any]:
    """Pool (and loop) on ``pool_n`` subjects (default n), JAX on ``n``; rates are per subject."""
    from neurobalance import population as P

    cores = os.cpu_count() or 1
    workers = workers or cores
    m = pool_n or n
    chunk = chunk or max(1, min(32, m // (2 * workers) or 1))
    spec = P.spec(scenario, m, seed=seed, chunk=chunk, observables=observables)
    tmp = Path(tempfile.mkdtemp(prefix="nb-popbench-")) if keep is None else keep
    out: dict[str, Any] = {"scenario": scenario, "n": n, "chunk": chunk, "cores": cores, "workers": workers,
                           "seed": seed, "hours": float(P._Setup.get(spec).times[-1]),
                           "output_times": int(len(P._Setup.get(spec).times)),
                           "stored_observables": len(spec.observables), "pool_n": m}
    try:
        out["pool"] = _timed(spec, tmp / "pool.zarr", workers)
        if not skip_loop:
            out["loop"] = _timed(spec, tmp / "loop.zarr", 1)
            a = P.open_population(tmp / "pool.zarr")["values"].values
            b = P.open_population(tmp / "loop.zarr")["values"].values
            both = np.isfinite(a) & np.isfinite(b)
            out["pool_vs_loop_max_abs_diff"] = float(np.max(np.abs(a[both] - b[both]))) if both.any() else None
            out["speedup"] = out["loop"]["wall_s"] / out["pool"]["wall_s"]
            out["efficiency"] = out["speedup"] / workers
            out["goal"] = "speed-up >= 0.8 x cores"
            out["goal_met"] = bool(out["speedup"] >= 0.8 * workers)
        if jax:
            jc = jax_chunk or min(n, 4096)
            warm = P.spec(scenario, min(n, jc), seed=seed + 1, chunk=jc, engine="jax", observables=observables)
            t0 = time.perf_counter()
            P.run(warm, tmp / "jax_warm.zarr", resume=False)  # trace + XLA compile for this chunk shape
            out["jax_warm_up_s"] = time.perf_counter() - t0
            jspec = P.spec(scenario, n, seed=seed, chunk=jc, engine="jax", observables=observables)
            out["jax"] = _timed(jspec, tmp / "jax.zarr", None)
            out["jax_chunk"] = jc
            out["jax_vs_pool_per_subject"] = out["jax"]["subjects_per_s"] / out["pool"]["subjects_per_s"]
        out["pool_extrapolated_s_for_target_n"] = out["pool"]["wall_s"] * target_n / m
        out["target_n"] = target_n
        out["store_bytes_per_subject"] = sum(f.stat().st_size for f in (tmp / "pool.zarr").rglob("*") if f.is_file()) / m
    finally:
        if keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return out


def _peak_rss_mb() -> float:
    """This process's own peak resident memory.  On Linux ``ru_maxrss`` carries the high-water mark of
    the process that exec'd us (the benchmark, gigabytes once JAX has compiled), so read ``VmHWM``,
    which belongs to the current address space; elsewhere fall back to ``ru_maxrss``."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    scale = 2**20 if sys.platform == "darwin" else 1024.0  # bytes on macOS, KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def _memory_child(n: int, chunk: int, scenario: str, seed: int, engine: str) -> None:
    """Run one population in this (fresh) process, one process, and print its peak resident memory as JSON."""
    from neurobalance import population as P

    spec = P.spec(scenario, n, seed=seed, chunk=chunk, engine=engine)
    base = _peak_rss_mb()
    tmp = Path(tempfile.mkdtemp(prefix="nb-popmem-"))
    try:
        t0 = time.perf_counter()
        P.run(spec, tmp / "p.zarr", workers=1, resume=False)
        wall = time.perf_counter() - t0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps({"n": n, "chunk": chunk, "wall_s": wall, "max_rss_mb_before_run": base,
                      "max_rss_mb": _peak_rss_mb()}))


def memory_scaling(sizes: tuple[int, ...] = (8, 32), *, chunk: int = 8, scenario: str = "acute-tryptophan-depletion",
                   seed: int = 0, engine: str = "roadrunner") -> dict[str, Any]:
    """Peak resident memory of one-process population runs of growing ``sizes`` with a fixed ``chunk``, each in a
    fresh interpreter: if memory is bounded by the chunk, not by n, the peaks agree (ratio ≈ 1)."""
    import subprocess

    rows = []
    for n in sizes:
        cmd = [sys.executable, __file__, "--memory-child", str(n), "--chunk", str(chunk), "--scenario", scenario,
               "--seed", str(seed), "--engine", engine]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    peak = [r["max_rss_mb"] for r in rows]
    return {"scenario": scenario, "chunk": chunk, "engine": engine, "runs": rows,
            "peak_ratio_largest_to_smallest": peak[-1] / peak[0], "n_ratio": sizes[-1] / sizes[0]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=64)
    ap.add_argument("--scenario", default="chronic-stress-8w")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--chunk", type=int, default=None)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jax", action="store_true", help="also time the JAX engine (batched)")
    ap.add_argument("--skip-loop", action="store_true", help="do not time the single-process loop")
    ap.add_argument("--target-n", type=int, default=10_000)
    ap.add_argument("--pool-n", type=int, default=None, help="time the CPU pool (and loop) on this many subjects")
    ap.add_argument("--jax-chunk", type=int, default=None, help="subjects per vmapped JAX batch (default min(n, 4096))")
    ap.add_argument("--observables", default=None, help="comma-separated observables to store (default: key set)")
    ap.add_argument("--out", default=None, help="write the JSON here")
    ap.add_argument("--memory", default=None, help="comma-separated sizes: peak memory of one-process runs of these "
                    "sizes at a fixed --chunk (default 8), each in a fresh process (e.g. 8,32)")
    ap.add_argument("--engine", default="roadrunner", help="engine of the --memory runs")
    ap.add_argument("--memory-child", type=int, default=None, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.memory_child is not None:
        _memory_child(a.memory_child, a.chunk or 8, a.scenario, a.seed, a.engine)
        return 0
    if a.memory:
        sizes = tuple(int(x) for x in a.memory.split(","))
        scen = a.scenario if a.scenario != "chronic-stress-8w" else "acute-tryptophan-depletion"
        res = memory_scaling(sizes, chunk=a.chunk or 8, scenario=scen, seed=a.seed, engine=a.engine)
        text = json.dumps(res, indent=2)
        if a.out:
            Path(a.out).write_text(text + "\n")
        print(text)
        return 0
    res = run(a.n, scenario=a.scenario, workers=a.workers, chunk=a.chunk, seed=a.seed, jax=a.jax,
              skip_loop=a.skip_loop, target_n=a.target_n, pool_n=a.pool_n, jax_chunk=a.jax_chunk,
              observables=a.observables.split(",") if a.observables else None)
    text = json.dumps(res, indent=2)
    if a.out:
        Path(a.out).write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
