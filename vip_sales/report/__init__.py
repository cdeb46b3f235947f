from . import vip_contract
from . import vip_specification
