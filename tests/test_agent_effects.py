"""Each mechanism class of the agent library moves the model the way its pharmacology says."""

from __future__ import annotations

import numpy as np
import pytest

from neurobalance.scenarios import from_dict, run


def _run(interventions: list[dict], hours: str = "3 d", conditions: list[dict] | None = None,
         outputs: tuple[str, ...] = ()):  # noqa: ANN202
    return run(from_dict({"name": "t", "duration": hours, "interventions": interventions,
                          "conditions": conditions or [], "outputs": {"interval": "15 min",
                                                                     "observables": list(outputs)}}))


def _mean_day3(ds, name: str) -> float:  # noqa: ANN001
    """Mean over the last day of the run."""
    t = ds["time"].values
    return float(np.mean(ds[name].values[t >= t[-1] - 24.0]))


@pytest.fixture(scope="module")
def control():  # noqa: ANN201
    return _run([], outputs=("hpa.cortisol", "hpa.peripheral_gr_occupancy", "serotonin.extracellular"))


def test_mifepristone_blocks_gr_and_lifts_cortisol(control) -> None:  # noqa: ANN001
    ds = _run([{"agent": "mifepristone", "dose": "600 mg", "start": "8 h", "interval": "24 h", "doses": 3}],
              outputs=("hpa.cortisol", "hpa.peripheral_gr_occupancy"))
    assert _mean_day3(ds, "hpa.cortisol") > 1.2 * _mean_day3(control, "hpa.cortisol")
    assert _mean_day3(ds, "hpa.peripheral_gr_occupancy") < 0.5 * _mean_day3(control, "hpa.peripheral_gr_occupancy")


def test_infliximab_blunts_an_endotoxin_response_only() -> None:
    lps = [{"name": "endotoxin_challenge", "dose_ng_per_kg": 2.0, "at_h": 33.0}]
    inf = [{"agent": "infliximab", "dose": "5 mg/kg", "route": "iv", "infusion": "2 h", "start": "8 h"}]
    out = ("inflammation.il6",)
    a = _run([], "2 d", lps, out)["inflammation.il6"].values
    b = _run(inf, "2 d", lps, out)["inflammation.il6"].values
    assert b.max() - b[0] < 0.5 * (a.max() - a[0])
    quiet = _run(inf, "2 d", None, out)["inflammation.il6"].values
    assert abs(quiet[-1] / quiet[0] - 1) < 0.01  # basal TNF-α is not what the antibody changes


def test_maois_and_5htp_raise_serotonin_and_oral_selegiline_does_not(control) -> None:  # noqa: ANN001
    base = _mean_day3(control, "serotonin.extracellular")
    phen = _run([{"agent": "phenelzine", "dose": "15 mg", "start": "8 h", "interval": "8 h", "doses": 21}], "7 d",
                outputs=("serotonin.extracellular",))
    sel = _run([{"agent": "selegiline", "dose": "10 mg", "start": "8 h", "interval": "24 h", "doses": 3}],
               outputs=("serotonin.extracellular",))
    htp = _run([{"agent": "5-htp", "dose": "200 mg", "start": "8 h", "interval": "24 h", "doses": 3}],
               outputs=("serotonin.extracellular",))
    assert _mean_day3(phen, "serotonin.extracellular") > 1.05 * base
    assert abs(_mean_day3(sel, "serotonin.extracellular") / base - 1) < 0.02
    assert float(np.max(htp["serotonin.extracellular"].values)) > 1.05 * base


def test_iron_repletes_a_deficit_but_barely_loads_a_replete_brain() -> None:
    iron = [{"agent": "iron", "dose": "65 mg", "start": "0 h", "interval": "24 h", "stop": "20 weeks"}]
    deficit = [{"name": "iron_deficiency", "severity": 0.6}]
    name = "cofactors.brain_iron"
    out = (name,)
    low = _run([], "20 weeks", deficit, out)[name].values[-1]
    fixed = _run(iron, "20 weeks", deficit, out)[name].values[-1]
    replete = _run(iron, "20 weeks", None, out)[name].values[-1]
    assert low < 0.6 and fixed > 0.9 and replete < 1.35


def test_celecoxib_blunts_the_cortisol_response_to_endotoxin() -> None:
    lps = [{"name": "endotoxin_challenge", "dose_ng_per_kg": 2.0, "at_h": 33.0}]
    cx = [{"agent": "celecoxib", "dose": "200 mg", "start": "8 h", "interval": "12 h", "doses": 4}]
    base = _run([], "2 d", None, ("hpa.cortisol",))["hpa.cortisol"].values
    a = _run([], "2 d", lps, ("hpa.cortisol",))["hpa.cortisol"].values - base
    b = _run(cx, "2 d", lps, ("hpa.cortisol",))["hpa.cortisol"].values - base
    t = np.linspace(0, 48, a.size)
    w = (t > 33) & (t < 42)
    # the endotoxin-induced cortisol increment shrinks (the cytokine drive of CRH saturates, so by less than the
    # prostaglandin share of the drive)
    assert b[w].sum() < 0.9 * a[w].sum()


def test_stress_reduction_lowers_cortisol_after_it_starts() -> None:
    stress = [{"name": "stress", "kind": "chronic", "intensity": 1.5, "hours_per_day": 8.0, "weeks": 2.0}]
    relief = [{"agent": "stress-reduction", "dose": "80 %", "start": "7 d"}]
    a = _run([], "14 d", stress, ("hpa.cortisol",))
    b = _run(relief, "14 d", stress, ("hpa.cortisol",))
    t = a["time"].values
    first, last = t < 6 * 24.0, t >= 13 * 24.0
    assert np.allclose(a["hpa.cortisol"].values[first], b["hpa.cortisol"].values[first], rtol=1e-6)
    assert b["hpa.cortisol"].values[last].mean() < 0.9 * a["hpa.cortisol"].values[last].mean()
