from . import vip_tier
from . import res_partner
from . import sale_order
from . import sale_order_line
from . import vip_sales_plan
from . import vip_no_order_reason
from . import vip_visit
from . import vip_trip
