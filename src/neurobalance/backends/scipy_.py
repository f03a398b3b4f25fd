"""SciPy `solve_ivp` (LSODA): the independent reference integrator used by tests."""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from .._errors import IntegrationError
from ..compile._ir import CompiledModel
from ._base import AbstractBackend, segments

__all__ = ["ScipyBackend"]


class ScipyBackend(AbstractBackend):
    name: ClassVar[str] = "scipy"
    capabilities: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, *, method: str = "LSODA", rtol: float = 1e-10, atol: float = 1e-13) -> None:
        self.method, self.rtol, self.atol = method, rtol, atol

    def integrate(self, compiled: CompiledModel, p: np.ndarray, y0: np.ndarray, times: np.ndarray, *,
                  t0: float = 0.0) -> np.ndarray:
        from scipy.integrate import solve_ivp

        times = np.asarray(times, dtype=float)
        rhs = compiled.rhs
        pt = tuple(p)
        y = np.asarray(y0, dtype=float)
        rows = []
        if times.size and times[0] == t0:
            rows.append(y.copy())
            times = times[1:]
        if times.size == 0:
            return np.array(rows).reshape(len(rows), len(y))
        for a, b, ts in segments(t0, times, compiled.discontinuities(t0, float(times[-1]))):
            # always save the segment end, the start of the next segment (no second solve)
            ends_at_b = ts.size > 0 and ts[-1] == b
            t_eval = ts if ends_at_b else np.append(ts, b)
            sol = solve_ivp(lambda t, x: rhs(t, x, pt), (a, b), y, method=self.method, t_eval=t_eval,
                            rtol=self.rtol, atol=self.atol)
            if sol.status < 0:
                raise IntegrationError(f"scipy {self.method} failed at t = {a} h: {sol.message}; "
                                       "try engine='roadrunner'")
            rows.extend(sol.y.T[: ts.size])
            y = sol.y[:, -1]
        return np.array(rows)
