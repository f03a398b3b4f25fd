"""The exception hierarchy of neurobalance.

Every message says what went wrong, where, and how to fix it, in one line, so that
the command-line interface can print it without a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = [
    "NeurobalanceError",
    "ModelDefinitionError",
    "UnitError",
    "UnknownNameError",
    "InvalidValueError",
    "BackendUnavailableError",
    "IntegrationError",
    "SteadyStateError",
]


class NeurobalanceError(Exception):
    """Base class of every error raised by neurobalance."""


class ModelDefinitionError(NeurobalanceError):
    """A model, module or component is declared inconsistently.

    *Extends:* `NeurobalanceError`.
    """

    def __init__(self, name: str, problem: str, fix: str) -> None:
        self.name = name
        super().__init__(f"{name}: {problem}; {fix}")


class UnitError(ModelDefinitionError):
    """An expression combines incompatible units, or a unit is not understood.

    *Extends:* `ModelDefinitionError`.
    """


class UnknownNameError(NeurobalanceError, KeyError):
    """A name (parameter, state, observable, gene, backend) does not exist.

    The message lists the closest valid names.

    *Extends:* `NeurobalanceError`, `KeyError`.
    """

    def __init__(self, kind: str, name: str, valid: Iterable[str], *, hint: str = "") -> None:
        valid = list(valid)
        self.kind = kind
        self.name = name
        self.suggestions = difflib.get_close_matches(name, valid, n=3, cutoff=0.5)
        msg = f"unknown {kind} {name!r}"
        if self.suggestions:
            msg += "; did you mean " + ", ".join(repr(s) for s in self.suggestions) + "?"
        else:
            msg += f"; {hint or f'list the valid names with `neurobalance list {kind}s`'}"
        self.message = msg
        super().__init__(msg)

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return self.message


class InvalidValueError(NeurobalanceError, ValueError):
    """A numeric input is outside its admissible range (negative, NaN, infinite …).

    *Extends:* `NeurobalanceError`, `ValueError`.
    """

    def __init__(self, field: str, value: object, requirement: str) -> None:
        self.field = field
        self.value = value
        super().__init__(f"{field} must be {requirement}; got {value!r} instead")


class BackendUnavailableError(NeurobalanceError):
    """An engine was requested whose optional dependencies are not installed.

    *Extends:* `NeurobalanceError`.
    """


class IntegrationError(NeurobalanceError):
    """An integrator failed; carries the engine's message and the time reached.

    *Extends:* `NeurobalanceError`.
    """


class SteadyStateError(NeurobalanceError):
    """Neither Newton's method nor the integration fallback found a steady state.

    *Extends:* `NeurobalanceError`.
    """
