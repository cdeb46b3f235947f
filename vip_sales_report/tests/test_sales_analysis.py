from odoo import Command
from odoo.tests import tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestSalesAnalysis(VipReportCommon):
    def _by_client(self, user=None, domain=()):
        analysis = self.env["vip.sales.analysis"]
        if user:
            analysis = analysis.with_user(user)
        return {
            partner: (amount, quantity, weight, volume)
            for partner, amount, quantity, weight, volume in analysis._read_group(
                list(domain),
                ["partner_id"],
                ["amount_untaxed:sum", "quantity:sum", "weight:sum", "volume:sum"],
            )
        }

    def test_rows_are_confirmed_lines_of_vip_clients(self):
        rows = self.env["vip.sales.analysis"].search([])
        self.assertEqual(rows.order_id, self.order1 | self.order2)
        self.assertEqual(set(rows.ids), set((self.order1 | self.order2).order_line.ids))
        bed_line = rows.filtered(lambda row: row.order_id == self.order1 and row.product_id == self.bed)
        self.assertEqual(bed_line.partner_id, self.client1, "the contact's order counts for its company")
        self.assertEqual(bed_line.manager_id, self.manager1)
        self.assertEqual(bed_line.tier_id, self.tier_gold)
        self.assertEqual(bed_line.categ_id, self.categ_beds)

    def test_aggregates_equal_orm_sums(self):
        by_client = self._by_client()
        self.assertEqual(set(by_client), {self.client1, self.client2})
        for client, order in ((self.client1, self.order1), (self.client2, self.order2)):
            amount, quantity, weight, volume = by_client[client]
            self.assertAlmostEqual(amount, order.amount_untaxed / order.currency_rate)
            self.assertAlmostEqual(quantity, sum(order.order_line.mapped("product_qty")))
            self.assertAlmostEqual(weight, order.vip_total_weight, msg="the order's carton-aware weight")
            self.assertAlmostEqual(volume, order.vip_total_volume, msg="the order's carton-aware volume")
        # Hand-computed: 2 beds of 2 cartons (85 kg, 0.96 + 0.084 m³) + 12 chairs (2 packs of 6).
        for value, expected in zip(
            by_client[self.client1], (148000.0, 14.0, 2 * 85.0 + 12 * 6.5, 2 * 1.044 + 12 * 0.15), strict=True
        ):
            self.assertAlmostEqual(value, expected)

    def test_amounts_in_company_currency(self):
        currency = self.env["res.currency"].create(
            {"name": "VIX", "symbol": "V", "rate_ids": [Command.create({"name": "2020-01-01", "rate": 4.0})]}
        )
        pricelist = self.env["product.pricelist"].create({"name": "VIX list", "currency_id": currency.id})
        # The chair at its sales price of 4,000 in company currency.
        order = self._create_order(self.client2, [(self.chair, 1, 16000.0)], pricelist_id=pricelist.id)
        self._vip_confirm(order)
        self.assertEqual(order.currency_rate, 4.0)
        amount = self._by_client(domain=[("order_id", "=", order.id)])[self.client2][0]
        self.assertAlmostEqual(amount, 4000.0)

    def test_manager_sees_own_clients_only(self):
        self.assertEqual(set(self._by_client(self.manager1)), {self.client1})
        self.assertEqual(set(self._by_client(self.manager2)), {self.client2})
        self.assertEqual(set(self._by_client(self.head)), {self.client1, self.client2})
        self.assertFalse(
            self.env["vip.sales.analysis"]
            .with_user(self.manager1)
            .search([("order_id", "=", self.order2.id)])
        )

    def test_handed_over_client_moves_with_its_history(self):
        self.client2.vip_manager_id = self.manager1
        self.assertEqual(set(self._by_client(self.manager1)), {self.client1, self.client2})
        self.assertFalse(self._by_client(self.manager2))

    def test_pivot_queries_do_not_grow_with_lines(self):
        analysis = self.env["vip.sales.analysis"].with_user(self.head)
        lines = analysis.search([])
        self.assertGreater(len(lines), 1)

        def pivot(domain):
            return analysis.formatted_read_grouping_sets(
                domain, [[], ["manager_id", "date:month"]], ["amount_untaxed:sum"]
            )

        pivot([])  # the record rules and access rights, cached from then on
        for domain in ([("id", "=", lines[0].id)], []):
            self.env.invalidate_all()
            # the pivot's one query, the managers and their partners' names...
            with self.assertQueryCount(6):
                groups = pivot(domain)
            self.assertAlmostEqual(
                groups[0][0]["amount_untaxed:sum"], sum(analysis.search(domain).mapped("amount_untaxed"))
            )
