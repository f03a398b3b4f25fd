#!/usr/bin/env python
"""Batched JAX throughput: ``get_backend("jax").integrate_batch`` over n virtual subjects.

Each subject is ``default_model()`` with a few Vmax parameters perturbed by a seeded
lognormal factor (sigma = ln 1.2, i.e. about ±20 %), started from the model's initial
values and integrated for 24 h with 25 output times.  Reports wall time, simulations per
second and the fraction of subjects that diffrax integrated successfully.

For each n it times ``integrate_batch`` ``--calls`` times (default 2): call 1 traces,
compiles (once per model, schedule and batch shape) and runs; later calls only run, and
the last one gives the throughput.  ``compile_s`` is call 1 minus the last call.
``--reuse`` also times the vmapped solver jitted here from the backend's private
``_solver`` (first and second call): a check that ``integrate_batch`` adds no
per-call recompilation (before commit feec385 it re-jitted on every call).

Runs on a CPU too (use a small ``--n``, e.g. ``--n 32``):

    python benchmarks/gpu_batch.py --n 32
    python benchmarks/gpu_batch.py --n 1000 10000 --out gpu_batch.json   # on a GPU
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
import time
from typing import Any

import numpy as np

VMAX = ("dopamine.vmax_th", "dopamine.vmax_dat", "dopamine.vmax_vmat",
        "serotonin.vmax_tph", "serotonin.vmax_sert", "serotonin.vmax_vmat")

perf = time.perf_counter


def subjects(p: np.ndarray, y0: np.ndarray, idx: list[int], n: int, seed: int, spread: float):
    """(P, Y0): n copies of p with the ``idx`` entries scaled by lognormal factors, and y0 tiled."""
    rng = np.random.default_rng(seed)
    P = np.tile(p, (n, 1))
    P[:, idx] *= np.exp(rng.normal(0.0, math.log(1.0 + spread), size=(n, len(idx))))
    return P, np.tile(y0, (n, 1))


def _quality(ys: np.ndarray, ok: np.ndarray) -> dict[str, Any]:
    ok = np.asarray(ok, dtype=bool)
    good = ys[ok] if ok.any() else ys[:0]
    return {"fraction_ok": float(ok.mean()), "n_failed": int((~ok).sum()),
            "finite_ok_subjects": bool(np.all(np.isfinite(good))),
            "min_state_ok_subjects": float(good.min()) if good.size else None}


def run(ns: list[int], hours: float, points: int, seed: int, spread: float, calls: int, reuse: bool) -> dict[str, Any]:
    t0 = perf()
    import jax

    import neurobalance as nb
    from neurobalance.backends import get_backend
    from neurobalance.compile import compile_model

    be = get_backend("jax")  # enables float64
    m = nb.default_model()
    c = compile_model(m)
    p = c.parameter_vector(m)
    y0 = c.initial_state(p)
    idx = [c.param_index(n) for n in VMAX]
    times = np.linspace(0.0, hours, points)
    devs = jax.devices()
    info = {"jax": jax.__version__, "devices": [str(d) for d in devs], "platform": devs[0].platform,
            "python": sys.version.split()[0], "machine": platform.platform(), "hours": hours, "points": points,
            "perturbed": list(VMAX), "lognormal_sigma": math.log(1.0 + spread), "seed": seed,
            "solver": {"rtol": be.rtol, "atol": be.atol, "max_steps": be.max_steps}, "setup_s": perf() - t0}
    print(f"jax {jax.__version__} on {info['devices']}; {len(c.state_names)} states, {len(VMAX)} Vmax "
          f"parameters perturbed (lognormal sigma {info['lognormal_sigma']:.3f}), {hours:g} h, {points} points",
          flush=True)
    rows = []
    for n in ns:
        P, Y0 = subjects(p, y0, idx, n, seed, spread)
        row: dict[str, Any] = {"n": n, "integrate_batch_s": []}
        ys = ok = None
        for _ in range(calls):
            t = perf()
            ys, ok = be.integrate_batch(c, P, Y0, times)
            row["integrate_batch_s"].append(perf() - t)
        row.update(_quality(ys, ok))
        last = row["integrate_batch_s"][-1]
        row["sims_per_s_integrate_batch"] = n / last
        if calls > 1:
            row["compile_s"] = row["integrate_batch_s"][0] - last
        if reuse and hasattr(be, "_solver"):
            jumps = tuple(c.discontinuities(0.0, float(times[-1])))
            batched = jax.jit(jax.vmap(be._solver(c, jumps), in_axes=(0, 0, None, None)))
            args = (jax.numpy.asarray(P), jax.numpy.asarray(Y0), 0.0, jax.numpy.asarray(times))
            t = perf()
            jax.block_until_ready(batched(*args))
            row["reused_first_s"] = perf() - t
            t = perf()
            out = jax.block_until_ready(batched(*args))
            row["reused_run_s"] = perf() - t
            row["sims_per_s_run"] = n / row["reused_run_s"]
            row["reused_matches_integrate_batch"] = bool(np.allclose(np.asarray(out[0]), ys, rtol=1e-9, atol=1e-15,
                                                                     equal_nan=True))
        rows.append(row)
        calls_txt = ", ".join(f"{s:.2f}" for s in row["integrate_batch_s"])
        msg = (f"n={n}: integrate_batch calls [{calls_txt}] s -> {row['sims_per_s_integrate_batch']:.1f} sims/s "
               f"(last call)" + (f", compile ~{row['compile_s']:.1f} s" if "compile_s" in row else "") + "; ")
        if "reused_run_s" in row:
            msg += (f"reused jit: first {row['reused_first_s']:.2f} s, run {row['reused_run_s']:.3f} s -> "
                    f"{row['sims_per_s_run']:.1f} sims/s; ")
        msg += f"fraction ok {row['fraction_ok']:.4f}"
        print(msg, flush=True)
    info["total_s"] = perf() - t0
    return {"info": info, "results": rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="batch sizes (default: 1000 10000)")
    ap.add_argument("--hours", type=float, default=24.0)
    ap.add_argument("--points", type=int, default=25)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--spread", type=float, default=0.2, help="lognormal sigma = ln(1 + spread) (default 0.2)")
    ap.add_argument("--calls", type=int, default=2, help="integrate_batch calls per n (default 2)")
    ap.add_argument("--reuse", action="store_true", help="also time a vmapped solver jitted once here (one more compile)")
    ap.add_argument("--out", default=None, help="write the results as JSON here")
    args = ap.parse_args(argv)
    if any(n < 1 for n in args.n) or args.calls < 1 or args.points < 2 or args.hours <= 0:
        ap.error("--n, --calls must be >= 1, --points >= 2, --hours > 0")
    res = run(args.n, args.hours, args.points, args.seed, args.spread, args.calls, args.reuse)
    if args.out:
        with open(args.out, "w") as fh:
            json.dump(res, fh, indent=2)
            fh.write("\n")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
