"""Engine registry: `get_backend("roadrunner" | "scipy" | "jax")` (xarray's plugin pattern)."""

from __future__ import annotations

import functools
import importlib.util

from .._errors import BackendUnavailableError, UnknownNameError
from ._base import AbstractBackend

__all__ = ["get_backend", "available_backends", "BACKENDS"]

#: name → (module, class, pip extra)
BACKENDS = {
    "roadrunner": ("neurobalance.backends.roadrunner_", "RoadRunnerBackend", None, "roadrunner"),
    "scipy": ("neurobalance.backends.scipy_", "ScipyBackend", None, "scipy"),
    "jax": ("neurobalance.backends.jax_", "JaxBackend", "jax", "diffrax"),
}


def available_backends() -> list[str]:
    return [n for n, (_, _, _, dep) in BACKENDS.items() if importlib.util.find_spec(dep) is not None]


@functools.cache
def get_backend(name: str) -> AbstractBackend:
    if name not in BACKENDS:
        raise UnknownNameError("engine", name, BACKENDS, hint="choose roadrunner, scipy or jax")
    mod, cls, extra, dep = BACKENDS[name]
    if importlib.util.find_spec(dep) is None:
        raise BackendUnavailableError(
            f"engine {name!r} needs the [{extra}] extra: pip install 'neurobalance[{extra}]' "
            f"(installed engines: {', '.join(available_backends())})"
        )
    return getattr(importlib.import_module(mod), cls)()
