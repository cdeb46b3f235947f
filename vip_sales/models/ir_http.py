import psycopg2

from odoo import models
from odoo.exceptions import UserError
from odoo.http import request
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

BUSY = _lt(
    "Other users were changing the same records at that moment: nothing of your action was "
    "saved. Please try again."
)
CONNECTION_LOST = _lt(
    "The connection to the database was lost while your action ran: nothing of it was saved. "
    "Please try again in a moment."
)


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _handle_error(cls, exception):
        """A request whose database connection broke (PostgreSQL restarted, the backend was
        terminated) or stayed in conflict through Odoo's retries was rolled back: the user reads
        that nothing was saved and that trying again is safe, not a traceback. The original
        error is logged as before."""
        if isinstance(exception, (psycopg2.OperationalError, psycopg2.InterfaceError)):
            # In memory, without the database: the request's cursor may be the broken one.
            lang = request.session.context.get("lang") or "en_US"
            message = BUSY if isinstance(exception, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY) else CONNECTION_LOST
            return super()._handle_error(UserError(message._translate(lang)))
        return super()._handle_error(exception)
