from . import ru_requisites
from . import dates
from . import contract_template
from . import locks
from . import geo
