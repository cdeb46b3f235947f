from odoo import Command, api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import format_date

from .vip_store import AREA_DIGITS


class VipShareSurvey(models.Model):
    _name = "vip.share.survey"
    _description = "Store Share Survey"
    _inherit = ["vip.computed.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    _SNAPSHOT_FIELDS = frozenset({"our_area", "total_area"})

    store_id = fields.Many2one("vip.store", required=True, index=True, ondelete="cascade", check_company=True)
    partner_id = fields.Many2one(
        related="store_id.partner_id", string="Client", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(related="store_id.company_id", store=True, index=True, precompute=True)
    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", string="Surveyed By", required=True, default=lambda self: self.env.user
    )
    our_sku_count = fields.Integer(
        string="Our Models", help="How many of our furniture models (SKUs) the store carries."
    )
    total_sku_count = fields.Integer(
        string="All Models", help="How many furniture models (SKUs) the store carries, all brands included."
    )
    # Snapshot of the store's floor when the survey is taken: later changes of the store
    # leave the surveys as they were, so that the trend shows. A survey entered afterwards
    # (an import by the head of sales, the demo data) may give the floor as it was on its date.
    our_area = fields.Float(
        string="Our Area (m²)",
        digits=AREA_DIGITS,
        compute="_compute_snapshot",
        store=True,
        readonly=False,
        precompute=True,
    )
    total_area = fields.Float(
        string="Total Area (m²)",
        digits=AREA_DIGITS,
        compute="_compute_snapshot",
        store=True,
        readonly=False,
        precompute=True,
    )
    competitor_line_ids = fields.One2many(
        "vip.share.survey.competitor",
        "survey_id",
        string="Competitor Areas",
        compute="_compute_competitor_line_ids",
        store=True,
    )
    competitor_area = fields.Float(
        string="Competitor Area (m²)", digits=AREA_DIGITS, compute="_compute_competitor_area", store=True
    )
    floor_share = fields.Float(
        string="Floor Share (%)", digits=(5, 2), compute="_compute_floor_share", store=True, aggregator="avg"
    )
    assortment_share = fields.Float(
        string="Assortment Share (%)",
        digits=(5, 2),
        compute="_compute_assortment_share",
        store=True,
        aggregator="avg",
    )
    notes = fields.Text()
    # The store's surveys before and after this one, for the trend (share analysis): joined by
    # id there, no window over every survey stops a reader's filter from reaching the rows.
    previous_survey_id = fields.Many2one(
        "vip.share.survey",
        string="Survey Before",
        compute="_compute_neighbour_surveys",
        store=True,
        index="btree_not_null",
    )
    next_survey_id = fields.Many2one(
        "vip.share.survey",
        string="Survey After",
        compute="_compute_neighbour_surveys",
        store=True,
        index="btree_not_null",
    )

    @api.depends("store_id")
    def _compute_snapshot(self):
        for survey in self:
            survey.our_area = survey.store_id.our_area
            survey.total_area = survey.store_id.total_area

    @api.depends("store_id.survey_ids.date")
    def _compute_neighbour_surveys(self):
        none = self.browse()
        self.previous_survey_id = self.next_survey_id = none
        for store in self.store_id:
            ordered = store.survey_ids.sorted(lambda s: (s.date, s.id))
            for previous, survey, following in zip(
                [none, *ordered[:-1]], ordered, [*ordered[1:], none], strict=True
            ):
                if survey in self:
                    survey.previous_survey_id = previous
                    survey.next_survey_id = following

    @api.depends("store_id")
    def _compute_competitor_line_ids(self):
        for survey in self:
            survey.competitor_line_ids = [Command.clear()] + [
                Command.create(
                    {
                        "competitor_id": presence.competitor_id.id,
                        "area": presence.area,
                        "price_level": presence.price_level,
                    }
                )
                for presence in survey.store_id.competitor_presence_ids
            ]

    @api.depends("competitor_line_ids.area")
    def _compute_competitor_area(self):
        for survey in self:
            survey.competitor_area = sum(survey.competitor_line_ids.mapped("area"))

    @api.depends("our_area", "total_area")
    def _compute_floor_share(self):
        for survey in self:
            survey.floor_share = survey.total_area and 100.0 * survey.our_area / survey.total_area

    @api.depends("our_sku_count", "total_sku_count")
    def _compute_assortment_share(self):
        for survey in self:
            survey.assortment_share = (
                survey.total_sku_count and 100.0 * survey.our_sku_count / survey.total_sku_count
            )

    _check_sku_counts = models.Constraint(
        "CHECK(our_sku_count >= 0 AND total_sku_count >= 0)",
        "The numbers of models in a survey cannot be negative.",
    )
    _check_areas = models.Constraint(
        "CHECK(our_area >= 0 AND our_area <= total_area)",
        "The areas of a survey cannot be negative, and our area cannot exceed the total area.",
    )
    _check_our_sku_count = models.Constraint(
        "CHECK(our_sku_count <= total_sku_count)",
        "Our models cannot outnumber all the models the store carries.",
    )

    @api.depends("store_id", "date")
    def _compute_display_name(self):
        for survey in self:
            survey.display_name = f"{survey.store_id.display_name} ({format_date(self.env, survey.date)})"

    @api.model_create_multi
    def create(self, vals_list):
        if any(self._SNAPSHOT_FIELDS.intersection(vals) for vals in vals_list):
            self._check_snapshot_access()
        return super().create(vals_list)

    def write(self, vals):
        if self._SNAPSHOT_FIELDS.intersection(vals):
            self._check_snapshot_access()
        return super().write(vals)

    def _check_snapshot_access(self):
        # A manager's survey records the store as it is; only the head enters the floor of a
        # past survey (an import of earlier records).
        if not (self.env.su or self.env.user.has_group("vip_sales.group_vip_head")):
            raise AccessError(
                self.env._(
                    "The floor of a survey is taken from its store when it is surveyed: change the"
                    " store's sections or area. Only the head of sales enters the floor of a past survey."
                )
            )
