from . import vip_package_add
from . import vip_package_add_line
from . import choose_delivery_carrier
