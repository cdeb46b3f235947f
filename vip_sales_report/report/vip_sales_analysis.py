from odoo import fields, models
from odoo.tools import SQL


class VipSalesAnalysis(models.Model):
    """Confirmed order lines of VIP clients, one row per line, in company currency."""

    _name = "vip.sales.analysis"
    _inherit = ["vip.analysis.mixin"]
    _description = "VIP Sales Analysis"
    _auto = False
    _rec_name = "order_id"
    _order = "date desc, id desc"
    # Flushed before the view is read (see the columns of _query).
    _depends = {
        "sale.order": [
            "company_id",
            "currency_rate",
            "date_order",
            "state",
            "user_id",
            "vip_commercial_partner_id",
        ],
        "sale.order.line": [
            "display_type",
            "is_downpayment",
            "order_id",
            "price_subtotal",
            "product_id",
            "product_uom_id",
            "product_uom_qty",
        ],
        "res.partner": ["commercial_partner_id", "is_vip", "vip_manager_id", "vip_tier_id"],
        "res.company": ["currency_id"],
        "product.product": ["product_tmpl_id", "vip_shipping_volume", "vip_shipping_weight"],
        "product.template": ["categ_id", "uom_id"],
        "uom.uom": ["factor"],
    }

    order_id = fields.Many2one("sale.order", readonly=True)
    date = fields.Datetime(string="Order Date", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    manager_id = fields.Many2one("res.users", string="VIP Manager", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    tier_id = fields.Many2one("vip.tier", string="VIP Tier", readonly=True)
    categ_id = fields.Many2one("product.category", string="Product Category", readonly=True)
    product_tmpl_id = fields.Many2one("product.template", string="Product", readonly=True)
    product_id = fields.Many2one("product.product", string="Product Variant", readonly=True)
    quantity = fields.Float(digits="Product Unit", readonly=True)
    amount_untaxed = fields.Monetary(string="Untaxed Amount", readonly=True)
    weight = fields.Float(string="Gross Weight (kg)", digits="Stock Weight", readonly=True)
    volume = fields.Float(string="Volume (m³)", digits="Volume", readonly=True)

    def _query(self):
        """Lines of confirmed orders whose customer's company is a VIP client.

        The client and its owner are the commercial partner's, so orders placed by any of
        the client's contacts count; quantities are in the product's unit, amounts untaxed
        and converted to the currency of the order's company at the order's rate; weight and
        volume are the product's as shipped (from its cartons), as in the order's tonnage.

        The company, product and units are LEFT JOINs on their keys (a line that is neither a
        section nor a down payment always has a product and a unit): PostgreSQL leaves out
        the joins whose columns a pivot does not read, e.g. all of them in the amounts by
        manager and month.
        """
        return SQL(
            """
            SELECT l.id AS id,
                   l.order_id AS order_id,
                   s.date_order AS date,
                   s.company_id AS company_id,
                   company.currency_id AS currency_id,
                   s.user_id AS user_id,
                   client.vip_manager_id AS manager_id,
                   client.id AS partner_id,
                   client.vip_tier_id AS tier_id,
                   t.categ_id AS categ_id,
                   p.product_tmpl_id AS product_tmpl_id,
                   l.product_id AS product_id,
                   l.product_uom_qty * line_uom.factor / product_uom.factor AS quantity,
                   l.price_subtotal / COALESCE(NULLIF(s.currency_rate, 0), 1) AS amount_untaxed,
                   l.product_uom_qty * line_uom.factor / product_uom.factor * p.vip_shipping_weight AS weight,
                   l.product_uom_qty * line_uom.factor / product_uom.factor * p.vip_shipping_volume AS volume
              FROM sale_order_line l
              JOIN sale_order s ON s.id = l.order_id
              JOIN res_partner client ON client.id = s.vip_commercial_partner_id
              LEFT JOIN res_company company ON company.id = s.company_id
              LEFT JOIN product_product p ON p.id = l.product_id
              LEFT JOIN product_template t ON t.id = p.product_tmpl_id
              LEFT JOIN uom_uom line_uom ON line_uom.id = l.product_uom_id
              LEFT JOIN uom_uom product_uom ON product_uom.id = t.uom_id
             WHERE s.state = 'sale'
               AND client.is_vip
               AND l.display_type IS NULL
               AND l.is_downpayment IS NOT TRUE
            """
        )
