"""T-HPA targets available before the HPA module: the external circadian drive."""

from __future__ import annotations

import numpy as np

from ._framework import Check, absolute, rel, target


@target("T-HPA-12", system="HPA, Bangsgaard circadian drive",
        setup="evaluate c(t) of `neurobalance.inputs.circadian_drive()` with the published constants over one day "
              "(6-s grid); t_m = time after the phase offset δ",
        source="Bangsgaard & Ottesen 2017 via the VeVaPy transcription [code] + [re-sim]",
        tolerance="±1 %; times ±0.1 h")
def t_hpa_12() -> list[Check]:
    import sympy as sp

    from ..inputs import circadian_drive

    drive = circadian_drive()
    t = sp.Symbol("t", real=True)
    f = sp.lambdify(t, drive.expr(t), "numpy")
    hours = np.linspace(0.0, 24.0, 24 * 600 + 1)
    c = f(hours)
    tm = np.mod(hours * 60.0 - 83.8, 1440.0) / 60.0
    above = tm[c >= c.max() / 2]
    return [rel("minimum", 0.0052, c.min(), 0.01), rel("maximum", 0.272, c.max(), 0.01),
            absolute("t_m of the maximum", 6.8, tm[np.argmax(c)], 0.1, "h"),
            absolute("half-maximum from t_m", 4.3, above.min(), 0.1, "h"),
            absolute("half-maximum until t_m", 10.7, above.max(), 0.1, "h")]
