"""neurobalance: mechanistic simulation of the brain's neurochemical balance state.

Research and teaching software.  It does not give medical advice.
"""

from __future__ import annotations

__version__ = "0.1.0"

from ._errors import NeurobalanceError as NeurobalanceError
from .model._core import Model as Model
from .physiology.default import default_model as default_model
from .physiology.default import terminals_model as terminals_model

__all__ = ["__version__", "default_model", "terminals_model", "Model", "NeurobalanceError", "simulate",
           "steady_state", "compile_model", "condition", "conditions"]


def __getattr__(name: str):  # lazy: keep `import neurobalance` light
    if name in ("simulate", "steady_state"):
        from . import analysis

        return getattr(analysis, name)
    if name in ("condition", "conditions"):
        from . import conditions

        return conditions if name == "conditions" else conditions.condition
    if name == "compile_model":
        from .compile import compile_model

        return compile_model
    raise AttributeError(f"module 'neurobalance' has no attribute {name!r}")
