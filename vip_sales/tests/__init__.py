from . import test_install
from . import test_tour
from . import test_daily_activities
from . import test_sales_plan
from . import test_visit
from . import test_cadence
from . import test_trip
from . import test_visit_tour
