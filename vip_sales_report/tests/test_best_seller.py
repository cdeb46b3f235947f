from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import VipReportCommon


class BestSellerCommon(VipReportCommon):
    """Best sellers of two tiers over the last 365 days.

    Gold (common fixtures): client1 bought 2 beds (100,000) and 12 chairs (2 packs of 6,
    48,000), client2 one bed (52,000); client1's quotation of 10 beds, the open proposals and
    the cancelled proposal, and the non-VIP client's 5 beds do not count.
    Silver: client3 bought 4 beds (180,000) and 10 hours of assembly (a service), client4 one
    bed (50,000) and 3 chairs (12,000); client3's 100 chairs of 400 days ago and its cancelled
    order of 50 chairs do not count.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tier_silver = cls.env["vip.tier"].create({"name": "Silver", "min_card_completeness": 0})
        cls.client3, cls.client4 = cls.env["res.partner"].create(
            [
                {
                    "name": "Uyut Home LLC",
                    "is_company": True,
                    "vip_tier_id": cls.tier_silver.id,
                    "vip_manager_id": cls.manager2.id,
                },
                {
                    "name": "Stolichnaya Mebel LLC",
                    "is_company": True,
                    "vip_tier_id": cls.tier_silver.id,
                    "vip_manager_id": cls.manager1.id,
                },
            ]
        )
        cls.assembly = cls.env["product.product"].create(
            {"name": "Assembly", "type": "service", "list_price": 500.0}
        )
        order3 = cls._create_order(cls.client3, [(cls.bed, 4, 45000.0), (cls.assembly, 10, 500.0)])
        order4 = cls._create_order(cls.client4, [(cls.bed, 1, 50000.0), (cls.chair, 3, 4000.0)])
        old = cls._create_order(cls.client3, [(cls.chair, 100, 4000.0)])
        cancelled = cls._create_order(cls.client3, [(cls.chair, 50, 4000.0)])
        cls._vip_confirm(order3 | order4 | old | cancelled)
        old.date_order = fields.Datetime.now() - timedelta(days=400)
        cancelled._action_cancel()


@tagged("post_install", "-at_install")
class TestBestSeller(BestSellerCommon):
    def _rows(self, user=None, **context):
        best = self.env["vip.best.seller"].with_user(user or self.env.user).with_context(**context)
        return best.search([])

    @staticmethod
    def _table(rows):
        return {
            (row.tier_id, row.product_tmpl_id): (row.rank, row.quantity, row.amount_untaxed, row.client_count)
            for row in rows
        }

    def test_best_sellers_per_tier(self):
        bed, chair = self.bed.product_tmpl_id, self.chair.product_tmpl_id
        self.assertEqual(
            self._table(self._rows()),
            {
                (self.tier_gold, chair): (1, 12.0, 48000.0, 1),
                (self.tier_gold, bed): (2, 3.0, 152000.0, 2),
                (self.tier_silver, bed): (1, 5.0, 230000.0, 2),
                (self.tier_silver, chair): (2, 3.0, 12000.0, 1),
            },
        )

    def test_other_company_sales_do_not_show(self):
        company2 = self.env["res.company"].create({"name": "VIP Furniture East"})
        order = self._create_order(
            self.client1.with_company(company2), [(self.chair, 7, 4000.0)], company_id=company2.id
        )
        self._vip_confirm(order)
        everywhere = self.env["vip.best.seller"].sudo().search([("company_id", "=", company2.id)])
        self.assertEqual(everywhere.product_tmpl_id, self.chair.product_tmpl_id, "the sale is in the view")
        rows = self._rows(self.head)
        self.assertEqual(rows.company_id, self.company)
        self.assertEqual(self._table(rows)[self.tier_gold, self.chair.product_tmpl_id][1], 12.0)

    def test_client_buys(self):
        bed, chair = self.bed.product_tmpl_id, self.chair.product_tmpl_id
        for client, expected in (
            (self.client2, {(self.tier_gold, bed): True, (self.tier_gold, chair): False}),
            (self.client4, {(self.tier_silver, bed): True, (self.tier_silver, chair): True}),
            # Its old and cancelled chairs do not count.
            (self.client3, {(self.tier_silver, bed): True, (self.tier_silver, chair): False}),
        ):
            rows = self._rows(client.vip_manager_id, vip_client_id=client.id).filtered(
                lambda row, client=client: row.tier_id == client.vip_tier_id
            )
            self.assertEqual({(row.tier_id, row.product_tmpl_id): row.client_buys for row in rows}, expected)
            not_bought = rows.search([("client_buys", "=", False), ("tier_id", "=", client.vip_tier_id.id)])
            self.assertEqual(not_bought, rows.filtered(lambda row: not row.client_buys))
        self.assertFalse(any(self._rows().mapped("client_buys")), "no client in the context")

    def test_only_the_owner_and_the_head_see_what_a_client_buys(self):
        with self.assertRaises(AccessError):
            self._rows(self.manager1, vip_client_id=self.client3.id).mapped("client_buys")
        self.assertTrue(any(self._rows(self.head, vip_client_id=self.client3.id).mapped("client_buys")))
        # Another manager's client card opens the tier's best sellers without the flags.
        action = self.client3.with_user(self.manager1).action_vip_open_best_sellers()
        self.assertEqual(action["context"], {})
        self.assertEqual(action["domain"], [("tier_id", "=", self.tier_silver.id)])

    def test_client_buys_query_count(self):
        rows = self._rows(self.manager1, vip_client_id=self.client1.id)
        self.assertEqual(len(rows), 4)
        rows.mapped("client_buys")  # the user's groups and the client's manager, read once
        for some_rows in (rows[:1], rows):
            some_rows.invalidate_recordset()
            # The rows' columns, then one aggregate over the client's order lines.
            with self.assertQueryCount(2):
                self.assertTrue(all(some_rows.mapped("client_buys")))

    def test_card_reads_the_view_once(self):
        """The kanban's fields include what the company rule checks: the web client's read of
        the rows is one run of the view's query (a second read of the rows would aggregate all
        the order lines again), then one aggregate of the client's lines."""
        action = self.client1.with_user(self.manager1).action_vip_open_best_sellers()
        best = self.env["vip.best.seller"].with_user(self.manager1).with_context(**action["context"])
        for view_type in ("kanban", "list"):
            with self.subTest(view=view_type):
                fields = best.get_views([(False, view_type)])["models"]["vip.best.seller"]["fields"]
                spec = {name: {} for name in fields}
                best.web_search_read(action["domain"], spec)  # rules and groups, read once
                self.env.invalidate_all()
                # The rows (one run of the view), the user's companies and the client (read again
                # as the cache was emptied), the client's order lines.
                with self.assertQueryCount(4):
                    records = best.web_search_read(action["domain"], spec)["records"]
                self.assertEqual(len(records), 2)

    def test_manager_reads_every_tier_but_writes_nothing(self):
        rows = self._rows(self.manager1)
        self.assertEqual(rows.tier_id, self.tier_gold | self.tier_silver)
        self.assertEqual(
            self._table(rows)[self.tier_silver, self.bed.product_tmpl_id][3],
            2,
            "client3 belongs to manager2 and counts for manager1 too",
        )
        with self.assertRaises(AccessError):
            rows[:1].write({"rank": 1})
        with self.assertRaises(AccessError):
            rows[:1].unlink()
        with self.assertRaises(AccessError):
            self.env["vip.best.seller"].with_user(self.manager1).create({"rank": 1})

    def test_client_card_button(self):
        views = self.env["res.partner"].with_user(self.manager1).get_views([(False, "form")])
        arch = views["views"]["form"]["arch"]
        self.assertIn('name="action_vip_open_best_sellers"', arch)
        action = self.client1_contact.with_user(self.manager1).action_vip_open_best_sellers()
        self.assertEqual(action["res_model"], "vip.best.seller")
        self.assertEqual(action["domain"], [("tier_id", "=", self.tier_gold.id)])
        self.assertEqual(action["context"], {"vip_client_id": self.client1.id}, "the contact's company")
        self.assertEqual(action["view_mode"], "kanban,list")
        rows = (
            self.env["vip.best.seller"]
            .with_user(self.manager1)
            .with_context(**action["context"])
            .search(action["domain"])
        )
        self.assertEqual(
            [(row.rank, row.product_tmpl_id, row.client_buys) for row in rows],
            [(1, self.chair.product_tmpl_id, True), (2, self.bed.product_tmpl_id, True)],
        )


@tagged("post_install", "-at_install")
class TestBestSellerTour(BestSellerCommon, HttpCase):
    """Before visiting client2, its manager looks for the best sellers it does not carry yet."""

    def test_manager_finds_what_to_propose(self):
        # The tour sees the chair first and the bed second, only the bed bought by client2,
        # and the chair alone under "Not Bought by This Client".
        self.start_tour(
            f"/odoo/res.partner/{self.client2.id}", "vip_sales_report_best_sellers", login=self.manager2.login
        )


@tagged("post_install", "-at_install")
class TestBestSellerTourMobile(TestBestSellerTour):
    """The same at a phone's size, with touch, as the Odoo mobile app shows it."""

    browser_size = "375x667"
    touch_enabled = True
    allow_inherited_tests_method = True
