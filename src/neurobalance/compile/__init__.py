"""Model → IR → engine code (scalar Python, NumPy, JAX, SBML)."""

from ._ir import CompiledModel as CompiledModel
from ._ir import compile_model as compile_model
