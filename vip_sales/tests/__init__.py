from . import test_install
from . import test_tour
from . import test_daily_activities
from . import test_demo
from . import test_i18n
