from odoo import fields, models

from .vip_store import AREA_DIGITS
from .vip_store_competitor import PRICE_LEVELS


class VipShareSurveyCompetitor(models.Model):
    _name = "vip.share.survey.competitor"
    _description = "Competitor Area in a Survey"
    _inherit = ["vip.computed.mixin"]
    _order = "survey_id, area desc, id"

    survey_id = fields.Many2one("vip.share.survey", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="survey_id.company_id", store=True, index=True, precompute=True)
    competitor_id = fields.Many2one("vip.competitor", required=True, ondelete="restrict")
    area = fields.Float(string="Area (m²)", digits=AREA_DIGITS)
    price_level = fields.Selection(PRICE_LEVELS)
