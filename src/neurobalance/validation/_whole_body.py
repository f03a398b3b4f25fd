"""Shared pieces of the whole-body validation targets: the model, its reference steady state
(computed once per process), and the start/end readout of a long run."""

from __future__ import annotations

import functools


def model():  # noqa: ANN201
    from ..physiology.default import default_model

    return default_model()


@functools.cache
def reference():  # noqa: ANN201
    """Steady state of the whole-body model under the daily-mean HPA drive."""
    from ..analysis import steady_state

    return steady_state(model())


def start_end(ds, name: str) -> tuple[float, float]:  # noqa: ANN001
    """First and last value of observable ``name`` in a simulation result."""
    return float(ds[name][0]), float(ds[name][-1])
