from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tools import SQL

from .vip_sales_analysis import VipSalesAnalysis

# The period of the best sellers: the view and the "already buys" flag look this far back.
BEST_SELLER_DAYS = 365


class VipBestSeller(models.Model):
    """Best-selling models of each VIP tier, to recommend for display in the clients' stores.

    One row per company, tier and product: the goods sold in confirmed orders of the last
    365 days to the VIP clients of the tier, with the quantity, the untaxed amount, the number
    of clients who bought the product and its rank in the tier by quantity. The rows are
    aggregates of a whole tier and name no client, so every VIP manager reads every tier.

    The period is computed in SQL relative to ``now()`` each time the view is read: the view
    needs no refresh, and the rows always cover the 365 days up to the moment of reading.

    With a client's id in the context (``vip_client_id``, a client company), ``client_buys``
    tells which of the products that client bought in the same period.
    """

    _name = "vip.best.seller"
    _inherit = ["vip.analysis.mixin"]
    _description = "VIP Best Seller"
    _auto = False
    _rec_name = "product_tmpl_id"
    _order = "tier_id, rank, id"
    # Flushed before the view is read: what the sales analysis reads, the lines' delivery flag
    # and the products' type.
    _depends = {
        **VipSalesAnalysis._depends,
        "sale.order.line": [*VipSalesAnalysis._depends["sale.order.line"], "is_delivery"],
        "product.template": [*VipSalesAnalysis._depends["product.template"], "type"],
    }

    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    tier_id = fields.Many2one("vip.tier", string="VIP Tier", readonly=True)
    product_tmpl_id = fields.Many2one("product.template", string="Product", readonly=True)
    categ_id = fields.Many2one("product.category", string="Product Category", readonly=True)
    uom_id = fields.Many2one("uom.uom", string="Unit", readonly=True)
    quantity = fields.Float(digits="Product Unit", readonly=True, help="In the product's unit.")
    amount_untaxed = fields.Monetary(string="Untaxed Amount", readonly=True)
    client_count = fields.Integer(
        string="Clients",
        aggregator="max",
        readonly=True,
        help="VIP clients of the tier who bought the product. A group of products shows its "
        "most widely bought product's figure: the same client may buy several products.",
    )
    rank = fields.Integer(
        aggregator="min",
        readonly=True,
        help="Place of the product in its tier by quantity sold (then by amount); "
        "a group of products shows its best place.",
    )
    client_buys = fields.Boolean(
        string="Bought by the Client",
        compute="_compute_client_buys",
        search="_search_client_buys",
        help="The client whose best sellers are shown bought the product in the last 365 days.",
    )

    def _query(self):
        """Goods sold to the VIP clients of each tier in confirmed orders of the last 365 days.

        Built on the sales analysis, whose rows are the VIP clients' confirmed order lines with
        the client's tier, the quantity in the product's unit and the untaxed amount in the
        currency of the order's company; delivery and service lines are left out here. A row's
        id is its first order line's, stable as long as the lines are.
        """
        return SQL(
            """
            SELECT MIN(a.id) AS id,
                   a.company_id AS company_id,
                   a.currency_id AS currency_id,
                   a.tier_id AS tier_id,
                   a.product_tmpl_id AS product_tmpl_id,
                   a.categ_id AS categ_id,
                   t.uom_id AS uom_id,
                   SUM(a.quantity) AS quantity,
                   SUM(a.amount_untaxed) AS amount_untaxed,
                   COUNT(DISTINCT a.partner_id) AS client_count,
                   RANK() OVER (
                       PARTITION BY a.company_id, a.tier_id
                       ORDER BY SUM(a.quantity) DESC, SUM(a.amount_untaxed) DESC
                   ) AS rank
              FROM %(sales)s a
              JOIN sale_order_line l ON l.id = a.id
              JOIN product_template t ON t.id = a.product_tmpl_id
             WHERE a.date >= (NOW() AT TIME ZONE 'UTC') - INTERVAL '1 day' * %(days)s
               AND l.is_delivery IS NOT TRUE
               AND t.type = 'consu'
             GROUP BY a.company_id, a.currency_id, a.tier_id, a.product_tmpl_id, a.categ_id, t.uom_id
            """,
            sales=SQL.identifier(self.env["vip.sales.analysis"]._table),
            days=BEST_SELLER_DAYS,
        )

    @api.depends_context("vip_client_id", "allowed_company_ids")
    def _compute_client_buys(self):
        bought = self._vip_client_purchases()
        for row in self:
            row.client_buys = (row.company_id.id, row.product_tmpl_id.id) in bought

    def _search_client_buys(self, operator, value):
        if operator != "in":
            return NotImplemented
        bought = self._vip_client_purchases()
        return Domain.OR(
            Domain("company_id", "=", company_id) & Domain("product_tmpl_id", "=", template_id)
            for company_id, template_id in bought
        )

    def _vip_client_purchases(self):
        """The ``(company id, product template id)`` pairs of the goods that the client of the
        context (``vip_client_id``) bought in confirmed orders of the period, in one query.

        Read as superuser, like the client card's count of models sold: whoever sold the
        order, the flag says only whether the client carries the product, and reveals no order.
        Only the client's VIP manager and the head of sales may ask (as for the client's stores).
        """
        client_id = self.env.context.get("vip_client_id")
        if not client_id:
            return set()
        client = self.env["res.partner"].browse(client_id)
        if client._vip_not_own_clients():
            raise AccessError(
                self.env._(
                    "Only the VIP manager of %(client)s and the head of sales see what the client buys.",
                    client=client.sudo().display_name,
                )
            )
        since = fields.Datetime.now() - timedelta(days=BEST_SELLER_DAYS)
        groups = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("order_partner_id.commercial_partner_id", "=", client_id),
                    ("company_id", "in", self.env.companies.ids),
                    ("state", "=", "sale"),
                    ("order_id.date_order", ">=", since),
                    ("display_type", "=", False),
                    ("is_delivery", "=", False),
                    ("product_id.type", "=", "consu"),
                ],
                ["company_id", "product_id.product_tmpl_id"],
            )
        )
        return {(company.id, template.id) for company, template in groups}

    def action_propose_for_display(self):
        """Open "Propose for Display" with these best sellers, for the client of the context
        (the client card's best sellers) or a client to choose."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Propose for Display"),
            "res_model": "vip.display.propose",
            "view_mode": "form",
            "views": [(self.env.ref("vip_sales_report.vip_display_propose_view_form").id, "form")],
            "target": "new",
            "context": {
                "default_partner_id": self.env.context.get("vip_client_id"),
                "default_product_tmpl_ids": self.product_tmpl_id.ids,
            },
        }
