import base64
import io
import zipfile

from odoo.tests import HttpCase, new_test_user
from odoo.tools.misc import file_path

from odoo.addons.vip_sales.tests.client_card_common import VipClientCardCommon

EXCHANGE_URL = "/vip_sales_1c/exchange"
PASSWORD = "1c-exchange-password"


def sample(name):
    """A real 1C file of tests/data (see tests/data/SOURCES.md), as bytes."""
    with open(file_path(f"vip_sales_1c/tests/data/{name}"), "rb") as data:
        return data.read()


def zipped(files):
    """A zip archive of ``files`` (name -> bytes), as 1C sends one after init answered zip=yes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


class OneCExchangeCommon(HttpCase, VipClientCardCommon):
    """The exchange user 1C logs in as, and a client that speaks the protocol as 1C does: HTTP
    Basic on checkauth, then the cookie of its answer on every call."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.onec_user = new_test_user(
            cls.env,
            login="onec_exchange",
            password=PASSWORD,
            groups="vip_sales_1c.group_1c_exchange",
            company_id=cls.env.company.id,
        )
        cls.Exchange = cls.env["vip.1c.exchange"]
        cls.Template = cls.env["product.template"].with_context(active_test=False)

    def call(self, exchange_type, mode, data=None, cookie=None, auth=None, **params):
        """One request of 1C; returns the lines of the answer (the body for a query)."""
        headers = {"User-Agent": "1C+Enterprise/8.3"}
        if auth:
            headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        response = self.url_open(
            EXCHANGE_URL,
            data=data,
            params={"type": exchange_type, "mode": mode, **params},
            headers=headers,
            cookies={cookie[0]: cookie[1]} if cookie else None,
            method="POST" if data is not None else "GET",
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response.content if mode == "query" else response.text.split("\n")

    def login(self, exchange_type="catalog", login="onec_exchange", password=PASSWORD):
        """checkauth then init: the cookie 1C sends from then on."""
        answer = self.call(exchange_type, "checkauth", auth=(login, password))
        self.assertEqual(answer[0], "success", answer)
        cookie = (answer[1], answer[2])
        init = self.call(exchange_type, "init", cookie=cookie)
        self.assertEqual(init[0], "zip=yes")
        self.assertTrue(init[1].startswith("file_limit="))
        return cookie

    def send(self, cookie, files, exchange_type="catalog", chunk=None):
        """mode=file for each of ``files`` (name -> bytes), cut in chunks of ``chunk`` bytes."""
        for name, data in files.items():
            size = chunk or len(data) or 1
            for start in range(0, len(data), size):
                answer = self.call(
                    exchange_type, "file", data=data[start : start + size], cookie=cookie, filename=name
                )
                if answer[0] != "success":
                    return answer
        return ["success"]

    def exchange_catalog(self, files, chunk=None, imports=None):
        """A whole catalog session: login, files, then import of each XML; the answers of the
        imports and the session."""
        cookie = self.login()
        self.assertEqual(self.send(cookie, files, chunk=chunk), ["success"])
        answers = [self.call("catalog", "import", cookie=cookie, filename=name) for name in imports or files]
        session = self.Exchange.search([("user_id", "=", self.onec_user.id)], limit=1)
        return answers, session
