"""T-KYN-01…21 harness: the published Stavrum et al. 2013 liver SBML in libRoadRunner.

Source: BioModels MODEL1310160000 (shared reference ``stress_inflammation_tryptophan.md`` §2.4–2.7,
rows T-KYN-01…21 of the public target table) [re-sim].  Checks that `sbml_experiment` reproduces
the liver steady state (Trp 0.120, Kyn 2.63, 3-HK 0.0120 µM; ±1 %) and the fold changes after
doubling TDO (±0.02), and that it rejects unknown enzyme names.  Skipped when the file is absent.
"""

from __future__ import annotations

import pytest

from neurobalance._errors import InvalidValueError, UnknownNameError

pytestmark = pytest.mark.validation

pytest.importorskip("libsbml")
pytest.importorskip("roadrunner")

from neurobalance.validation.stavrum2013_sbml import find_stavrum2013_sbml, sbml_experiment  # noqa: E402


@pytest.fixture(scope="module")
def baseline() -> dict[str, float]:
    if find_stavrum2013_sbml() is None:
        pytest.skip("BioModels MODEL1310160000 copy not found (shared data folder absent; set NEUROBALANCE_SBML_DIR)")
    return sbml_experiment()


@pytest.mark.parametrize(("key", "expected"), [("trp", 0.120), ("kyn", 2.63), ("3hk", 0.0120)])
def test_liver_steady_state(baseline: dict[str, float], key: str, expected: float) -> None:
    assert baseline[key] == pytest.approx(expected, rel=0.01), f"{key}: {baseline[key]:.6g} µM"


def test_flux_balance(baseline: dict[str, float]) -> None:
    """Kyn formed leaves by export, KATs, KMO and KYNU; TDO takes ≈ 99 % of Trp uptake."""
    out = baseline["kyn_export"] + baseline["kat"] + baseline["kmo"] + baseline["kynu"]
    assert out == pytest.approx(baseline["kyn_formed"], rel=1e-6)
    assert baseline["tdo"] / baseline["uptake"] == pytest.approx(0.991, abs=0.005)
    assert baseline["tph"] == pytest.approx(baseline["tph1"] + baseline["tph2"])


def test_tdo_doubling_fold_changes(baseline: dict[str, float]) -> None:
    r = sbml_experiment({"TDO": 2.0})
    expected = {"trp": 0.51, "kyn": 1.02, "5ht": 0.51, "tph": 0.51, "kyn_export": 1.02, "uptake": 1.01}
    for key, fold in expected.items():
        assert r[key] / baseline[key] == pytest.approx(fold, abs=0.02), key


def test_unknown_enzyme_is_rejected() -> None:
    with pytest.raises(UnknownNameError, match="TDO"):
        sbml_experiment({"TD0": 2.0})


def test_negative_factor_is_rejected() -> None:
    with pytest.raises(InvalidValueError):
        sbml_experiment({"TDO": -1.0})
