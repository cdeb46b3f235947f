from . import vip_tier
from . import res_partner
from . import sale_order
from . import sale_order_line
from . import res_bank
from . import res_partner_bank
from . import vip_handover
