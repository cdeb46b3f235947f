from datetime import datetime, time, timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import format_date

from .proposal_common import SIGNATURE, ProposalCommon


@tagged("post_install", "-at_install")
class TestAvailability(ProposalCommon):
    """Stock of the order's warehouse (Odoo's free quantity, receipts on their way) and the
    shipping date agreed with the client."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search([("company_id", "=", cls.company.id)], limit=1)
        cls.stock = cls.warehouse.lot_stock_id
        cls.supplier = cls.env.ref("stock.stock_location_suppliers")
        cls.bed = cls.env["product.product"].create(
            {"name": "Bed Verona", "type": "consu", "is_storable": True, "list_price": 500.0}
        )
        cls.wardrobe = cls.env["product.product"].create(
            {
                "name": "Wardrobe Marco",
                "type": "consu",
                "is_storable": True,
                "list_price": 800.0,
                "vip_production_days": 20,
            }
        )
        cls.table = cls.env["product.product"].create(
            {"name": "Table Oslo", "type": "consu", "is_storable": True, "list_price": 300.0}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.bed, cls.stock, 5.0)
        cls.today = fields.Date.context_today(cls.env["sale.order"])
        cls._receipt(cls.bed, 10.0, days=7)
        cls._receipt(cls.bed, 100.0, days=30)

    @classmethod
    def _receipt(cls, product, quantity, days):
        move = cls.env["stock.move"].create(
            {
                "product_id": product.id,
                "product_uom_qty": quantity,
                "location_id": cls.supplier.id,
                "location_dest_id": cls.stock.id,
                "date": datetime.combine(cls.today + timedelta(days=days), time(12)),
            }
        )
        move._action_confirm()
        return move

    def _proposal(self, *lines, **values):
        return self._create_proposal(
            order_line=[
                Command.create({"product_id": product.id, "product_uom_qty": quantity})
                for product, quantity in lines
            ],
            **values,
        )

    def _agreed_on(self, days):
        """A shipping date ``days`` from today, at noon in the user's timezone."""
        return datetime.combine(self.today + timedelta(days=days), time(9))

    def test_free_stock_then_receipts_then_production_lead_time(self):
        order = self._proposal((self.bed, 3), (self.bed, 6), (self.wardrobe, 2), (self.product_chair, 4))
        first, second, wardrobe, chair = order.order_line
        # The first line takes 3 of the 5 free beds; the second lacks 4, which the receipt of
        # day 7 brings; no wardrobe is in stock or on its way: the factory makes it in 20 days;
        # a chair is no stored product: it is always there.
        self.assertRecordValues(
            order.order_line,
            [
                {"vip_shortage_qty": 0.0, "vip_available_date": self.today, "vip_ship_date": self.today},
                {
                    "vip_shortage_qty": 4.0,
                    "vip_available_date": self.today + timedelta(days=7),
                    "vip_ship_date": self.today + timedelta(days=7),
                },
                {
                    "vip_shortage_qty": 2.0,
                    "vip_available_date": self.today + timedelta(days=20),
                    "vip_ship_date": self.today + timedelta(days=20),
                },
                {"vip_shortage_qty": 0.0, "vip_available_date": self.today, "vip_ship_date": self.today},
            ],
        )
        self.assertEqual(order.vip_earliest_ship_date, self.today + timedelta(days=20))
        self.assertEqual(order.vip_shortage_count, 2)
        # Odoo's own widget counts the free stock the same way.
        self.assertEqual((first.free_qty_today, second.free_qty_today), (5.0, 2.0))
        # A customer lead time pushes a line that is there already.
        chair.customer_lead = 24.5
        self.assertEqual(chair.vip_ship_date, self.today + timedelta(days=25), "half a day is a day more")
        self.assertEqual(order.vip_earliest_ship_date, self.today + timedelta(days=25))
        # 20 beds more: past the receipt of day 7, the one of day 30 covers them.
        second.product_uom_qty = 26
        self.assertEqual(second.vip_available_date, self.today + timedelta(days=30))
        # Nothing on its way and no production lead time: nobody can say when.
        wardrobe.product_id = self.table
        self.assertFalse(wardrobe.vip_ship_date)
        self.assertFalse(order.vip_earliest_ship_date)
        self.assertTrue(wardrobe.vip_shortage_qty)

    def test_each_proposal_is_weighed_on_its_own(self):
        orders = self._proposal((self.bed, 5)) | self._proposal((self.bed, 5))
        self.assertEqual(orders.mapped("vip_shortage_count"), [0, 0])
        self.assertEqual(orders.mapped("vip_earliest_ship_date"), [self.today, self.today])

    def test_availability_costs_the_same_for_ten_or_two_hundred_lines(self):
        products = self.env["product.product"].create(
            [{"name": f"Chest {n}", "type": "consu", "is_storable": True} for n in range(20)]
        )
        for product in products[:10]:
            self.env["stock.quant"]._update_available_quantity(product, self.stock, 3.0)
            self._receipt(product, 5.0, days=5)

        def queries(count):
            order = self._proposal(*((products[n % 20], 2) for n in range(count)))
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.assertTrue(order.vip_shortage_count, "products 10 to 19 have no stock")
            return self.cr.sql_log_count - before

        queries(20)  # the registry's caches (units, precisions, rules) are filled once
        small, large = queries(20), queries(200)
        self.assertEqual(small, large, "a query more per line would show here")
        self.assertLessEqual(large, 25)

    def test_availability_of_many_proposals_is_one_computation(self):
        def queries(count):
            orders = self.env["sale.order"].concat(
                *(self._proposal((self.bed, 3), (self.wardrobe, 1), (self.table, 2)) for _n in range(count))
            )
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.assertEqual(set(orders.mapped("vip_shortage_count")), {2})
            return self.cr.sql_log_count - before

        queries(2)
        self.assertEqual(queries(5), queries(50), "a query more per proposal would show here")

    def test_agreed_date_before_the_earliest_is_a_special_term(self):
        order = self._proposal((self.bed, 8), commitment_date=self._agreed_on(3))
        self.assertEqual(order.vip_earliest_ship_date, self.today + timedelta(days=7))
        self.assertIn("can ship on", order.vip_approval_reasons)
        self.assertEqual(order.vip_approval_state, "required")
        # The company's policy can leave the dates to the managers.
        self.company.vip_check_ship_date = False
        self.assertEqual(order.vip_approval_state, "not_required")
        self.company.vip_check_ship_date = True
        order.commitment_date = self._agreed_on(10)
        self.assertEqual(order.vip_approval_state, "not_required")
        # A short product without a date cannot be promised for a day either.
        order.order_line.product_id = self.table
        self.assertIn("no date of arrival", order.vip_approval_reasons)

    def test_agreed_date_moved_earlier_after_approval_goes_back_to_the_head(self):
        order = self._proposal((self.bed, 2), commitment_date=self._agreed_on(10))
        order.order_line.discount = 15.0
        self._approve(order)
        order.commitment_date = self._agreed_on(15)
        self.assertEqual(order.vip_approval_state, "approved", "a later date gives the factory more time")
        order.commitment_date = self._agreed_on(12)
        self.assertEqual(order.vip_approval_state, "to_approve", "an earlier date is a new promise")
        label = order._fields["commitment_date"]._description_string(order.env)
        self.assertIn(label, order.message_ids[:1].body)

    def test_bad_dates_and_addresses_are_refused(self):
        order = self._proposal((self.bed, 2))
        with self.assertRaisesText(ValidationError, "in the past"):
            order.commitment_date = self._agreed_on(-2)
        self.assertFalse(order.commitment_date)
        with self.assertRaisesText(ValidationError, "not an address of"):
            order.partner_shipping_id = self.client2
        self.assertEqual(order.partner_shipping_id, self.client1)
        with self.assertRaisesText(ValidationError, "greater than zero"):
            order.order_line.product_uom_qty = 0
        self.assertEqual(order.order_line.product_uom_qty, 2)

    def test_delivery_to_one_of_the_clients_stores(self):
        address = self.env["res.partner"].create(
            {"name": "Store Khimki", "parent_id": self.client1.id, "type": "delivery", "city": "Khimki"}
        )
        store = self.env["vip.store"].create(
            {
                "name": "Mebelgrad Khimki",
                "partner_id": self.client1.id,
                "address_id": address.id,
                "total_area": 500,
            }
        )
        other = self.env["vip.store"].create(
            {"name": "Other Store", "partner_id": self.client2.id, "total_area": 300}
        )
        order = self._proposal((self.bed, 2))
        order.vip_store_id = store
        self.assertEqual(order.partner_shipping_id, address)
        with self.assertRaisesText(ValidationError, "not a store of"):
            order.vip_store_id = other
        self.assertEqual(order.vip_store_id, store)
        order.write(
            {
                "vip_unloading_note": "No lift, 2nd floor, unloading by our crew",
                "commitment_date": self._agreed_on(9),
            }
        )
        html = self.env["ir.actions.report"]._render_qweb_html("sale.action_report_saleorder", order.ids)[0]
        html = html.decode()
        self.assertIn("No lift, 2nd floor", html)
        self.assertIn(store.name, html)
        self.assertIn("Delivery Date", html)
        self.assertIn(format_date(self.env, order._vip_commitment_day()), html)

    def test_shortage_blocks_confirmation_only_when_the_policy_says_so(self):
        order = self._proposal((self.bed, 8))
        self._agree(order.with_user(self.manager1))
        self.company.vip_block_shortage = True
        with self.assertRaisesText(UserError, "short of Bed Verona"):
            order.action_confirm()
        self.assertEqual(order.state, "draft")
        self.company.vip_block_shortage = False
        order.action_confirm()
        self.assertEqual(order.state, "sale")


@tagged("post_install", "-at_install")
class TestNomenclatureAgreement(ProposalCommon):
    def test_confirmation_waits_for_the_clients_agreement(self):
        order = self._create_proposal()
        with self.assertRaisesText(UserError, "agrees its lines"):
            order.with_user(self.manager1).action_confirm()
        contact = self.env["res.partner"].create({"name": "Olga Petrova", "parent_id": self.client1.id})
        stranger = self.env["res.partner"].create({"name": "Someone Else", "parent_id": self.client2.id})
        manager_order = order.with_user(self.manager1)
        with self.assertRaisesText(ValidationError, "not a contact of"):
            self._agree(manager_order, partner_id=stranger.id)
        with self.assertRaisesText(ValidationError, "in the future"):
            self._agree(manager_order, date=fields.Datetime.now() + timedelta(days=1))
        self.assertFalse(order.vip_nomenclature_agreed)
        self._agree(manager_order, partner_id=contact.id, channel="visit")
        self.assertRecordValues(
            order,
            [
                {
                    "vip_nomenclature_agreed": True,
                    "vip_nomenclature_partner_id": contact.id,
                    "vip_nomenclature_channel": "visit",
                    "vip_nomenclature_agreed_user_id": self.manager1.id,
                }
            ],
        )
        # A change of a line clears it, and the chatter says so.
        order.order_line.product_uom_qty = 3
        self.assertFalse(order.vip_nomenclature_agreed)
        self.assertIn("no longer holds", order.message_ids[:1].body)
        with self.assertRaisesText(UserError, "agrees its lines"):
            order.with_user(self.manager1).action_confirm()
        self._agree(manager_order)
        order.with_user(self.manager1).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_signing_in_the_portal_is_the_clients_agreement(self):
        order = self._create_proposal()
        order.sudo().write(
            {
                "signed_by": "Olga Petrova",
                "signed_on": fields.Datetime.now(),
                "signature": SIGNATURE,
            }
        )
        self.assertRecordValues(
            order, [{"vip_nomenclature_agreed": True, "vip_nomenclature_channel": "portal"}]
        )

    def test_other_clients_confirm_as_in_odoo(self):
        order = self._create_proposal(partner=self.non_vip)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_the_agreed_date_is_part_of_the_revision(self):
        order = self._create_proposal().with_user(self.manager1)
        order.commitment_date = datetime.combine(fields.Date.today() + timedelta(days=10), time(9))
        order.action_vip_new_revision()
        order.commitment_date = datetime.combine(fields.Date.today() + timedelta(days=14), time(9))
        label = order._fields["commitment_date"]._description_string(order.env)
        self.assertIn(label, order.vip_revision_changes)
        policy = Form(self.env["vip.policy"].with_user(self.head))
        self.assertTrue(policy.vip_require_nomenclature)
