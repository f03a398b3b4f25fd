"""The bundled demonstration: the two routes from stress and inflammation to serotonin precursors.

* **Chronic stress → cortisol → hepatic TDO → less tryptophan**: ``days`` days of daily stress
  (8 h a day, intensity 1) against an unstressed control.
* **Inflammation → IDO1 → kynurenine/tryptophan ratio**: an endotoxin challenge (LPS 4 ng/kg
  i.v. on day 2 at 09:00) against the same control.

Both arms run the whole-body model with three daily meals; a table summarises the last day
and a six-panel plot shows the mechanism step by step.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

#: Observables shown in the demo table.
KEY_OBSERVABLES = (
    "hpa.cortisol_ugdl",
    "kynurenine.tdo_activity",
    "precursors.plasma_trp",
    "serotonin.brain_tryptophan",
    "serotonin.extracellular",
    "kynurenine.plasma_kyn_trp_ratio",
    "inflammation.il6",
    "kynurenine.brain_quin",
    "dopamine.extracellular",
)


def _arms(days: float):  # noqa: ANN202
    import neurobalance as nb
    from neurobalance.conditions import diet, endotoxin_challenge, stress

    hours = 24.0 * days
    times = np.linspace(0.0, hours, int(hours * 6) + 1)  # every 10 min
    model = nb.default_model()
    meals = diet()
    control = nb.simulate(model, hours, times=times, conditions=[meals])
    stressed = nb.simulate(model, hours, times=times,
                           conditions=[meals, stress("chronic", intensity=1.0, start_h=8.0, hours_per_day=8.0,
                                                     weeks=days / 7.0)])
    lps = nb.simulate(model, hours, times=times, conditions=[meals, endotoxin_challenge(4.0, at_h=33.0)])
    return control, stressed, lps


def run_demo(days: float, outdir: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    from neurobalance.analysis import DISCLAIMER

    console = Console(width=max(120, Console().width))
    days = max(days, 2.0)
    with console.status(f"simulating {days:g} days: control, chronic stress, endotoxin challenge …"):
        control, stressed, lps = _arms(days)
    t = control["time"].values
    hours = t[-1]
    last = t >= hours - 24.0
    table = Table(title=f"Means over the last simulated day ({days:g}-day runs; model output, not medical advice)")
    for c in ("observable", "unit", "control", "chronic stress", "endotoxin (day 2)", "reference range"):
        table.add_column(c)
    for name in KEY_OBSERVABLES:
        vals = [float(np.mean(ds[name].values[last])) for ds in (control, stressed, lps)]
        rr = control[name].attrs.get("reference_range")
        table.add_row(name, control[name].attrs["units"], *(f"{v:.4g}" for v in vals),
                      f"{rr[0]:g}–{rr[1]:g}" if rr else "—")
    console.print(table)
    drop = 1 - np.mean(stressed["serotonin.brain_tryptophan"].values[last]) \
        / np.mean(control["serotonin.brain_tryptophan"].values[last])
    win = (t >= 33.0) & (t <= 57.0)
    ktr = np.max(lps["kynurenine.plasma_kyn_trp_ratio"].values[win]) \
        / np.mean(control["kynurenine.plasma_kyn_trp_ratio"].values[win])
    console.print(f"chronic stress lowers brain tryptophan by {100 * drop:.1f} % on the last day; "
                  f"endotoxin raises the plasma Kyn/Trp ratio up to {ktr:.2f} × control within 24 h")

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 3, figsize=(14, 7.5))
    td = t / 24.0
    stress_panels = (("hpa.cortisol_ugdl", "cortisol"), ("kynurenine.tdo_activity", "hepatic TDO activity"),
                     ("serotonin.brain_tryptophan", "brain tryptophan"))
    lps_panels = (("inflammation.il6", "plasma IL-6"), ("inflammation.ido_expression", "extrahepatic IDO1"),
                  ("kynurenine.plasma_kyn_trp_ratio", "plasma Kyn/Trp ratio"))
    for ax, (name, label) in zip(axes[0], stress_panels):
        ax.plot(td, control[name].values, color="0.5", lw=1, label="control")
        ax.plot(td, stressed[name].values, color="tab:red", lw=1.2, label="chronic stress (8 h/day)")
        ax.set_title(f"{label} [{control[name].attrs['units']}]", fontsize=9)
    for ax, (name, label) in zip(axes[1], lps_panels):
        ax.plot(td, control[name].values, color="0.5", lw=1, label="control")
        ax.plot(td, lps[name].values, color="tab:blue", lw=1.2, label="LPS 4 ng/kg, day 2 09:00")
        ax.set_title(f"{label} [{control[name].attrs['units']}]", fontsize=9)
    for ax in axes.flat:
        ax.set_xlabel("time (days; 0 = midnight)", fontsize=8)
        ax.legend(fontsize=7, loc="best")
    axes[0][0].set_ylabel("stress → cortisol → TDO → less Trp", fontsize=9)
    axes[1][0].set_ylabel("inflammation → IDO1 → Kyn/Trp", fontsize=9)
    fig.suptitle("neurobalance demo: two routes from stress and inflammation to serotonin precursors\n" + DISCLAIMER,
                 fontsize=9)
    fig.tight_layout()
    outdir.mkdir(parents=True, exist_ok=True)  # checked writable by the caller before simulating
    png = outdir / "demo.png"
    fd, tmp = tempfile.mkstemp(prefix=".demo.", suffix=".png", dir=outdir)
    os.close(fd)
    try:
        fig.savefig(tmp, dpi=110)
        os.replace(tmp, png)
    finally:
        Path(tmp).unlink(missing_ok=True)
    plt.close(fig)
    console.print(f"plot written to {png}")
    console.print(DISCLAIMER)
