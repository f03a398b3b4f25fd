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
    edges = [t0] + [b for b in breaks if t0 < b < t_end] + [t_end]
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
