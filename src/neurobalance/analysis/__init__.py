"""Analyses over a model: time courses, steady states, stability, spike-resolved clearance."""

from ._api import DISCLAIMER as DISCLAIMER
from ._api import simulate as simulate
from ._api import solve_steady_state as solve_steady_state
from ._api import steady_state as steady_state
