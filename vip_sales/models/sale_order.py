from collections import defaultdict

from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    vip_free_delivery = fields.Boolean(
        string="Free Delivery",
        tracking=True,
        help="Delivery is offered to the client at no charge: a special term that needs the "
        "approval of the head of sales.",
    )

    # Visits and plans
    vip_visit_id = fields.Many2one(
        "vip.visit",
        string="Visit or Call",
        index="btree_not_null",
        copy=False,
        ondelete="set null",
        help="The visit or call in which the client placed this order.",
    )

    @api.model
    def _vip_untaxed_amounts(self, domain, groupby):
        """Untaxed totals of the orders of ``domain`` in company currency, by ``groupby``.

        Each order converts at its own rate (the rate of its date, as Odoo's sales analysis
        does), so the aggregate also groups by rate: a single query whatever the number of
        orders. Returns ``{tuple of the groupby values: amount}``.
        """
        totals = defaultdict(float)
        for *key, rate, amount in self._read_group(
            domain, [*groupby, "currency_rate"], ["amount_untaxed:sum"]
        ):
            totals[tuple(key)] += amount / (rate or 1.0)
        return totals
