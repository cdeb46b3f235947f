from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from .common_stores import VipStoresCommon


@tagged("post_install", "-at_install")
class TestDisplaySample(VipStoresCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls._store(cls.client1, 500, name="Center")
        cls.section = cls._section(cls.store, 40, "installed", name="Bedrooms")
        cls.other_store = cls._store(cls.client2, 300, name="Mall")
        # A display discount within the company's policy needs no approval.
        cls.company.vip_max_discount = 20.0
        cls.bed = cls.env["product.product"].create(
            {"name": "Bed Classic Oak", "type": "consu", "list_price": 50000.0}
        )
        cls.chair = cls.env["product.product"].create(
            {"name": "Chair Nordic", "type": "consu", "list_price": 4000.0}
        )

    def test_propose_plans_samples_and_quotes_them(self):
        Sample = self.env["vip.display.sample"].with_user(self.manager1)
        order = Sample._vip_propose(
            self.store.with_user(self.manager1),
            self.bed | self.chair,
            section=self.section,
            display_discount=15.0,
            agreement="return",
        )
        samples = Sample.search([("store_id", "=", self.store.id)])
        self.assertRecordValues(
            samples.sorted(lambda s: s.product_id.name),
            [
                {"product_id": self.bed.id, "state": "planned", "section_id": self.section.id,
                 "display_discount": 15.0, "agreement": "return", "sale_order_id": order.id},
                {"product_id": self.chair.id, "state": "planned", "section_id": self.section.id,
                 "display_discount": 15.0, "agreement": "return", "sale_order_id": order.id},
            ],
        )  # fmt: skip
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.partner_id, self.client1)
        self.assertEqual(order.order_line.mapped("discount"), [15.0, 15.0])
        self.assertEqual(order.order_line.vip_display_sample_ids, samples)
        self._vip_confirm(order, self.manager1)
        self.assertEqual(set(samples.mapped("state")), {"ordered"}, "confirming the order orders its samples")

    def test_anyone_who_may_confirm_an_order_confirms_it(self):
        """Active sales (no VIP group) confirm their ordinary orders: the samples' rules are not
        in their way (Odoo's sale_stock suite confirms orders as such a user)."""
        order = self.env["sale.order"].create(
            {
                "partner_id": self.non_vip.id,
                "user_id": self.salesman.id,
                "order_line": [Command.create({"product_id": self.chair.id, "product_uom_qty": 1})],
            }
        )
        self.env.invalidate_all()  # the lines' samples are read from the database, as by a later request
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_states_move_along_the_buttons_only(self):
        sample = self._sample(self.store, self.bed, section_id=self.section.id).with_user(self.manager1)
        with self.assertRaisesText(UserError, "Link the sample"):
            sample.action_order()
        with self.assertRaisesText(UserError, "Only ordered samples can be put on display."):
            sample.action_put_on_display()
        with self.assertRaisesText(UserError, "Only samples on display can be sold off."):
            sample.write({"state": "sold"})
        self.assertEqual(sample.state, "planned")
        with self.assertRaisesText(UserError, "A display sample starts planned"):
            self.env["vip.display.sample"].with_user(self.manager1).create(
                {
                    "store_id": self.store.id,
                    "product_id": self.bed.id,
                    "state": "display",
                    "date_since": "2025-01-01",
                }
            )
        order = self.env["sale.order"].create(
            {"partner_id": self.client1.id, "order_line": [Command.create({"product_id": self.bed.id})]}
        )
        sample.sale_line_id = order.order_line
        sample.action_order()
        with freeze_time("2025-03-01"):
            sample.action_put_on_display()
        self.assertEqual((sample.state, str(sample.date_since)), ("display", "2025-03-01"))
        with self.assertRaisesText(UserError, "A display sample cannot go back to planned."):
            sample.write({"state": "planned"})
        with self.assertRaisesText(UserError, "Only planned samples can be deleted"):
            sample.unlink()
        with freeze_time("2025-06-09"):
            self.assertEqual(sample.age_days, 100)
            sample.action_sell_off()
        self.assertEqual((sample.state, str(sample.date_end), sample.age_days), ("sold", "2025-06-09", 100))
        with self.assertRaisesText(UserError, "Only samples on display can be replaced."):
            sample.action_replace()

    def test_consistency_checks(self):
        other_section = self._section(self.other_store, 20, name="Mall section")
        with self.assertRaisesText(ValidationError, "is not in the store"):
            self._sample(self.store, self.bed, section_id=other_section.id)
        order = self.env["sale.order"].create(
            {"partner_id": self.client2.id, "order_line": [Command.create({"product_id": self.bed.id})]}
        )
        with self.assertRaisesText(ValidationError, "must sell its product to its client"):
            self._sample(self.store, self.bed, sale_line_id=order.order_line.id)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._sample(self.store, self.bed, display_discount=120.0)
            self.env.flush_all()

    def test_managers_see_the_samples_of_their_clients_only(self):
        own = self._sample(self.store, self.bed)
        other = self._sample(self.other_store, self.chair)
        Sample = self.env["vip.display.sample"]
        self.assertEqual(Sample.with_user(self.manager1).search([]), own)
        self.assertEqual(Sample.with_user(self.head).search([]), own | other)
        with self.assertRaises(AccessError):
            other.with_user(self.manager1).display_discount = 5.0
        with self.assertRaises(AccessError):
            Sample.with_user(self.manager1).create(
                {"store_id": self.other_store.id, "product_id": self.bed.id}
            )

    def test_store_counts_samples_on_display(self):
        self._sample(self.store, self.bed)
        self.assertEqual(self.store.sample_count, 0, "a planned sample is not on display")
        order = self.env["sale.order"].create(
            {"partner_id": self.client1.id, "order_line": [Command.create({"product_id": self.chair.id})]}
        )
        sample = self._sample(self.store, self.chair, sale_line_id=order.order_line.id)
        sample.action_order()
        sample.action_put_on_display()
        self.store.invalidate_recordset(["sample_count"])
        self.assertEqual(self.store.sample_count, 1)
        action = self.store.action_open_samples()
        self.assertEqual(
            set(self.env[action["res_model"]].search(action["domain"]).mapped("state")),
            {"planned", "display"},
        )
