from datetime import timedelta

from odoo import SUPERUSER_ID, fields
from odoo.tests import tagged

from odoo.addons.vip_sales.tests.concurrency_common import ConcurrencyCase


@tagged("post_install", "-at_install")
class TestConcurrentWeeklyReports(ConcurrencyCase):
    def test_weekly_reports_twice_at_once(self):
        """Two runs of the weekly reports at once (a second worker, a run by hand): the
        second waits for the first one's marker and mails nothing; one report per manager."""
        today = fields.Date.today()
        monday = today - timedelta(days=today.weekday() + 7)
        # Whatever happens, the markers of the week go with the class's records.
        managers = [("manager_id", "in", [self.manager1_id, self.manager2_id])]
        self.addCleanup(
            self._transaction,
            lambda env: self._track(env["vip.report.dispatch"].search(managers)),
        )
        with self._open(SUPERUSER_ID) as first:
            first["vip.report.dispatch"]._vip_send_week(monday)
            # The second run waits for the first one's marker of the manager's week, then
            # (retried by the RPC layer: the marker came after its snapshot) sends nothing.
            outcome = self._waits_for(
                first,
                SUPERUSER_ID,
                lambda env: env["vip.report.dispatch"]._vip_send_week(monday),
            )
        self.assertIsNone(outcome)

        def sent(env):
            dispatch = env["vip.report.dispatch"].search(
                [("manager_id", "=", self.manager1_id), ("date_from", "=", monday)]
            )
            mails = env["mail.mail"].search([("model", "=", dispatch._name), ("res_id", "in", dispatch.ids)])
            return len(dispatch), sorted(mails.recipient_ids.ids), len(mails)

        users = [self.head1_id, self.head2_id, self.manager1_id]
        partners = sorted(self._transaction(lambda env: env["res.users"].browse(users).partner_id.ids))
        count, recipients, mails = self._transaction(sent)
        self.assertEqual(count, 1)
        self.assertEqual(recipients, partners)
        self.assertEqual(mails, 3)
