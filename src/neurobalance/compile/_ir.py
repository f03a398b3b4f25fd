"""Model → IR: flat index maps and one sympy right-hand side, rendered to each target.

The IR holds the equations once (Brian2's single parsed representation).  Renderers turn
them into scalar Python (Newton, SciPy), vectorised NumPy (observables over time), JAX
(diffrax) and SBML MathML.  Nothing downstream rebuilds the equations by hand.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import sympy as sp
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.pycode import PythonCodePrinter

from .. import units as U
from .._errors import ModelDefinitionError
from ..inputs import Schedule, as_schedule
from ..model._core import TIME, Model

__all__ = ["CompiledModel", "compile_model"]


class _ScalarPrinter(PythonCodePrinter):
    """Scalar code using the math module; Max/Min as builtins (fast for one state)."""

    def _print_Max(self, expr: sp.Max) -> str:
        return "max(" + ", ".join(self._print(a) for a in expr.args) + ")"

    def _print_Min(self, expr: sp.Min) -> str:
        return "min(" + ", ".join(self._print(a) for a in expr.args) + ")"

    def _print_Mod(self, expr: sp.Mod) -> str:
        # Python's % floors like sympy's Mod (math.fmod truncates and differs for negative arguments)
        return f"(({self._print(expr.args[0])}) % ({self._print(expr.args[1])}))"


class _VectorPrinter(NumPyPrinter):
    """Vectorised code: every state is an array (one column per time point or perturbation)."""


def _cache_dir() -> Path | None:
    """Where generated code is cached: ``$NEUROBALANCE_CACHE_DIR`` ("off" disables), else the user cache."""
    env = os.environ.get("NEUROBALANCE_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "neurobalance"


def _exec_sources(name: str, sources: list[str]) -> tuple[Callable, Callable]:
    out = []
    for src, suffix in zip(sources, ("scalar", "vector")):
        ns: dict[str, Any] = {"math": math, "numpy": np, "functools": functools}
        exec(compile(src, f"<neurobalance:{name}:{suffix}>", "exec"), ns)  # noqa: S102 - generated from the IR
        fn = ns[name]
        fn.source = src  # type: ignore[attr-defined]
        out.append(fn)
    return out[0], out[1]


_SEPARATOR = "\n# ---- vectorised ----\n"
_CACHE_MIN_SECONDS = 0.03


#: Bump when the printers change, so that cached generated code is not reused.
_PRINTER_REVISION = "2"


@functools.lru_cache(maxsize=65536)
def _srepr(e: sp.Basic) -> str:
    """``sympy.srepr``, remembered: the compiled-model key and the code cache hash the same expressions."""
    return sp.srepr(e)


def _codegen(name: str, args_y: list[sp.Symbol], args_p: list[sp.Symbol], exprs: list[sp.Expr]) -> tuple[Callable, Callable]:
    """Generate ``f(t, y, p) -> list`` twice from one common-subexpression pass.

    The scalar version (math module, builtins) is fastest for one state vector (Newton
    residuals, SciPy); the vectorised version (NumPy) takes ``y`` with one column per
    point and is used for observables and fluxes along a trajectory and for Jacobians.
    Generation (common subexpressions and printing, ~0.25 s for the default model) is
    cached on disk by a hash of the exact expressions, so later starts skip it.
    """
    from .. import __version__

    digest = hashlib.sha256("|".join(
        [__version__, _PRINTER_REVISION, sp.__version__, name, sp.srepr(list(args_y)), sp.srepr(list(args_p))]
        + [_srepr(e) for e in exprs]).encode()).hexdigest()[:32]
    cache = _cache_dir()
    cached = cache / "codegen" / f"{name}-{digest}.py" if cache is not None else None
    if cached is not None and cached.is_file():
        try:
            scalar_src, vector_src = cached.read_text(encoding="utf-8").split(_SEPARATOR)
            return _exec_sources(name, [scalar_src, vector_src])
        except (OSError, ValueError, SyntaxError):
            pass  # unreadable or foreign file: regenerate
    started = time.perf_counter()
    ymap = {s: sp.Symbol(f"y_{i}") for i, s in enumerate(args_y)}
    pmap = {s: sp.Symbol(f"p_{i}") for i, s in enumerate(args_p)}
    sub = {**ymap, **pmap, TIME: sp.Symbol("t")}
    exprs = [e.xreplace(sub) for e in exprs]
    reps, reduced = sp.cse(exprs, symbols=sp.numbered_symbols("x_"))
    sources = []
    for printer in (_ScalarPrinter({"fully_qualified_modules": True, "inline": True}),
                    _VectorPrinter({"fully_qualified_modules": True, "inline": True})):
        lines = [f"def {name}(t, y, p):"]
        if args_y:
            lines.append("    " + ", ".join(str(v) for v in ymap.values()) + (", = y" if len(ymap) == 1 else " = y"))
        if args_p:
            lines.append("    " + ", ".join(str(v) for v in pmap.values()) + (", = p" if len(pmap) == 1 else " = p"))
        for sym, e in reps:
            lines.append(f"    {sym} = {printer.doprint(e)}")
        lines.append("    return [" + ", ".join(printer.doprint(e) for e in reduced) + "]")
        sources.append("\n".join(lines))
    fns = _exec_sources(name, sources)
    # only worth a file when generation was slow (small models and one-off schedules are not)
    if cached is not None and time.perf_counter() - started > _CACHE_MIN_SECONDS:
        try:  # best effort: a read-only or full disk only costs the next start time
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(_SEPARATOR.join(sources), encoding="utf-8")
            os.replace(tmp, cached)
        except OSError:
            pass
    return fns


def _stack(values: list[Any], n: int) -> np.ndarray:
    """Rows of a vectorised result, broadcasting constants to ``n`` columns."""
    if not values:  # e.g. a model without observables
        return np.zeros((0, n))
    return np.vstack([np.broadcast_to(np.asarray(v, dtype=float), (n,)) for v in values])


@dataclasses.dataclass(frozen=True, eq=False)
class CompiledModel:
    """Flat, unit-free representation of a model structure plus input schedules.

    All values are canonical (µM, hours).  Parameter *values* are not part of the
    compiled model: engines receive a parameter vector, so variants share the code.
    """

    structure: Any
    state_names: tuple[str, ...]
    param_names: tuple[str, ...]
    observable_names: tuple[str, ...]
    flux_names: tuple[str, ...]
    schedules: Mapping[str, Schedule]
    rhs_exprs: tuple[sp.Expr, ...]
    flux_exprs: tuple[sp.Expr, ...]
    observable_exprs: tuple[sp.Expr, ...]
    initial_exprs: tuple[sp.Expr, ...]
    input_exprs: Mapping[str, sp.Expr]
    stoich: np.ndarray  # states × fluxes, with the volume ratio as a parameter-free symbol-less matrix
    stoich_volume_params: tuple[tuple[int, int, str | None, str | None], ...]
    key: str

    # ---------------------------------------------------------------- code (cached)
    @functools.cached_property
    def _ysyms(self) -> list[sp.Symbol]:
        return [sp.Symbol(n, real=True) for n in self.state_names]

    @functools.cached_property
    def _psyms(self) -> list[sp.Symbol]:
        return [sp.Symbol(n, real=True) for n in self.param_names]

    @functools.cached_property
    def _rhs_pair(self) -> tuple[Callable, Callable]:
        return _codegen("rhs", self._ysyms, self._psyms, list(self.rhs_exprs))

    @functools.cached_property
    def rhs(self) -> Callable[[float, Any, Any], list[float]]:
        """Scalar right-hand side ``rhs(t, y, p) -> list`` (canonical units)."""
        return self._rhs_pair[0]

    @functools.cached_property
    def rhs_vectorised(self) -> Callable:
        """``rhs_vectorised(t, Y, p)`` with one column of ``Y`` per point; returns a list of rows."""
        return self._rhs_pair[1]

    @functools.cached_property
    def flux_function(self) -> Callable:
        """Vectorised fluxes ``f(t, Y, p)`` (one column per point)."""
        return _codegen("fluxes", self._ysyms, self._psyms, list(self.flux_exprs))[1]

    @functools.cached_property
    def observable_function(self) -> Callable:
        """Vectorised observables ``f(t, Y, p)`` (one column per point)."""
        return _codegen("observables", self._ysyms, self._psyms, list(self.observable_exprs))[1]

    @functools.cached_property
    def initial_function(self) -> Callable:
        return _codegen("initial", [], self._psyms, list(self.initial_exprs))[0]

    def jacobian(self, y: np.ndarray, p: np.ndarray, t: float = 0.0) -> np.ndarray:
        """Forward-difference Jacobian of the right-hand side, all columns in one vectorised call."""
        n = y.size
        h = 1e-7 * np.maximum(np.abs(y), 1e-6)
        cols = np.repeat(y[:, None], n + 1, axis=1)
        cols[np.arange(n), np.arange(1, n + 1)] += h
        f = _stack(self.rhs_vectorised(t, cols, p), n + 1)
        return (f[:, 1:] - f[:, :1]) / h[None, :]

    def param_index(self, name: str) -> int:
        return self._pindex[name]

    def state_index(self, name: str) -> int:
        return self._sindex[name]

    @functools.cached_property
    def _pindex(self) -> dict[str, int]:
        return {n: i for i, n in enumerate(self.param_names)}

    @functools.cached_property
    def _sindex(self) -> dict[str, int]:
        return {n: i for i, n in enumerate(self.state_names)}

    # ------------------------------------------------------------------- numerics
    def parameter_vector(self, model: Model) -> np.ndarray:
        """Canonical parameter values of ``model`` in this IR's order."""
        vals = model.parameter_values
        params = self.structure.parameters
        return np.array([U.to_canonical(vals[n], params[n].unit) for n in self.param_names], dtype=float)

    def initial_state(self, p: np.ndarray) -> np.ndarray:
        return np.asarray(self.initial_function(0.0, (), p), dtype=float)

    def stoichiometry(self, p: np.ndarray) -> np.ndarray:
        """States × fluxes matrix including compartment volume ratios at parameters ``p``."""
        n = self.stoich.copy()
        for i, j, vflux, vstate in self.stoich_volume_params:
            num = p[self._pindex[vflux]] if vflux else 1.0
            den = p[self._pindex[vstate]] if vstate else 1.0
            n[i, j] *= num / den if den != 0 else 0.0
        return n

    def evaluate(self, fn: Callable, times: np.ndarray, y: np.ndarray, p: np.ndarray) -> np.ndarray:
        """Evaluate a vectorised IR function along a trajectory (rows of ``y`` = times)."""
        times = np.asarray(times, dtype=float)
        return _stack(fn(times, np.asarray(y, dtype=float).T, p), len(times)).T

    def discontinuities(self, t0: float, t1: float) -> list[float]:
        ts: set[float] = set()
        for s in self.schedules.values():
            ts.update(t for t in s.discontinuities(t0, t1) if t0 < t < t1)
        return sorted(ts)


def _schedules_key(schedules: Mapping[str, Schedule]) -> str:
    return ";".join(f"{k}={v.key()}" for k, v in sorted(schedules.items()))


@functools.lru_cache(maxsize=64)
def _compile_cached(structure: Any, skey: str, schedules_items: tuple) -> CompiledModel:
    schedules = dict(schedules_items)
    st = structure
    state_names = tuple(st.states)
    param_names = tuple(st.parameters)
    # inputs: a schedule (in the input's declared unit) → canonical expression
    input_exprs: dict[str, sp.Expr] = {}
    sub: dict[sp.Symbol, sp.Expr] = {}
    for name, inp in st.inputs.items():
        factor = U.to_canonical(1.0, inp.unit)
        if name in schedules:
            expr = schedules[name].expr(TIME) * factor
        else:
            expr = inp.default * factor if factor != 1.0 else inp.default
        input_exprs[name] = sp.sympify(expr)
        sub[inp.symbol] = input_exprs[name]
    for rule in st.rules.values():
        sub[rule.symbol] = rule.expr.xreplace(sub)
    # input defaults may name rules of other modules (couplings): substitute to a fixed point
    for _ in range(64):
        changed = False
        for k, v in sub.items():
            w = v.xreplace(sub)
            if w != v:
                sub[k], changed = w, True
        if not changed:
            break
    else:
        raise ModelDefinitionError("inputs", "input defaults and rules refer to each other in a cycle",
                                   "break the cycle with a state or a constant default")
    input_exprs = {k: sub[st.inputs[k].symbol] for k in input_exprs}
    flux_exprs = tuple(f.rate.xreplace(sub) for f in st.fluxes.values())
    obs_exprs = tuple(o.expr.xreplace(sub) for o in st.observables.values())
    psyms = {n: sp.Symbol(n, real=True) for n in param_names}

    # stoichiometry with volume ratios
    sidx = {n: i for i, n in enumerate(state_names)}
    n_s, n_f = len(state_names), len(st.fluxes)
    stoich = np.zeros((n_s, n_f))
    vols: list[tuple[int, int, str | None, str | None]] = []
    rhs_terms: list[list[sp.Expr]] = [[] for _ in range(n_s)]
    for j, f in enumerate(st.fluxes.values()):
        vf = st.compartments[f.compartment].size
        for sname, coeff in f.stoichiometry.items():
            i = sidx[sname]
            vs = st.compartments[st.states[sname].compartment].size
            stoich[i, j] = coeff
            if vf != vs:
                vols.append((i, j, vf, vs))
                rhs_terms[i].append(coeff * flux_exprs[j] * psyms[vf] / psyms[vs])
            else:
                rhs_terms[i].append(coeff * flux_exprs[j])
    rhs_exprs = tuple(sp.Add(*terms) for terms in rhs_terms)

    initial_exprs = []
    for s in st.states.values():
        if isinstance(s.initial, sp.Expr):
            # expressions of parameters are evaluated on canonical parameter values
            initial_exprs.append(s.initial)
        else:
            initial_exprs.append(sp.Float(U.to_canonical(float(s.initial), s.unit)))

    h = hashlib.sha256()
    for e in rhs_exprs + obs_exprs:
        h.update(_srepr(e).encode())
    return CompiledModel(
        structure=st,
        state_names=state_names,
        param_names=param_names,
        observable_names=tuple(st.observables),
        flux_names=tuple(st.fluxes),
        schedules=schedules,
        rhs_exprs=rhs_exprs,
        flux_exprs=flux_exprs,
        observable_exprs=obs_exprs,
        initial_exprs=tuple(initial_exprs),
        input_exprs=input_exprs,
        stoich=stoich,
        stoich_volume_params=tuple(vols),
        key=h.hexdigest()[:16],
    )


def compile_model(model: Model, inputs: Mapping[str, Any] | None = None) -> CompiledModel:
    """Compile ``model`` with optional input schedules (name → `Schedule` or number).

    Compilation depends only on the model's structure and the input schedules, and is
    cached, so parameter variants (`Model.with_parameters`) reuse the same code.
    """
    from .._errors import UnknownNameError

    schedules: dict[str, Schedule] = {}
    for name, value in (inputs or {}).items():
        if name not in model.inputs:
            raise UnknownNameError("input", name, model.inputs)
        schedules[name] = as_schedule(value, field=name)
    items = tuple(sorted(schedules.items()))
    return _compile_cached(model.structure, _schedules_key(schedules), items)
