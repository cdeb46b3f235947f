from . import vip_package_add
from . import vip_package_add_line
from . import choose_delivery_carrier
from . import vip_approval_reject
from . import vip_policy
from . import vip_proposal_revision_compare
from . import sale_mass_cancel_orders
from . import portal_share
