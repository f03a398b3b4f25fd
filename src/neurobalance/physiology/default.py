"""The default model: every module available in this version, composed."""

from __future__ import annotations

import functools

from ..model._core import Model
from .dopamine import dopamine_module
from .serotonin import serotonin_module

__all__ = ["default_model", "MODULE_BUILDERS"]

MODULE_BUILDERS = {"dopamine": dopamine_module, "serotonin": serotonin_module}


@functools.cache
def default_model() -> Model:
    """The healthy reference model (dopamine and serotonin terminals).

    The model is immutable; derive variants with `Model.with_parameters` and
    `Model.with_genes`.

    Examples
    --------
    >>> import neurobalance as nb
    >>> m = nb.default_model()
    >>> sorted(m.genes)[:3]
    ['COMT', 'DDC', 'DRD2']
    """
    return Model([dopamine_module(), serotonin_module()])
