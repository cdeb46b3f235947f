from . import vip_analysis_mixin
from . import vip_proposal_analysis
from . import vip_sales_analysis
from . import vip_report_xlsx
from . import vip_manager_report_xlsx
from . import vip_logistics_xlsx
from . import vip_client_passport
