import signal
import threading

import requests

from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.vip_sales.tests.concurrency_common import MEETING_TIMEOUT, ServerCase

REPORT = "vip_sales_report.shares_xlsx"


@tagged("post_install", "-at_install")
class TestExportFaults(ServerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._transaction(
            lambda env: cls._track(
                env["vip.store"].create({"partner_id": cls.client_id, "name": "Faults", "total_area": 30})
            )
        )

    def _export(self, session):
        """The head's export of the shares workbook, as the web client downloads it."""
        export = self._call_kw(session, "vip.report.export", "create", {"report": "shares"})["result"]
        try:
            return session.get(self._url(f"/report/xlsx/{REPORT}/{export}"), timeout=MEETING_TIMEOUT * 2)
        except requests.ConnectionError as error:
            return error

    def _attachments(self):
        return self._transaction(lambda env: env["ir.attachment"].search_count([]))

    def test_worker_killed_during_xlsx_export(self):
        """The head exports a workbook; the server dies while it builds it: no attachment is
        left behind (workbooks are streamed, never stored) and no record keeps a running state
        (none of our models has one); the server started again serves the export."""
        session = self._session(self._login(self.head1_id))
        before = self._attachments()
        outcome = []
        with self.registry.cursor() as lock_holder:
            # The export reads the stores: it waits for them, and its server is killed then.
            lock_holder.execute(SQL("LOCK TABLE vip_store IN ACCESS EXCLUSIVE MODE"))
            caller = threading.Thread(target=lambda: outcome.append(self._export(session)))
            caller.start()
            self._backend_waiting_for(lock_holder)
            self.server.send_signal(signal.SIGKILL)
            self.server.wait(30)
            lock_holder.rollback()
        caller.join(MEETING_TIMEOUT * 2)
        self.assertIsInstance(outcome[0], requests.ConnectionError)
        self.assertEqual(self._attachments(), before)

        self._start_server()
        response = self._export(self._session(self._login(self.head1_id)))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")  # an XLSX file is a zip archive
        self.assertEqual(self._attachments(), before)
