"""The default model: every module available in this version, composed and coupled."""

from __future__ import annotations

import functools

import sympy as sp

from ..model._core import Model
from .cofactors import cofactors_module
from .dopamine import dopamine_module
from .glutamate_gaba import gaba_module, glutamate_module
from .hpa import hpa_module
from .inflammation import inflammation_module
from .kynurenine import kynurenine_module
from .mao import mao_module
from .precursors import precursors_module
from .receptors import receptors_module
from .serotonin import serotonin_module

__all__ = ["default_model", "terminals_model", "MODULE_BUILDERS", "COUPLINGS"]

MODULE_BUILDERS = {"precursors": precursors_module, "kynurenine": kynurenine_module, "hpa": hpa_module,
                   "inflammation": inflammation_module, "cofactors": cofactors_module, "dopamine": dopamine_module,
                   "serotonin": serotonin_module, "glutamate": glutamate_module, "gaba": gaba_module,
                   "receptors": receptors_module, "mao": mao_module}


def _s(name: str) -> sp.Symbol:
    return sp.Symbol(name, real=True)


#: Coupling inputs of the whole-body model: input → the expression that drives it.
COUPLINGS: dict[str, str] = {
    "serotonin.blood_tryptophan": "precursors.terminal_blood_trp",
    "dopamine.blood_tyrosine": "precursors.terminal_blood_tyr",
    "serotonin.oxidative_stress": "inflammation.oxidative_stress",
    "dopamine.oxidative_stress": "inflammation.oxidative_stress",
    "precursors.plasma_kynurenine": "kynurenine.kyn_plasma",
    "kynurenine.gr_occupancy": "hpa.gr_occupancy",
    "kynurenine.gr_nuclear_factor": "inflammation.gr_nuclear_factor",
    "kynurenine.ido_induction": "inflammation.ido_induction_periphery",
    "kynurenine.brain_ido_induction": "inflammation.ido_induction_brain",
    "kynurenine.brain_kmo_induction": "inflammation.kmo_induction_brain",
    "kynurenine.brain_trp": "serotonin.trp",
    "kynurenine.lat1_kyn_entry": "precursors.kyn_brain_availability",
    "kynurenine.portal_trp_excess": "precursors.portal_trp_excess",
    "inflammation.free_cortisol": "hpa.free_cortisol",
    "hpa.cytokine_drive": "inflammation.cytokine_drive",
    "kynurenine.plp": "cofactors.plp",
    "serotonin.plp": "cofactors.plp",
    "dopamine.plp": "cofactors.plp",
    "serotonin.iron": "cofactors.iron",
    "dopamine.iron": "cofactors.iron",
    "serotonin.folate": "cofactors.folate",
    "dopamine.folate": "cofactors.folate",
    "serotonin.phenylalanine": "precursors.phe",
    "dopamine.phenylalanine": "precursors.phe",
    "dopamine.sam": "cofactors.sam",
    "gaba.plp": "cofactors.plp",
    "glutamate.quinolinic_acid": "kynurenine.quin_brain",
    "glutamate.kynurenic_acid": "kynurenine.kyna_brain",
    "glutamate.gaba_to_astrocyte": "gaba.gaba_to_astrocyte",
    "receptors.serotonin": "serotonin.eht",
    "receptors.dopamine": "dopamine.eda",
    "receptors.gaba_release": "gaba.release_relative",
    "receptors.glutamate_release": "glutamate.release_relative",
    "receptors.nmda_activation": "glutamate.nmda_relative",
    "receptors.gr_occupancy": "hpa.gr_occupancy",
    "receptors.mr_occupancy": "hpa.mr_occupancy",
    "receptors.central_crh": "hpa.stress",
    "receptors.iron": "cofactors.iron",
    "serotonin.autoreceptor_sensitivity": "receptors.ht1a_auto_available",
    "dopamine.autoreceptor_sensitivity": "receptors.d2_auto_coupling",
    "dopamine.autoreceptor_potency": "receptors.d2_auto_potency",
    "dopamine.dat_density": "receptors.dat_density",
    "serotonin.mao_a_activity": "mao.mao_a_active",
    "dopamine.mao_a_activity": "mao.mao_a_active",
    "dopamine.mao_b_activity": "mao.mao_b_active",
}


def _arg(local: str, module: str) -> sp.Symbol:
    return _s(COUPLINGS[f"{module}.{local}"])


@functools.cache
def default_model() -> Model:
    """The healthy whole-body reference model.

    Modules: ``precursors`` (diet, plasma amino acids, LAT1), ``kynurenine`` (liver TDO2 branch,
    IDO1, plasma kynurenine, brain KYNA/QUIN), ``hpa`` (CRH–ACTH–cortisol with a circadian drive,
    GR, gland masses), ``inflammation`` (LPS, interferon-α, cytokines), ``cofactors`` (B6, folate,
    B12, SAM, iron), and the ``dopamine`` and ``serotonin`` terminals (with BH4 turnover), coupled through the inputs listed in `COUPLINGS` (each can still be
    overridden by a schedule).  The model is immutable; derive variants with
    `Model.with_parameters` and `Model.with_genes`.

    Examples
    --------
    >>> import neurobalance as nb
    >>> m = nb.default_model()
    >>> [mod.name for mod in m.modules][:3]
    ['precursors', 'kynurenine', 'hpa']
    """
    return Model([
        precursors_module(plasma_kynurenine=_arg("plasma_kynurenine", "precursors")),
        kynurenine_module(**{k: _arg(k, "kynurenine") for k in (
            "gr_occupancy", "gr_nuclear_factor", "ido_induction", "brain_ido_induction", "brain_kmo_induction",
            "brain_trp", "lat1_kyn_entry", "portal_trp_excess", "plp")}),
        hpa_module(cytokine_drive=_arg("cytokine_drive", "hpa")),
        inflammation_module(free_cortisol=_arg("free_cortisol", "inflammation")),
        cofactors_module(),
        dopamine_module(**{k: _arg(k, "dopamine") for k in (
            "blood_tyrosine", "oxidative_stress", "plp", "iron", "folate", "phenylalanine", "sam",
            "autoreceptor_sensitivity", "autoreceptor_potency", "dat_density", "mao_a_activity", "mao_b_activity")},
                        biopterin_turnover=True),
        serotonin_module(**{k: _arg(k, "serotonin") for k in (
            "blood_tryptophan", "oxidative_stress", "plp", "iron", "folate", "phenylalanine",
            "autoreceptor_sensitivity", "mao_a_activity")}, biopterin_turnover=True, raphe_feedback_gain=1.0),
        glutamate_module(**{k: _arg(k, "glutamate") for k in ("quinolinic_acid", "kynurenic_acid", "gaba_to_astrocyte")}),
        gaba_module(plp=_arg("plp", "gaba")),
        receptors_module(**{k: _arg(k, "receptors") for k in (
            "serotonin", "dopamine", "gaba_release", "glutamate_release", "nmda_activation", "gr_occupancy",
            "mr_occupancy", "central_crh", "iron")}),
        mao_module(),
    ])


@functools.cache
def terminals_model() -> Model:
    """The dopamine and serotonin terminals alone, with their published blood amino-acid inputs
    (the configuration of the published models and of the T-DA/T-5HT targets)."""
    return Model([dopamine_module(), serotonin_module()])
