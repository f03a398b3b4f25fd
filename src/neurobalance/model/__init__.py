"""Declarative model layer (no numerics)."""

from ._core import TIME as TIME
from ._core import Compartment as Compartment
from ._core import Flux as Flux
from ._core import Gene as Gene
from ._core import Input as Input
from ._core import Model as Model
from ._core import Module as Module
from ._core import Observable as Observable
from ._core import Parameter as Parameter
from ._core import Rule as Rule
from ._core import State as State
from ._motifs import competitive as competitive
from ._motifs import hill as hill
from ._motifs import michaelis_menten as michaelis_menten
from ._motifs import substrate_inhibition as substrate_inhibition
