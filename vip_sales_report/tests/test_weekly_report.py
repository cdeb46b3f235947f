import base64
import contextlib
from datetime import datetime, time, timedelta
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged
from odoo.tools.translate import code_translations

from odoo.addons.vip_sales.tests.common import RUSSIAN, load_russian

from .common import VipReportCommon

SUBJECT = "Weekly report of %(manager)s, %(period)s"


class _Rollback(Exception):
    pass


@tagged("post_install", "-at_install")
class TestWeeklyReport(VipReportCommon):
    """The weekly action mails each manager's report of the previous week to the heads of
    sales and to the manager, once, on the company's weekday."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The week of the fixture's orders and contacts (the 10th), and the Monday after it.
        cls.week_start = cls.sale_time.date() - timedelta(days=cls.sale_time.weekday())
        cls.week_end = cls.week_start + timedelta(days=6)
        cls.monday_after = datetime.combine(cls.week_start + timedelta(days=7), time(6, 0))
        cls.company.write({"vip_weekly_report": True, "vip_weekly_report_day": "0"})
        cls.dispatch = cls.env["vip.report.dispatch"]

    def _send(self, at=None):
        with freeze_time(at or self.monday_after):
            self.dispatch._cron_send_weekly_reports()

    def _mails(self, manager=None, recipient=None):
        mails = self.env["mail.mail"].search([("model", "=", "vip.report.dispatch")])
        if manager:
            mails = mails.filtered(lambda mail: self.dispatch.browse(mail.res_id).manager_id == manager)
        if recipient:
            mails = mails.filtered(lambda mail: mail.recipient_ids == recipient.partner_id)
        return mails

    def _workbook(self, mail):
        self.assertEqual(len(mail.attachment_ids), 1)
        attachment = mail.attachment_ids
        self.assertTrue(attachment.name.endswith(".xlsx"))
        return self._load(base64.b64decode(attachment.datas))

    def _sales_names(self, workbook, sheet="Sales by Client"):
        """Managers and clients in the rows of the sales sheet."""
        return {value for row in self._rows(workbook[sheet], 5) for value in row[:2]} - {
            "All clients",
            "Total",
            None,
        }

    def test_head_and_managers_get_their_reports(self):
        self._send()
        dispatches = self.dispatch.search([("company_id", "=", self.company.id)])
        self.assertRecordValues(
            dispatches.sorted(lambda dispatch: dispatch.manager_id.login),
            [
                {
                    "manager_id": self.manager1.id,
                    "date_from": self.week_start,
                    "date_to": self.week_end,
                    "call_count": 1,
                    "visit_count": 1,
                    "order_count": 1,
                    "order_amount": 148000.0,
                    "plan_target": 200000.0,
                    "plan_fulfillment": 74.0,
                },
                {
                    "manager_id": self.manager2.id,
                    "date_from": self.week_start,
                    "date_to": self.week_end,
                    "call_count": 0,
                    "visit_count": 1,
                    "order_count": 1,
                    "order_amount": 52000.0,
                    "plan_target": 100000.0,
                    "plan_fulfillment": 52.0,
                },
            ],
        )
        # Managers without clients nor activity (the administrator, a head too) send nothing.
        self.assertEqual(dispatches.manager_id, self.manager1 | self.manager2)
        for manager, other, client in (
            (self.manager1, self.manager2, self.client1),
            (self.manager2, self.manager1, self.client2),
        ):
            with self.subTest(manager=manager.login):
                own = self._mails(manager, recipient=manager)
                self.assertEqual(len(own), 1, "the manager gets his own report")
                self.assertFalse(self._mails(other, recipient=manager), "and no one else's")
                to_head = self._mails(manager, recipient=self.head)
                self.assertEqual(len(to_head), 1, "the head gets one mail per manager")
                for mail in own | to_head:
                    self.assertEqual(mail.state, "outgoing")
                    self.assertIn(manager.name, mail.subject)
                    self.assertIn(manager.name, mail.body_html)
                    self.assertEqual(self._sales_names(self._workbook(mail)), {manager.name, client.name})
                self.assertEqual(
                    dispatches.filtered(
                        lambda dispatch, manager=manager: dispatch.manager_id == manager
                    ).recipient_ids,
                    (manager | self.head | self.env.ref("base.user_admin")).partner_id.filtered("email"),
                )
        body = self._mails(self.manager1, recipient=self.head).body_html
        for text in ("Calls done", "Visits done", "Orders", "148,000.00", "74.0", "Plan fulfilment"):
            self.assertIn(text, body)
        workbook = self._workbook(self._mails(self.manager1, recipient=self.head))
        calls = self._rows(workbook["Calls and Visits"], 5)
        self.assertIn((self.manager1.name, self.client1.name, 1, 1), [row[:4] for row in calls])

    def test_twice_sends_once(self):
        self._send()
        mail_count = self.env["mail.mail"].search_count([])
        message_count = self.env["mail.message"].search_count([])
        self.assertTrue(self._mails())
        self._send()
        self._send(self.monday_after + timedelta(hours=12))
        # By hand, for the same week: the markers are there, nothing goes out again.
        self.dispatch.with_company(self.company)._vip_send_week(self.week_start)
        self.assertEqual(self.env["mail.mail"].search_count([]), mail_count)
        self.assertEqual(self.env["mail.message"].search_count([]), message_count)
        self.assertEqual(self.dispatch.search_count([]), 2)
        # The marker is claimed once: a second claim of the same week returns nothing.
        self.assertFalse(
            self.dispatch.with_company(self.company)._vip_claim(self.manager1, self.week_start, self.week_end)
        )

    def test_setting_off_sends_nothing(self):
        self.company.vip_weekly_report = False
        self._send()
        self.assertFalse(self._mails())
        self.assertFalse(self.dispatch.search([]))

    def test_other_weekday_sends_nothing(self):
        self.company.vip_weekly_report_day = "2"
        self._send()
        self.assertFalse(self._mails())
        # On its Wednesday, the company sends the same previous week.
        self._send(self.monday_after + timedelta(days=2))
        self.assertEqual(self.dispatch.search([]).mapped("date_from"), [self.week_start] * 2)

    def test_russian_manager_reads_russian(self):
        load_russian(self.env, ("vip_sales", "vip_sales_report"))
        self.manager1.lang = RUSSIAN
        # Until ru.po has the new terms, the test gives them their Russian.
        translations = {
            **code_translations.get_python_translations("vip_sales_report", RUSSIAN),
            SUBJECT: "Еженедельный отчёт: %(manager)s, %(period)s",
            "Calls done: %(count)s": "Звонков: %(count)s",
        }
        with patch.dict(code_translations.python_translations, {("vip_sales_report", RUSSIAN): translations}):
            self._send()
        russian = self._mails(self.manager1, recipient=self.manager1)
        english = self._mails(self.manager1, recipient=self.head)
        self.assertTrue(russian.subject.startswith("Еженедельный отчёт"))
        self.assertIn("Звонков: 1", russian.body_html)
        self.assertTrue(english.subject.startswith("Weekly report of"))
        self.assertIn("Calls done: 1", english.body_html)
        self.assertIn("Продажи по клиентам", self._workbook(russian).sheetnames)
        self.assertIn("Sales by Client", self._workbook(english).sheetnames)

    def test_query_count_does_not_grow_with_orders(self):
        self._queries_of_a_send()  # warm the caches (templates, reports)
        before = self._queries_of_a_send()
        orders = self.env["sale.order"]
        for partner in (self.client1, self.client2) * 3:
            orders |= self._create_order(partner, [(self.bed, 1, 50000.0), (self.chair, 2, 4000.0)])
        self._vip_confirm(orders)
        orders.date_order = self.sale_time
        self.assertEqual(self._queries_of_a_send(), before)
        with freeze_time(self.monday_after), self.assertQueryCount(before):
            self.dispatch._cron_send_weekly_reports()
        self.assertEqual(len(self.dispatch.search([])), 2)

    def _queries_of_a_send(self):
        """Queries of the weekly action, rolled back afterwards."""
        self.env.invalidate_all()
        cr = self.env.cr
        with contextlib.suppress(_Rollback), cr.savepoint():
            start = cr.sql_log_count
            self._send()
            count = cr.sql_log_count - start
            # Two reports, each to its manager and to the heads (the administrator is one).
            heads = (self.head | self.env.ref("base.user_admin")).filtered("email")
            self.assertEqual(len(self._mails()), 2 * (1 + len(heads)))
            raise _Rollback
        self.assertFalse(self.dispatch.search([]))
        return count

    def test_access_to_the_log(self):
        self._send()
        other_company = self.env["res.company"].create({"name": "Other Furniture (test)"})
        self.env.ref("base.user_admin").company_ids = [Command.link(other_company.id)]
        other = self.dispatch.create(
            {
                "company_id": other_company.id,
                "manager_id": self.env.ref("base.user_admin").id,
                "date_from": self.week_start,
                "date_to": self.week_end,
            }
        )
        mine = self.dispatch.with_user(self.head).search([])
        self.assertEqual(mine.manager_id, self.manager1 | self.manager2)
        self.assertNotIn(other, mine)
        self.assertTrue(mine.attachment_ids, "the head reads the workbooks sent")
        mine[0].with_user(self.head).read(["order_amount", "recipient_ids"])
        with self.assertRaises(AccessError):
            mine.with_user(self.head).write({"order_amount": 0.0})
        with self.assertRaises(AccessError):
            mine.with_user(self.head).unlink()
        with self.assertRaises(AccessError):
            self.dispatch.with_user(self.manager1).search([])

    def test_policy_sets_the_weekly_reports(self):
        policy = self.env["vip.policy"].with_user(self.head).create({})
        self.assertRecordValues(policy, [{"vip_weekly_report": True, "vip_weekly_report_day": "0"}])
        policy.write({"vip_weekly_report": False, "vip_weekly_report_day": "4"})
        policy.action_save()
        self.assertRecordValues(self.company, [{"vip_weekly_report": False, "vip_weekly_report_day": "4"}])
        with self.assertRaises(AccessError):
            self.env["vip.policy"].with_user(self.manager1).create({"vip_weekly_report": True}).action_save()
        self.assertFalse(self.company.vip_weekly_report)
