"""libRoadRunner (CVODE) on SBML rendered from the IR: the default CPU engine.

One RoadRunner instance is kept per compiled model (SBML loading and JIT cost ~0.3 s);
parameter variants only set values, so they reuse it.
"""

from __future__ import annotations

import threading
from typing import Any, ClassVar

import numpy as np

from .._errors import IntegrationError
from ..compile._ir import CompiledModel
from ._base import AbstractBackend, segments

__all__ = ["RoadRunnerBackend", "load_roadrunner"]

_CACHE: dict[str, Any] = {}
_LOCK = threading.Lock()


class _Handle:
    """A RoadRunner instance with the index maps between our vectors and its own."""

    def __init__(self, compiled: CompiledModel, rtol: float, atol: float) -> None:
        import roadrunner

        from ..compile._render_sbml import sbml_id, to_sbml

        roadrunner.Config.setValue(roadrunner.Config.LOADSBMLOPTIONS_CONSERVED_MOIETIES, False)
        # Note (libRoadRunner 2.10): a second instance of the same SBML, loaded from roadrunner's
        # in-memory cache, took 40 % fewer CVODE steps on the 720-h default run with the same rates,
        # but stalled (mxstep) on a 12-week folate-deficiency run that this instance completes, so
        # the engine keeps the instance that compiled the model.
        self.rr = roadrunner.RoadRunner(to_sbml(compiled))
        integ = self.rr.integrator
        integ.relative_tolerance = rtol
        integ.absolute_tolerance = atol
        integ.maximum_num_steps = 200000
        integ.stiff = True
        # roadrunner scales the absolute tolerance by each species' initial value (2e-15 µM
        # for extracellular DA), which stalls CVODE where a pool leaves zero (glial 5-HT when
        # uptake-2 engages); a uniform absolute tolerance in µM avoids that.
        for sid in self.rr.model.getFloatingSpeciesIds():
            integ.setIndividualTolerance(sid, atol)
        m = self.rr.model
        gids = {pid: i for i, pid in enumerate(m.getGlobalParameterIds())}
        cids = {cid: i for i, cid in enumerate(m.getCompartmentIds())}
        self.p_global = [(j, gids[sbml_id(n)]) for j, n in enumerate(compiled.param_names) if sbml_id(n) in gids]
        self.p_comp = [(j, cids[sbml_id(n)]) for j, n in enumerate(compiled.param_names) if sbml_id(n) in cids]
        fids = {sid: i for i, sid in enumerate(m.getFloatingSpeciesIds())}
        self.s_idx = np.array([fids[sbml_id(n)] for n in compiled.state_names], dtype=np.int32)
        self.gi = np.array([g for _, g in self.p_global], dtype=np.int32)
        self.gj = np.array([j for j, _ in self.p_global], dtype=np.int32)
        self.ci = np.array([c for _, c in self.p_comp], dtype=np.int32)
        self.cj = np.array([j for j, _ in self.p_comp], dtype=np.int32)
        self.rr.timeCourseSelections = ["time"] + [f"[{sbml_id(n)}]" for n in compiled.state_names]

    def set(self, p: np.ndarray, y0: np.ndarray, t0: float) -> None:
        m = self.rr.model
        m.setCompartmentVolumes(self.ci, p[self.cj])
        m.setGlobalParameterValues(self.gi, p[self.gj])
        m.setFloatingSpeciesConcentrations(self.s_idx, np.asarray(y0, dtype=float))
        m.setTime(t0)


def load_roadrunner(compiled: CompiledModel, rtol: float = 1e-9, atol: float = 1e-12) -> _Handle:
    key = f"{compiled.key}|{id(compiled)}|{rtol}|{atol}"
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = _Handle(compiled, rtol, atol)
        return _CACHE[key]


class RoadRunnerBackend(AbstractBackend):
    name: ClassVar[str] = "roadrunner"
    capabilities: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, *, rtol: float = 1e-9, atol: float = 1e-12) -> None:
        self.rtol, self.atol = rtol, atol

    def integrate(self, compiled: CompiledModel, p: np.ndarray, y0: np.ndarray, times: np.ndarray, *,
                  t0: float = 0.0) -> np.ndarray:
        h = load_roadrunner(compiled, self.rtol, self.atol)
        times = np.asarray(times, dtype=float)
        y = np.asarray(y0, dtype=float)
        rows: list[np.ndarray] = []
        if times.size and times[0] == t0:
            rows.append(y.copy())
            times = times[1:]
        if times.size == 0:
            return np.array(rows).reshape(len(rows), len(y))
        h.set(p, y, t0)
        blocks: list[np.ndarray] = [np.asarray(rows)] if rows else []
        for a, b, ts in segments(t0, times, compiled.discontinuities(t0, float(times[-1]))):
            # output grid: the segment's requested times, plus its end so the next segment starts there
            end_requested = ts.size > 0 and ts[-1] == b
            grid = np.concatenate(([a], ts)) if end_requested else np.concatenate(([a], ts, [b]))
            try:
                res = h.rr.simulate(times=grid)
            except RuntimeError as exc:
                raise IntegrationError(f"roadrunner failed between {a} and {b} h: {exc}; "
                                       "try engine='scipy' or smaller steps") from None
            arr = np.asarray(res)
            blocks.append(arr[1:, 1:] if end_requested else arr[1:-1, 1:])
        return np.vstack(blocks) if blocks else np.empty((0, y.size))
