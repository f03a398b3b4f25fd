"""The bundled demonstration: both terminals through a week of three daily meals."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

#: Observables shown in the demo table and plot.
KEY_OBSERVABLES = (
    "serotonin.extracellular",
    "serotonin.brain_tryptophan",
    "serotonin.hiaa_tissue",
    "serotonin.autoreceptor_gprotein",
    "dopamine.extracellular",
    "dopamine.brain_tyrosine",
    "dopamine.dopac_tissue",
    "dopamine.hva_tissue",
    "dopamine.autoreceptor_factor",
)


def run_demo(days: float, outdir: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    import neurobalance as nb
    from neurobalance.analysis import DISCLAIMER
    from neurobalance.inputs import meals

    console = Console(width=max(120, Console().width))
    hours = 24.0 * days
    model = nb.default_model()
    inputs = {"serotonin.blood_tryptophan": meals("2020", mean=96.0),
              "dopamine.blood_tyrosine": meals("2020", mean=97.0)}
    times = np.linspace(0.0, hours, int(hours * 12) + 1)  # every 5 min
    with console.status(f"simulating {days:g} days of both terminals under three daily meals …"):
        ds = nb.simulate(model, hours, times=times, inputs=inputs)
        ref = nb.steady_state(model)
    last = ds["time"].values >= hours - 24.0
    table = Table(title=f"Last simulated day ({days:g}-day run, 2020 meal protocol)")
    for c in ("observable", "unit", "fasting steady state", "last-day mean", "last-day range", "reference range"):
        table.add_column(c)
    for name in KEY_OBSERVABLES:
        da = ds[name]
        x = da.values[last]
        rr = da.attrs.get("reference_range")
        mean = float(np.mean(x))
        if rr:
            inside = rr[0] <= mean <= rr[1]
            rtxt = f"{rr[0]:g}–{rr[1]:g} " + ("[green]inside[/green]" if inside else "[red]outside[/red]")
        else:
            rtxt = "—"
        table.add_row(name, da.attrs["units"], f"{float(ref[name]):.4g}", f"{mean:.4g}",
                      f"{x.min():.4g}–{x.max():.4g}", rtxt)
    console.print(table)

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 2, figsize=(11, 7), sharex=True)
    t_days = ds["time"].values / 24.0
    panels = [("serotonin.extracellular", "dopamine.extracellular"),
              ("serotonin.brain_tryptophan", "dopamine.brain_tyrosine"),
              ("serotonin.hiaa_tissue", "dopamine.hva_tissue"),
              ("serotonin.autoreceptor_gprotein", "dopamine.autoreceptor_factor")]
    for ax, names in zip(axes.flat, panels):
        for n, colour in zip(names, ("tab:purple", "tab:orange")):
            ax.plot(t_days, ds[n].values, color=colour, lw=1.2, label=f"{n} [{ds[n].attrs['units']}]")
            rr = ds[n].attrs.get("reference_range")
            if rr:
                ax.axhspan(rr[0], rr[1], color=colour, alpha=0.08)
        ax.legend(fontsize=7, loc="best")
    for ax in axes[-1]:
        ax.set_xlabel("time (days)")
    fig.suptitle("neurobalance demo: serotonin and dopamine terminals under three daily meals\n" + DISCLAIMER,
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
