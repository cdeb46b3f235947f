from . import vip_report_export
from . import vip_policy
from . import vip_price_sheet
from . import vip_display_propose
