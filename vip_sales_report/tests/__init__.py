from . import test_client_passport
from . import test_install
from . import test_proposal_analysis
from . import test_report_export
from . import test_sales_analysis
