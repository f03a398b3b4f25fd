"""JAX + diffrax engine: float64, stiff Kvaerno5 with a PID step-size controller.

Used for batches (``vmap`` over subjects, on CPU or GPU) and gradients.  On a CPU a single
run is slower than roadrunner (compilation takes seconds); prefer roadrunner there.
Compiled functions take the parameter vector as an argument, so every parameter variant
of a model reuses one compilation.  The compiled functions of the last four models (and jump-time
sets) are kept: each holds XLA executables of the whole-body right-hand side (hundreds of MB), and
a process that ran all library scenarios on JAX once ran out of memory keeping 32.
"""

from __future__ import annotations

import functools
from typing import Any, ClassVar

import numpy as np

from .._errors import IntegrationError
from ..compile._ir import CompiledModel
from ..model._core import TIME
from ._base import AbstractBackend

__all__ = ["JaxBackend"]


def _jax():  # noqa: ANN202
    import jax

    jax.config.update("jax_enable_x64", True)
    return jax


@functools.lru_cache(maxsize=4)
def _vector_field(compiled: CompiledModel):  # noqa: ANN202
    _jax()
    import jax.numpy as jnp
    import sympy as sp

    ys = [sp.Symbol(n, real=True) for n in compiled.state_names]
    ps = [sp.Symbol(n, real=True) for n in compiled.param_names]
    raw = sp.lambdify([TIME, ys, ps], list(compiled.rhs_exprs), modules="jax", cse=True)

    def f(t: Any, y: Any, p: Any) -> Any:
        return jnp.stack([jnp.asarray(v, dtype=jnp.float64) * jnp.ones((), dtype=jnp.float64)
                          for v in raw(t, list(y), list(p))])

    return f


class JaxBackend(AbstractBackend):
    name: ClassVar[str] = "jax"
    capabilities: ClassVar[frozenset[str]] = frozenset({"gradients", "batch", "gpu"})

    def __init__(self, *, rtol: float = 1e-9, atol: float = 1e-12, max_steps: int = 200_000) -> None:
        self.rtol, self.atol, self.max_steps = rtol, atol, max_steps

    def _solver(self, compiled: CompiledModel, jumps: tuple[float, ...]):  # noqa: ANN202
        return _make_solver(compiled, jumps, self.rtol, self.atol, self.max_steps)

    def integrate(self, compiled: CompiledModel, p: np.ndarray, y0: np.ndarray, times: np.ndarray, *,
                  t0: float = 0.0) -> np.ndarray:
        jax = _jax()
        times = np.asarray(times, dtype=float)
        jumps = tuple(compiled.discontinuities(t0, float(times[-1])))
        solve = self._solver(compiled, jumps)
        ys, ok = solve(jax.numpy.asarray(p), jax.numpy.asarray(y0, dtype=float), float(t0),
                       jax.numpy.asarray(times))
        if not bool(ok):
            raise IntegrationError("diffrax failed (step-size or max_steps); try engine='roadrunner' or a "
                                   "shorter horizon")
        return np.asarray(ys)

    def integrate_batch(self, compiled: CompiledModel, p: np.ndarray, y0: np.ndarray, times: np.ndarray, *,
                        t0: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
        """Batched integration (``vmap`` over the first axis of ``p`` and ``y0``).

        Returns (states[subject, time, state], ok[subject]); a failed subject is reported
        in ``ok`` instead of raising (diffrax's ``throw=False``), so one stiff subject does
        not sink the batch.
        """
        jax = _jax()
        times = np.asarray(times, dtype=float)
        jumps = tuple(compiled.discontinuities(t0, float(times[-1])))
        batched = _make_batched(compiled, jumps, self.rtol, self.atol, self.max_steps)
        ys, ok = batched(jax.numpy.asarray(p), jax.numpy.asarray(y0), float(t0), jax.numpy.asarray(times))
        return np.asarray(ys), np.asarray(ok)

    def steady_functions(self, compiled: CompiledModel, p: np.ndarray):  # noqa: ANN201
        """Jitted ``f(y)`` and its Jacobian (``jax.jacfwd``) at parameters ``p``, for Newton."""
        jax = _jax()
        f, jac = _steady(compiled)
        pj = jax.numpy.asarray(p)
        return (lambda y: np.asarray(f(jax.numpy.asarray(y), pj)),
                lambda y: np.asarray(jac(jax.numpy.asarray(y), pj)))


@functools.lru_cache(maxsize=4)
def _steady(compiled: CompiledModel):  # noqa: ANN202
    jax = _jax()
    vf = _vector_field(compiled)

    def f(y: Any, p: Any) -> Any:
        return vf(0.0, y, p)

    return jax.jit(f), jax.jit(jax.jacfwd(f))


@functools.lru_cache(maxsize=4)
def _make_solver(compiled: CompiledModel, jumps: tuple[float, ...], rtol: float, atol: float, max_steps: int):  # noqa: ANN202
    jax = _jax()
    import diffrax as dfx
    import jax.numpy as jnp
    import optimistix as optx

    vf = _vector_field(compiled)
    term = dfx.ODETerm(lambda t, y, args: vf(t, y, args))
    # PID coefficients for a 5th-order stiff method (Hairer & Wanner; diffrax docs: 0.3/0.3/0)
    pid = dfx.PIDController(rtol=rtol, atol=atol, pcoeff=0.3, icoeff=0.3, dcoeff=0.0)
    controller = dfx.ClipStepSizeController(pid, jump_ts=jnp.asarray(jumps)) if jumps else pid
    # The implicit stages' Newton (chord) iterations need looser tolerances than the step
    # controller: at the controller's 1e-9/1e-12 they are declared divergent and half of all
    # steps get rejected on the 5-HT autoreceptor cascade (measured: 480 steps instead of > 200 000).
    solver = dfx.Kvaerno5(root_finder=optx.Chord(rtol=1e-6, atol=1e-9))

    def solve(p: Any, y0: Any, t0: float, ts: Any) -> tuple[Any, Any]:
        sol = dfx.diffeqsolve(
            term, solver, t0=t0, t1=ts[-1], dt0=None, y0=y0, args=p,
            saveat=dfx.SaveAt(ts=ts), stepsize_controller=controller, max_steps=max_steps, throw=False,
        )
        return sol.ys, sol.result == dfx.RESULTS.successful

    return jax.jit(solve)


@functools.lru_cache(maxsize=4)
def _make_batched(compiled: CompiledModel, jumps: tuple[float, ...], rtol: float, atol: float, max_steps: int):  # noqa: ANN202
    """The vmapped solver, jitted once per (model, schedule, tolerances) and reused."""
    jax = _jax()
    return jax.jit(jax.vmap(_make_solver(compiled, jumps, rtol, atol, max_steps), in_axes=(0, 0, None, None)))
