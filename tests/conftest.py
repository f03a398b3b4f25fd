"""Shared fixtures and optional-dependency markers (xarray's has_x/requires_x pattern)."""

from __future__ import annotations

import importlib.util

import pytest

has_jax = importlib.util.find_spec("diffrax") is not None
requires_jax = pytest.mark.skipif(not has_jax, reason="needs the [jax] extra (pip install 'neurobalance[jax]')")


@pytest.fixture(scope="session")
def model():
    import neurobalance as nb

    return nb.terminals_model()


@pytest.fixture(scope="session")
def whole_body():
    import neurobalance as nb

    return nb.default_model()
