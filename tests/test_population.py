"""Virtual populations: reproducible draws, failure isolation, resumable chunks, Dask with a killed worker,
and agreement between the CPU pool and JAX on the same subjects."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from neurobalance import population as P

SCENARIO = "acute-tryptophan-depletion"  # 24 h: the shortest library scenario


@pytest.fixture(scope="module")
def small_spec() -> P.PopulationSpec:
    return P.spec(SCENARIO, 6, seed=5, chunk=2)


def test_draws_depend_on_seed_and_subject_not_on_chunking() -> None:
    from neurobalance.scenarios import load

    model = load(SCENARIO).model
    a = P.spec(SCENARIO, 10, seed=1, chunk=3)
    b = P.spec(SCENARIO, 10, seed=1, chunk=7)
    c = P.spec(SCENARIO, 10, seed=2, chunk=3)
    names, va, ga = P.draw(model, a, 0, 10)
    _, vb1, gb1 = P.draw(model, b, 0, 4)
    _, vb2, gb2 = P.draw(model, b, 4, 10)
    np.testing.assert_array_equal(va, np.vstack([vb1, vb2]))
    np.testing.assert_array_equal(ga, np.vstack([gb1, gb2]))
    _, vc, _ = P.draw(model, c, 0, 10)
    assert not np.allclose(va, vc)
    # the spread is the requested one (log-normal, σ = 0.05 unless the plausible range is narrower)
    ref = np.array([model[n] for n in names])
    assert len(names) > 100
    assert 0.03 < float(np.std(np.log(va / ref))) < 0.06


def test_genotype_frequencies_match_the_declared_allele_frequencies() -> None:
    from neurobalance.scenarios import load

    model = load(SCENARIO).model
    s = P.spec(SCENARIO, 3000, seed=11, sigma=0.0)
    _, _, geno = P.draw(model, s, 0, 3000)
    for j, v in enumerate(P.VARIANTS):
        freq = geno[:, j].mean() / 2
        se = np.sqrt(v.frequency * (1 - v.frequency) / 6000)
        assert abs(freq - v.frequency) < 4 * se, (v.gene, freq)
        # Hardy–Weinberg: homozygotes at p²
        hom = np.mean(geno[:, j] == 2)
        assert abs(hom - v.frequency**2) < 4 * np.sqrt(v.frequency**2 * (1 - v.frequency**2) / 3000)


def test_population_is_reproducible_across_workers_and_chunk_sizes(tmp_path: Path, small_spec) -> None:
    one = P.run(small_spec, tmp_path / "a", workers=1)
    assert one["computed"] == 3 and one["skipped"] == 0
    other = P.spec(SCENARIO, 6, seed=5, chunk=3)
    P.run(other, tmp_path / "b", workers=2)
    a, b = P.open_population(tmp_path / "a"), P.open_population(tmp_path / "b")
    assert a.attrs["complete"] == 1 and list(a["subject"].values) == list(range(6))
    ok = a["status"].values == 0
    assert ok.sum() >= 4
    np.testing.assert_array_equal(a["status"].values, b["status"].values)
    np.testing.assert_allclose(a["values"].values[ok], b["values"].values[ok], rtol=1e-5)
    np.testing.assert_array_equal(a["genotype"].values, b["genotype"].values)
    # subjects differ from each other, and the balance index is computed for every one that ran
    assert np.all(np.isfinite(a["index"].values[ok])) and np.all(np.isnan(a["index"].values[~ok]))
    assert np.all([len(m) > 0 for m in a["message"].values[~ok]])
    assert np.std(a["values"].sel(observable="serotonin.extracellular").isel(time=-1).values[ok]) > 0.1
    s = P.summarise(a)
    assert s["subjects"] == 6 and s["status"]["ok"] == int(ok.sum())
    assert 0.0 <= s["out_of_balance_fraction"] <= 1.0


def test_resume_recomputes_only_unfinished_chunks(tmp_path: Path, small_spec) -> None:
    import zarr

    store = tmp_path / "p.zarr"
    P.run(small_spec, store, workers=1)
    before = P.open_population(store)["values"].values.copy()
    # chunk 1 "was killed": its marker is missing and its rows are half-written
    (store / "chunks" / "1.json").unlink()
    g = zarr.open_group(str(store), mode="a")
    g["values"][2:3] = np.nan
    info = P.run(small_spec, store, workers=1)
    assert info["computed"] == 1 and info["skipped"] == 2
    after = P.open_population(store)
    np.testing.assert_array_equal(after["values"].values, before)
    assert after.attrs["complete"] == 1
    # a different population cannot be resumed into the same store
    from neurobalance._errors import InvalidValueError

    with pytest.raises(InvalidValueError, match="another spec"):
        P.run(P.spec(SCENARIO, 6, seed=6, chunk=2), store, workers=1)


def test_a_failing_subject_is_data_not_an_exception(tmp_path: Path) -> None:
    from neurobalance.scenarios import load

    model = load(SCENARIO).model
    vol = next(n for n in model.structure.volume_parameters)
    s = P.spec(SCENARIO, 3, seed=0, sigma=0.0, variants=(), design={vol: [model[vol], 0.0, model[vol]]}, chunk=3)
    P.run(s, tmp_path / "f", workers=1)
    ds = P.open_population(tmp_path / "f")
    assert list(ds["status"].values) == [0, 1, 0]
    assert "positive" in ds["message"].values[1]
    assert np.all(np.isnan(ds["values"].values[1]))
    # the others are exactly the reference subject (σ = 0, no genotype): the same as each other
    np.testing.assert_allclose(ds["values"].values[0], ds["values"].values[2], rtol=1e-12)


def test_killed_run_resumes_without_losing_or_duplicating_subjects(tmp_path: Path) -> None:
    out = tmp_path / "run"
    cmd = [sys.executable, "-m", "neurobalance.cli", "population", SCENARIO, "--n", "8", "--chunk", "2",
           "--workers", "1", "--seed", "9", "--out", str(out), "--json"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    marker = out / "population.zarr" / "chunks" / "0.json"
    deadline = time.time() + 300
    while not marker.exists() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert marker.exists(), "the first chunk never finished"
    done_before = len(list((out / "population.zarr" / "chunks").glob("*.json")))
    assert done_before < 4
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr
    summ = json.loads(r.stdout)
    assert summ["run"]["skipped"] == done_before and summ["run"]["computed"] == 4 - done_before
    ds = P.open_population(out / "population.zarr")
    assert ds.attrs["complete"] == 1 and np.all(ds["status"].values >= 0)
    ref = P.spec(SCENARIO, 8, seed=9, chunk=4)
    P.run(ref, tmp_path / "ref", workers=1)
    r2 = P.open_population(tmp_path / "ref")
    np.testing.assert_array_equal(ds["status"].values, r2["status"].values)
    np.testing.assert_allclose(ds["values"].values, r2["values"].values, rtol=1e-5)


def test_dask_local_cluster_survives_a_killed_worker(tmp_path: Path, small_spec) -> None:
    pytest.importorskip("distributed")
    marker = tmp_path / "killed"
    env = dict(os.environ, NEUROBALANCE_FAULT_INJECT=f"1:{marker}")
    code = ("from neurobalance import population as P\n"
            "if __name__ == '__main__':\n"
            f"    P.run(P.spec({SCENARIO!r}, 6, seed=5, chunk=2), {str(tmp_path / 'd')!r}, workers=2, scheduler='local')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert marker.exists(), "the fault was not injected"
    d = P.open_population(tmp_path / "d")
    assert d.attrs["complete"] == 1 and np.all(d["status"].values >= 0)
    P.run(small_spec, tmp_path / "serial", workers=1)
    s = P.open_population(tmp_path / "serial")
    np.testing.assert_array_equal(d["status"].values, s["status"].values)
    np.testing.assert_allclose(d["values"].values, s["values"].values, rtol=1e-5)


@pytest.mark.parametrize("argv, expected", [
    (["--n", "0"], "n"),
    (["--engine", "copasi"], "engine"),
    (["--sigma", "-1"], "sigma"),
    (["--workers", "0"], "--workers"),
    (["--parameters", "missing.toml"], "parameters file"),
    (["--scheduler", "tcp://127.0.0.1:9"], "scheduler"),  # nothing listens on the discard port
])
def test_population_cli_rejects_bad_input_in_one_line(tmp_path: Path, argv: list[str], expected: str) -> None:
    out = tmp_path / "o"
    r = subprocess.run([sys.executable, "-m", "neurobalance.cli", "population", SCENARIO, "--out", str(out), *argv],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and expected in lines[0]
    assert not out.exists()


def test_parameter_file_sets_distributions(tmp_path: Path) -> None:
    from neurobalance._errors import NeurobalanceError
    from neurobalance.scenarios import load

    model = load(SCENARIO).model
    f = tmp_path / "d.toml"
    f.write_text('[parameters]\n"serotonin.vmax_tph" = {low = 1.0, high = 4.0}\n')
    name = "serotonin.vmax_tph"
    if name not in model.parameters:  # keep the test meaningful if the parameter is renamed
        name = next(n for n in model.parameters if ".vmax_" in n)
        f.write_text(f'[parameters]\n"{name}" = {{low = 1.0, high = 4.0}}\n')
    s = P.spec(SCENARIO, 400, seed=0, sigma=0.0, parameters_file=f)
    names, v, _ = P.draw(model, s, 0, 400)
    assert names == [name]
    assert v.min() >= 1.0 and v.max() <= 4.0 and abs(np.median(v) - 2.0) < 0.15
    f.write_text('[parameters]\n"no.such_param" = {sigma = 0.1}\n')
    with pytest.raises(NeurobalanceError, match="no.such_param"):
        P.spec(SCENARIO, 4, parameters_file=f)


@pytest.mark.slow
@pytest.mark.jax
def test_cpu_pool_and_jax_agree_on_the_same_subjects(tmp_path: Path) -> None:
    pytest.importorskip("diffrax")
    rr = P.spec(SCENARIO, 4, seed=21, chunk=4)
    jx = P.spec(SCENARIO, 4, seed=21, chunk=4, engine="jax")
    P.run(rr, tmp_path / "rr", workers=1)
    P.run(jx, tmp_path / "jx")
    a, b = P.open_population(tmp_path / "rr"), P.open_population(tmp_path / "jx")
    np.testing.assert_array_equal(a["status"].values, b["status"].values)
    va, vb = a["values"].values, b["values"].values
    for j in np.flatnonzero(a["status"].values == 0):
        for k, name in enumerate(a["observable"].values):
            x, y = va[j, :, k], vb[j, :, k]
            scale = max(float(np.sqrt(np.mean(x**2))), 1e-9)
            if scale < 1e-6:  # observables that are zero in this scenario (drug levels)
                continue
            rel = float(np.sqrt(np.mean((x - y) ** 2))) / scale
            assert rel < 1e-4, (j, str(name), rel)


def test_linear_response_start_is_close_to_each_subjects_steady_state(tmp_path: Path) -> None:
    """The fast start (linear response of the daily-mean steady state) against Newton per subject: the
    balance index at the end of the 24-h scenario differs little next to the spread between subjects, and
    by less than a tenth of a healthy-population spread (the index's unit)."""
    lin = P.spec(SCENARIO, 8, seed=13, chunk=8)  # 8 subjects: the spread of 4 is too noisy a yardstick
    newt = P.spec(SCENARIO, 8, seed=13, chunk=8, initial="newton")
    a = P.run_chunk(lin, 0)
    b = P.run_chunk(newt, 0)
    ok = (a["status"] == 0) & (b["status"] == 0)
    assert ok.sum() >= 6
    diff = np.abs(a["index"][ok] - b["index"][ok])
    spread = np.ptp(b["index"][ok])
    assert spread > 0.05
    assert np.max(diff) < 0.25 * spread, (diff, spread)
    assert np.max(diff) < 0.1, diff


def test_vectorised_parameter_rows_equal_model_variants(tmp_path: Path) -> None:
    """Subjects are built in array operations; they must equal `with_parameters` + `with_genes` per subject
    (on a scenario that sets a genotype and a parameter of its own)."""
    f = tmp_path / "s.toml"
    f.write_text('name = "t"\nextends = "chronic-stress-8w"\nduration = "2 days"\n[outputs]\nreport_at = ["1 days"]\n[genotype]\nSLC6A4 = 0.5\n'
                 '[parameters]\n"serotonin.vmax_tph" = {scale = 1.2}\n')
    s = P.spec(f, 5, seed=4, chunk=5)
    setup = P._Setup.get(s)
    names, vals, geno = P.draw(setup.base, s, 0, 5)
    ph, pr, bad = P._parameter_rows(setup, s, names, vals, geno, 0, 5)
    assert not bad
    for k in range(5):
        m = setup.base.with_parameters(dict(zip(names, vals[k], strict=True)))
        m = m.with_genes({v.gene: m[m.genes[v.gene].parameter_name] * v.factors[int(geno[k, j])]
                          for j, v in enumerate(setup.variants)})
        np.testing.assert_allclose(ph[k], setup.mean_compiled.parameter_vector(m), rtol=1e-14)
        np.testing.assert_allclose(pr[k], setup.compiled.parameter_vector(m.with_parameters(setup.cond_params)),
                                   rtol=1e-14)
    assert setup.base[setup.base.genes["SLC6A4"].parameter_name] == 0.5
