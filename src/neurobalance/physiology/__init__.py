"""Physiology modules, one per system, each a function returning a `Module`."""

from .default import MODULE_BUILDERS as MODULE_BUILDERS
from .default import default_model as default_model
from .default import terminals_model as terminals_model
from .dopamine import dopamine_module as dopamine_module
from .hpa_gland_mass import hpa_gland_mass_module as hpa_gland_mass_module
from .hpa_gr_switch import hpa_gr_switch_module as hpa_gr_switch_module
from .hpa_sriram import hpa_sriram_module as hpa_sriram_module
from .serotonin import serotonin_module as serotonin_module
