"""Global sensitivity (SALib) on the population engines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from neurobalance import sensitivity as S

SCENARIO = "acute-tryptophan-depletion"


@pytest.fixture(scope="module")
def morris() -> dict:
    return S.analyse(SCENARIO, method="morris", outputs=["serotonin.extracellular", "dopamine.extracellular", "balance"],
                     names=["SLC6A4", "TH", "MAOB"], n=4, workers=1, seed=1)


def test_morris_ranks_each_transmitter_by_its_own_machinery(morris: dict) -> None:
    assert morris["runs"] == 4 * (3 + 1) and morris["failed_runs"] == 0
    ht = {r["factor"]: r for r in morris["outputs"]["serotonin.extracellular"]["ranking"]}
    da = {r["factor"]: r for r in morris["outputs"]["dopamine.extracellular"]["ranking"]}
    # SERT sets extracellular 5-HT; TH (tyrosine hydroxylase) sets dopamine synthesis
    assert morris["outputs"]["serotonin.extracellular"]["ranking"][0]["factor"] == "SLC6A4"
    assert ht["SLC6A4"]["mu"] < 0  # more transporter, less extracellular 5-HT
    assert da["TH"]["mu_star"] > 5 * da["SLC6A4"]["mu_star"]
    assert da["TH"]["mu"] > 0
    # confidence intervals are reported and non-negative
    assert all(r["mu_star_conf"] >= 0 for r in ht.values())


def test_balance_index_is_an_output(morris: dict) -> None:
    b = morris["outputs"]["balance"]
    assert b["imputed"] == 0 and b["sd"] > 0
    assert len(b["ranking"]) == 3 and all(np.isfinite(r["mu_star"]) for r in b["ranking"])


def test_sobol_indices_and_files(tmp_path: Path) -> None:
    r = S.analyse(SCENARIO, method="sobol", outputs=["serotonin.extracellular", "hpa.acth@mean"],
                  names=["SLC6A4", "MAOB"], n=8, workers=1, seed=2)
    # an observable outside the population's default stored set (hpa.acth) is stored when asked for
    assert r["outputs"]["hpa.acth@mean"]["sd"] >= 0 and r["outputs"]["hpa.acth@mean"]["imputed"] == 0
    assert r["runs"] == 8 * (2 + 2)
    rows = {x["factor"]: x for x in r["outputs"]["serotonin.extracellular"]["ranking"]}
    # SERT explains most of the variance of extracellular 5-HT; MAO-B (a dopamine-terminal enzyme) little
    assert rows["SLC6A4"]["ST"] > 0.5 and rows["SLC6A4"]["ST"] > rows["MAOB"]["ST"]
    files = S.write(r, tmp_path)
    assert {f.name for f in files} >= {"sensitivity.json", "ranking_serotonin.extracellular.csv",
                                       "sensitivity_serotonin.extracellular.png"}
    assert json.loads((tmp_path / "sensitivity.json").read_text())["method"] == "sobol"


@pytest.mark.parametrize("argv, expected", [
    (["--method", "fast"], "method"),
    (["--method", "sobol", "--n", "6"], "power of two"),
    (["--factors", "NOPE"], "NOPE"),
    (["--outputs", "serotonin.nothing"], "serotonin.nothing"),
    (["--spread", "1"], "spread"),
])
def test_sensitivity_cli_rejects_bad_input_in_one_line(tmp_path: Path, argv: list[str], expected: str) -> None:
    out = tmp_path / "o"
    r = subprocess.run([sys.executable, "-m", "neurobalance.cli", "sensitivity", SCENARIO, "--out", str(out), *argv],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and expected in lines[0]
    assert not out.exists()
