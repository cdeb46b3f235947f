from . import test_exchange_protocol
from . import test_catalog_import
from . import test_orders_exchange
