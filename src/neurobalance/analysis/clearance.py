"""Spike-resolved clearance of an extracellular transmitter, all other states frozen.

The terminal models average release over the hour scale (``fire = 1`` is a fractional
release of 1 h⁻¹ of the vesicular pool).  On the millisecond scale of single spikes, the
vesicular, cytosolic and synthesis states do not move (Best et al. 2009, Fig. 10
caption), so the extracellular pool can be followed alone: each spike adds a quantum,
and uptake, catabolism and removal clear it between spikes.  The quantum convention
(``vda/18000`` at 5 Hz, i.e. one hour's release divided by 18 000 spikes) is the
reference files' reading, not the paper's.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from ..compile._ir import compile_model
from ..model._core import Model

__all__ = ["linear_clearance_rate", "pulse_half_life", "spike_train", "SpikeTrain"]


def _frozen(model: Model, state: str, y_ref: np.ndarray | None):  # noqa: ANN202
    from ._api import solve_steady_state

    compiled = compile_model(model)
    p = compiled.parameter_vector(model)
    if y_ref is None:
        y_ref, *_ = solve_steady_state(compiled, p, compiled.initial_state(p))
    i = compiled.state_index(state)
    base = np.array(y_ref, dtype=float)
    rhs = compiled.rhs
    pt = tuple(p)

    def g(x: float) -> float:
        y = base.copy()
        y[i] = x
        return rhs(0.0, y, pt)[i]

    return g, base, i


def linear_clearance_rate(model: Model, state: str, *, at: float = 0.0) -> float:
    """First-order clearance constant (h⁻¹) of ``state`` at concentration ``at``.

    ``-∂(dx/dt)/∂x`` with every other state frozen at steady state; at ``at = 0`` for the DA
    terminal it equals ``Vmax_DAT/Km_DAT + k_rem + Vmax_cat/Km_cat``.
    """
    g, _, _ = _frozen(model, state, None)
    h = 1e-9
    return -(g(at + h) - g(at)) / h


def _decay(g, x0: float, duration_h: float, n: int = 2):  # noqa: ANN001, ANN202
    from scipy.integrate import solve_ivp

    sol = solve_ivp(lambda t, x: [g(x[0])], (0.0, duration_h), [x0], method="LSODA", rtol=1e-10, atol=1e-16,
                    dense_output=True)
    return sol


def pulse_half_life(model: Model, state: str, pulse: float) -> float:
    """Half-life (h) of an excess ``pulse`` (µM) added to ``state`` at steady state, others frozen."""
    from scipy.optimize import brentq

    g, base, i = _frozen(model, state, None)
    x_ss = base[i]
    # the excess decays monotonically; find when it has halved
    horizon = 10.0 / max(abs((g(x_ss + pulse) - g(x_ss)) / pulse), 1e-12)
    sol = _decay(g, x_ss + pulse, horizon)
    return float(brentq(lambda t: sol.sol(t)[0] - x_ss - pulse / 2, 0.0, horizon, xtol=1e-14))


@dataclasses.dataclass(frozen=True)
class SpikeTrain:
    """Peaks (just after each spike) and troughs (just before the next), µM; time-mean over the last period."""

    peaks: np.ndarray
    troughs: np.ndarray
    mean_last_period: float


def spike_train(model: Model, state: str, *, quantum: float, rate_hz: float, n_spikes: int,
                start: float | None = None) -> SpikeTrain:
    """Follow ``state`` through ``n_spikes`` spikes at ``rate_hz``, each adding ``quantum`` (µM).

    Starts from ``start`` (µM; default: the trough of the steady state, i.e. its value) and
    clears between spikes by the model's own uptake/catabolism/removal, other states frozen.
    """
    g, base, i = _frozen(model, state, None)
    # between spikes the "release" term must not act: it is represented by the quanta
    rel = g(0.0)  # production at zero concentration = hour-scale release (+ leaks)

    def clear(x: float) -> float:
        return g(x) - rel

    period = 1.0 / (rate_hz * 3600.0)
    x = base[i] if start is None else float(start)
    peaks, troughs = [], []
    mean = math.nan
    for _ in range(n_spikes):
        x += quantum
        peaks.append(x)
        sol = _decay(clear, x, period)
        ts = np.linspace(0.0, period, 201)
        xs = sol.sol(ts)[0]
        mean = float(np.trapezoid(xs, ts) / period)
        x = float(xs[-1])
        troughs.append(x)
    return SpikeTrain(np.array(peaks), np.array(troughs), mean)
