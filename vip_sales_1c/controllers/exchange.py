"""The "exchange with a site" protocol of 1C:Enterprise (CommerceML 2 over HTTP).

1C calls ``/vip_sales_1c/exchange?type=catalog|sale&mode=…`` in this order:
checkauth (HTTP Basic) -> init -> file (chunks) -> import (per file) for a catalog;
checkauth -> init -> query -> success -> file (documents back) for orders.
Every answer is plain text: ``success``, ``progress`` or ``failure`` and its reason.
"""

import io
import logging
import time

from odoo import http
from odoo.exceptions import AccessDenied
from odoo.http import request

from ..tools.commerceml import CommerceMLError

_logger = logging.getLogger(__name__)

COOKIE = "vip_1c_session"
GROUP = "vip_sales_1c.group_1c_exchange"
# The largest piece of a file 1C sends at once (it splits bigger files): what one request
# holds in memory before it is appended to the session's file.
FILE_LIMIT = 10 * 1024 * 1024
TYPES = ("catalog", "sale")
# How long one import call may work before it answers progress (1C waits for each answer;
# the system parameter vip_sales_1c.import_seconds changes it).
IMPORT_SECONDS = 60


class Exchange1C(http.Controller):
    @http.route(
        "/vip_sales_1c/exchange",
        type="http",
        auth="none",
        methods=["GET", "POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def exchange(self, **kw):
        exchange_type, mode = kw.get("type"), kw.get("mode")
        if exchange_type not in TYPES:
            return self._answer("failure", request.env._("Unknown exchange type %s.", exchange_type or "-"))
        if mode == "checkauth":
            return self._checkauth(exchange_type)
        session = request.env["vip.1c.exchange"]._find_open(request.httprequest.cookies.get(COOKIE))
        if not session or session.exchange_type != exchange_type:
            return self._answer("failure", request.env._("Not logged in: start with mode=checkauth."))
        request.update_env(user=session.user_id.id)
        session = session.with_env(request.env).with_company(session.company_id).sudo()
        handler = {
            "init": self._init,
            "file": self._file,
            "import": self._import,
            "query": self._query,
            "success": self._success,
        }.get(mode)
        if not handler:
            return self._answer("failure", request.env._("Unknown mode %s.", mode or "-"))
        return handler(session, kw)

    def _answer(self, *lines):
        return request.make_response(
            "\n".join(lines), headers=[("Content-Type", "text/plain; charset=utf-8")]
        )

    def _checkauth(self, exchange_type):
        Exchange = request.env["vip.1c.exchange"]
        auth = request.httprequest.authorization
        login = auth.username if auth and auth.type == "basic" else None
        if not login:
            Exchange._log_refusal(exchange_type, None, request.env._("1C called without HTTP Basic login."))
            return self._answer(
                "failure", request.env._("Log in with the user and password of the exchange.")
            )
        credential = {"type": "password", "login": login, "password": auth.password or ""}
        try:
            # interactive=False: an API key of the user is accepted in place of the password.
            uid = request.env["res.users"].sudo().authenticate(credential, {"interactive": False})["uid"]
        except AccessDenied:
            Exchange._log_refusal(
                exchange_type, login, request.env._("Wrong login or password for %s.", login)
            )
            return self._answer("failure", request.env._("Wrong login or password."))
        user = request.env["res.users"].sudo().browse(uid)
        if not user.has_group(GROUP):
            Exchange._log_refusal(
                exchange_type, login, request.env._("%s is not a user of the 1C exchange.", login)
            )
            return self._answer("failure", request.env._("This user may not exchange with 1C."))
        session = Exchange._open(user, exchange_type)
        _logger.info("1C exchange %s (%s) opened by %s", session.id, exchange_type, login)
        return self._answer("success", COOKIE, session.token)

    def _init(self, session, kw):
        return self._answer("zip=yes", f"file_limit={FILE_LIMIT}")

    def _file(self, session, kw):
        filename = kw.get("filename")
        try:
            session._receive_chunk(filename, io.BytesIO(request.httprequest.get_data()))
        except CommerceMLError as error:
            session._log_error(str(error), filename)
            return self._answer("failure", str(error))
        if session.exchange_type == "sale":
            # Documents back from 1C are imported as they come.
            session.direction = "both"
            answer, message = session._import(filename)
            if answer == "failure":
                return self._answer(answer, message)
        return self._answer("success")

    def _import(self, session, kw):
        seconds = int(
            request.env["ir.config_parameter"].sudo().get_param("vip_sales_1c.import_seconds", IMPORT_SECONDS)
        )
        answer, message = session._import(kw.get("filename"), deadline=time.monotonic() + seconds)
        return self._answer(answer, message) if message else self._answer(answer)

    def _query(self, session, kw):
        xml = session._orders()._export(session)
        session._finish()
        return request.make_response(xml, headers=[("Content-Type", "application/xml; charset=utf-8")])

    def _success(self, session, kw):
        session._orders()._confirm_sent(session)
        session._finish()
        return self._answer("success")
