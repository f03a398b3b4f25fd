"""Virtual populations: many subjects through one scenario, on a CPU pool, JAX, or a Dask cluster.

A *subject* is the scenario's model with

* kinetic parameters drawn log-normally around their reference values: every parameter whose name starts
  with ``vmax_``, ``km_``, ``ki_``, ``k_``, ``kd_`` or ``tau_`` gets ``value · exp(σ_i z)``, z ~ N(0, 1), with
  ``σ_i = min(σ, ln(high/low)/4)`` so that the parameter's plausible range (``Parameter.range``) spans at
  least ±2 σ_i, and the draw is clipped to that range.  σ = 0.05 by default, the spread of the healthy
  population that scales the balance index (so a healthy subject's index is of order 1).  Larger spreads
  are allowed (glutamine-triggered degradation of glutamine synthetase keeps the glutamate–glutamine cycle
  at a steady state when a draw pushes astrocytic glutamine synthesis past the saturable SNAT3/5 export
  capacity).  Constants (``c_``), fractions and volumes (``f_``)
  and Hill coefficients (``n_``) are not varied.  A user file (TOML, ``[parameters] name = {sigma = ..}``
  or ``{low = .., high = ..}``) replaces or adds distributions;
* a genotype: two alleles drawn per variant from its population frequency (`VARIANTS`: SLC6A4 5-HTTLPR,
  COMT Val158Met, MAOA uVNTR, TPH2 G-703T), applied as gene-dose factors (`Model.with_genes`);
* its own starting state: the healthy reference orbit at midnight, shifted by the change of the subject's
  daily-mean steady state from the reference one (a first-order estimate of the subject's own orbit, by
  Newton from the reference; no entrainment run per subject).

Subject ``i`` draws from ``numpy.random.default_rng([seed, i])``, so a subject does not depend on the chunk
it falls in, on the engine or on the number of workers.

The output is a Zarr store with dimensions subject × time × observable (the scenario's observables),
plus per-subject parameters, genotype, balance index and axes at the end, and a status code and message
(``STATUS``) — a failing subject is data, never an exception that sinks its chunk.  Chunks are written in
place and marked done only once written, so a killed run resumes: finished chunks are skipped, the others
recomputed; a subject is never lost or duplicated.

Research and teaching software: population statistics are model outputs, not epidemiology.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import os
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["Variant", "VARIANTS", "STATUS", "PopulationSpec", "spec", "draw", "run_chunk", "run", "open_population",
           "summarise"]

#: Per-subject status codes.
STATUS = {0: "ok", 1: "steady state failed", 2: "integration failed", 3: "non-finite output", 4: "error"}
VARIED_PREFIXES = ("vmax_", "km_", "ki_", "k_", "kd_", "tau_")
DEFAULT_SIGMA = 0.05
#: A subject is "out of balance" when its balance index at the end exceeds this (RMS over axes of the
#: z-scores against the healthy population's spread: 2 = two typical healthy spreads).
OUT_OF_BALANCE = 2.0


@dataclasses.dataclass(frozen=True)
class Variant:
    """A common functional variant: allele frequency and the activity factor of 0, 1 and 2 copies."""

    gene: str
    name: str
    allele: str
    frequency: float
    factors: tuple[float, float, float]
    source: str


#: Common variants (allele frequencies for European-ancestry samples; activity factors relative to the
#: reference homozygote).  These values are from published studies outside the shipped reference tables.
VARIANTS: tuple[Variant, ...] = (
    Variant("SLC6A4", "5-HTTLPR", "S", 0.42, (1.0, 0.5, 0.5),
            "Lesch et al. 1996 Science 274:1527 (s allele frequency 0.43; l/l lymphoblasts take up 1.9–2.2× the 5-HT "
            "of s carriers: s dominant, factor 0.5). In-vivo SERT binding differs less (Parsey et al. 2006): an "
            "upper bound of the effect."),
    Variant("COMT", "Val158Met (rs4680)", "Met", 0.50, (1.0, 0.83, 0.66),
            "Chen et al. 2004 Am J Hum Genet 75:807 (Met allele ≈ 0.5 in European samples; Met/Met prefrontal COMT "
            "activity ≈ 2/3 of Val/Val, codominant)."),
    Variant("MAOA", "uVNTR 3-repeat", "3R (low)", 0.35, (1.0, 0.75, 0.5),
            "Sabol et al. 1998 Hum Genet 103:273 (3-repeat ≈ 0.35; 2–10× lower transcription in reporter assays). "
            "X-linked: treated as two alleles (as in women); the factor 0.5 for two low alleles is an assumption "
            "at the conservative end of the reporter data."),
    Variant("TPH2", "G-703T (rs4570625)", "T", 0.20, (1.0, 0.9, 0.8),
            "Allele frequency ≈ 0.2 in European samples (Walitza et al. 2005 Mol Psychiatry 10:1126; dbSNP); the "
            "effect on TPH2 expression is small and inconsistent in reporter assays — factor 0.9 per allele is "
            "an assumption."),
)


@dataclasses.dataclass(frozen=True)
class PopulationSpec:
    """Everything a worker needs to simulate any subject (picklable; hashed to guard a resumed store)."""

    scenario: dict[str, Any]  #: the resolved scenario data (as `scenarios.Resolved.data`)
    n: int
    seed: int = 0
    sigma: float = DEFAULT_SIGMA
    engine: str = "roadrunner"
    chunk: int = 64
    distributions: tuple[tuple[str, float, float, float], ...] = ()  #: (name, median, sigma, clip) overrides
    variants: tuple[str, ...] = tuple(v.gene for v in VARIANTS)
    design: tuple[tuple[str, tuple[float, ...]], ...] = ()  #: explicit per-subject values (sensitivity designs)
    observables: tuple[str, ...] = ()  #: stored observables (the balance index is computed from all of them)
    interval_h: float = 1.0  #: output interval
    initial: str = "linear"  #: subject start: "linear" (linear response) or "newton" (each subject's steady state)

    def key(self) -> str:
        h = hashlib.sha256(json.dumps(dataclasses.asdict(self), sort_keys=True, default=str).encode())
        return h.hexdigest()[:16]

    @property
    def chunks(self) -> list[tuple[int, int]]:
        return [(a, min(a + self.chunk, self.n)) for a in range(0, self.n, self.chunk)]


def _fail(field: str, value: Any, expected: str) -> Exception:
    from ._errors import InvalidValueError

    return InvalidValueError(field, value, expected)


#: Observables stored by default (beside the scenario's own list, when it names one).
KEY_OBSERVABLES = ("serotonin.extracellular", "dopamine.extracellular", "hpa.cortisol", "precursors.plasma_trp",
                   "kynurenine.plasma_kyn_trp_ratio", "kynurenine.brain_quin_kyna_ratio", "inflammation.il6",
                   "glutamate.ambient_glutamate", "gaba.tissue_gaba", "receptors.ht1a_auto_sensitivity",
                   "receptors.gr_sensitivity")


def spec(scenario: str | Path, n: int, *, seed: int = 0, sigma: float = DEFAULT_SIGMA, engine: str = "roadrunner",
         chunk: int | None = None, parameters_file: str | Path | None = None,
         variants: Sequence[str] | None = None, design: dict[str, Sequence[float]] | None = None,
         observables: Sequence[str] | str | None = None, interval_h: float | None = None,
         initial: str = "linear") -> PopulationSpec:
    """Check the arguments and build a `PopulationSpec` for a scenario (library name or file).

    ``observables``: names to store, ``"all"``, or None for `KEY_OBSERVABLES` plus those the scenario
    lists.  ``interval_h``: output interval (default: the scenario's, widened to 1/200 of the run and at
    most 3 h, which the balance index needs).  ``initial``: how each subject's own daily-mean steady state
    is found — ``"linear"`` (linear response around the reference: one right-hand-side evaluation and a
    precomputed pseudo-inverse, error O(σ²)) or ``"newton"`` (Newton with the full fallbacks; seconds per
    subject, and a subject without a steady state fails with status 1)."""
    from .scenarios import load

    if not isinstance(n, int) or isinstance(n, bool) or n < 1 or n > 10_000_000:
        raise _fail("n", n, "a whole number of subjects between 1 and 10 000 000")
    if not math.isfinite(sigma) or not 0 <= sigma <= 1:
        raise _fail("sigma", sigma, "a log-normal spread between 0 and 1 (0.1 = 10 % CV)")
    if initial not in ("linear", "newton"):
        raise _fail("initial", initial, "'linear' (fast, first order) or 'newton' (each subject's steady state)")
    if engine not in ("roadrunner", "jax"):
        raise _fail("engine", engine, "'roadrunner' (CPU pool) or 'jax' (batched, CPU or GPU)")
    if chunk is None:
        chunk = _jax_chunk(load(scenario)) if engine == "jax" else 32
    if not isinstance(chunk, int) or chunk < 1 or chunk > 1_000_000:
        raise _fail("chunk", chunk, "a whole number of subjects per chunk, 1 to 1 000 000")
    res = load(scenario)
    model = res.model
    known = {v.gene for v in VARIANTS}
    chosen = tuple(v.gene for v in VARIANTS) if variants is None else tuple(dict.fromkeys(variants))
    for g in chosen:
        if g not in known:
            from ._errors import UnknownNameError

            raise UnknownNameError("variant gene", g, sorted(known))
    dists = tuple(_read_distributions(parameters_file, model)) if parameters_file else ()
    des: list[tuple[str, tuple[float, ...]]] = []
    for name, vals in (design or {}).items():
        if name not in model.parameters:
            from ._errors import UnknownNameError

            raise UnknownNameError("parameter", name, model.parameters)
        vv = tuple(float(v) for v in vals)
        if len(vv) != n or not all(math.isfinite(v) and v >= 0 for v in vv):
            raise _fail(f"design[{name}]", f"{len(vv)} values", f"{n} finite non-negative values")
        des.append((name, vv))
    data = json.loads(json.dumps(res.data, default=str))
    data.pop("extends", None)
    if observables == "all":
        obs = tuple(model.observables)
    elif observables is None:
        own = tuple(res.observables) if (res.data.get("outputs") or {}).get("observables") else ()
        obs = tuple(dict.fromkeys([o for o in KEY_OBSERVABLES if o in model.observables] + list(own)))
    else:
        from ._errors import UnknownNameError

        obs = tuple(dict.fromkeys(observables))
        for o in obs:
            if o not in model.observables:
                raise UnknownNameError("observable", o, model.observables)
        if not obs:
            raise _fail("observables", "none", "at least one observable name, or 'all'")
    step = float(res.times[1] - res.times[0]) if len(res.times) > 1 else 1.0
    if interval_h is None:
        interval_h = min(max(step, res.hours / 200.0), 3.0)
    if not math.isfinite(interval_h) or interval_h <= 0 or interval_h > res.hours:
        raise _fail("interval", interval_h, f"a positive output interval up to the run's {res.hours:g} h")
    if res.hours / interval_h > 200_000:
        raise _fail("interval", interval_h, "at most 200 000 output times per subject")
    return PopulationSpec(data, n, seed, float(sigma), engine, chunk, dists, chosen, tuple(des), obs, float(interval_h),
                          initial)


def _jax_chunk(res: Any) -> int:
    """Subjects per vmapped batch: 256 on a CPU; on a GPU, what fits half of its memory at about
    8 bytes × (output times × states + 64 × states²) per subject (saved trajectory, Jacobians and the
    implicit solver's stage buffers), at most 65 536."""
    try:
        import jax

        dev = jax.devices()[0]
        if dev.platform != "gpu":
            return 256
        limit = float((dev.memory_stats() or {}).get("bytes_limit", 0))
    except Exception:  # noqa: BLE001 - no jax, or a device without memory statistics
        return 256
    ns = len(res.model.states)
    per = 8.0 * (len(res.times) * ns + 64 * ns * ns)
    return int(max(256, min(65_536, 0.5 * limit // per))) if limit else 256


def _read_distributions(path: str | Path, model: Any) -> list[tuple[str, float, float, float]]:
    """``[parameters]`` table of a TOML file: ``name = {sigma = s}`` (log-normal around the reference value),
    optionally ``median = m``; or ``{low = a, high = b}`` (log-uniform-like: median √(ab), σ = ln(b/a)/4,
    clipped to [a, b])."""
    import tomllib

    from ._errors import UnknownNameError

    p = Path(path)
    try:
        doc = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _fail("parameters file", str(p), f"a readable TOML file ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail("parameters file", str(p), f"valid TOML ({exc})") from None
    table = doc.get("parameters")
    if not isinstance(table, dict) or not table:
        raise _fail(f"{p.name}: parameters", "missing", "a [parameters] table, e.g. 'serotonin.vmax_tph = {sigma = 0.2}'")
    out = []
    for name, d in table.items():
        if name not in model.parameters:
            raise UnknownNameError(f"{p.name}: parameters", name, model.parameters)
        if not isinstance(d, dict):
            raise _fail(f"{p.name}: parameters.{name}", d, "a table such as {sigma = 0.2} or {low = 1, high = 4}")
        ref = float(model[name])
        if "low" in d or "high" in d:
            lo, hi = d.get("low"), d.get("high")
            if not (isinstance(lo, int | float) and isinstance(hi, int | float) and 0 < lo < hi):
                raise _fail(f"{p.name}: parameters.{name}", d, "0 < low < high")
            out.append((name, math.sqrt(lo * hi), math.log(hi / lo) / 4.0, 1.0))
            continue
        s = d.get("sigma")
        m = d.get("median", ref)
        if not isinstance(s, int | float) or not 0 <= s <= 2 or not isinstance(m, int | float) or m < 0:
            raise _fail(f"{p.name}: parameters.{name}", d, "sigma between 0 and 2 (and a non-negative median)")
        out.append((name, float(m), float(s), 0.0))
    return out


# ---- subjects --------------------------------------------------------------------------------------------
def _varied(model: Any, sp_: PopulationSpec) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Names, medians, sigmas, lower and upper clip bounds of the varied parameters."""
    override = {d[0]: d for d in sp_.distributions}
    fixed = {name for name, _ in sp_.design}
    names, med, sig, lo, hi = [], [], [], [], []
    for name, par in model.parameters.items():
        if name in fixed:
            continue
        local = name.split(".", 1)[1]
        if name in override:
            _, m, s, clip = override[name]
            rng_lo, rng_hi = (m * math.exp(-2 * s), m * math.exp(2 * s)) if clip else (0.0, math.inf)
        elif sp_.sigma > 0 and local.startswith(VARIED_PREFIXES) and model[name] > 0:
            m = float(model[name])
            rng_lo, rng_hi = par.range if par.range else (0.0, math.inf)
            width = math.log(rng_hi / rng_lo) / 4.0 if rng_lo > 0 and math.isfinite(rng_hi) else math.inf
            s = min(sp_.sigma, width)
        else:
            continue
        names.append(name)
        med.append(m)
        sig.append(s)
        lo.append(rng_lo)
        hi.append(rng_hi)
    return names, np.array(med), np.array(sig), np.array(lo), np.array(hi)


def draw(model: Any, sp_: PopulationSpec, start: int, stop: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Parameter values (subject × varied parameter) and genotypes (subject × variant: copies 0–2)."""
    names, med, sig, lo, hi = _varied(model, sp_)
    variants = [v for v in VARIANTS if v.gene in sp_.variants]
    vals = np.empty((stop - start, len(names)))
    geno = np.zeros((stop - start, len(variants)), dtype=np.int8)
    for k, i in enumerate(range(start, stop)):
        rng = np.random.default_rng([sp_.seed, i])
        z = rng.standard_normal(len(names))
        vals[k] = np.clip(med * np.exp(sig * z), lo, hi)
        u = rng.random((len(variants), 2))
        geno[k] = (u < np.array([v.frequency for v in variants])[:, None]).sum(axis=1)
    return names, vals, geno


# ---- one chunk -------------------------------------------------------------------------------------------
class _Setup:
    """Per-process state of a spec: the compiled scenario, the reference states, the observable map."""

    _cache: dict[str, _Setup] = {}

    def __init__(self, sp_: PopulationSpec) -> None:
        from . import balance as B
        from .analysis._api import forced_input_means, solve_steady_state
        from .compile._ir import compile_model
        from .conditions import combine
        from .inputs import constant
        from .physiology import default_model
        from .scenarios import from_dict

        res = from_dict(sp_.scenario, engine=sp_.engine)
        self.res = res
        inputs, self.cond_params = combine(res.conditions, None, res.model)
        self.base = res.model
        self.compiled = compile_model(self.base, inputs)
        means = forced_input_means(self.base)
        self.mean_compiled = compile_model(self.base, {k: constant(v) for k, v in means.items()})
        ref_model = default_model()
        ref_c = compile_model(ref_model, {k: constant(v) for k, v in forced_input_means(ref_model).items()})
        self.ss_ref, *_ = solve_steady_state(ref_c, ref_c.parameter_vector(ref_model),
                                             ref_c.initial_state(ref_c.parameter_vector(ref_model)))
        self.orbit0 = np.asarray(B.reference()["state"], dtype=float)
        # linear response of the daily-mean steady state, in relative units, for the pools that are present
        # at the reference (pools at ~0 — drug depots, an absent stimulus — stay where they are):
        # u = −[J·S; L·S]⁺ [f_subject(ss_ref); 0],  δ = S·u,  S = diag(ss_ref) on the kept pools
        from .analysis._api import _steady_functions
        from .analysis._steady import conservation_laws

        p_base = self.mean_compiled.parameter_vector(self.base)
        _, jac = _steady_functions(self.mean_compiled, p_base, "roadrunner")
        laws = conservation_laws(self.mean_compiled.stoichiometry(p_base))
        self.n_laws = laws.shape[0]
        self.kept = np.flatnonzero(np.abs(self.ss_ref) > 1e-9)
        scale = self.ss_ref[self.kept]
        a = np.vstack([np.asarray(jac(self.ss_ref))[:, self.kept] * scale, laws[:, self.kept] * scale])
        self.response = np.linalg.pinv(a, rcond=1e-10) * scale[:, None]
        hours = float(res.times[-1])
        grid = np.arange(0.0, hours + 1e-9, sp_.interval_h)
        self.times = grid if abs(grid[-1] - hours) < 1e-9 else np.append(grid, hours)
        self.observables = list(sp_.observables)
        names = list(self.compiled.observable_names)
        self.obs_idx = [names.index(o) for o in self.observables]
        self.bal_idx = [names.index(o) for o in B.NEEDED]
        self.variants = [v for v in VARIANTS if v.gene in sp_.variants]
        assert self.compiled.param_names == self.mean_compiled.param_names
        self.p_h_base = self.compiled.parameter_vector(self.base)
        run_model = self.base.with_parameters(self.cond_params) if self.cond_params else self.base
        self.p_run_base = self.compiled.parameter_vector(run_model)

    @classmethod
    def get(cls, sp_: PopulationSpec) -> _Setup:
        k = sp_.key()
        if k not in cls._cache:
            cls._cache.clear()
            cls._cache[k] = cls(sp_)
        return cls._cache[k]


def _parameter_rows(setup: _Setup, sp_: PopulationSpec, names: list[str], vals: np.ndarray, geno: np.ndarray,
                    start: int, stop: int) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
    """Canonical parameter vectors of subjects ``start:stop``: healthy (for the start state) and with the
    scenario's condition changes (for the run); and the rows that are not a valid model, with why.

    The same as ``model.with_parameters(draws).with_genes(genotype)`` per subject (a test checks it), in
    array operations: declared-unit values times each parameter's canonical factor."""
    from . import units as U

    n = stop - start
    c = setup.compiled
    idx = c._pindex
    params = c.structure.parameters
    ph = np.tile(setup.p_h_base, (n, 1))
    for j, name in enumerate(names):
        ph[:, idx[name]] = vals[:, j] * U.to_canonical(1.0, params[name].unit)
    for name, v in sp_.design:
        ph[:, idx[name]] = np.asarray(v, dtype=float)[start:stop] * U.to_canonical(1.0, params[name].unit)
    for j, var in enumerate(setup.variants):  # multiplies onto any genotype the scenario already sets
        col = idx[setup.base.genes[var.gene].parameter_name]
        ph[:, col] = ph[:, col] * np.asarray(var.factors)[geno[:, j]]
    pr = ph.copy()
    for name, v in setup.cond_params.items():
        pr[:, idx[name]] = U.to_canonical(float(v), params[name].unit)
    bad: dict[int, str] = {}
    vols = [idx[v] for v in c.structure.volume_parameters]
    for j in range(n):
        if not np.all(np.isfinite(ph[j])) or np.any(ph[j] < 0):
            bad[j] = "a parameter is negative or not finite"
        elif vols and np.any(ph[j, vols] <= 0):
            k = vols[int(np.argmin(ph[j, vols]))]
            bad[j] = f"{c.param_names[k]} must be positive (a compartment volume)"
    return ph, pr, bad


def run_chunk(sp_: PopulationSpec, k: int) -> dict[str, Any]:
    """Simulate chunk ``k`` of a spec; returns arrays (subject-major) and the per-subject status."""
    import warnings

    from . import balance as B
    from ._errors import NeurobalanceError
    from .analysis._api import _display, _engine, solve_steady_state

    fault = os.environ.get("NEUROBALANCE_FAULT_INJECT")  # tests only: "<chunk>:<marker file>" kills the worker once
    if fault:
        ck, marker = fault.split(":", 1)
        if int(ck) == k and not os.path.exists(marker):
            Path(marker).write_text("killed once\n")
            os._exit(17)

    setup = _Setup.get(sp_)
    start, stop = sp_.chunks[k]
    names, vals, geno = draw(setup.base, sp_, start, stop)
    c, mc = setup.compiled, setup.mean_compiled
    nt, no = len(setup.times), len(setup.observables)
    n = stop - start
    out = np.full((n, nt, no), np.nan)
    index = np.full(n, np.nan)
    axes = np.full((n, len(B.AXES)), np.nan)
    status = np.zeros(n, dtype=np.int8)
    message = [""] * n
    ok0 = np.ones(n, dtype=bool)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        p_h, p_run, bad = _parameter_rows(setup, sp_, names, vals, geno, start, stop)
        for j, why in bad.items():
            ok0[j], status[j], message[j] = False, 1, why
        if sp_.initial == "newton":
            ss = np.tile(setup.ss_ref, (n, 1))
            for j in np.flatnonzero(ok0):
                try:
                    ss[j], *_ = solve_steady_state(mc, p_h[j], setup.ss_ref.copy(), newton_only=False)
                except (NeurobalanceError, ValueError, ArithmeticError, np.linalg.LinAlgError) as exc:
                    ok0[j], status[j], message[j] = False, 1, str(exc).splitlines()[0][:200]
        else:  # linear response, all subjects in one vectorised right-hand-side call
            from .compile._ir import _stack

            f0 = _stack(mc.rhs_vectorised(0.0, np.repeat(setup.ss_ref[:, None], n, axis=1), tuple(p_h.T)), n)
            rhs = np.vstack([f0, np.zeros((setup.n_laws, n))])
            ss = np.tile(setup.ss_ref, (n, 1))
            ss[:, setup.kept] -= (setup.response @ rhs).T
            for j in np.flatnonzero(ok0 & ~np.all(np.isfinite(ss), axis=1)):
                ok0[j], status[j], message[j] = False, 1, "the linear-response start is not finite"
        y0 = np.maximum(setup.orbit0 + (ss - setup.ss_ref), 0.0)
        y0[~ok0] = setup.orbit0
        p_run[~ok0] = setup.p_run_base
        ys = np.full((n, nt, len(c.state_names)), np.nan)
        if sp_.engine == "jax":
            eng = _engine("jax")
            sel = np.flatnonzero(ok0)
            if sel.size:
                yb, okb = eng.integrate_batch(c, p_run[sel], y0[sel], setup.times)
                for jj, j in enumerate(sel):
                    if bool(okb[jj]):
                        ys[j] = yb[jj]
                    else:
                        status[j], message[j] = 2, "diffrax did not reach the end (step size or max_steps)"
        else:
            eng = _engine("roadrunner")
            for j in np.flatnonzero(ok0):
                try:
                    ys[j] = eng.integrate(c, p_run[j], y0[j], setup.times)
                except (NeurobalanceError, RuntimeError, ValueError) as exc:
                    status[j], message[j] = 2, str(exc).splitlines()[0][:200]
        for j in range(n):
            if status[j]:
                continue
            try:
                obs = c.evaluate(c.observable_function, setup.times, ys[j], p_run[j])
                disp = _display(c, obs)
                cols = [disp[o][0] for o in c.observable_names]
                full = np.stack(cols, axis=1)
                if not np.all(np.isfinite(full[:, setup.bal_idx])) or not np.all(np.isfinite(full[:, setup.obs_idx])):
                    status[j], message[j] = 3, "non-finite observable"
                    continue
                out[j] = full[:, setup.obs_idx]
                data = {name: full[:, i] for name, i in zip(B.NEEDED, setup.bal_idx, strict=True)}
                if setup.times[-1] - setup.times[0] >= 24.0:
                    b = B.score(B._window_features(setup.times, data, float(setup.times[-1])))
                    index[j] = b.overall
                    axes[j] = [b.axes[a] for a in B.AXES]
            except (NeurobalanceError, ValueError, ArithmeticError) as exc:
                status[j], message[j] = 4, str(exc).splitlines()[0][:200]
    return {"chunk": k, "start": start, "stop": stop, "values": out, "index": index, "axes": axes,
            "status": status, "message": message, "parameters": vals, "genotype": geno}


# ---- the store ---------------------------------------------------------------------------------------------
def _create_store(path: Path, sp_: PopulationSpec) -> None:
    import xarray as xr
    import zarr

    from . import balance as B

    setup = _Setup.get(sp_)
    names = _varied(setup.base, sp_)[0] + [name for name, _ in sp_.design]
    coords = xr.Dataset(coords={"time": ("time", setup.times, {"units": "h"}),
                                "observable": ("observable", np.array(setup.observables, dtype=object)),
                                "parameter": ("parameter", np.array(names, dtype=object)),
                                "variant": ("variant", np.array([v.gene for v in setup.variants], dtype=object)),
                                "axis": ("axis", np.array(B.AXES, dtype=object))})
    coords.attrs = {"neurobalance_population": sp_.key(), "spec": json.dumps(dataclasses.asdict(sp_), default=str),
                    "scenario": sp_.scenario.get("name", ""), "engine": sp_.engine, "seed": sp_.seed, "n": sp_.n,
                    "status_codes": json.dumps(STATUS), "disclaimer": B.DISCLAIMER}
    coords.to_zarr(path, mode="w", consolidated=False)
    g = zarr.open_group(str(path), mode="a")
    n, ch = sp_.n, sp_.chunk
    nt, no, npar, nv = len(setup.times), len(setup.observables), len(names), len(setup.variants)

    def arr(name: str, shape: tuple[int, ...], chunks: tuple[int, ...], dims: list[str], dtype: str, fill: Any) -> None:
        g.create_array(name, shape=shape, chunks=chunks, dtype=dtype, fill_value=fill, dimension_names=dims)

    arr("values", (n, nt, no), (ch, nt, no), ["subject", "time", "observable"], "float32", np.nan)
    arr("index", (n,), (ch,), ["subject"], "float64", np.nan)
    arr("axes", (n, len(B.AXES)), (ch, len(B.AXES)), ["subject", "axis"], "float64", np.nan)
    arr("status", (n,), (ch,), ["subject"], "int8", -1)
    arr("parameters", (n, max(npar, 1)), (ch, max(npar, 1)), ["subject", "parameter"] if npar else ["subject", "_p"],
        "float64", np.nan)
    arr("genotype", (n, max(nv, 1)), (ch, max(nv, 1)), ["subject", "variant"] if nv else ["subject", "_v"], "int8", -1)
    g.create_array("subject", data=np.arange(n, dtype=np.int64), chunks=(ch,), dimension_names=["subject"])
    (path / "chunks").mkdir(exist_ok=True)


def write_chunk(path: str | Path, sp_: PopulationSpec, k: int) -> dict[str, Any]:
    """Compute chunk ``k`` and write it into the store (idempotent); the done-marker is written last."""
    import zarr

    path = Path(path)
    marker = path / "chunks" / f"{k}.json"
    if marker.exists():
        return json.loads(marker.read_text())
    t0 = time.perf_counter()
    r = run_chunk(sp_, k)
    g = zarr.open_group(str(path), mode="a")
    a, b = r["start"], r["stop"]
    g["values"][a:b] = r["values"]
    g["index"][a:b] = r["index"]
    g["axes"][a:b] = r["axes"]
    g["status"][a:b] = r["status"]
    if r["parameters"].shape[1]:
        des = np.array([v[a:b] for _, v in sp_.design]).T if sp_.design else np.empty((b - a, 0))
        g["parameters"][a:b] = np.hstack([r["parameters"], des])
    elif sp_.design:
        g["parameters"][a:b] = np.array([v[a:b] for _, v in sp_.design]).T
    if r["genotype"].shape[1]:
        g["genotype"][a:b] = r["genotype"]
    info = {"chunk": k, "start": a, "stop": b, "seconds": time.perf_counter() - t0, "pid": os.getpid(),
            "failed": {str(a + j): m for j, m in enumerate(r["message"]) if r["status"][j]}}
    tmp = marker.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(info))
    os.replace(tmp, marker)
    return info


def _pool_init() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")


def run(sp_: PopulationSpec, out: str | Path, *, workers: int | None = None, scheduler: str | None = None,
        progress: Callable[[int, int], None] | None = None, resume: bool = True) -> dict[str, Any]:
    """Run a population into the Zarr store ``out``; resumes an unfinished store of the same spec.

    ``engine='jax'`` runs chunks in this process (one vmapped batch per chunk); ``engine='roadrunner'``
    runs them on a process pool of ``workers`` processes (default: all cores), or on a Dask cluster:
    ``scheduler`` is the address of an existing one, ``workers`` with ``scheduler='local'`` starts a
    local one.  Returns counts and timings.
    """
    path = Path(out)
    # connect first: an unreachable scheduler must not leave an empty store behind
    dask = _dask_client(scheduler, workers) if scheduler is not None else None
    try:
        return _run(sp_, path, workers, dask, progress, resume)
    finally:
        if dask is not None:
            dask[0].close()
            if dask[1] is not None:
                dask[1].close()


def _run(sp_: PopulationSpec, path: Path, workers: int | None, dask: tuple[Any, Any] | None,
         progress: Callable[[int, int], None] | None, resume: bool) -> dict[str, Any]:
    fresh = True
    if path.exists():
        key = _store_key(path)
        if resume and key == sp_.key():
            fresh = False
        elif key is None and not any(path.iterdir()):
            pass
        elif key is None:
            raise _fail("out", str(path), "a new or empty directory, or a population store to resume (this one holds "
                        "something else)")
        elif resume:
            raise _fail("out", str(path), "the same population to resume (this store holds another spec: choose a new "
                        "--out, or --no-resume to overwrite)")
        else:
            shutil.rmtree(path)
    if fresh:
        _create_store(path, sp_)
    todo = [k for k in range(len(sp_.chunks)) if not (path / "chunks" / f"{k}.json").exists()]
    skipped = len(sp_.chunks) - len(todo)
    t0 = time.perf_counter()
    done = skipped
    total = len(sp_.chunks)
    if progress:
        progress(done, total)
    if dask is not None:
        _run_dask(sp_, path, todo, dask[0], progress, done, total)
    elif sp_.engine == "jax" or (workers or 0) == 1 or len(todo) <= 1:
        for k in todo:
            write_chunk(path, sp_, k)
            done += 1
            if progress:
                progress(done, total)
    else:
        import concurrent.futures as cf
        import multiprocessing as mp

        nw = workers or os.cpu_count() or 1
        with cf.ProcessPoolExecutor(max_workers=min(nw, len(todo)), mp_context=mp.get_context("spawn"),
                                    initializer=_pool_init) as ex:
            futs = [ex.submit(write_chunk, str(path), sp_, k) for k in todo]
            for f in cf.as_completed(futs):
                f.result()
                done += 1
                if progress:
                    progress(done, total)
    return {"store": str(path), "subjects": sp_.n, "chunks": total, "computed": len(todo), "skipped": skipped,
            "seconds": time.perf_counter() - t0}


def _dask_client(scheduler: str, workers: int | None) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise _fail("scheduler", scheduler, "dask.distributed installed (pip install 'neurobalance[distributed]')") from None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout="20s"), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise _fail("scheduler", scheduler, f"the address of a running dask scheduler, e.g. tcp://host:8786 ({exc})") from None


def _run_dask(sp_: PopulationSpec, path: Path, todo: list[int], client: Any,
              progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    from distributed import as_completed

    # a chunk is idempotent, so a chunk whose worker dies is simply run again elsewhere (retries)
    futs = [client.submit(write_chunk, str(path), sp_, k, key=f"nb-{sp_.key()}-{k}", pure=False, retries=3)
            for k in todo]
    for f in as_completed(futs):
        f.result()
        done += 1
        if progress:
            progress(done, total)


def _store_key(path: Path) -> str | None:
    try:
        meta = json.loads((path / "zarr.json").read_text())
        return meta.get("attributes", {}).get("neurobalance_population")
    except (OSError, ValueError):
        return None


def open_population(path: str | Path) -> Any:
    """The population store as an xarray Dataset (lazy where dask is installed)."""
    import xarray as xr

    p = Path(path)
    if _store_key(p) is None:
        raise _fail("population", str(p), "a directory written by `neurobalance population`")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the chunk markers beside the arrays are not zarr nodes
        ds = xr.open_zarr(p, consolidated=False, chunks=None)
    total = int(ds.attrs["n"])
    msg = np.full(total, "", dtype=object)
    finished = 0
    for f in (p / "chunks").glob("*.json"):
        finished += 1
        for i, m in json.loads(f.read_text()).get("failed", {}).items():
            msg[int(i)] = m
    ds["message"] = ("subject", msg, {"long_name": "why a subject failed (empty when status is 0)"})
    ds.attrs["complete"] = int(finished == len(PopulationSpec(**_spec_args(ds.attrs["spec"])).chunks))
    return ds


def _spec_args(text: str) -> dict[str, Any]:
    d = json.loads(text)
    d["distributions"] = tuple(tuple(x) for x in d["distributions"])
    d["variants"] = tuple(d["variants"])
    d["design"] = tuple((a, tuple(b)) for a, b in d["design"])
    return d


def summarise(ds: Any, threshold: float = OUT_OF_BALANCE) -> dict[str, Any]:
    """Population statistics: status counts, index distribution, fraction out of balance, by genotype."""
    status = np.asarray(ds["status"].values)
    idx = np.asarray(ds["index"].values)
    ok = status == 0
    out: dict[str, Any] = {"subjects": int(status.size), "status": {STATUS.get(int(s), "not run"): int(np.sum(status == s))
                                                                       for s in np.unique(status)}}
    good = idx[ok & np.isfinite(idx)]
    if good.size:
        out["index"] = {"median": float(np.median(good)), "p5": float(np.percentile(good, 5)),
                        "p95": float(np.percentile(good, 95)), "mean": float(np.mean(good))}
        out["out_of_balance_fraction"] = float(np.mean(good > threshold))
        out["threshold"] = threshold
        lo, hi = _wilson(int(np.sum(good > threshold)), int(good.size))
        out["out_of_balance_ci95"] = [lo, hi]
        by: dict[str, Any] = {}
        if "variant" in ds.coords:
            geno = np.asarray(ds["genotype"].values)
            for j, g in enumerate(ds["variant"].values):
                by[str(g)] = {}
                for c in (0, 1, 2):
                    sel = ok & np.isfinite(idx) & (geno[:, j] == c)
                    if np.any(sel):
                        by[str(g)][str(c)] = {"n": int(sel.sum()), "median_index": float(np.median(idx[sel])),
                                              "out_of_balance_fraction": float(np.mean(idx[sel] > threshold))}
        out["by_genotype"] = by
    final = ds["values"].isel(time=-1)
    out["final"] = {}
    for o in ds["observable"].values:
        v = np.asarray(final.sel(observable=o).values)[ok]
        v = v[np.isfinite(v)]
        if v.size:
            out["final"][str(o)] = {"median": float(np.median(v)), "p5": float(np.percentile(v, 5)),
                                    "p95": float(np.percentile(v, 95))}
    return out


def _wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, c - h), min(1.0, c + h))
