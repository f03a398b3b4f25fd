"""ODE engines behind one contract (`AbstractBackend`)."""

from ._base import AbstractBackend as AbstractBackend
from ._registry import available_backends as available_backends
from ._registry import get_backend as get_backend
