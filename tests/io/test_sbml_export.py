"""SBML export: validity (libSBML), portability (raw libRoadRunner, COPASI via basico) and
MIRIAM annotations of the SBML L3V2 rendered from the compiled model.

Every check here uses the exported text *only* (no neurobalance engine code in the loop on
the SBML side), so a renderer defect (wrong kinetic law, missing volume factor, lost
initial assignment, wrong units) shows up as a disagreement with the independent SciPy
integrator (`nb.simulate(..., engine="scipy")`) or with the Newton steady state.
"""

from __future__ import annotations

import numpy as np
import pytest

import neurobalance as nb
from neurobalance import units as U
from neurobalance.compile import compile_model
from neurobalance.compile._render_sbml import sbml_id, to_sbml

libsbml = pytest.importorskip("libsbml")

BEST2009_DOI = "https://identifiers.org/doi:10.1186/1742-4682-6-21"
BEST2020_DOI = "https://identifiers.org/doi:10.1186/s12868-020-00587-z"

#: Observables compared between the raw SBML and the SciPy engine.
OBSERVABLES = ("dopamine.extracellular", "serotonin.extracellular", "dopamine.tissue")

#: Model variants: the reference and a two-gene variant exported with its own parameter vector.
VARIANTS = {"reference": {}, "SLC6A4=0.5,TH=0.5": {"SLC6A4": 0.5, "TH": 0.5}}


def _export(model: nb.Model) -> str:
    compiled = compile_model(model)
    return to_sbml(compiled, tuple(compiled.parameter_vector(model)))


def _variant(name: str) -> nb.Model:
    genes = VARIANTS[name]
    m = nb.default_model()
    return m.with_genes(**genes) if genes else m


@pytest.fixture(scope="module")
def model() -> nb.Model:
    return nb.default_model()


@pytest.fixture(scope="module")
def sbml(model: nb.Model) -> str:
    return _export(model)


@pytest.fixture(scope="module")
def steady(model: nb.Model):  # noqa: ANN201
    return nb.steady_state(model)


def _rel_rms(a: np.ndarray, b: np.ndarray) -> float:
    """Relative RMS difference ‖a − b‖₂ / ‖b‖₂ over the time course."""
    return float(np.sqrt(np.mean((a - b) ** 2)) / np.sqrt(np.mean(b**2)))


# ---------------------------------------------------------------------------------------
# libSBML validity
# ---------------------------------------------------------------------------------------


def test_exported_sbml_is_l3v2_and_consistent(sbml: str, record_property) -> None:  # noqa: ANN001
    doc = libsbml.readSBMLFromString(sbml)
    assert (doc.getLevel(), doc.getVersion()) == (3, 2)
    read_errors = [doc.getError(i) for i in range(doc.getNumErrors())
                   if doc.getError(i).getSeverity() >= libsbml.LIBSBML_SEV_ERROR]
    assert not read_errors, "\n".join(e.getMessage() for e in read_errors)

    doc.checkConsistency()  # all validators, units included (unit problems are warnings)
    issues = [doc.getError(i) for i in range(doc.getNumErrors())]
    errors = [e for e in issues if e.getSeverity() in (libsbml.LIBSBML_SEV_ERROR, libsbml.LIBSBML_SEV_FATAL)]
    warnings = [e for e in issues if e.getSeverity() == libsbml.LIBSBML_SEV_WARNING]
    record_property("sbml_consistency_warnings", len(warnings))
    print(f"libSBML checkConsistency: {len(errors)} errors, {len(warnings)} warnings")
    assert not errors, "\n\n".join(f"[{e.getErrorId()}] {e.getMessage()}" for e in errors)


# ---------------------------------------------------------------------------------------
# libRoadRunner on the raw text vs the SciPy engine
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_raw_sbml_in_roadrunner_matches_scipy_engine(variant: str) -> None:
    roadrunner = pytest.importorskip("roadrunner")
    m = _variant(variant)
    rr = roadrunner.RoadRunner(_export(m))
    # roadrunner scales absolute tolerances by each species' initial value; use a uniform one
    rr.integrator.relative_tolerance = 1e-9
    for sid in rr.model.getFloatingSpeciesIds():
        rr.integrator.setIndividualTolerance(sid, 1e-12)

    # The raw file starts from its own declared initial values (initial concentrations and
    # initial assignments), so the SciPy run starts from the model's declared values too.
    ds = nb.simulate(m, 48, engine="scipy", initial="model")
    t = np.asarray(ds["time"].values, dtype=float)
    rr.timeCourseSelections = ["time"] + [sbml_id(n) for n in OBSERVABLES]
    res = np.asarray(rr.simulate(times=t))
    np.testing.assert_allclose(res[:, 0], t)

    for j, name in enumerate(OBSERVABLES, start=1):
        # SBML observables are in canonical µM; the Dataset holds display units (nM for
        # extracellular DA/5-HT), named in its attrs
        ours = np.asarray(U.convert(ds[name].values, ds[name].attrs["units"], "uM"), dtype=float)
        raw = res[:, j]
        assert raw[0] == pytest.approx(ours[0], rel=1e-12), f"{name}: initial values differ"
        err = _rel_rms(raw, ours)
        assert err <= 1e-4, f"{variant}: {name} relative RMS {err:.2e} (raw SBML vs scipy)"

    if variant != "reference":
        # the variant leaves its initial state, so the comparison is not between two constants
        tissue = np.asarray(ds["dopamine.tissue"].values)
        assert abs(tissue[-1] / tissue[0] - 1) > 0.05


def test_raw_sbml_initial_state_matches_declared_state(sbml: str, model: nb.Model) -> None:
    """Initial assignments (e.g. BH4/BH2 from the biopterin pool) survive the export."""
    roadrunner = pytest.importorskip("roadrunner")
    rr = roadrunner.RoadRunner(sbml)
    compiled = compile_model(model)
    y0 = compiled.initial_state(compiled.parameter_vector(model))
    for n, v in zip(compiled.state_names, y0, strict=True):
        assert rr[f"init([{sbml_id(n)}])"] == pytest.approx(float(v), rel=1e-12, abs=1e-15), n


# ---------------------------------------------------------------------------------------
# COPASI (basico)
# ---------------------------------------------------------------------------------------

#: COPASI's quantity and volume units → factor to µmol and to L.  COPASI reports species
#: concentrations in quantity_unit/volume_unit.  Our SBML declares substanceUnits = µmol
#: (mole, scale −6) and volumeUnits = litre, which COPASI adopts as "µmol" and "l", so its
#: concentrations are µmol/l = µM and the factor is 1; it is still derived from
#: get_model_units() so that a change in either side is caught rather than silently
#: rescaled.  Time: the SBML timeUnits are hours (second × 3600), which COPASI reports as "h".
_COPASI_QUANTITY_TO_UMOL = {"mol": 1e6, "mmol": 1e3, "µmol": 1.0, "umol": 1.0, "nmol": 1e-3, "pmol": 1e-6}
_COPASI_VOLUME_TO_L = {"l": 1.0, "ml": 1e-3, "µl": 1e-6, "ul": 1e-6, "nl": 1e-9}


def test_sbml_runs_in_copasi_at_steady_state() -> None:
    """The terminals (no circadian forcing) sit on their steady state in COPASI."""
    basico = pytest.importorskip("basico")
    terminals = nb.terminals_model()
    sbml, steady = _export(terminals), nb.steady_state(terminals)
    dm = basico.load_model_from_string(sbml)
    try:
        assert dm is not None, "COPASI could not load the exported SBML"
        units = basico.get_model_units(model=dm)
        assert units["time_unit"] == "h", units
        to_uM = _COPASI_QUANTITY_TO_UMOL[units["quantity_unit"]] / _COPASI_VOLUME_TO_L[units["volume_unit"]]
        assert to_uM == 1.0  # documented above: µmol/l

        tc = basico.run_time_course(duration=24, intervals=24, use_sbml_id=True, r_tol=1e-9, a_tol=1e-12,
                                    model=dm)
        assert float(tc.index[-1]) == pytest.approx(24.0)
        eht_copasi = float(tc["serotonin__eht"].iloc[-1]) * to_uM  # µM
        # the model starts at (close to) its steady state, so after 24 h COPASI must sit on it
        eht_ss = float(steady["state_value"].sel(state="serotonin.eht"))  # canonical µM
        assert eht_copasi == pytest.approx(eht_ss, rel=1e-3)
        # same through the observable (display unit nM in the Dataset)
        obs = steady["serotonin.extracellular"]
        assert eht_copasi == pytest.approx(float(U.convert(float(obs), obs.attrs["units"], "uM")), rel=1e-3)
        # every state stays finite and non-negative in COPASI's run
        states = [sbml_id(n) for n in steady["state"].values]
        last = tc[states].iloc[-1].to_numpy(dtype=float)
        assert np.all(np.isfinite(last)) and np.all(last >= -1e-12)
    finally:
        basico.remove_datamodel(dm)


def test_sbml_variant_copasi_trajectory_matches_scipy() -> None:
    """A variant that moves: COPASI's 5-HT and DA time courses match the SciPy engine."""
    basico = pytest.importorskip("basico")
    m = nb.default_model().with_genes(SLC6A4=0.5, TH=0.5)
    ds = nb.simulate(m, 24, engine="scipy", initial="model", times=np.arange(0.0, 24.5, 1.0))
    dm = basico.load_model_from_string(_export(m))
    try:
        units = basico.get_model_units(model=dm)
        to_uM = _COPASI_QUANTITY_TO_UMOL[units["quantity_unit"]] / _COPASI_VOLUME_TO_L[units["volume_unit"]]
        tc = basico.run_time_course(duration=24, intervals=24, use_sbml_id=True, r_tol=1e-9, a_tol=1e-12,
                                    model=dm)
        np.testing.assert_allclose(tc.index.to_numpy(dtype=float), ds["time"].values, atol=1e-9)
        for state in ("serotonin.eht", "dopamine.eda", "dopamine.vda"):
            copasi = tc[sbml_id(state)].to_numpy(dtype=float) * to_uM
            ours = ds["state_value"].sel(state=state).values
            err = _rel_rms(copasi, ours)
            assert err <= 1e-4, f"{state}: relative RMS {err:.2e} (COPASI vs scipy)"
    finally:
        basico.remove_datamodel(dm)


# ---------------------------------------------------------------------------------------
# MIRIAM annotations
# ---------------------------------------------------------------------------------------


def _described_by(element) -> set[str]:  # noqa: ANN001
    """Resources of the element's isDescribedBy CVTerms (bqmodel: or bqbiol:)."""
    out: set[str] = set()
    for i in range(element.getNumCVTerms()):
        cv = element.getCVTerm(i)
        q = cv.getQualifierType()
        if (q == libsbml.MODEL_QUALIFIER and cv.getModelQualifierType() == libsbml.BQM_IS_DESCRIBED_BY) or (
            q == libsbml.BIOLOGICAL_QUALIFIER and cv.getBiologicalQualifierType() == libsbml.BQB_IS_DESCRIBED_BY
        ):
            out |= {cv.getResourceURI(j) for j in range(cv.getNumResources())}
    return out


def test_miriam_annotations(sbml: str) -> None:
    doc = libsbml.readSBMLFromString(sbml)
    model = doc.getModel()
    assert model.getNumCVTerms() >= 1
    refs = _described_by(model)
    assert {BEST2009_DOI, BEST2020_DOI} <= refs, refs
    assert all(r.startswith("https://identifiers.org/doi:") for r in refs), refs

    par = model.getParameter(sbml_id("dopamine.vmax_th"))
    assert par is not None
    assert par.isSetMetaId()
    assert BEST2009_DOI in _described_by(par)
