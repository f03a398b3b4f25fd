"""The engine contract: integrate a compiled model from one state over given times."""

from __future__ import annotations

import abc
from typing import ClassVar

import numpy as np

from ..compile._ir import CompiledModel

__all__ = ["AbstractBackend", "segments"]


def segments(t0: float, times: np.ndarray, breaks: list[float]) -> list[tuple[float, float, np.ndarray]]:
    """Split [t0, max(times)] at discontinuity times; each segment lists its output times."""
    t_end = float(times[-1])
    # a break within round-off of an output time, an edge or another break is moved onto it:
    # engines refuse steps of 1e-12 h (CVODE: "tout too close to t0")
    tol = 1e-9 * max(1.0, abs(t0), abs(t_end))
    edges = [t0]
    for b in sorted(float(x) for x in breaks):
        if not t0 + tol < b < t_end - tol:
            continue
        j = int(np.searchsorted(times, b))
        near = [float(times[k]) for k in (j - 1, j) if 0 <= k < times.size and abs(times[k] - b) <= tol]
        b = near[0] if near else b
        if b - edges[-1] > tol:
            edges.append(b)
    edges.append(t_end)
    out = []
    for a, b in zip(edges[:-1], edges[1:]):
        last = b == t_end
        sel = times[(times > a) & ((times <= b) if last else (times <= b))]
        out.append((a, b, sel))
    return out


class AbstractBackend(abc.ABC):
    """An ODE engine.  Concrete engines are final (equinox's abstract/final rule)."""

    name: ClassVar[str]
    #: what the engine can do: "gradients", "batch", "gpu"
    capabilities: ClassVar[frozenset[str]]

    @abc.abstractmethod
    def integrate(
        self, compiled: CompiledModel, p: np.ndarray, y0: np.ndarray, times: np.ndarray, *, t0: float = 0.0
    ) -> np.ndarray:
        """States at ``times`` (rows), starting from ``y0`` at ``t0`` (canonical units).

        Engines stop at every discontinuity of the input schedules.
        Raises `IntegrationError` with the engine's message when a step fails.
        """
