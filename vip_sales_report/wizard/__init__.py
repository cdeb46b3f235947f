from . import vip_report_export
from . import vip_policy
