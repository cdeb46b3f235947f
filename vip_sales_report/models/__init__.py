from . import sale_order
from . import vip_approval
