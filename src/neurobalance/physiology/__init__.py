"""Physiology modules, one per system, each a function returning a `Module`."""

from .cofactors import cofactors_module as cofactors_module
from .default import MODULE_BUILDERS as MODULE_BUILDERS
from .default import default_model as default_model
from .default import terminals_model as terminals_model
from .dopamine import dopamine_module as dopamine_module
from .glutamate_gaba import gaba_module as gaba_module
from .glutamate_gaba import glutamate_module as glutamate_module
from .gr_jusko import gr_jusko_module as gr_jusko_module
from .hpa_gland_mass import hpa_gland_mass_module as hpa_gland_mass_module
from .hpa_gr_switch import hpa_gr_switch_module as hpa_gr_switch_module
from .hpa_sriram import hpa_sriram_module as hpa_sriram_module
from .receptors import receptors_module as receptors_module
from .serotonin import serotonin_module as serotonin_module
