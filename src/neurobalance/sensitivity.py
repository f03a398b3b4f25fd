"""Global sensitivity analysis of a scenario (SALib: Morris elementary effects or Sobol indices).

Factors are model parameters or gene-dose factors, varied on a log scale between ``value / spread`` and
``value · spread`` (spread 2 by default: halving to doubling an activity).  Outputs are observables at the
end of the scenario (their last value; ``NAME@mean`` for the mean over the run) or ``balance`` (the balance
index over the last 24 h) and its axes (``balance:serotonergic`` …).

The design is evaluated on the population engines (`neurobalance.population`, ``sigma = 0`` and no
genotype draw: each design row is one subject), so it runs on a CPU pool, JAX or a Dask cluster, and a
killed run resumes.  A failed subject is reported; its output is replaced by the median of the others
(SALib needs a complete design), and the count is part of the result.

* Morris elementary effects (Morris 1991; μ* of Campolongo et al. 2007, as SALib implements them): μ*, its
  bootstrap confidence interval, μ and σ, from ``n`` trajectories (``n · (k + 1)`` runs for k factors).
* Sobol (Saltelli 2010 estimators, SALib): first-order S1 and total ST with bootstrap confidence intervals
  from ``n`` base samples (``n · (k + 2)`` runs; n a power of two).

Research and teaching software: a ranking of model parameters, not of clinical risk factors.
"""

from __future__ import annotations

import csv
import json
import math
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["analyse", "factors"]


def _fail(field: str, value: Any, expected: str) -> Exception:
    from ._errors import InvalidValueError

    return InvalidValueError(field, value, expected)


def factors(model: Any, names: Sequence[str] | None) -> list[tuple[str, str]]:
    """(label, parameter) pairs: a gene symbol maps to its gene-dose parameter; default: every gene."""
    from ._errors import UnknownNameError

    if not names:
        return [(g, model.genes[g].parameter_name) for g in sorted(model.genes)]
    out = []
    for n in names:
        if n in model.genes:
            out.append((n, model.genes[n].parameter_name))
        elif n in model.parameters:
            out.append((n, n))
        else:
            raise UnknownNameError("sensitivity factor (gene or parameter)", n, [*model.genes, *model.parameters])
    if len(set(p for _, p in out)) != len(out):
        raise _fail("factors", ",".join(names), "each factor once")
    return out


def _outputs(res: Any, outputs: Sequence[str]) -> list[tuple[str, str, str]]:
    """(label, kind, name): kind 'final' | 'mean' | 'balance'."""
    from . import balance as B
    from ._errors import UnknownNameError

    out = []
    for o in outputs:
        if o == "balance":
            out.append((o, "balance", ""))
        elif o.startswith("balance:"):
            axis = o.split(":", 1)[1]
            if axis not in B.AXES:
                raise UnknownNameError("balance axis", axis, B.AXES)
            out.append((o, "balance", axis))
        else:
            name, _, how = o.partition("@")
            if how not in ("", "mean"):
                raise _fail(f"outputs {o!r}", how, "NAME (final value) or NAME@mean")
            if name not in res.model.observables:
                raise UnknownNameError("observable", name, res.model.observables)
            out.append((o, "mean" if how else "final", name))
    if not out:
        raise _fail("outputs", "none", "at least one observable or 'balance'")
    return out


def analyse(scenario: str | Path, *, method: str = "morris", outputs: Sequence[str] = ("balance",),
            names: Sequence[str] | None = None, n: int = 8, spread: float = 2.0, seed: int = 0,
            engine: str = "roadrunner", workers: int | None = None, scheduler: str | None = None,
            store: str | Path | None = None, progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Run the design on the population engines and analyse it; returns a JSON-able report."""
    from SALib.analyze import morris as morris_a
    from SALib.analyze import sobol as sobol_a
    from SALib.sample import morris as morris_s
    from SALib.sample import sobol as sobol_s

    from . import balance as B
    from . import population as P
    from .scenarios import load

    if method not in ("morris", "sobol"):
        raise _fail("method", method, "'morris' or 'sobol'")
    if not isinstance(n, int) or n < 2 or n > 100_000:
        raise _fail("n", n, "a whole number of trajectories (Morris) or base samples (Sobol), 2 to 100 000")
    if method == "sobol" and n & (n - 1):
        raise _fail("n", n, "a power of two for Sobol sampling (e.g. 64, 128, 256)")
    if not math.isfinite(spread) or spread <= 1.0 or spread > 100.0:
        raise _fail("spread", spread, "a factor above 1 (2 = from half to double the reference value)")
    res = load(scenario)
    facs = factors(res.model, names)
    outs = _outputs(res, outputs)
    if any(k == "final" or k == "mean" for _, k, _ in outs):
        missing = [nm for _, k, nm in outs if k != "balance" and nm not in res.observables]
        if missing:
            raise _fail("outputs", missing[0], "an observable among the scenario's outputs (its outputs.observables)")
    ref = np.array([res.model[p] for _, p in facs])
    if np.any(ref <= 0):
        bad = facs[int(np.flatnonzero(ref <= 0)[0])][0]
        raise _fail(f"factor {bad}", 0, "a positive reference value (factors vary on a log scale)")
    problem = {"num_vars": len(facs), "names": [lab for lab, _ in facs],
               "bounds": [[math.log(v / spread), math.log(v * spread)] for v in ref]}
    if method == "morris":
        X = morris_s.sample(problem, n, num_levels=4, seed=seed)
    else:
        X = sobol_s.sample(problem, n, calc_second_order=False, seed=seed)
    values = np.exp(X)
    design = {p: values[:, j].tolist() for j, (_, p) in enumerate(facs)}
    # store exactly the observables asked for (the population's default set need not contain them)
    wanted = [nm for _, k, nm in outs if k != "balance"] or ["serotonin.extracellular"]
    sp_ = P.spec(scenario, len(values), seed=seed, sigma=0.0, engine=engine, variants=(), design=design,
                 observables=list(dict.fromkeys(wanted)))
    tmp = None
    if store is None:
        tmp = tempfile.TemporaryDirectory(prefix="neurobalance-sensitivity-")
        store = Path(tmp.name) / "design.zarr"
    try:
        P.run(sp_, store, workers=workers, scheduler=scheduler, progress=progress)
        ds = P.open_population(store)
        status = np.asarray(ds["status"].values)
        Y = {}
        for label, kind, name in outs:
            if kind == "balance":
                y = np.asarray(ds["index"].values) if not name else \
                    np.asarray(ds["axes"].sel(axis=name).values)
            else:
                v = ds["values"].sel(observable=name)
                y = np.asarray(v.isel(time=-1).values) if kind == "final" else \
                    np.asarray(np.trapezoid(v.values, ds["time"].values, axis=1) / float(ds["time"].values[-1]))
            Y[label] = np.asarray(y, dtype=float)
    finally:
        if tmp is not None:
            tmp.cleanup()
    failed = int(np.sum(status != 0))
    report: dict[str, Any] = {"scenario": res.scenario.name, "method": method, "n": n, "runs": len(values),
                              "failed_runs": failed, "spread": spread, "seed": seed, "engine": engine,
                              "factors": {lab: p for lab, p in facs}, "outputs": {}, "note": B.DISCLAIMER}
    for label, y in Y.items():
        bad = ~np.isfinite(y) | (status != 0)
        if np.all(bad):
            raise _fail("outputs", label, "an output that at least one run produced (every run failed)")
        y = np.where(bad, np.median(y[~bad]), y)
        rows = []
        if method == "morris":
            r = morris_a.analyze(problem, X, y, conf_level=0.95, num_resamples=200, seed=seed)
            for j, lab in enumerate(problem["names"]):
                rows.append({"factor": lab, "mu_star": float(r["mu_star"][j]), "mu_star_conf": float(r["mu_star_conf"][j]),
                             "mu": float(r["mu"][j]), "sigma": float(r["sigma"][j])})
            rows.sort(key=lambda d: -d["mu_star"])
        else:
            r = sobol_a.analyze(problem, y, calc_second_order=False, conf_level=0.95, num_resamples=200, seed=seed)
            for j, lab in enumerate(problem["names"]):
                rows.append({"factor": lab, "S1": float(r["S1"][j]), "S1_conf": float(r["S1_conf"][j]),
                             "ST": float(r["ST"][j]), "ST_conf": float(r["ST_conf"][j])})
            rows.sort(key=lambda d: -d["ST"])
        report["outputs"][label] = {"imputed": int(bad.sum()), "mean": float(np.mean(y)), "sd": float(np.std(y)),
                                    "ranking": rows}
    return report


def write(report: dict[str, Any], out: str | Path) -> list[Path]:
    """Ranked tables (CSV, one per output), the JSON report and a bar plot per output with confidence intervals."""
    from matplotlib.figure import Figure

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = [out / "sensitivity.json"]
    files[0].write_text(json.dumps(report, indent=1), encoding="utf-8")
    morris = report["method"] == "morris"
    for label, o in report["outputs"].items():
        safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in label)
        rows = o["ranking"]
        f = out / f"ranking_{safe}.csv"
        with f.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
        files.append(f)
        top = rows[:20][::-1]
        fig = Figure(figsize=(6.5, 0.3 * len(top) + 1.4))
        ax = fig.add_subplot(1, 1, 1)
        y = np.arange(len(top))
        if morris:
            ax.barh(y, [r["mu_star"] for r in top], xerr=[r["mu_star_conf"] for r in top], color="#4878a8")
            ax.set_xlabel("μ* (mean |elementary effect| per unit log-factor) with 95 % CI")
        else:
            ax.barh(y - 0.2, [r["ST"] for r in top], 0.4, xerr=[r["ST_conf"] for r in top], label="total (ST)",
                    color="#4878a8")
            ax.barh(y + 0.2, [r["S1"] for r in top], 0.4, xerr=[r["S1_conf"] for r in top], label="first order (S1)",
                    color="#e0a040")
            ax.legend(loc="lower right", fontsize=8)
            ax.set_xlabel("Sobol index with 95 % CI")
        ax.set_yticks(y, [r["factor"] for r in top], fontsize=8)
        ax.set_title(f"{report['scenario']}: {label} ({report['method']}, {report['runs']} runs)", fontsize=9)
        fig.text(0.01, 0.005, "Model output for research and teaching — not medical advice.", fontsize=6, color="0.4")
        fig.tight_layout()
        p = out / f"sensitivity_{safe}.png"
        fig.savefig(p, dpi=110)
        files.append(p)
    return files
