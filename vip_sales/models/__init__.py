from . import vip_tier
from . import res_partner
