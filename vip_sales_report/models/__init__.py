from . import ir_actions_report
from . import res_partner
from . import res_company
from . import vip_report_dispatch
