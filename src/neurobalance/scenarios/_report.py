"""Outputs of a scenario run: time course, summary, resolved scenario, plots and a self-contained report.

Everything is written to a temporary directory beside the target and moved into place only when
every file is complete, so a failed run leaves no half-written output directory.
"""

from __future__ import annotations

import base64
import html
import io
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["write_outputs", "DISCLAIMER"]

DISCLAIMER = ("Research and teaching software. These results come from a mechanistic model of average "
              "physiology; they are not medical advice and must not guide anyone's treatment.")


def _systems(names: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for n in names:
        out.setdefault(n.split(".", 1)[0], []).append(n)
    return out


def _plot(ds: Any, names: list[str], title: str) -> bytes:
    from matplotlib.figure import Figure  # a bare figure: no pyplot state, no change of the user's backend

    names = names[:12]
    cols = 3 if len(names) > 4 else 2 if len(names) > 1 else 1
    rows = -(-len(names) // cols)
    fig = Figure(figsize=(4.2 * cols, 2.6 * rows))
    axes = fig.subplots(rows, cols, squeeze=False)
    t = ds["time"].values
    scale, unit = (24.0, "d") if t[-1] > 72 else (1.0, "h")
    for ax, n in zip(axes.flat, names, strict=False):
        ax.plot(t / scale, ds[n].values, lw=1.2)
        ax.set_title(n.split(".", 1)[1], fontsize=8)
        ax.set_ylabel(ds[n].attrs.get("units", ""), fontsize=7)
        ax.tick_params(labelsize=7)
        ax.set_xlabel(f"time ({unit})", fontsize=7)
    for ax in list(axes.flat)[len(names):]:
        ax.axis("off")
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    return buf.getvalue()


def _key(res: Any, names: list[str]) -> list[str]:
    """Observables that moved most (relative range), for the report's key plots."""
    scored = []
    for n in names:
        v = np.asarray(res[n].values, dtype=float)
        m = float(np.mean(np.abs(v))) or 1.0
        scored.append(((float(np.max(v)) - float(np.min(v))) / m, n))
    return [n for _, n in sorted(scored, reverse=True)[:9]]


def balance_summary(res: Any, ds: Any) -> dict[str, Any] | None:
    """Balance index and axes at the end of the run, and its daily time course (None if the run's outputs
    lack the observables the index needs, or the run is shorter than a day)."""
    from .. import balance as B

    if any(n not in ds for n in B.NEEDED) or float(ds["time"].values[-1]) < 24.0:
        return None
    end = B.index(ds, res.model)
    tc = B.time_course(ds, res.model, step=24.0)
    return {**end.as_dict(), "time_course": {k: [round(float(x), 5) for x in v] for k, v in tc.items()}}


def _radar(bal: dict[str, Any], title: str) -> bytes:
    from matplotlib.figure import Figure

    axes = list(bal["axes"])
    vals = [bal["axes"][a] for a in axes]
    ang = np.linspace(0, 2 * np.pi, len(axes), endpoint=False).tolist()
    fig = Figure(figsize=(4.6, 4.2))
    ax = fig.add_subplot(111, polar=True)
    ax.plot(ang + ang[:1], vals + vals[:1], lw=1.5)
    ax.fill(ang + ang[:1], vals + vals[:1], alpha=0.25)
    ax.set_xticks(ang)
    ax.set_xticklabels([a.replace("–", "–\n") for a in axes], fontsize=7)
    ax.set_title(f"{title}\nbalance index {bal['index']:.2f} (0 = reference)", fontsize=9)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    return buf.getvalue()


def write_outputs(out: Path, res: Any, ds: Any, summ: dict[str, Any]) -> list[Path]:
    """Write every output of a run into ``out`` (created if needed); return the written paths."""
    out = out.expanduser()
    parent = out.parent
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".neurobalance-run-", dir=parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o777 & ~umask)
    try:
        names = res.observables
        t = ds["time"].values
        cols = ["time_h", *names]
        data = np.column_stack([t, *[ds[n].values for n in names]])
        header = ",".join(cols)
        np.savetxt(tmp / "timecourse.csv", data, delimiter=",", header=header, comments="", fmt="%.9g")
        (tmp / "summary.json").write_text(json.dumps(summ, indent=1), encoding="utf-8")
        (tmp / "scenario.toml").write_text(res.resolved_toml(), encoding="utf-8")
        pngs: dict[str, bytes] = {}
        for system, group in _systems(names).items():
            png = _plot(ds, group, f"{res.scenario.name}: {system}")
            (tmp / f"plot_{system}.png").write_bytes(png)
            pngs[system] = png
        key_png = _plot(ds, _key(ds, names), f"{res.scenario.name}: largest changes")
        radar = None
        if summ.get("balance"):
            radar = _radar(summ["balance"], res.scenario.name)
            (tmp / "balance_radar.png").write_bytes(radar)
        (tmp / "report.html").write_text(_html(res, summ, key_png, pngs, radar), encoding="utf-8")
        files = sorted(tmp.iterdir())
        if out.exists():  # swap whole directories, so no file of an earlier run stays behind
            old = Path(tempfile.mkdtemp(prefix=".neurobalance-old-", dir=out.parent))
            os.replace(out, old / "previous")
            os.replace(tmp, out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, out)
        return [out / f.name for f in files]
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _img(png: bytes) -> str:
    return f'<img alt="plot" src="data:image/png;base64,{base64.b64encode(png).decode()}"/>'


def _html(res: Any, summ: dict[str, Any], key_png: bytes, pngs: dict[str, bytes], radar: bytes | None = None) -> str:
    from .. import __version__

    e = html.escape
    s = res.scenario
    rows = []
    for name, o in summ["observables"].items():
        rng = o["reference_range"]
        final = o["final"]
        flag = ""
        if rng:
            lo, hi = rng
            flag = "inside" if lo <= final <= hi else ("below" if final < lo else "above")
        rows.append(f"<tr><td>{e(name)}</td><td>{e(o['unit'])}</td><td>{o['at'][next(iter(o['at']))]:.4g}</td>"
                    f"<td>{final:.4g}</td><td>{o['min']:.4g}</td><td>{o['max']:.4g}</td>"
                    f"<td>{'' if not rng else f'{rng[0]:.4g}–{rng[1]:.4g}'}</td><td class='{flag}'>{flag}</td></tr>")
    conds = "".join(f"<li>{e(c.description)}</li>" for c in res.conditions) or "<li>none</li>"
    ivs = "".join(f"<li>{e(i.agent)} {e(i.dose)} {e(i.route)} from {e(i.start)}"
                  f"{'' if i.interval is None else ' every ' + e(i.interval)}"
                  f"{'' if i.doses is None else f', {i.doses} doses'}{'' if i.stop is None else ' until ' + e(i.stop)}</li>"
                  for i in s.interventions) or "<li>none</li>"
    srcs = "".join(f"<li>{e(x)}</li>" for x in s.sources) or "<li>—</li>"
    systems = "".join(f"<h3>{e(k)}</h3>{_img(v)}" for k, v in pngs.items())
    bal = summ.get("balance")
    if bal:
        rows_b = "".join(f"<tr><td>{e(a)}</td><td>{v:.3f}</td></tr>" for a, v in bal["axes"].items())
        feats = "".join(f"<tr><td>{e(k)}</td><td>{v:+.2f}</td></tr>" for k, v in bal["features_z"].items())
        balance_html = (f"<h2>Balance state</h2><p class='note'>{e(bal['note'])}</p><p>Balance index at the end of "
                        f"the run: <b>{bal['index']:.3f}</b> (0 = the healthy reference; 1 ≈ one population "
                        f"standard deviation). See docs/user/balance.md for every formula.</p>"
                        f"{_img(radar) if radar else ''}<table><tr><th>axis</th><th>score</th></tr>{rows_b}</table>"
                        f"<h3>Features (z, population standard deviations from the reference)</h3><table>{feats}</table>")
    else:
        balance_html = "<h2>Balance state</h2><p>Not computed: the run is shorter than a day or its outputs omit " \
                       "observables the index needs.</p>"
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>{e(s.name)} — neurobalance</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}}table{{border-collapse:collapse;
font-size:12px}}td,th{{border:1px solid #ccc;padding:2px 6px}}.below,.above{{color:#b00;font-weight:bold}}
.inside{{color:#070}}.note{{background:#fff4d6;padding:.6em;border:1px solid #e0c060}}img{{max-width:100%}}</style>
</head><body><h1>{e(s.name)}</h1><p>{e(s.description)}</p>
<p class="note">{e(DISCLAIMER)}</p>
<h2>What was simulated</h2><ul><li>duration: {e(s.duration)} ({res.hours:g} h), output every {e(s.outputs.interval)},
engine {e(res.engine)}, neurobalance {e(__version__)}</li><li>model: {len(res.model.states)} states,
{len(res.model.parameters)} parameters; genotype {e(json.dumps(s.genotype) if s.genotype else 'typical')}</li></ul>
<h3>Conditions and interventions</h3><ul>{conds}</ul><ul>{ivs}</ul>
{balance_html}
<h2>Key plots</h2>{_img(key_png)}
<h2>Observables against reference ranges (final value)</h2>
<table><tr><th>observable</th><th>unit</th><th>first report time</th><th>final</th><th>min</th><th>max</th>
<th>reference range</th><th></th></tr>{''.join(rows)}</table>
<h2>By system</h2>{systems}
<h2>Sources</h2><ul>{srcs}</ul><p>Parameter sources: <code>neurobalance list parameters</code>; citations:
<code>neurobalance cite</code>.</p></body></html>
"""
