"""Command-line interface: outputs of every command and the bad-input contract.

The contract for bad input: exactly one non-empty line on stderr that names the problem
and the fix, exit code 2, no traceback, and no (partial) output file.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import neurobalance as nb
from neurobalance.cli import app

libsbml = pytest.importorskip("libsbml")

HOURS = "2"
POINTS = 11


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    # typer >= 0.2x ships its own click; stdout and stderr are captured separately.
    return CliRunner()


@pytest.fixture(scope="module")
def model() -> nb.Model:
    return nb.default_model()


def _invoke(runner: CliRunner, *args: str):  # noqa: ANN202
    return runner.invoke(app, list(args))


def _ok(result) -> None:  # noqa: ANN001
    assert result.exit_code == 0, (
        f"exit {result.exit_code}; stderr={result.stderr!r}; exception={result.exception!r}"
    )


def _assert_user_error(result) -> str:  # noqa: ANN001
    """Exit 2, one non-empty stderr line, no traceback, no uncaught exception; return the line."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r} (would print a traceback)"
    )
    assert result.exit_code == 2, f"exit {result.exit_code}; stderr={result.stderr!r}"
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"expected one stderr line, got {lines!r}"
    assert lines[0].strip()
    return lines[0]


def _read_csv(path: Path) -> tuple[list[str], list[list[float]]]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], [[float(x) for x in r] for r in rows[1:]]


# --------------------------------------------------------------------------- simulate


@pytest.fixture(scope="module")
def reference_run(runner: CliRunner, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sim") / "ref"
    result = _invoke(runner, "simulate", "--hours", HOURS, "--points", str(POINTS), "--out", str(out))
    _ok(result)
    return out


@pytest.fixture(scope="module")
def sert_half_run(runner: CliRunner, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sim") / "sert"
    result = _invoke(runner, "simulate", "--hours", HOURS, "--points", str(POINTS), "--gene", "SLC6A4=0.5",
                     "--out", str(out))
    _ok(result)
    return out


def test_simulate_writes_both_files_and_nothing_else(reference_run: Path) -> None:
    assert sorted(p.name for p in reference_run.iterdir()) == ["summary.json", "timecourse.csv"]


def test_simulate_csv_columns_and_rows(reference_run: Path, model: nb.Model) -> None:
    header, rows = _read_csv(reference_run / "timecourse.csv")
    assert header[0] == "time_h"
    assert header[1:] == list(model.observables)
    assert len(rows) == POINTS
    assert all(len(r) == len(header) for r in rows)
    times = [r[0] for r in rows]
    assert times[0] == pytest.approx(0.0)
    assert times[-1] == pytest.approx(float(HOURS))
    assert all(b > a for a, b in itertools.pairwise(times))


def test_simulate_summary_matches_csv(reference_run: Path, model: nb.Model) -> None:
    summary = json.loads((reference_run / "summary.json").read_text(encoding="utf-8"))
    header, rows = _read_csv(reference_run / "timecourse.csv")
    assert set(summary["observables"]) == set(model.observables)
    for name, entry in summary["observables"].items():
        assert set(entry) >= {"unit", "final", "min", "max"}
        assert entry["unit"] == model.observables[name].display_unit
        col = [r[header.index(name)] for r in rows]
        assert entry["final"] == pytest.approx(col[-1], rel=1e-8)
        assert entry["min"] == pytest.approx(min(col), rel=1e-8)
        assert entry["max"] == pytest.approx(max(col), rel=1e-8)
        assert entry["min"] <= entry["final"] <= entry["max"]
    sero = summary["observables"]["serotonin.extracellular"]
    assert sero["unit"] == "nM"
    assert sero["final"] == pytest.approx(59.1, abs=0.3)  # whole-body model, entrained reference at midnight


def test_simulate_sert_half_raises_extracellular_serotonin(reference_run: Path, sert_half_run: Path) -> None:
    ref = json.loads((reference_run / "summary.json").read_text())["observables"]["serotonin.extracellular"]
    het = json.loads((sert_half_run / "summary.json").read_text())["observables"]["serotonin.extracellular"]
    assert het["final"] > ref["final"]
    assert ref["final"] == pytest.approx(59.12, abs=0.1)
    assert het["final"] == pytest.approx(64.23, abs=0.1)
    summary = json.loads((sert_half_run / "summary.json").read_text())
    assert summary["parameters_changed"] == {"gene.SLC6A4": 0.5}


# --------------------------------------------------------------------------- steady-state


def _steady_json(runner: CliRunner, *extra: str) -> dict:
    result = _invoke(runner, "steady-state", "--json", *extra)
    _ok(result)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def steady_ref(runner: CliRunner) -> dict:
    return _steady_json(runner)


def test_steady_state_json_reference(steady_ref: dict, model: nb.Model) -> None:
    assert set(steady_ref) >= {"observables", "stable"}
    assert steady_ref["stable"] is True
    obs = steady_ref["observables"]
    assert set(obs) == set(model.observables)
    for name, entry in obs.items():
        assert set(entry) == {"value", "unit"}
        assert entry["unit"] == model.observables[name].display_unit
        if name != "precursors.protein_balance":  # a signed net flux (synthesis − breakdown)
            assert entry["value"] >= 0, name
    assert abs(obs["precursors.protein_balance"]["value"]) < 1e-9  # body protein is steady at the steady state
    assert obs["dopamine.extracellular"]["unit"] == "nM"
    assert obs["dopamine.extracellular"]["value"] == pytest.approx(2.00, abs=0.01)
    assert obs["serotonin.extracellular"]["unit"] == "nM"
    assert obs["serotonin.extracellular"]["value"] == pytest.approx(58.95, abs=0.05)  # whole body, daily-mean HPA drive


def test_steady_state_dat_knockout(runner: CliRunner, steady_ref: dict) -> None:
    ko = _steady_json(runner, "--gene", "SLC6A3=0")
    da = ko["observables"]["dopamine.extracellular"]["value"]
    assert da == pytest.approx(26.56, abs=0.1)
    assert da > 10 * steady_ref["observables"]["dopamine.extracellular"]["value"]


def test_steady_state_set_parameter(runner: CliRunner, steady_ref: dict) -> None:
    hi = _steady_json(runner, "--set", "dopamine.vmax_th=250")
    assert hi["observables"]["dopamine.extracellular"]["value"] > (
        steady_ref["observables"]["dopamine.extracellular"]["value"] * 1.05
    )


def test_steady_state_table_output(runner: CliRunner) -> None:
    result = _invoke(runner, "steady-state")
    _ok(result)
    assert "dopamine.extracellular" in result.stdout
    assert "stable: True" in result.stdout


# --------------------------------------------------------------------------- list


def _list_json(runner: CliRunner, what: str) -> list[dict]:
    result = _invoke(runner, "list", what, "--json")
    _ok(result)
    return json.loads(result.stdout)


def test_list_genes(runner: CliRunner, model: nb.Model) -> None:
    rows = _list_json(runner, "genes")
    symbols = [r["symbol"] for r in rows]
    assert {"SLC6A4", "SLC6A3", "TPH2", "TH", "DRD2"} <= set(symbols)
    assert symbols == sorted(model.genes)
    assert all(r["description"] for r in rows)
    assert all(r["parameter"] in model.parameters for r in rows)


def test_list_observables(runner: CliRunner, model: nb.Model) -> None:
    rows = _list_json(runner, "observables")
    by_name = {r["name"]: r for r in rows}
    assert list(by_name) == list(model.observables)
    assert by_name["serotonin.extracellular"]["unit"] == "nM"
    assert by_name["dopamine.extracellular"]["unit"] == "nM"


def test_list_parameters(runner: CliRunner, model: nb.Model) -> None:
    rows = _list_json(runner, "parameters")
    assert [r["name"] for r in rows] == list(model.parameters)
    for r in rows:
        assert isinstance(r["description"], str) and r["description"].strip(), r["name"]
        assert isinstance(r["unit"], str) and r["unit"].strip(), r["name"]
        assert r["value"] >= 0, r["name"]
    by_name = {r["name"]: r for r in rows}
    assert "dopamine.vmax_th" in by_name


def test_list_table_output(runner: CliRunner) -> None:
    result = _invoke(runner, "list", "genes")
    _ok(result)
    assert "SLC6A4" in result.stdout


# --------------------------------------------------------------------------- export-sbml


def test_export_sbml_valid(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "model.xml"
    result = _invoke(runner, "export-sbml", str(out))
    _ok(result)
    assert out.is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["model.xml"]  # no temporary file left behind
    text = out.read_text(encoding="utf-8")
    assert "dopamine__eda" in text
    doc = libsbml.readSBMLFromFile(str(out))
    errors = [doc.getError(i).getMessage() for i in range(doc.getNumErrors())
              if doc.getError(i).getSeverity() >= libsbml.LIBSBML_SEV_ERROR]
    assert errors == []
    assert doc.getModel() is not None
    assert doc.getLevel() == 3 and doc.getVersion() == 2


def test_export_sbml_with_gene_differs(runner: CliRunner, tmp_path: Path) -> None:
    ref, het = tmp_path / "ref.xml", tmp_path / "het.xml"
    _ok(_invoke(runner, "export-sbml", str(ref)))
    _ok(_invoke(runner, "export-sbml", str(het), "--gene", "SLC6A4=0.5"))
    assert ref.read_text() != het.read_text()


# --------------------------------------------------------------------------- validate


def test_validate_fast_json(runner: CliRunner) -> None:
    result = _invoke(runner, "validate", "--fast", "--json")
    _ok(result)
    report = json.loads(result.stdout)
    assert report["total"] > 0
    assert report["failed"] == 0
    # T-DA-03 is skipped (with its reason) where the published SBML file is absent
    assert report["passed"] + report["skipped_here"] == report["total"]
    # only the side-by-side SBML checks may skip (where the published SBML files are absent)
    assert all(t["passed"] or (t["skipped"] and ".xml not found" in t["skipped"]) for t in report["targets"])
    ids = [t["id"] for t in report["targets"]]
    assert "T-DA-01" in ids
    assert len(ids) == report["total"] == len(set(ids))


def test_validate_single_target(runner: CliRunner) -> None:
    result = _invoke(runner, "validate", "--target", "T-DA-01", "--json")
    _ok(result)
    report = json.loads(result.stdout)
    assert report["total"] == 1 and report["passed"] == 1
    assert [t["id"] for t in report["targets"]] == ["T-DA-01"]


def test_validate_list(runner: CliRunner) -> None:
    result = _invoke(runner, "validate", "--list")
    _ok(result)
    ids = [line.split("\t")[0] for line in result.stdout.splitlines() if line.strip()]
    assert "T-DA-01" in ids and "T-5HT-01" in ids


def test_validate_unknown_target(runner: CliRunner) -> None:
    line = _assert_user_error(_invoke(runner, "validate", "--target", "T-XX-99", "--json"))
    assert "T-XX-99" in line
    assert "did you mean" in line
    assert "T-" in line.split("did you mean", 1)[1]


# --------------------------------------------------------------------------- bad inputs


BAD_MODEL_INPUTS = {
    "unknown gene": (["--gene", "SLC6A5=1"], ["SLC6A5", "SLC6A4"]),
    "gene without =": (["--gene", "SLC6A4"], ["SLC6A4", "="]),
    "gene not a number": (["--gene", "SLC6A4=abc"], ["abc", "number"]),
    "gene negative": (["--gene", "SLC6A4=-1"], ["-1", "negative"]),
    "gene nan": (["--gene", "SLC6A4=nan"], ["nan"]),
    "gene inf": (["--gene", "SLC6A4=inf"], ["inf"]),
    "unknown parameter": (["--set", "dopamine.vmax_thh=1"], ["dopamine.vmax_thh", "dopamine.vmax_th'"]),
    "parameter nan": (["--set", "dopamine.vmax_th=nan"], ["nan"]),
}

BAD_SIMULATE_ONLY = {
    "negative hours": (["--hours", "-5"], ["hours"]),
    "zero hours": (["--hours", "0"], ["hours"]),
    "nan hours": (["--hours", "nan"], ["hours"]),
    "unknown engine": (["--engine", "foo"], ["foo", "roadrunner"]),
    "one point": (["--points", "1"], ["points"]),
}


@pytest.mark.parametrize("case", [*BAD_MODEL_INPUTS, *BAD_SIMULATE_ONLY])
def test_simulate_bad_input(runner: CliRunner, tmp_path: Path, case: str) -> None:
    args, fragments = {**BAD_MODEL_INPUTS, **BAD_SIMULATE_ONLY}[case]
    out = tmp_path / "out"
    line = _assert_user_error(_invoke(runner, "simulate", "--hours", "1", *args, "--out", str(out)))
    for fragment in fragments:
        assert fragment in line, f"{fragment!r} not in {line!r}"
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("case", list(BAD_MODEL_INPUTS))
def test_steady_state_bad_input(runner: CliRunner, case: str) -> None:
    args, fragments = BAD_MODEL_INPUTS[case]
    result = _invoke(runner, "steady-state", "--json", *args)
    line = _assert_user_error(result)
    assert result.stdout == ""
    for fragment in fragments:
        assert fragment in line


@pytest.mark.parametrize("case", list(BAD_MODEL_INPUTS))
def test_export_sbml_bad_input(runner: CliRunner, tmp_path: Path, case: str) -> None:
    args, _ = BAD_MODEL_INPUTS[case]
    out = tmp_path / "model.xml"
    _assert_user_error(_invoke(runner, "export-sbml", str(out), *args))
    assert list(tmp_path.iterdir()) == []


def test_simulate_out_unwritable_proc(runner: CliRunner) -> None:
    target = Path("/proc/neurobalance_test")
    if not Path("/proc").is_dir():
        pytest.skip("no /proc on this platform")
    line = _assert_user_error(_invoke(runner, "simulate", "--hours", "1", "--out", str(target)))
    assert str(target) in line
    assert not target.exists()


def test_simulate_out_under_a_file(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("not a directory\n")
    out = blocker / "sub"
    line = _assert_user_error(_invoke(runner, "simulate", "--hours", "1", "--out", str(out)))
    assert "afile" in line
    assert blocker.is_file() and blocker.read_text() == "not a directory\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_simulate_out_is_a_file(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x\n")
    line = _assert_user_error(_invoke(runner, "simulate", "--hours", "1", "--out", str(blocker)))
    assert "not a directory" in line
    assert blocker.read_text() == "x\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores directory permissions")
def test_simulate_out_read_only_dir(runner: CliRunner, tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        line = _assert_user_error(_invoke(runner, "simulate", "--hours", "1", "--out", str(ro / "out")))
        assert "writable" in line
        assert list(ro.iterdir()) == []
    finally:
        ro.chmod(0o755)


def test_export_sbml_missing_directory(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "missing" / "model.xml"
    line = _assert_user_error(_invoke(runner, "export-sbml", str(out)))
    assert "missing" in line and "does not exist" in line
    assert list(tmp_path.iterdir()) == []


def test_export_sbml_into_a_directory(runner: CliRunner, tmp_path: Path) -> None:
    line = _assert_user_error(_invoke(runner, "export-sbml", str(tmp_path)))
    assert "directory" in line
    assert list(tmp_path.iterdir()) == []


def test_export_sbml_under_a_file(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x\n")
    line = _assert_user_error(_invoke(runner, "export-sbml", str(blocker / "model.xml")))
    assert "afile" in line
    assert blocker.read_text() == "x\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_demo_out_under_a_file(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x\n")
    line = _assert_user_error(_invoke(runner, "demo", "--days", "1", "--out", str(blocker / "sub")))
    assert "afile" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_steady_state_unknown_engine(runner: CliRunner) -> None:
    line = _assert_user_error(_invoke(runner, "steady-state", "--engine", "foo"))
    assert "foo" in line


@pytest.mark.parametrize("days", ["0", "-1", "nan", "1000"])
def test_demo_bad_days(runner: CliRunner, tmp_path: Path, days: str) -> None:
    out = tmp_path / "demo"
    line = _assert_user_error(_invoke(runner, "demo", "--days", days, "--out", str(out)))
    assert "--days" in line
    assert not out.exists()


def test_bad_input_real_process_has_no_traceback(tmp_path: Path) -> None:
    """The installed entry point (not CliRunner): real stderr carries one line, no traceback."""
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-c", "from neurobalance.cli import main; main()",
         "simulate", "--gene", "SLC6A5=1", "--out", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert len(proc.stderr.splitlines()) == 1
    assert "SLC6A4" in proc.stderr
    assert not out.exists()


# --------------------------------------------------------------------------- misc


def test_version(runner: CliRunner) -> None:
    result = _invoke(runner, "--version")
    _ok(result)
    assert nb.__version__ in result.stdout
    assert result.stdout.strip() == f"neurobalance {nb.__version__}"


def test_demo_writes_plot(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = _invoke(runner, "demo", "--days", "1", "--out", str(out))
    _ok(result)
    assert [p.name for p in out.iterdir()] == ["demo.png"]
    assert (out / "demo.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "last simulated day" in result.stdout  # rich wraps long cells at 80 columns
    assert "medical advice" in result.stdout


def test_cite_prints_bibtex(runner: CliRunner) -> None:
    result = _invoke(runner, "cite")
    _ok(result)
    assert result.stdout.count("@") >= 2
    assert "@article{" in result.stdout


# --- review follow-ups --------------------------------------------------------------------

@pytest.mark.parametrize("cmd", ["steady-state", "simulate"])
def test_zero_compartment_volume_is_a_user_error(runner: CliRunner, tmp_path: Path, cmd: str) -> None:
    args = [cmd, "--set", "dopamine.f_volume_extracellular=0"]
    if cmd == "simulate":
        args += ["--out", str(tmp_path / "o")]
    line = _assert_user_error(_invoke(runner, *args))
    assert "dopamine.f_volume_extracellular" in line and "positive" in line
    assert not (tmp_path / "o").exists()


def test_too_many_points_is_a_user_error(runner: CliRunner, tmp_path: Path) -> None:
    line = _assert_user_error(_invoke(runner, "simulate", "--points", "100000000", "--out", str(tmp_path / "o")))
    assert "points" in line
    assert not any((tmp_path / "o").glob("*")) if (tmp_path / "o").exists() else True


def test_output_files_get_ordinary_permissions(runner: CliRunner, tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        res = _invoke(runner, "simulate", "--hours", "1", "--points", "3", "--out", str(tmp_path / "o"))
        assert res.exit_code == 0, res.output
    finally:
        os.umask(umask)
    for name in ("timecourse.csv", "summary.json"):
        assert (tmp_path / "o" / name).stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["summary.json", "timecourse.csv"]


def test_validate_json_of_a_time_course_target_is_valid_json(runner: CliRunner) -> None:
    res = _invoke(runner, "validate", "--target", "T-5HT-25", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["passed"] == data["total"] == 1
    assert all(isinstance(c["passed"], bool) for c in data["targets"][0]["checks"])


@pytest.mark.parametrize(("spec", "word"), [
    ("endotoxin_challenge:dose_ng_per_kg=-1", "dose_ng_per_kg"),
    ("endotoxin", "endotoxin_challenge"),  # unknown name, with the suggestion
    ("stress:intensty=1", "intensty"),
    ("stress:kind", "OPTION=VALUE"),
])
def test_simulate_bad_condition_is_one_line(runner: CliRunner, tmp_path: Path, spec: str, word: str) -> None:
    out = tmp_path / "run"
    line = _assert_user_error(_invoke(runner, "simulate", "--hours", "1", "--condition", spec, "--out", str(out)))
    assert word in line
    assert not out.exists()


def test_simulate_with_a_condition_records_it_and_changes_the_result(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "lps"
    _ok(_invoke(runner, "simulate", "--hours", "4", "--points", "41", "--condition",
                "endotoxin_challenge:dose_ng_per_kg=2,at_h=1", "--out", str(out)))
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["conditions"][0]["name"] == "endotoxin_challenge"
    tnf = summary["observables"]["inflammation.tnf_alpha"]
    assert tnf["max"] > 10 * tnf["min"]  # the endotoxin response is in the run


def test_list_conditions_json(runner: CliRunner) -> None:
    result = _invoke(runner, "list", "conditions", "--json")
    _ok(result)
    names = {row["name"] for row in json.loads(result.stdout)}
    assert {"stress", "endotoxin_challenge", "dexamethasone"} <= names
