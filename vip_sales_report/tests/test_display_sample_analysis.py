from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_best_seller import BestSellerCommon


@tagged("post_install", "-at_install")
class TestDisplaySampleAnalysis(BestSellerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.vip_max_discount = 20.0
        today = fields.Date.context_today(cls.env.user)
        Sample = cls.env["vip.display.sample"]
        # Written as superuser: the states and dates of samples put on display long ago.
        cls.sample_new, cls.sample_old, cls.sample_sold, cls.sample_planned, cls.sample_mall = Sample.create(
            [
                {"store_id": cls.store_center.id, "product_id": cls.bed.id, "state": "display",
                 "date_since": today - timedelta(days=100), "section_id": cls.section_center.id},
                {"store_id": cls.store_center.id, "product_id": cls.chair.id, "state": "display",
                 "date_since": today - timedelta(days=400)},
                {"store_id": cls.store_south.id, "product_id": cls.bed.id, "state": "sold",
                 "date_since": today - timedelta(days=400), "date_end": today - timedelta(days=10)},
                {"store_id": cls.store_south.id, "product_id": cls.chair.id},
                {"store_id": cls.store_mall.id, "product_id": cls.bed.id, "state": "display",
                 "date_since": today - timedelta(days=20)},
            ]
        )  # fmt: skip

    def test_samples_per_store_model_and_age(self):
        Analysis = self.env["vip.display.sample.analysis"]
        rows = Analysis.with_user(self.head).search([])
        self.assertEqual(
            {(row.sample_id, row.age_days, row.age_group) for row in rows},
            {
                (self.sample_new, 100, "3_6"),
                (self.sample_old, 400, "12"),
                (self.sample_sold, 390, "12"),
                (self.sample_planned, 0, False),
                (self.sample_mall, 20, "0_3"),
            },
        )
        groups = Analysis.with_user(self.manager1)._read_group(
            [("state", "=", "display")], ["store_id", "age_group"], ["sample_count:sum", "age_days:avg"]
        )
        self.assertEqual(
            sorted((store.name, age, count, days) for store, age, count, days in groups),
            [("Mebelgrad Center", "12", 1, 400.0), ("Mebelgrad Center", "3_6", 1, 100.0)],
            "a manager reads the samples of their own clients' stores only",
        )
        by_model = dict(
            Analysis.with_user(self.head)._read_group(
                [("state", "=", "display")], ["product_tmpl_id"], ["sample_count:sum"]
            )
        )
        self.assertEqual(by_model, {self.bed.product_tmpl_id: 2, self.chair.product_tmpl_id: 1})

    def test_propose_best_sellers_for_display(self):
        best = (
            self.env["vip.best.seller"]
            .with_user(self.manager1)
            .with_context(vip_client_id=self.client1.id)
            .search([("tier_id", "=", self.tier_gold.id)])
        )
        action = best.action_propose_for_display()
        self.assertEqual(action["res_model"], "vip.display.propose")
        wizard = (
            self.env["vip.display.propose"]
            .with_user(self.manager1)
            .with_context(**action["context"])
            .create({"store_id": self.store_outlet.id, "display_discount": 10.0, "agreement": "markdown"})
        )
        self.assertEqual(wizard.partner_id, self.client1)
        self.assertEqual(wizard.product_tmpl_ids, self.bed.product_tmpl_id | self.chair.product_tmpl_id)
        result = wizard.action_propose()
        order = self.env["sale.order"].browse(result["res_id"])
        samples = self.env["vip.display.sample"].search([("store_id", "=", self.store_outlet.id)])
        self.assertEqual(samples.product_id, self.bed | self.chair)
        self.assertEqual(set(samples.mapped("state")), {"planned"})
        self.assertEqual(set(samples.mapped("agreement")), {"markdown"})
        self.assertEqual(samples.sale_order_id, order)
        self.assertRecordValues(
            order, [{"partner_id": self.client1.id, "state": "draft", "user_id": self.manager1.id}]
        )
        other = self.env["vip.display.propose"].with_user(self.manager2).create(
            {"partner_id": self.client1.id, "store_id": self.store_outlet.id,
             "product_tmpl_ids": self.bed.product_tmpl_id.ids}
        )  # fmt: skip
        with self.assertRaises(AccessError):
            other.action_propose()

    def test_passport_shows_the_samples(self):
        html, __ = (
            self.env["ir.actions.report"]
            .with_user(self.manager1)
            ._render_qweb_html("vip_sales_report.action_report_vip_client_passport", self.client1.ids)
        )
        part = html.decode().split("<h4>Display samples</h4>")[1].split("<h4>")[0]
        self.assertIn("Chair Nordic", part)
        self.assertIn("400", part, "the days on display of the old chair")
        self.assertEqual(part.count("Bed Classic Oak"), 1, "the sold bed is not shown, the displayed one is")
