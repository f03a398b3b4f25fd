"""Steady states by Newton's method on the IR, with conservation laws and an integration fallback.

Conserved moieties (e.g. BH4 + BH2 in a terminal) make the Jacobian singular.  They are
found once per parameter set as the left null space of the stoichiometry matrix, and the
Newton system replaces one equation per law by the law itself (the approach of
conserved-moiety analysis, without roadrunner's per-call re-JIT).
"""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Callable

import numpy as np
import scipy.linalg as sla

from .._errors import SteadyStateError

__all__ = ["conservation_laws", "newton", "pseudo_transient", "jacobian_fd", "stability", "SteadyStateInfo"]


def conservation_laws(stoich: np.ndarray, tol: float = 1e-10) -> np.ndarray:
    """Rows ``L`` with ``L @ N = 0`` (orthonormal), for the states × fluxes matrix ``N``."""
    if stoich.size == 0:
        return np.eye(stoich.shape[0])
    u, s, _ = np.linalg.svd(stoich, full_matrices=True)
    rank = int(np.sum(s > tol * max(1.0, s[0] if s.size else 1.0)))
    return u[:, rank:].T


def jacobian_fd(f: Callable[[np.ndarray], np.ndarray], y: np.ndarray, f0: np.ndarray | None = None) -> np.ndarray:
    """Forward-difference Jacobian with relative steps."""
    f0 = f(y) if f0 is None else f0
    n = y.size
    jac = np.empty((f0.size, n))
    for j in range(n):
        h = 1e-7 * max(abs(y[j]), 1e-6)
        yp = y.copy()
        yp[j] += h
        jac[:, j] = (f(yp) - f0) / h
    return jac


@dataclasses.dataclass(frozen=True)
class SteadyStateInfo:
    method: str
    iterations: int
    residual: float


def newton(
    f: Callable[[np.ndarray], np.ndarray],
    y0: np.ndarray,
    laws: np.ndarray,
    *,
    jac: Callable[[np.ndarray], np.ndarray] | None = None,
    max_iter: int = 100,
    xtol: float = 1e-11,
) -> tuple[np.ndarray, SteadyStateInfo]:
    """Damped Newton for ``f(y) = 0`` subject to ``laws @ y = laws @ y0``.

    Raises `SteadyStateError` when it does not converge (the caller then integrates).
    """
    y = np.array(y0, dtype=float)
    k = laws.shape[0]
    if k:
        _, _, piv = sla.qr(laws, pivoting=True, mode="economic")
        rows = np.sort(piv[:k])
    else:
        rows = np.array([], dtype=int)
    totals = laws @ y

    def full(x: np.ndarray) -> np.ndarray:
        r = np.asarray(f(x), dtype=float)
        if k:
            r = r.copy()
            r[rows] = laws @ x - totals
        return r

    def full_jac(x: np.ndarray, r: np.ndarray) -> np.ndarray:
        jm = jac(x) if jac is not None else jacobian_fd(lambda z: np.asarray(f(z), dtype=float), x)
        jm = np.array(jm, dtype=float)
        if not np.all(np.isfinite(jm)):
            raise SteadyStateError("the Jacobian is not finite (a rate law divides by zero at this state)")
        if k:
            jm[rows] = laws
        return jm

    floor = np.maximum(np.abs(y), 1e-6)  # residual scale: never smaller than the guess

    def norm(x: np.ndarray, res: np.ndarray) -> float:
        return float(np.linalg.norm(res / np.maximum(np.abs(x), floor)))

    r = full(y)
    jm = full_jac(y, r)
    lu = sla.lu_factor(jm)
    fresh = True
    for it in range(1, max_iter + 1):
        if not np.all(np.isfinite(r)):
            raise SteadyStateError("non-finite residual during Newton iteration; the integration fallback follows")
        dx = -sla.lu_solve(lu, r)
        # keep concentrations non-negative: a component that would cross zero moves to a
        # tenth of its value instead (a projected step, so one near-empty pool cannot stall the rest)
        neg = (y + dx < 0) & (dx < 0)
        if np.any(neg):
            dx[neg] = -0.9 * y[neg]
        lam = 1.0
        norm0 = norm(y, r)
        best: tuple[float, float, np.ndarray, np.ndarray] | None = None
        for _ in range(16):
            y_new = y + lam * dx
            r_new = full(y_new)
            if np.all(np.isfinite(r_new)):
                n_new = norm(y_new, r_new)
                if best is None or n_new < best[0]:
                    best = (n_new, lam, y_new, r_new)
                if n_new <= norm0 * (1 - 1e-4 * lam):
                    break
            lam *= 0.5
        else:
            if best is None or best[0] >= norm0:
                if fresh:
                    raise SteadyStateError("Newton line search failed")
                jm = full_jac(y, r)
                lu = sla.lu_factor(jm)
                fresh = True
                continue
            _, lam, y_new, r_new = best  # non-smooth rate laws (gates): take the best step found
        step = np.max(np.abs(lam * dx) / np.maximum(np.abs(y_new), floor * 1e-3))
        y, r = y_new, r_new
        if step < xtol and lam == 1.0:  # a tiny damped step is stagnation, not convergence
            return y, SteadyStateInfo("newton", it, float(np.max(np.abs(r))))
        if norm(y, r) < 1e-13 and step < 1e-7:  # residual at rounding level (finite-difference Jacobian)
            return y, SteadyStateInfo("newton", it, float(np.max(np.abs(r))))
        if lam == 1.0 and step < 1e-8 and norm(y, r) < 1e-11:
            # full steps converging linearly to a residual at the rounding level of the largest fluxes (the
            # glutamate cycle turns over ~1e5 µM/h): relative rates of change below 1e-11 per hour
            return y, SteadyStateInfo("newton", it, float(np.max(np.abs(r))))
        if lam < 1.0 or step > 1e-3:
            jm = full_jac(y, r)
            lu = sla.lu_factor(jm)
            fresh = True
        else:
            fresh = False
    raise SteadyStateError(f"Newton did not converge in {max_iter} iterations")


def pseudo_transient(
    f: Callable[[np.ndarray], np.ndarray],
    y0: np.ndarray,
    *,
    jac: Callable[[np.ndarray], np.ndarray] | None = None,
    max_iter: int = 400,
    rtol: float = 1e-11,
    dt0: float = 0.1,
) -> tuple[np.ndarray, SteadyStateInfo]:
    """Pseudo-transient continuation (Kelley & Keyes 1998) for ``f(y) = 0``.

    Implicit-Euler steps ``(I/dt − J) Δy = f(y)`` whose pseudo-time step grows as the residual
    falls (switched evolution relaxation).  Small steps follow the dynamics out of the region
    where Newton stalls; large steps become Newton steps, so slow modes (weeks-long pools)
    converge in a few iterations rather than thousands of hours of integration.  Linear
    conservation laws are kept exactly, because ``L J = 0`` and ``L f = 0``.
    Converged when every rate is below ``rtol`` per hour relative to its pool.
    """
    y = np.array(y0, dtype=float)
    floor = np.maximum(np.abs(y), 1e-6) * 1e-3

    def rel(x: np.ndarray, res: np.ndarray) -> float:
        return float(np.max(np.abs(res) / np.maximum(np.abs(x), floor), initial=0.0))

    r = np.asarray(f(y), dtype=float)
    if not np.all(np.isfinite(r)):
        raise SteadyStateError("non-finite rates at the starting state")
    dt = dt0
    eye = np.eye(y.size)
    for it in range(1, max_iter + 1):
        n0 = rel(y, r)
        if n0 < rtol:
            return y, SteadyStateInfo("pseudo-transient", it, float(np.max(np.abs(r), initial=0.0)))
        jm = jac(y) if jac is not None else jacobian_fd(lambda z: np.asarray(f(z), dtype=float), y, r)
        try:
            with warnings.catch_warnings():  # conserved moieties make the matrix singular at large dt
                warnings.simplefilter("ignore", sla.LinAlgWarning)
                dx = sla.solve(eye / dt - np.asarray(jm, dtype=float), r)
        except (np.linalg.LinAlgError, ValueError):
            dt *= 0.25
            continue
        neg = (y + dx < 0) & (dx < 0)
        if np.any(neg):
            dx[neg] = -0.9 * y[neg]
        y_new = y + dx
        r_new = np.asarray(f(y_new), dtype=float)
        n1 = rel(y_new, r_new) if np.all(np.isfinite(r_new)) and np.all(np.isfinite(y_new)) else np.inf
        if not n1 < 10 * n0:  # a step that blows the residual up: retry with a shorter pseudo-time
            dt *= 0.25
            if dt < 1e-12:
                break
            continue
        y, r = y_new, r_new
        dt = min(dt * min(max(n0 / max(n1, 1e-300), 0.5), 10.0), 1e12)
    raise SteadyStateError(f"pseudo-transient continuation did not converge in {max_iter} iterations")


def stability(jm: np.ndarray, laws: np.ndarray) -> np.ndarray:
    """Eigenvalues of the Jacobian restricted to the stoichiometric subspace (sorted, largest real part first)."""
    if laws.shape[0]:
        q = sla.null_space(laws)
        jr = q.T @ jm @ q
    else:
        jr = jm
    ev = np.linalg.eigvals(jr)
    return ev[np.argsort(-ev.real)]
