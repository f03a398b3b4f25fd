"""Scenario files: TOML, validated field by field, with one-line errors that name the place and the fix.

A scenario file is data only: nothing in it is evaluated as code.  Times and doses are strings with
units ("8 weeks", "36 h", "40 min"; "10 mg", "0.5 mg/kg", "180 ug"), so that no number is read in a
unit the author did not mean.  Sizes are bounded (`LIMITS`).
"""

from __future__ import annotations

import math
import re
import tomllib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .._errors import NeurobalanceError

__all__ = ["Scenario", "Intervention", "ConditionSpec", "ParameterChange", "ScenarioError", "parse_time",
           "parse_dose", "LIMITS", "load_text"]

#: Bounds on sizes a scenario may ask for.
LIMITS = {"duration_h": 2 * 365 * 24.0, "points": 200_001, "doses": 5000, "extends_depth": 8}

_TIME_UNITS = {"min": 1 / 60, "mins": 1 / 60, "minute": 1 / 60, "minutes": 1 / 60, "h": 1.0, "hr": 1.0,
               "hour": 1.0, "hours": 1.0, "d": 24.0, "day": 24.0, "days": 24.0, "w": 168.0, "wk": 168.0,
               "week": 168.0, "weeks": 168.0}
_MASS_UNITS = {"g": 1000.0, "mg": 1.0, "ug": 1e-3, "µg": 1e-3, "mcg": 1e-3, "ng": 1e-6}
_NUM = r"([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"


class ScenarioError(NeurobalanceError, ValueError):
    """A scenario file is malformed: ``file:line: field.path: problem — fix``.

    *Extends:* `NeurobalanceError`, `ValueError`.
    """

    def __init__(self, field: str, problem: str, fix: str, *, file: str | None = None, line: int | None = None):
        self.field, self.problem, self.fix, self.file, self.line = field, problem, fix, file, line
        where = f"{file}:{line}: " if file and line else (f"{file}: " if file else "")
        super().__init__(f"{where}{field}: {problem} — {fix}")


def parse_time(text: Any, field: str) -> float:
    """``"8 weeks"`` → 1344.0 (hours)."""
    if isinstance(text, bool) or not isinstance(text, str):
        raise ScenarioError(field, f"{text!r} is not a time with a unit", 'write it as a string such as "8 weeks", '
                            '"36 h" or "40 min"')
    m = re.fullmatch(rf"\s*{_NUM}\s*([A-Za-zµ]+)\s*", text)
    if not m or m.group(2).lower() not in _TIME_UNITS:
        raise ScenarioError(field, f"{text!r} is not a time with a unit", 'write a number and one of min, h, d, '
                            'weeks, e.g. "36 h"')
    x = float(m.group(1)) * _TIME_UNITS[m.group(2).lower()]
    if not math.isfinite(x) or x < 0:
        raise ScenarioError(field, f"{text!r} is negative or not finite", "give a time of zero or more")
    return x


def parse_dose(text: Any, field: str, body_mass_kg: float) -> float:
    """``"10 mg"`` → 10.0; ``"0.5 mg/kg"`` → 35.0 for 70 kg (mg)."""
    if isinstance(text, bool) or not isinstance(text, str):
        raise ScenarioError(field, f"{text!r} is not a dose with a unit", 'write it as a string such as "10 mg" or '
                            '"0.5 mg/kg"')
    m = re.fullmatch(rf"\s*{_NUM}\s*([A-Za-zµ]+)(\s*/\s*kg)?\s*", text)
    if not m or m.group(2) not in _MASS_UNITS:
        raise ScenarioError(field, f"{text!r} is not a dose with a mass unit", 'use g, mg, ug or ng (optionally per '
                            'kg), e.g. "10 mg"')
    x = float(m.group(1)) * _MASS_UNITS[m.group(2)] * (body_mass_kg if m.group(3) else 1.0)
    if not math.isfinite(x) or x <= 0:
        raise ScenarioError(field, f"{text!r} is not a positive dose", "give a dose above zero")
    return x


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ConditionSpec(BaseModel):
    """One condition: ``name`` plus the options of `neurobalance.conditions` (numbers in their units)."""

    model_config = ConfigDict(extra="allow", frozen=True)
    name: str

    def options(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class ParameterChange(_Strict):
    set: float | None = None
    scale: float | None = None


class Intervention(_Strict):
    agent: str
    dose: str
    route: str = "oral"
    start: str = "0 h"
    interval: str | None = None
    doses: int | None = Field(default=None, ge=1)
    stop: str | None = None
    infusion: str | None = None  #: infusion duration for route "iv" (default: a 1-min bolus)


class Outputs(_Strict):
    observables: list[str] | None = None
    interval: str = "1 h"
    report_at: list[str] | None = None


class Scenario(_Strict):
    name: str = Field(min_length=1, max_length=80)
    description: str = ""
    extends: str | None = None
    sources: list[str] = []
    duration: str
    engine: Literal["roadrunner", "scipy", "jax"] = "roadrunner"
    body_mass_kg: float = Field(default=70.0, gt=20.0, le=250.0)
    seed: int = 0
    conditions: list[ConditionSpec] = []
    genotype: dict[str, float] = {}
    parameters: dict[str, ParameterChange] = {}
    interventions: list[Intervention] = []
    outputs: Outputs = Outputs()

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", v):
            raise ValueError("use letters, digits, '-', '_' or '.' only")
        return v


_FIXES = {
    "extra_forbidden": "remove it or check its spelling against the scenario format in the docs",
    "missing": "add it",
    "string_type": "give a quoted string",
    "int_type": "give a whole number",
    "float_type": "give a number",
    "list_type": "give a list [...]",
    "dict_type": "give a table",
    "literal_error": "use one of the values listed",
    "greater_than": "give a larger value",
    "greater_than_equal": "give a larger value",
    "less_than_equal": "give a smaller value",
    "string_too_short": "give a non-empty value",
    "string_too_long": "shorten it",
    "value_error": "fix the value",
}


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(file)"


def locate(text: str, field: str) -> int | None:
    """Best-effort line number of ``field`` (e.g. ``interventions[1].dose``) in TOML ``text``."""
    lines = text.splitlines()
    m = re.match(r"([A-Za-z_]+)(?:\[(\d+)\])?(?:\.(.+))?$", field)
    if not m:
        return None
    head, idx, rest = m.groups()

    def find(pattern: str, start: int = 0, stop: int | None = None) -> int | None:
        for i in range(start, len(lines) if stop is None else stop):
            if re.match(pattern, lines[i]):
                return i
        return None

    def section_end(s: int) -> int:
        return next((h for h in range(s + 1, len(lines)) if lines[h].lstrip().startswith("[")), len(lines))

    def key_line(key: str, s: int, e: int) -> int:
        key = re.sub(r"\[\d+\]$", "", key)
        i = find(rf'\s*"?{re.escape(key)}"?\s*=', s + 1, e)
        return (i if i is not None else s) + 1

    if idx is not None:
        heads = [i for i, ln in enumerate(lines) if ln.strip() == f"[[{head}]]"]
        if int(idx) >= len(heads):
            i = find(rf"\s*{re.escape(head)}\s*=")
            return i + 1 if i is not None else None
        s0 = heads[int(idx)]
        return key_line(rest.split(".")[0], s0, section_end(s0)) if rest else s0 + 1
    table = find(rf"\s*\[{re.escape(head)}\]\s*$")
    if rest is None or table is None:
        i = find(rf'\s*"?{re.escape(head)}"?\s*=')
        i = table if i is None else i
        return i + 1 if i is not None else None
    return key_line(rest, table, section_end(table))


def load_text(text: str, file: str | None = None) -> dict[str, Any]:
    """Parse TOML text into a dictionary, or raise a one-line `ScenarioError`."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"line (\d+)", msg)
        raise ScenarioError("(file)", f"not valid TOML ({msg})", "fix the syntax at that place", file=file,
                            line=int(m.group(1)) if m else None) from None


def validate(data: dict[str, Any], text: str = "", file: str | None = None) -> Scenario:
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        e = exc.errors()[0]
        field = _path(tuple(e["loc"]))
        kind = e["type"]
        problem = e["msg"].replace("Value error, ", "")
        if kind == "extra_forbidden":
            problem = "is not a field of a scenario here"
        elif kind == "missing":
            problem = "is required"
        elif "input" in e and kind not in ("missing",):
            problem = f"{problem} (got {e['input']!r})"
        fix = _FIXES.get(kind, "correct the value")
        if field.startswith("engine"):
            fix = "use roadrunner, scipy or jax"
        raise ScenarioError(field, problem, fix, file=file, line=locate(text, field) if text else None) from None
