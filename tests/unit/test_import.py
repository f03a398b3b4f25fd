"""`import neurobalance` stays light: no optional stack, no engine loaded until used."""

from __future__ import annotations

import subprocess
import sys


def test_import_loads_no_optional_dependency():
    code = ("import sys, neurobalance; heavy = ['jax', 'diffrax', 'dask', 'streamlit', 'roadrunner', 'libsbml', "
            "'matplotlib', 'xarray', 'COPASI', 'basico']; print([m for m in heavy if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"


def test_default_model_needs_no_engine():
    code = ("import sys, neurobalance as nb; nb.default_model(); "
            "print([m for m in ('jax', 'roadrunner', 'libsbml', 'xarray') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
