from . import test_install
from . import test_tour
from . import test_daily_activities
from . import test_store_shares
from . import test_store_rules
from . import test_store_access
from . import test_store_tour
