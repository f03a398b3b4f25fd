"""Named conditions and challenges: stress, inflammation, diet and glucocorticoids as input schedules.

A condition is a set of input schedules (and, for some, parameter changes) for the
whole-body model (`neurobalance.default_model`).  Conditions combine: schedules that act
on the same input add up (a diet plus a tryptophan load), and ``simulate`` accepts them
directly::

    >>> import neurobalance as nb
    >>> c = nb.condition("endotoxin_challenge", dose_ng_per_kg=2.0, at_h=9.0)
    >>> sorted(c.inputs)
    ['inflammation.lps_dose_rate']

Times are hours from the start of the run, which starts at midnight (t = 0 h is 00:00).
The full scenario-file format builds on these names.

This is research and teaching software: conditions describe model experiments, not
treatment advice.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ._errors import InvalidValueError, UnknownNameError
from .inputs import Schedule, constant, daily, pulses, total
from .physiology.precursors import DIGESTION, MOLAR_MASS, PROTEIN_SOURCES, REFERENCE_DIET, content_umol_per_g

__all__ = ["Condition", "condition", "combine", "CONDITIONS", "describe"]


@dataclasses.dataclass(frozen=True)
class Condition:
    """Input schedules (by input name) and parameter values that define a condition."""

    name: str
    description: str
    inputs: Mapping[str, Schedule] = dataclasses.field(default_factory=dict)
    parameters: Mapping[str, float] = dataclasses.field(default_factory=dict)
    #: True: schedules add to the input's default (a dose on top of the usual diet);
    #: False: they replace it (a diet replaces the default intake).
    additive: bool = True


def _pos(field: str, value: Any, *, allow_zero: bool = True) -> float:
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise InvalidValueError(field, value, "a number") from None
    if isinstance(value, bool) or not x == x or x in (float("inf"), float("-inf")):
        raise InvalidValueError(field, value, "a finite number")
    if x < 0 or (x == 0 and not allow_zero):
        raise InvalidValueError(field, value, "a positive number" if not allow_zero else "a non-negative number")
    return x


def _bolus(dose: float, at: float, duration: float) -> Schedule:
    """A dose given at a constant rate over ``duration`` hours starting at ``at``."""
    return pulses([(at, at + duration, dose / duration)])


# ---------------------------------------------------------------------------------------------
# stress and glucocorticoids
# ---------------------------------------------------------------------------------------------
def stress(kind: str = "acute", intensity: float = 1.0, start_h: float = 9.0, duration_h: float = 2.0,
           hours_per_day: float = 8.0, weeks: float = 1.0) -> Condition:
    """Psychological stress as extra hypothalamic CRH drive (``hpa.stress``).

    ``kind="acute"``: one episode of ``duration_h`` hours from ``start_h``.  ``kind="chronic"``:
    ``hours_per_day`` hours of stress every day from ``start_h`` (clock time) for ``weeks`` weeks.
    ``intensity`` multiplies the CRH drive by (1 + intensity).
    """
    i = _pos("intensity", intensity)
    s = _pos("start_h", start_h)
    if kind == "acute":
        d = _pos("duration_h", duration_h, allow_zero=False)
        return Condition("stress", f"acute stress, intensity {i:g}, {d:g} h from {s:g} h",
                         {"hpa.stress": pulses([(s, s + d, i)])})
    if kind == "chronic":
        hpd = _pos("hours_per_day", hours_per_day, allow_zero=False)
        if hpd > 24:
            raise InvalidValueError("hours_per_day", hours_per_day, "at most 24")
        w = _pos("weeks", weeks, allow_zero=False)
        days = int(round(7 * w))
        if days < 1 or days > 365:
            raise InvalidValueError("weeks", weeks, "between 1 day and 52 weeks")
        tod = s % 24.0
        windows = [(24.0 * d + tod, 24.0 * d + tod + hpd, i) for d in range(days)]
        return Condition("stress", f"chronic stress, intensity {i:g}, {hpd:g} h/day for {w:g} weeks",
                         {"hpa.stress": pulses(windows)})
    raise InvalidValueError("kind", kind, "'acute' or 'chronic'")


def dexamethasone(dose_mg: float = 1.0, at_h: float = 23.0) -> Condition:
    """Oral dexamethasone (the overnight suppression test: 1 mg at 23:00)."""
    d = _pos("dose_mg", dose_mg, allow_zero=False)
    return Condition("dexamethasone", f"dexamethasone {d:g} mg orally at {at_h:g} h",
                     {"hpa.dexamethasone_oral": _bolus(d, _pos("at_h", at_h), 0.1)})


def hydrocortisone(dose_mg: float = 20.0, route: str = "oral", at_h: float = 8.0) -> Condition:
    """Hydrocortisone (cortisol) by mouth or as an intravenous bolus."""
    d = _pos("dose_mg", dose_mg, allow_zero=False)
    if route not in ("oral", "iv"):
        raise InvalidValueError("route", route, "'oral' or 'iv'")
    return Condition("hydrocortisone", f"hydrocortisone {d:g} mg {route} at {at_h:g} h",
                     {f"hpa.hydrocortisone_{route}": _bolus(d, _pos("at_h", at_h), 0.1 if route == "oral" else 1 / 60)})


# ---------------------------------------------------------------------------------------------
# inflammation
# ---------------------------------------------------------------------------------------------
def endotoxin_challenge(dose_ng_per_kg: float = 4.0, at_h: float = 9.0) -> Condition:
    """An intravenous bolus of E. coli endotoxin (LPS), in ng per kg body mass (over 1 min)."""
    d = _pos("dose_ng_per_kg", dose_ng_per_kg, allow_zero=False)
    return Condition("endotoxin_challenge", f"LPS {d:g} ng/kg i.v. at {at_h:g} h",
                     {"inflammation.lps_dose_rate": _bolus(d, _pos("at_h", at_h), 1 / 60)})


#: Interferon-α regimens: product input, dose (µg), interval (days).
IFN_REGIMENS = {
    "weekly": ("inflammation.peginterferon_dose_rate", 180.0, 7.0,
               "peginterferon α-2a 180 µg s.c. once weekly"),
    "daily": ("inflammation.interferon_dose_rate", 11.5, 1.0,
              "interferon α-2b 3 MIU (≈ 11.5 µg) s.c. daily"),
}


def interferon_alpha_therapy(regimen: str = "weekly", weeks: float = 12.0, start_h: float = 9.0) -> Condition:
    """Interferon-α therapy (hepatitis C-type regimens): ``weekly`` peginterferon or ``daily``
    standard interferon, for ``weeks`` weeks."""
    if regimen not in IFN_REGIMENS:
        raise UnknownNameError("interferon regimen", regimen, IFN_REGIMENS)
    name, dose, every, text = IFN_REGIMENS[regimen]
    w = _pos("weeks", weeks, allow_zero=False)
    s = _pos("start_h", start_h)
    n = int(round(7 * w / every))
    if n < 1 or n > 400:
        raise InvalidValueError("weeks", weeks, "a course of 1 to 400 doses")
    windows = [(s + 24.0 * every * k, s + 24.0 * every * k + 0.1, dose / 0.1) for k in range(n)]
    return Condition("interferon_alpha_therapy", f"{text} for {w:g} weeks", {name: pulses(windows)})


def chronic_inflammation(level: float = 1.0, start_h: float = 0.0) -> Condition:
    """Chronic low-grade inflammation (level 1 ≈ IL-6 tripled, CRP ≈ 3 mg/L) from ``start_h``."""
    lv = _pos("level", level)
    s = _pos("start_h", start_h)
    sched = constant(lv) if s == 0 else pulses([(s, 1e9, lv)])
    return Condition("chronic_inflammation", f"chronic inflammation level {lv:g}",
                     {"inflammation.chronic_inflammation": sched})


# ---------------------------------------------------------------------------------------------
# cofactor deficiencies
# ---------------------------------------------------------------------------------------------
def _deficiency(name: str, nutrient: str, severity: float, start_h: float, weeks: float | None) -> Condition:
    sev = _pos("severity", severity)
    if sev > 1:
        raise InvalidValueError("severity", severity, "a fraction between 0 (none) and 1 (no intake)")
    s = _pos("start_h", start_h)
    before = [(0.0, s, 1.0)] if s > 0 else []
    if weeks is None:
        sched = constant(1.0 - sev) if s == 0 else pulses(before + [(s, 1e12, 1.0 - sev)])
        span = f"from {s:g} h"
    else:
        w = _pos("weeks", weeks, allow_zero=False)
        end = s + 168.0 * w
        sched = pulses(before + [(s, end, 1.0 - sev), (end, 1e12, 1.0)])
        span = f"for {w:g} weeks from {s:g} h"
    return Condition(name, f"{nutrient} supply lowered by {100 * sev:g} % {span}",
                     {f"cofactors.{nutrient}_supply": sched}, additive=False)


def b6_deficiency(severity: float = 0.7, start_h: float = 0.0, weeks: float | None = None) -> Condition:
    """Vitamin B6 deficiency: dietary B6 supply lowered by ``severity`` (0–1); brain PLP follows
    over weeks (GAD holoenzyme, AADC, kynureninase and the KATs read it)."""
    return _deficiency("b6_deficiency", "b6", severity, start_h, weeks)


def folate_deficiency(severity: float = 0.7, start_h: float = 0.0, weeks: float | None = None) -> Condition:
    """Folate deficiency: dietary folate lowered by ``severity``; brain 5-MTHF and, through BH4
    synthesis, 5-HT and DA turnover follow over weeks."""
    return _deficiency("folate_deficiency", "folate", severity, start_h, weeks)


def b12_deficiency(severity: float = 0.7, start_h: float = 0.0, weeks: float | None = None) -> Condition:
    """Vitamin B12 deficiency: supply lowered by ``severity``; tissue stores fall over months and
    trap folate as 5-MTHF (less brain 5-MTHF, less SAM)."""
    return _deficiency("b12_deficiency", "b12", severity, start_h, weeks)


def iron_deficiency(severity: float = 0.7, start_h: float = 0.0, weeks: float | None = None) -> Condition:
    """Iron deficiency: dietary iron lowered by ``severity``; brain iron follows over weeks (TH,
    TPH2 activity; D1/D2 and DAT density where the receptor module is present)."""
    return _deficiency("iron_deficiency", "iron", severity, start_h, weeks)


# ---------------------------------------------------------------------------------------------
# diet and amino-acid challenges
# ---------------------------------------------------------------------------------------------
_AA_INPUTS = {k: f"precursors.{k}_intake" for k in ("trp", "tyr", "phe", "lnaa")}
#: Default meal times (clock h) and shares of the day's protein.
DEFAULT_MEALS = ((7.5, 0.25), (12.5, 0.35), (19.0, 0.40))


def diet(protein_g_per_day: float | None = None, source: str = "mixed", meals: Sequence[Sequence[float]] | None = None,
         trp_mg_per_day: float | None = None, meal_minutes: float = 30.0) -> Condition:
    """A daily diet: protein amount and source, eaten at meal times (clock h, share of the day).

    ``trp_mg_per_day`` overrides the tryptophan content.  The default protein intake is the
    reference diet (0.8 g/kg/day of mixed protein for 70 kg); ``meals=[]`` spreads the intake
    evenly over the day.
    """
    if source not in PROTEIN_SOURCES:
        raise UnknownNameError("protein source", source, PROTEIN_SOURCES)
    g = REFERENCE_DIET["protein_g_per_kg_day"] * REFERENCE_DIET["body_mass_kg"] if protein_g_per_day is None \
        else _pos("protein_g_per_day", protein_g_per_day)
    content = content_umol_per_g(source, absorbed=True)
    per_day = {k: v * g for k, v in content.items()}  # µmol/day absorbed
    if trp_mg_per_day is not None:
        per_day["trp"] = _pos("trp_mg_per_day", trp_mg_per_day) / MOLAR_MASS["trp"] * 1000.0
    plan = DEFAULT_MEALS if meals is None else tuple(tuple(x) for x in meals)
    dur = _pos("meal_minutes", meal_minutes, allow_zero=False) / 60.0
    if plan:
        shares = [float(x[1]) for x in plan]
        if any(sh < 0 for sh in shares) or abs(sum(shares) - 1.0) > 1e-6:
            raise InvalidValueError("meals", list(plan), "(clock hour, share) pairs whose shares sum to 1")
        for k, (h, _) in enumerate(plan):
            if not 0 <= float(h) < 24 - dur:
                raise InvalidValueError(f"meals[{k}]", h, f"a clock hour between 0 and {24 - dur:g}")
    inputs: dict[str, Schedule] = {}
    for aa, amount in per_day.items():
        if plan:
            inputs[_AA_INPUTS[aa]] = daily(0.0, [(float(h), float(h) + dur, amount * float(sh) / dur)
                                                 for h, sh in plan])
        else:
            inputs[_AA_INPUTS[aa]] = constant(amount / 24.0)
    label = f"{g:g} g/day {source} protein" + (f", {trp_mg_per_day:g} mg Trp/day" if trp_mg_per_day is not None else "")
    return Condition("diet", label, inputs, additive=False)


def protein_meal(grams: float = 40.0, source: str = "alpha_lactalbumin", at_h: float = 8.0,
                 minutes: float = 15.0) -> Condition:
    """One meal or drink of ``grams`` of a protein source (or amino-acid mixture) at ``at_h``, taken
    over ``minutes``; its absorbable amino acids are released over that time or over the source's digestion
    time, whichever is longer (`neurobalance.physiology.precursors.DIGESTION`)."""
    if source not in PROTEIN_SOURCES:
        raise UnknownNameError("protein source", source, PROTEIN_SOURCES)
    g = _pos("grams", grams, allow_zero=False)
    t = _pos("at_h", at_h)
    dur = _pos("minutes", minutes, allow_zero=False) / 60.0
    content = content_umol_per_g(source, absorbed=True)
    dur = max(dur, DIGESTION[source][1])  # a slowly digested protein releases its amino acids over hours
    return Condition("protein_meal", f"{g:g} g {source} at {t:g} h",
                     {_AA_INPUTS[k]: _bolus(v * g, t, dur) for k, v in content.items()})


def acute_tryptophan_depletion(grams: float = 100.0, at_h: float = 8.0) -> Condition:
    """The standard tryptophan-depletion drink: ``grams`` of a tryptophan-free amino-acid mixture
    (Young et al. 1985 composition), drunk over 15 min."""
    c = protein_meal(grams, "tryptophan_free_mixture", at_h, 15.0)
    return Condition("acute_tryptophan_depletion", f"{grams:g} g tryptophan-free amino-acid drink at {at_h:g} h",
                     c.inputs)


def tryptophan_loading(dose_mg: float = 1150.0, at_h: float = 8.0) -> Condition:
    """An oral L-tryptophan load (default 1.15 g, the Badawy loading test), over 5 min."""
    d = _pos("dose_mg", dose_mg, allow_zero=False)
    return Condition("tryptophan_loading", f"L-tryptophan {d:g} mg orally at {at_h:g} h",
                     {_AA_INPUTS["trp"]: _bolus(d / MOLAR_MASS["trp"] * 1000.0, _pos("at_h", at_h), 5 / 60)})


#: Condition name → constructor.
CONDITIONS: dict[str, Callable[..., Condition]] = {
    "stress": stress,
    "endotoxin_challenge": endotoxin_challenge,
    "interferon_alpha_therapy": interferon_alpha_therapy,
    "chronic_inflammation": chronic_inflammation,
    "diet": diet,
    "protein_meal": protein_meal,
    "acute_tryptophan_depletion": acute_tryptophan_depletion,
    "tryptophan_loading": tryptophan_loading,
    "dexamethasone": dexamethasone,
    "hydrocortisone": hydrocortisone,
    "b6_deficiency": b6_deficiency,
    "folate_deficiency": folate_deficiency,
    "b12_deficiency": b12_deficiency,
    "iron_deficiency": iron_deficiency,
}


def condition(name: str, **options: Any) -> Condition:
    """Build a named condition (see `CONDITIONS`) with keyword options."""
    if name not in CONDITIONS:
        raise UnknownNameError("condition", name, CONDITIONS)
    fn = CONDITIONS[name]
    params = inspect.signature(fn).parameters
    for k in options:
        if k not in params:
            raise UnknownNameError(f"option of condition {name!r}", k, params)
    try:
        return fn(**options)
    except TypeError as exc:  # e.g. a list where a number is expected
        raise InvalidValueError(f"condition {name}", options, f"valid options ({exc})") from None


def combine(conditions: Sequence[Condition | str], inputs: Mapping[str, Any] | None = None,
            model: Any = None) -> tuple[dict[str, Schedule], dict[str, float]]:
    """Merge conditions (and explicit ``inputs``) into one input mapping and parameter mapping.

    Schedules on the same input add up.  Additive conditions (doses, meals, stress) add to the
    input's default value when ``model`` is given and nothing replaces that default; a ``diet``
    or an explicit input replaces it.
    """
    from .inputs import as_schedule

    merged: dict[str, list[Schedule]] = {}
    replaced: set[str] = set()
    params: dict[str, float] = {}
    for c in conditions:
        cond = condition(c) if isinstance(c, str) else c
        if not isinstance(cond, Condition):
            raise InvalidValueError("conditions", c, "condition names or Condition objects")
        for k, v in cond.inputs.items():
            merged.setdefault(k, []).append(v)
            if not cond.additive:
                replaced.add(k)
        for k, val in cond.parameters.items():
            params[k] = float(val)
    for k, v in (inputs or {}).items():
        merged.setdefault(k, []).append(as_schedule(v, field=f"inputs[{k!r}]"))
        replaced.add(k)
    if model is not None:
        known = model.inputs
        for k in merged:
            if k not in known:
                raise UnknownNameError("input", k, known, hint="the condition needs the whole-body model "
                                       "(neurobalance.default_model())")
            default = known[k].default
            if k not in replaced and default.is_Number and float(default) != 0.0:
                merged[k].insert(0, constant(float(default)))
    return {k: total(*v) for k, v in merged.items()}, params


def describe() -> list[tuple[str, str, str]]:
    """(name, options with defaults, first docstring line) for every condition."""
    rows = []
    for name, fn in CONDITIONS.items():
        opts = ", ".join(f"{p.name}={p.default!r}" for p in inspect.signature(fn).parameters.values())
        rows.append((name, opts, (fn.__doc__ or "").strip().splitlines()[0]))
    return rows
