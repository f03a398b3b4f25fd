"""Scenario files: the library, golden error messages, fuzzed malformed files, the `run` command's outputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from neurobalance.cli import app
from neurobalance.scenarios import ScenarioError, library, load, run, summary

runner = CliRunner()

GOOD = """name = "t"
duration = "2 d"

[[interventions]]
agent = "escitalopram"
dose = "10 mg"
start = "8 h"
interval = "24 h"
doses = 2
"""


def _write(tmp_path: Path, text: str, name: str = "s.toml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_library_has_the_required_scenarios() -> None:
    need = {"healthy-baseline", "chronic-stress-8w", "chronic-inflammation", "interferon-alpha-12w",
            "endotoxin-challenge", "acute-tryptophan-depletion", "dexamethasone-suppression-test", "b6-deficiency",
            "escitalopram-10mg-8w", "chronic-stress-plus-escitalopram", "vigabatrin-3g-4w",
            "lorazepam-continuous-3w", "ketamine-infusion"}
    assert need <= set(library())


@pytest.mark.parametrize("name", sorted(library()))
def test_every_library_scenario_resolves(name: str) -> None:
    r = load(name)
    assert r.scenario.name == name and r.scenario.description and r.scenario.sources
    assert r.hours > 0 and r.times[-1] == pytest.approx(r.hours)


def test_extends_appends_interventions_to_the_parent_conditions() -> None:
    r = load("chronic-stress-plus-escitalopram")
    assert [c.name for c in r.scenario.conditions] == ["stress"]
    assert r.scenario.interventions[0].agent == "escitalopram"
    assert r.hours == 8 * 168
    assert any(c.name == "pkpd:SERT" for c in r.conditions)


# (file text, expected one-line message pattern)
GOLDEN = [
    ('name = "t"\nduration = "2 d\n', r"^s\.toml:2: \(file\): not valid TOML .* — fix the syntax at that place$"),
    ('name = "t"\n', r"^s\.toml: duration: is required — add it$"),
    ('name = "t"\nduration = "2 d"\ncolour = "red"\n',
     r"^s\.toml:3: colour: is not a field of a scenario here — remove it or check its spelling"),
    ('name = "t"\nduration = 48\n', r"^s\.toml:2: duration: .*Input should be a valid string.* — give a quoted string$"),
    ('name = "t"\nduration = "2 fortnights"\n', r"^s\.toml:2: duration: '2 fortnights' is not a time with a unit — "),
    ('name = "t"\nduration = "300 weeks"\n', r"^s\.toml:2: duration: '300 weeks' is outside \(0, 2 years\]"),
    ('name = "t"\nduration = "100 weeks"\n[outputs]\ninterval = "1 min"\n',
     r"^s\.toml:4: outputs\.interval: '1 min' over '100 weeks' gives 1008001 output points — sample more coarsely"),
    ('name = "t"\nduration = "2 d"\n[[interventions]]\nagent = "prozac"\ndose = "10 mg"\n',
     r"^s\.toml:4: interventions\[0\]\.agent: unknown agent 'prozac'"),
    ('name = "t"\nduration = "2 d"\n[[interventions]]\nagent = "paroxetine"\ndose = "20 mg"\n',
     r"^s\.toml:4: interventions\[0\]\.agent: unknown agent 'paroxetine' — it is planned \(non-linear"),
    ('name = "t"\nduration = "2 d"\n[[interventions]]\nagent = "escitalopram"\ndose = "-10 mg"\n',
     r"^s\.toml:5: interventions\[0\]\.dose: '-10 mg' is not a positive dose — give a dose above zero$"),
    ('name = "t"\nduration = "2 d"\n[[interventions]]\nagent = "escitalopram"\ndose = "10 g"\n',
     r"^s\.toml:5: interventions\[0\]\.dose: '10 g' \(10000 mg\) is above the largest single dose accepted for "
     r"escitalopram \(60 mg\) — check the unit"),
    ('name = "t"\nduration = "2 d"\n[[interventions]]\nagent = "escitalopram"\ndose = "10 ml"\n',
     r"^s\.toml:5: interventions\[0\]\.dose: '10 ml' is not a dose with a mass unit"),
    ('name = "t"\nduration = "2 d"\n[[interventions]]\nagent = "escitalopram"\ndose = "10 mg"\nroute = "iv"\n',
     r"^s\.toml:6: interventions\[0\]\.route: escitalopram is not modelled by route 'iv' — use one of oral$"),
    ('name = "t"\nduration = "4 d"\n[[interventions]]\nagent = "escitalopram"\ndose = "10 mg"\ninterval = "24 h"\n'
     'doses = 3\n[[interventions]]\nagent = "escitalopram"\ndose = "20 mg"\nstart = "1 d"\n',
     r"^s\.toml:\d+: interventions\[1\]\.start: escitalopram overlaps interventions\[0\] .* — start after the "),
    ('name = "t"\nduration = "2 d"\n[[conditions]]\nname = "stres"\n',
     r"^s\.toml:3: conditions\[0\]: unknown condition 'stres'; did you mean 'stress'\?"),
    ('name = "t"\nduration = "2 d"\n[[conditions]]\nname = "stress"\nintensity = -1\n',
     r"^s\.toml:5: conditions\[0\]\.intensity: must be a non-negative number"),
    ('name = "t"\nduration = "2 d"\n[genotype]\nSERT = 0.5\n',
     r"^s\.toml:4: genotype\.SERT: unknown gene.* — use an HGNC symbol"),
    ('name = "t"\nduration = "2 d"\n[parameters]\n"serotonin.vmax_sert" = {scale = 0.5, set = 1.0}\n',
     r"^s\.toml:4: parameters\.serotonin\.vmax_sert: needs exactly one of set or scale"),
    ('name = "t"\nduration = "2 d"\n[outputs]\nobservables = ["serotonin.extracelular"]\n',
     r"^s\.toml:4: outputs\.observables\[0\]: unknown observable 'serotonin\.extracelular'; did you mean"),
    ('name = "t"\nduration = "2 d"\nengine = "matlab"\n', r"^s\.toml:3: engine: .* — use roadrunner, scipy or jax$"),
    ('name = "t"\nduration = "2 d"\n[[interventions]]\nagent = "stress-reduction"\ndose = "50 %"\n',
     r"^s\.toml:4: interventions\[0\]\.agent: stress-reduction changes the 'stress' condition, which this scenario "
     r"does not have — add a \[\[conditions\]\] entry"),
    ('name = "t"\nduration = "2 d"\n[[conditions]]\nname = "stress"\n[[interventions]]\nagent = "stress-reduction"\n'
     'dose = "50 mg"\n', r"^s\.toml:7: interventions\[0\]\.dose: '50 mg' is not a reduction — give the reduction"),
    ('name = "t"\nextends = "no-such-scenario"\n',
     r"^s\.toml:2: extends: unknown scenario 'no-such-scenario'.* — give a library name or a file path$"),
]


@pytest.mark.parametrize(("text", "pattern"), GOLDEN, ids=[f"golden{i}" for i in range(len(GOLDEN))])
def test_golden_error_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, pattern: str) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, text)
    with pytest.raises(ScenarioError) as exc:
        load("s.toml")
    msg = str(exc.value)
    assert "\n" not in msg
    assert re.search(pattern, msg), msg


def test_cli_error_is_one_line_exit_2_and_leaves_no_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, GOOD.replace('"10 mg"', '"-1 mg"'))
    out = tmp_path / "out"
    r = runner.invoke(app, ["run", "s.toml", "--out", str(out)])
    assert r.exit_code == 2
    lines = [ln for ln in r.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: s.toml:6: interventions[0].dose:")
    assert "Traceback" not in r.output
    assert not out.exists() and not any(p.name.startswith(".neurobalance-run") for p in tmp_path.iterdir())


def test_cli_run_writes_every_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path, GOOD + '\n[outputs]\nobservables = ["serotonin.extracellular", "hpa.cortisol"]\n'
           'interval = "2 h"\nreport_at = ["0 h", "30 h"]\n')
    r = runner.invoke(app, ["run", "s.toml", "--out", "o", "--json"])
    assert r.exit_code == 0, r.output
    summ = json.loads(r.output)
    o = tmp_path / "o"
    names = {p.name for p in o.iterdir()}
    assert {"timecourse.csv", "summary.json", "scenario.toml", "report.html", "plot_serotonin.png", "plot_hpa.png"} <= names
    head = (o / "timecourse.csv").read_text(encoding="utf-8").splitlines()[0]
    assert head == "time_h,serotonin.extracellular,hpa.cortisol"
    e = summ["observables"]["serotonin.extracellular"]
    assert e["unit"] == "nM" and set(e["at"]) == {"0 h", "30 h"}
    # the SSRI raises extracellular 5-HT above its starting value within a day of the first dose
    assert e["at"]["30 h"] > 1.05 * e["at"]["0 h"] and e["max"] >= e["final"] >= e["min"]
    html = (o / "report.html").read_text(encoding="utf-8")
    assert "not medical advice" in html and "data:image/png;base64," in html
    assert "seed 0" in (o / "scenario.toml").read_text(encoding="utf-8")


@pytest.mark.slow
def test_runs_agree_between_cpu_engines() -> None:
    """roadrunner and SciPy (LSODA) give the same time course for a dosed scenario."""
    res = load("dexamethasone-suppression-test")
    res.times = res.times[res.times <= 36.0]
    a = run(res)
    res.engine = "scipy"
    b = run(res)
    for name in ("hpa.cortisol", "serotonin.extracellular", "kynurenine.plasma_kyn"):
        x, y = a[name].values, b[name].values
        assert np.sqrt(np.mean((x - y) ** 2)) / np.sqrt(np.mean(x * x)) < 1e-3, name
    s = summary(res, a)["observables"]["hpa.cortisol"]
    assert s["at"]["32 h"] < 0.5 * float(np.interp(8.0, a["time"].values, a["hpa.cortisol"].values))


# ---- fuzzing: malformed scenarios always give one clean line, never a traceback -------------------
_fields = st.sampled_from(["name", "duration", "engine", "body_mass_kg", "seed", "extends", "genotype", "parameters",
                           "interventions", "conditions", "outputs", "nonsense"])
_values = st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=True), st.text(max_size=12), st.booleans(),
                    st.lists(st.integers(), max_size=3), st.sampled_from(['"2 d"', '"-3 h"', '"1e9 weeks"', '"x"']))
_iv_keys = st.sampled_from(["agent", "dose", "route", "start", "interval", "doses", "stop", "infusion", "bogus"])
_iv_vals = st.one_of(st.sampled_from(['"escitalopram"', '"ketamine"', '"nope"', '"10 mg"', '"-5 mg"', '"1e12 g"',
                                      '"24 h"', '"0 h"', '"iv"', '"oral"', "0", "-1", "10000000", '"3 d"', "1.5",
                                      '"40 min"', "true"]), st.integers(-5, 10**7).map(str))


def _toml_literal(v: object) -> str:
    if isinstance(v, str) and v.startswith('"'):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'
    if isinstance(v, float) and v != v:
        return "nan"
    if isinstance(v, float) and v in (float("inf"), float("-inf")):
        return "inf" if v > 0 else "-inf"
    if isinstance(v, list):
        return "[" + ", ".join(str(x) for x in v) + "]"
    return repr(v)


@st.composite
def malformed(draw: st.DrawFn) -> str:
    lines = ['name = "fuzz"', 'duration = "2 d"']
    for _ in range(draw(st.integers(0, 3))):
        f = draw(_fields)
        lines = [ln for ln in lines if not ln.startswith(f + " ")]
        lines.insert(0, f"{f} = {_toml_literal(draw(_values))}")
    for _ in range(draw(st.integers(0, 2))):
        lines.append("[[interventions]]")
        for _ in range(draw(st.integers(0, 5))):
            lines.append(f"{draw(_iv_keys)} = {draw(_iv_vals)}")
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.text(max_size=15)))
    return "\n".join(lines) + "\n"


def _check_fuzz(text: str, tmp: Path) -> None:
    p = tmp / "f.toml"
    p.write_text(text, encoding="utf-8")
    try:
        load(str(p))
    except ScenarioError as exc:
        msg = str(exc)
        assert "\n" not in msg and " — " in msg and msg.startswith(str(p)), msg
    except Exception as exc:  # noqa: BLE001
        from neurobalance._errors import NeurobalanceError

        assert isinstance(exc, NeurobalanceError), f"{type(exc).__name__}: {exc}\n---\n{text}"
        assert "\n" not in str(exc)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=malformed())
def test_fuzzed_scenarios_fail_cleanly(tmp_path: Path, text: str) -> None:
    _check_fuzz(text, tmp_path)


@pytest.mark.slow
@settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=malformed())
def test_fuzzed_scenarios_fail_cleanly_many(tmp_path: Path, text: str) -> None:
    _check_fuzz(text, tmp_path)
