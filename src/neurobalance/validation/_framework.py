"""Validation targets: each published number, the set-up that reproduces it, and its tolerance.

A `Target` runs an in-silico experiment on the shipped model and returns `Check` rows
(expected, got, tolerance).  Targets are registered by ID (``T-DA-05``) with their source
and provenance as stated in the project's reference table of public targets.
"""

from __future__ import annotations

import dataclasses
import math
import os
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["Check", "Target", "TargetResult", "TargetSkipped", "REGISTRY", "target", "rel", "absolute", "pp",
           "within", "run_targets", "steady_tables"]


class TargetSkipped(Exception):  # noqa: N818 - a signal, not an error
    """Raised by a target that cannot run here (e.g. published data not present); carries the reason."""


@dataclasses.dataclass(frozen=True)
class Check:
    """One compared quantity.  ``low``/``high`` bound the accepted values of ``got``."""

    label: str
    expected: str
    got: float
    low: float
    high: float
    unit: str = ""

    def __post_init__(self) -> None:
        # numpy scalars would leak into JSON output
        for name in ("got", "low", "high"):
            object.__setattr__(self, name, float(getattr(self, name)))

    @property
    def passed(self) -> bool:
        return bool(math.isfinite(self.got) and self.low <= self.got <= self.high)

    def as_dict(self) -> dict:
        return {"label": self.label, "expected": self.expected, "got": self.got, "low": self.low,
                "high": self.high, "unit": self.unit, "passed": self.passed}


def rel(label: str, expected: float, got: float, tol: float, unit: str = "") -> Check:
    """Relative tolerance (``tol = 0.01`` is ±1 %)."""
    d = abs(expected) * tol
    return Check(label, f"{expected:.6g} ±{tol * 100:g} %", float(got), expected - d, expected + d, unit)


def absolute(label: str, expected: float, got: float, tol: float, unit: str = "") -> Check:
    return Check(label, f"{expected:.6g} ±{tol:g}", float(got), expected - tol, expected + tol, unit)


def pp(label: str, expected_pct: float, got_pct: float, tol_pp: float) -> Check:
    """Percentage-point tolerance on a % change."""
    return Check(label, f"{expected_pct:+.4g} % ±{tol_pp:g} pp", float(got_pct), expected_pct - tol_pp,
                 expected_pct + tol_pp, "%")


def within(label: str, low: float, high: float, got: float, unit: str = "", expected: str | None = None) -> Check:
    return Check(label, expected or f"[{low:g}, {high:g}]", float(got), low, high, unit)


@dataclasses.dataclass(frozen=True)
class Target:
    id: str
    system: str
    setup: str
    source: str
    tolerance: str
    fast: bool
    run: Callable[[], list[Check]]
    optional_reason: str = ""


@dataclasses.dataclass(frozen=True)
class TargetResult:
    target: Target
    checks: tuple[Check, ...]
    seconds: float
    error: str = ""
    skipped: str = ""

    @property
    def passed(self) -> bool:
        return not self.error and not self.skipped and bool(self.checks) and all(c.passed for c in self.checks)

    @property
    def failed(self) -> bool:
        return not self.skipped and not self.passed

    def as_dict(self) -> dict:
        return {"id": self.target.id, "system": self.target.system, "source": self.target.source,
                "tolerance": self.target.tolerance, "passed": self.passed, "seconds": round(self.seconds, 3),
                "error": self.error, "skipped": self.skipped, "checks": [c.as_dict() for c in self.checks]}


REGISTRY: dict[str, Target] = {}


def find_shared_sbml(file_name: str) -> Path | None:
    """Locate a published SBML file that is not shipped: ``$NEUROBALANCE_SBML_DIR``, or a
    ``shared/data/sbml`` folder inside or beside the working directory or beside the checkout."""
    candidates = []
    if os.environ.get("NEUROBALANCE_SBML_DIR"):
        candidates.append(Path(os.environ["NEUROBALANCE_SBML_DIR"]) / file_name)
    cwd = Path.cwd()
    candidates += [cwd / "shared/data/sbml" / file_name, cwd.parent / "shared/data/sbml" / file_name,
                   Path(__file__).resolve().parents[4] / "shared/data/sbml" / file_name]
    return next((p for p in candidates if p.is_file()), None)


def steady_tables(model: object, module: str, **inputs: float) -> tuple[dict[str, float], dict[str, float],
                                                                         dict[str, float]]:
    """States, fluxes and observables of ``module`` at steady state, by local name (canonical units
    for states and fluxes, display units for observables); ``inputs`` are constant input values."""
    from ..analysis import steady_state

    prefix = module + "."
    ds = steady_state(model, inputs={prefix + k: v for k, v in inputs.items()})  # type: ignore[arg-type]
    states = {s.removeprefix(prefix): float(v) for s, v in zip(ds.state.values, ds.state_value.values)
              if s.startswith(prefix)}
    fluxes = {f.removeprefix(prefix): float(v) for f, v in zip(ds.flux.values, ds.flux_value.values)
              if f.startswith(prefix)}
    obs = {k.removeprefix(prefix): float(ds[k]) for k in ds.data_vars if k.startswith(prefix)}
    return states, fluxes, obs


def target(id: str, *, system: str, setup: str, source: str, tolerance: str, fast: bool = True):  # noqa: A002, ANN201
    """Register the decorated function as the experiment of target ``id``."""

    def deco(fn: Callable[[], list[Check]]) -> Callable[[], list[Check]]:
        if id in REGISTRY:
            raise ValueError(f"target {id} registered twice")
        REGISTRY[id] = Target(id, system, setup, source, tolerance, fast, fn)
        return fn

    return deco


def _load_all() -> None:
    from . import (  # noqa: F401
        best2009_sbml,
        stavrum2013_sbml,
        targets_dopamine,
        targets_drugs,
        targets_gaba_cofactors,
        targets_hpa,
        targets_hpa_physiology,
        targets_kynurenine,
        targets_receptors,
        targets_serotonin,
    )


def all_targets() -> dict[str, Target]:
    _load_all()
    return dict(sorted(REGISTRY.items(), key=lambda kv: _sort_key(kv[0])))


def _sort_key(tid: str) -> tuple[str, int]:
    head, _, num = tid.rpartition("-")
    return head, int(num) if num.isdigit() else 0


def run_targets(ids: list[str] | None = None, *, fast: bool = False,
                progress: Callable[[Target], None] | None = None) -> list[TargetResult]:
    """Run targets (all, the ``fast`` subset, or the given IDs) and collect their checks."""
    from .._errors import UnknownNameError

    targets = all_targets()
    if ids:
        for i in ids:
            if i not in targets:
                raise UnknownNameError("target", i, targets, hint="list them with `neurobalance validate --list`")
        chosen = [targets[i] for i in ids]
    else:
        chosen = [t for t in targets.values() if t.fast or not fast]
    results = []
    for t in chosen:
        if progress:
            progress(t)
        t0 = time.perf_counter()
        skipped = ""
        try:
            checks = tuple(t.run())
            err = ""
        except TargetSkipped as exc:
            checks, err, skipped = (), "", str(exc)
        except Exception as exc:  # a failing experiment is a failed target, reported as data
            checks, err = (), f"{type(exc).__name__}: {exc}"
        results.append(TargetResult(t, checks, time.perf_counter() - t0, err, skipped))
    return results
