from . import vip_approval_reject
from . import vip_policy
from . import vip_proposal_revision_compare
from . import sale_mass_cancel_orders
from . import portal_share
