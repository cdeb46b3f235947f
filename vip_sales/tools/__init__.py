from . import ru_requisites
