from odoo import api, fields, models

from .vip_store import AREA_DIGITS

PRICE_LEVELS = [
    ("economy", "Economy"),
    ("middle", "Middle"),
    ("premium", "Premium"),
]


class VipStoreCompetitor(models.Model):
    _name = "vip.store.competitor"
    _description = "Competitor in a Store"
    _inherit = ["vip.computed.mixin"]
    _order = "store_id, area desc, id"
    _check_company_auto = True

    store_id = fields.Many2one("vip.store", required=True, index=True, ondelete="cascade", check_company=True)
    partner_id = fields.Many2one(
        related="store_id.partner_id", string="Client", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(related="store_id.company_id", store=True, index=True, precompute=True)
    competitor_id = fields.Many2one(
        "vip.competitor",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    area = fields.Float(
        string="Area (m²)",
        digits=AREA_DIGITS,
        help="Square metres of the store's floor that the competing brand takes.",
    )
    price_level = fields.Selection(
        PRICE_LEVELS,
        help="The price segment of the competing brand in this store.",
    )
    notes = fields.Text()

    _check_area = models.Constraint(
        "CHECK(area >= 0)", "The area of a competitor in a store cannot be negative."
    )
    _store_competitor_uniq = models.Constraint(
        "UNIQUE(store_id, competitor_id)", "This competitor is already listed in the store."
    )

    @api.constrains("store_id", "area")
    def _check_occupied_area(self):
        self.store_id._check_occupied_area()
