from . import vip_1c_manual_exchange
