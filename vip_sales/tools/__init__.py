from . import ru_requisites
from . import dates
