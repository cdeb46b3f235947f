from . import test_install
from . import test_tour
from . import test_daily_activities
from . import test_proposal_approval
from . import test_proposal_followup
from . import test_proposal_tour
