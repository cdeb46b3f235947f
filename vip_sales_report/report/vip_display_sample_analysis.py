from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.vip_sales.models.vip_display_sample import SAMPLE_AGREEMENTS, SAMPLE_STATES

SAMPLE_AGES = [
    ("0_3", "Up to 3 Months"),
    ("3_6", "3 to 6 Months"),
    ("6_12", "6 to 12 Months"),
    ("12", "Over a Year"),
]


class VipDisplaySampleAnalysis(models.Model):
    """Display samples of the VIP clients' stores, per store, model and age.

    A sample's age is the number of days it has stood on display: up to today for a sample
    on display, up to the day it left for a sold or replaced one; planned and ordered samples
    have none. The age is computed when the view is read, so it needs no refresh.
    """

    _name = "vip.display.sample.analysis"
    _inherit = ["vip.analysis.mixin"]
    _description = "VIP Display Sample Analysis"
    _auto = False
    _rec_name = "sample_id"
    _order = "date_since desc, id desc"
    _depends = {
        "vip.display.sample": [
            "agreement",
            "company_id",
            "date_end",
            "date_since",
            "display_discount",
            "product_id",
            "product_tmpl_id",
            "section_id",
            "state",
            "store_id",
        ],
        "vip.store": ["partner_id"],
        "res.partner": ["commercial_partner_id", "vip_manager_id", "vip_tier_id"],
        "product.template": ["categ_id"],
    }

    sample_id = fields.Many2one("vip.display.sample", string="Display Sample", readonly=True)
    store_id = fields.Many2one("vip.store", readonly=True)
    section_id = fields.Many2one("vip.brand.section", string="Brand Section", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    manager_id = fields.Many2one("res.users", string="VIP Manager", readonly=True)
    tier_id = fields.Many2one("vip.tier", string="VIP Tier", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    product_tmpl_id = fields.Many2one("product.template", string="Model", readonly=True)
    categ_id = fields.Many2one("product.category", string="Product Category", readonly=True)
    state = fields.Selection(SAMPLE_STATES, string="Status", readonly=True)
    agreement = fields.Selection(SAMPLE_AGREEMENTS, string="Return or Markdown", readonly=True)
    date_since = fields.Date(string="On Display Since", readonly=True)
    age_days = fields.Integer(string="Days on Display", aggregator="avg", readonly=True)
    age_group = fields.Selection(SAMPLE_AGES, string="Age on Display", readonly=True)
    display_discount = fields.Float(string="Display Discount (%)", aggregator="avg", readonly=True)
    sample_count = fields.Integer(string="Samples", readonly=True)

    def _query(self):
        return SQL(
            """
            WITH samples AS (
                SELECT s.*,
                       CASE WHEN s.state IN ('display', 'sold', 'replaced')
                            THEN COALESCE(s.date_end, CURRENT_DATE) - s.date_since END AS age
                  FROM vip_display_sample s
            )
            SELECT s.id AS id,
                   s.id AS sample_id,
                   s.store_id AS store_id,
                   s.section_id AS section_id,
                   client.id AS partner_id,
                   client.vip_manager_id AS manager_id,
                   client.vip_tier_id AS tier_id,
                   s.company_id AS company_id,
                   s.product_id AS product_id,
                   s.product_tmpl_id AS product_tmpl_id,
                   t.categ_id AS categ_id,
                   s.state AS state,
                   s.agreement AS agreement,
                   s.date_since AS date_since,
                   s.age AS age_days,
                   CASE WHEN s.age IS NULL THEN NULL
                        WHEN s.age < 91 THEN '0_3'
                        WHEN s.age < 183 THEN '3_6'
                        WHEN s.age < 366 THEN '6_12'
                        ELSE '12' END AS age_group,
                   s.display_discount AS display_discount,
                   1 AS sample_count
              FROM samples s
              JOIN vip_store store ON store.id = s.store_id
              JOIN res_partner store_partner ON store_partner.id = store.partner_id
              JOIN res_partner client ON client.id = store_partner.commercial_partner_id
              JOIN product_template t ON t.id = s.product_tmpl_id
            """
        )
