from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_round

AREA_DIGITS = (10, 2)


class VipStore(models.Model):
    _name = "vip.store"
    _description = "VIP Client Store"
    _inherit = ["mail.thread", "mail.activity.mixin", "vip.computed.mixin"]
    _order = "partner_id, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        tracking=True,
        ondelete="cascade",
        check_company=True,
        domain=[("is_company", "=", True)],
        help="The VIP client company that runs the store.",
    )
    address_id = fields.Many2one(
        "res.partner",
        check_company=True,
        domain="[('commercial_partner_id', '=', partner_id), ('type', 'in', ('delivery', 'other'))]",
        help="The client's delivery address of the store.",
    )
    city = fields.Char(compute="_compute_city", store=True, readonly=False, precompute=True)
    total_area = fields.Float(
        string="Total Area (m²)",
        digits=AREA_DIGITS,
        required=True,
        tracking=True,
        help="Square metres of the store's furniture sales floor.",
    )
    section_ids = fields.One2many("vip.brand.section", "store_id", string="Brand Sections")
    competitor_presence_ids = fields.One2many("vip.store.competitor", "store_id", string="Competitors")
    survey_ids = fields.One2many("vip.share.survey", "store_id", string="Surveys")
    sample_ids = fields.One2many("vip.display.sample", "store_id", string="Display Samples")
    our_area = fields.Float(
        string="Our Area (m²)",
        digits=AREA_DIGITS,
        compute="_compute_areas",
        store=True,
        help="Square metres of our brand sections installed in the store.",
    )
    competitor_area = fields.Float(
        string="Competitor Area (m²)",
        digits=AREA_DIGITS,
        compute="_compute_areas",
        store=True,
        help="Square metres that competing brands occupy in the store.",
    )
    floor_share = fields.Float(
        string="Floor Share (%)",
        digits=(5, 2),
        compute="_compute_floor_share",
        store=True,
        aggregator="avg",
        help="Our installed brand sections as a share of the store's furniture floor.",
    )
    last_survey_id = fields.Many2one(
        "vip.share.survey",
        compute="_compute_last_survey_id",
        store=True,
        index="btree_not_null",
    )
    last_survey_date = fields.Date(related="last_survey_id.date", string="Last Surveyed On", store=True)
    last_our_sku_count = fields.Integer(
        related="last_survey_id.our_sku_count", string="Our Models (last survey)", store=True
    )
    last_total_sku_count = fields.Integer(
        related="last_survey_id.total_sku_count", string="All Models (last survey)", store=True
    )
    assortment_share = fields.Float(
        related="last_survey_id.assortment_share",
        string="Assortment Share (%)",
        store=True,
        aggregator="avg",
    )
    visit_ids = fields.One2many("vip.visit", "store_id", string="Visits")
    last_audit_visit_id = fields.Many2one(
        "vip.visit",
        string="Last Audit",
        compute="_compute_last_audit_visit_id",
        store=True,
        index="btree_not_null",
        help="The latest visit in which brand sections of the store were audited.",
    )
    last_audit_date = fields.Datetime(related="last_audit_visit_id.date", string="Last Audited On")
    execution_score = fields.Float(
        related="last_audit_visit_id.execution_score",
        string="Execution Score (%)",
        store=True,
        aggregator="avg",
    )
    latest_photo_ids = fields.Many2many(
        "vip.section.audit",
        string="Latest Photos",
        compute="_compute_latest_photo_ids",
        help="The latest photo of each brand section of the store.",
    )
    latitude = fields.Float(compute="_compute_position", digits=(10, 7))
    longitude = fields.Float(compute="_compute_position", digits=(10, 7))
    section_count = fields.Integer(string="Number of Sections", compute="_compute_counts")
    survey_count = fields.Integer(string="Number of Surveys", compute="_compute_counts")
    sample_count = fields.Integer(
        string="Samples on Display", compute="_compute_counts", help="Display samples now on display."
    )

    @api.depends("address_id")
    def _compute_city(self):
        for store in self:
            if store.address_id.city:
                store.city = store.address_id.city

    @api.depends("section_ids.state", "section_ids.area", "competitor_presence_ids.area")
    def _compute_areas(self):
        for store in self:
            installed = store.section_ids.filtered(lambda s: s.state == "installed")
            store.our_area = sum(installed.mapped("area"))
            store.competitor_area = sum(store.competitor_presence_ids.mapped("area"))

    @api.depends("our_area", "total_area")
    def _compute_floor_share(self):
        for store in self:
            store.floor_share = store.total_area and 100.0 * store.our_area / store.total_area

    @api.depends("survey_ids.date")
    def _compute_last_survey_id(self):
        for store in self:
            surveys = store.survey_ids
            store.last_survey_id = surveys and max(surveys, key=lambda s: (s.date, s._origin.id or 0))

    @api.depends("visit_ids.execution_max_points", "visit_ids.date", "visit_ids.state")
    def _compute_last_audit_visit_id(self):
        for store in self:
            audited = store.visit_ids.filtered(lambda v: v.execution_max_points and v.state != "cancelled")
            store.last_audit_visit_id = audited and max(audited, key=lambda v: (v.date, v._origin.id or 0))

    def _compute_latest_photo_ids(self):
        # One query for all the stores: the latest photographed audit of each section.
        audits = self.env["vip.section.audit"]
        groups = audits._read_group(
            [("store_id", "in", self._origin.ids), ("photo_date", "!=", False)], ["section_id"], ["id:max"]
        )
        latest = audits.browse(audit_id for __, audit_id in groups)
        for store in self:
            store.latest_photo_ids = latest.filtered(
                lambda audit, store=store: audit.store_id == store._origin
            )

    @api.depends("address_id.partner_latitude", "address_id.partner_longitude", "partner_id.partner_latitude")
    def _compute_position(self):
        for store in self:
            store.latitude, store.longitude = store._vip_position() or (0.0, 0.0)

    def _compute_counts(self):
        store_ids = self._origin.ids
        sections = dict(
            self.env["vip.brand.section"]._read_group(
                [("store_id", "in", store_ids)], ["store_id"], ["__count"]
            )
        )
        surveys = dict(
            self.env["vip.share.survey"]._read_group(
                [("store_id", "in", store_ids)], ["store_id"], ["__count"]
            )
        )
        samples = dict(
            self.env["vip.display.sample"]._read_group(
                [("store_id", "in", store_ids), ("state", "=", "display")], ["store_id"], ["__count"]
            )
        )
        for store in self:
            store.section_count = sections.get(store._origin, 0)
            store.survey_count = surveys.get(store._origin, 0)
            store.sample_count = samples.get(store._origin, 0)

    _check_total_area = models.Constraint(
        "CHECK(total_area > 0)",
        "The total area of a store must be greater than zero.",
    )

    @api.constrains("partner_id")
    def _check_partner_id(self):
        for store in self:
            if store.partner_id != store.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "The store %(store)s must belong to the client company %(company)s,"
                        " not to one of its contacts.",
                        store=store.name,
                        company=store.partner_id.commercial_partner_id.name,
                    )
                )

    @api.constrains("partner_id", "address_id")
    def _check_address_id(self):
        for store in self:
            if store.address_id and store.address_id.commercial_partner_id != store.partner_id:
                raise ValidationError(
                    self.env._(
                        "The address of the store %(store)s must be an address of its client %(client)s.",
                        store=store.name,
                        client=store.partner_id.name,
                    )
                )

    @api.constrains("total_area")
    def _check_occupied_area(self):
        """Refuse a store whose agreed and installed sections plus competitors exceed its floor.

        Sections and competitor presences call it too when their areas change.
        """
        digits = AREA_DIGITS[1]
        for store in self:
            if store.total_area <= 0:
                continue  # refused with its own message by _check_total_area
            committed = store.section_ids.filtered(lambda s: s.state in ("agreed", "installed"))
            occupied = sum(committed.mapped("area")) + sum(store.competitor_presence_ids.mapped("area"))
            if float_compare(occupied, store.total_area, precision_digits=digits) > 0:
                raise ValidationError(
                    self.env._(
                        "In the store %(store)s, our agreed and installed sections and the competitors"
                        " take %(occupied)s m², more than its total area of %(total)s m².",
                        store=store.display_name,
                        occupied=float_round(occupied, precision_digits=digits),
                        total=float_round(store.total_area, precision_digits=digits),
                    )
                )

    @api.depends("name", "partner_id")
    def _compute_display_name(self):
        for store in self:
            store.display_name = " – ".join(filter(None, [store.partner_id.name, store.name]))

    def write(self, vals):
        # The store's sections, surveys and competitors belong to its client: moving the store
        # would carry another client's history over, and the form only sets it on a new store.
        if "partner_id" in vals and any(store.partner_id.id != vals["partner_id"] for store in self):
            raise UserError(
                self.env._(
                    "The client of a store cannot change: create the store for the new client instead."
                )
            )
        return super().write(vals)

    def action_geolocalize(self):
        """Locate the store's address (or its client's) with Odoo's geocoder."""
        self.ensure_one()
        address = self.address_id or self.partner_id
        address.with_context(force_geo_localize=True).geo_localize()
        return True

    def _vip_position(self):
        """The ``(latitude, longitude)`` of the store's address, else of its client; ``None``
        when neither is located."""
        self.ensure_one()
        for address in (self.address_id, self.partner_id):
            if address and (address.partner_latitude or address.partner_longitude):
                return address.partner_latitude, address.partner_longitude
        return None

    def action_open_sections(self):
        return self._vip_open_action("vip_sales.vip_brand_section_action")

    def action_open_surveys(self):
        return self._vip_open_action("vip_sales.vip_share_survey_action")

    def action_open_samples(self):
        return self._vip_open_action("vip_sales.vip_display_sample_action", search_default_filter_current=1)

    def _vip_open_action(self, xmlid, **context):
        """The window action ``xmlid`` on the records of this store, creating them in it."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("store_id", "=", self.id)]
        action["context"] = {"default_store_id": self.id, **context}
        return action

    def action_new_survey(self):
        """Open the quick survey form of this store, ready to fill in the store."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Survey"),
            "res_model": "vip.share.survey",
            "view_mode": "form",
            "views": [(self.env.ref("vip_sales.vip_share_survey_view_form_quick").id, "form")],
            "target": "new",
            "context": {"default_store_id": self.id},
        }
