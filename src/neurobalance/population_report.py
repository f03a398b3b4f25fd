"""Summary, plots and a self-contained HTML report of a population store (`neurobalance.population`)."""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["write_report"]


def _png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    return buf.getvalue()


def _index_plot(ds: Any, threshold: float) -> bytes:
    from matplotlib.figure import Figure

    idx = np.asarray(ds["index"].values)
    ok = (np.asarray(ds["status"].values) == 0) & np.isfinite(idx)
    fig = Figure(figsize=(5.5, 3.4))
    ax = fig.add_subplot(1, 1, 1)
    if ok.any():
        ax.hist(idx[ok], bins=min(40, max(5, int(np.sqrt(ok.sum())))), color="#4878a8")
    ax.axvline(threshold, color="#c04040", ls="--", label=f"out of balance (> {threshold:g})")
    ax.set_xlabel("balance index at the end (0 = healthy reference)")
    ax.set_ylabel("subjects")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return _png(fig)


def _bands(ds: Any, names: list[str]) -> bytes:
    from matplotlib.figure import Figure

    ok = np.asarray(ds["status"].values) == 0
    t = np.asarray(ds["time"].values)
    scale, unit = (24.0, "days") if t[-1] > 72 else (1.0, "h")
    cols = 2
    rows = max(1, (len(names) + 1) // 2)
    fig = Figure(figsize=(4.2 * cols, 2.5 * rows))
    for k, name in enumerate(names):
        ax = fig.add_subplot(rows, cols, k + 1)
        v = np.asarray(ds["values"].sel(observable=name).values)[ok]
        if v.size:
            lo, med, hi = np.nanpercentile(v, [5, 50, 95], axis=0)
            ax.fill_between(t / scale, lo, hi, color="#4878a8", alpha=0.3, lw=0, label="5–95 %")
            ax.plot(t / scale, med, color="#204060", lw=1.2, label="median")
        ax.set_title(name, fontsize=8)
        ax.set_xlabel(unit, fontsize=7)
        ax.tick_params(labelsize=7)
    fig.tight_layout()
    return _png(fig)


def write_report(target: Path, store: Path, *, threshold: float = 2.0) -> dict[str, Any]:
    """Write ``summary.json``, ``index.png``, ``observables.png`` and ``report.html`` beside the store."""
    from . import balance as B
    from .population import open_population, summarise

    ds = open_population(store)
    summ = summarise(ds, threshold)
    summ["scenario"] = ds.attrs.get("scenario", "")
    summ["engine"] = ds.attrs.get("engine", "")
    summ["seed"] = int(ds.attrs.get("seed", 0))
    summ["store"] = store.name
    summ["note"] = B.DISCLAIMER
    key = [o for o in ("serotonin.extracellular", "dopamine.extracellular", "hpa.cortisol", "kynurenine.plasma_kyn_trp_ratio",
                       "glutamate.ambient_glutamate", "gaba.tissue_gaba") if o in list(ds["observable"].values)]
    if not key:
        key = [str(o) for o in ds["observable"].values[:4]]
    pngs = {"index.png": _index_plot(ds, threshold), "observables.png": _bands(ds, key)}
    for name, data in pngs.items():
        (target / name).write_bytes(data)
    (target / "summary.json").write_text(json.dumps(summ, indent=1), encoding="utf-8")
    img = {k: base64.b64encode(v).decode() for k, v in pngs.items()}
    e = html.escape
    rows = "".join(f"<tr><td>{e(o)}</td><td>{d['median']:.4g}</td><td>{d['p5']:.4g}</td><td>{d['p95']:.4g}</td></tr>"
                   for o, d in summ.get("final", {}).items() if o in key)
    frac = summ.get("out_of_balance_fraction")
    ci = summ.get("out_of_balance_ci95", [0, 0])
    geno = ""
    for g, d in summ.get("by_genotype", {}).items():
        geno += "".join(f"<tr><td>{e(g)}</td><td>{c}</td><td>{x['n']}</td><td>{x['median_index']:.3f}</td>"
                        f"<td>{100 * x['out_of_balance_fraction']:.1f} %</td></tr>" for c, x in d.items())
    doc = f"""<!doctype html><html><head><meta charset="utf-8"><title>neurobalance population: {e(summ['scenario'])}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}td,th{{padding:2px 8px;text-align:right}}
.warn{{background:#fff3cd;padding:.5em}}</style></head><body>
<h1>Virtual population: {e(summ['scenario'])}</h1>
<p class="warn">{e(B.DISCLAIMER)} Population statistics describe the model's virtual subjects, not people.</p>
<p>{summ['subjects']} subjects, engine {e(summ['engine'])}, seed {summ['seed']}; status: {e(json.dumps(summ['status']))}.</p>
<h2>Balance at the end</h2>
<p>Out of balance (index &gt; {threshold:g}): {'' if frac is None else f'{100 * frac:.1f} % (95 % CI {100 * ci[0]:.1f}–{100 * ci[1]:.1f} %)'}</p>
<img src="data:image/png;base64,{img['index.png']}">
<h2>By genotype (copies of the variant allele)</h2>
<table><tr><th>gene</th><th>copies</th><th>n</th><th>median index</th><th>out of balance</th></tr>{geno}</table>
<h2>Key observables (median and 5–95 % band)</h2>
<img src="data:image/png;base64,{img['observables.png']}">
<table><tr><th>observable (final)</th><th>median</th><th>5 %</th><th>95 %</th></tr>{rows}</table>
<p>Data: <code>{e(store.name)}</code> (Zarr; open with <code>neurobalance.population.open_population</code>).</p>
</body></html>"""
    (target / "report.html").write_text(doc, encoding="utf-8")
    return summ
