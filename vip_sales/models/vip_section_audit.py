from odoo import api, fields, models
from odoo.exceptions import UserError

# What a manager checks in each brand section during a visit; each check is worth as much.
AUDIT_CHECKS = ("check_branding", "check_price_tags", "check_samples", "check_furniture")
# Photos are resized by the field; what the phone sends is refused above this size.
PHOTO_MAX_MB = 15
POSITION_DIGITS = (10, 7)


class VipSectionAudit(models.Model):
    """The audit of one brand section during a visit: a photo taken with the phone, and a
    checklist of how the section looks (branding, price tags, samples, furniture)."""

    _name = "vip.section.audit"
    _description = "Brand Section Audit"
    _inherit = ["vip.computed.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # === FIELDS === #

    visit_id = fields.Many2one("vip.visit", required=True, index=True, ondelete="cascade")
    section_id = fields.Many2one(
        "vip.brand.section",
        string="Brand Section",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain="[('store_id', '=', store_id)]",
    )
    store_id = fields.Many2one(related="section_id.store_id", store=True, index=True)
    partner_id = fields.Many2one(related="section_id.partner_id", string="Client", store=True, index=True)
    company_id = fields.Many2one(related="section_id.company_id", store=True, index=True)
    date = fields.Datetime(related="visit_id.date", store=True)
    photo = fields.Image(max_width=1920, max_height=1920)
    photo_512 = fields.Image(related="photo", max_width=512, max_height=512, store=True, string="Photo (512)")
    photo_128 = fields.Image(related="photo", max_width=128, max_height=128, store=True, string="Photo (128)")
    photo_date = fields.Datetime(
        string="Photographed On", compute="_compute_photo_date", store=True, help="When the photo was taken."
    )
    photo_latitude = fields.Float(digits=POSITION_DIGITS)
    photo_longitude = fields.Float(digits=POSITION_DIGITS)
    check_branding = fields.Boolean(
        string="Branding", help="Our signs and brand elements are in place and clean."
    )
    check_price_tags = fields.Boolean(
        string="Price Tags", help="Every model has its price tag, at our prices."
    )
    check_samples = fields.Boolean(
        string="Samples Complete", help="Every display sample agreed for the section stands in it."
    )
    check_furniture = fields.Boolean(
        string="Furniture in Good State", help="The samples are clean, assembled and undamaged."
    )
    score = fields.Integer(
        string="Execution Score (%)", compute="_compute_score", store=True, aggregator="avg"
    )
    notes = fields.Text()

    # === COMPUTE METHODS === #

    @api.depends("section_id", "visit_id")
    def _compute_display_name(self):
        for audit in self:
            audit.display_name = audit.section_id.name or ""

    @api.depends("photo")
    def _compute_photo_date(self):
        now = fields.Datetime.now()
        for audit in self:
            audit.photo_date = now if audit.photo else False

    @api.depends(*AUDIT_CHECKS)
    def _compute_score(self):
        for audit in self:
            audit.score = 100 * sum(audit[check] for check in AUDIT_CHECKS) // len(AUDIT_CHECKS)

    # === CONSTRAINT METHODS === #

    _unique_section = models.Constraint(
        "UNIQUE(visit_id, section_id)", "A brand section is audited once per visit."
    )

    @api.constrains("visit_id", "section_id")
    def _check_section_of_visit(self):
        for audit in self:
            if audit.section_id.store_id != audit.visit_id.store_id:
                raise UserError(
                    self.env._(
                        "The brand section %(section)s is not in the store of the visit.",
                        section=audit.section_id.name,
                    )
                )

    # === CRUD METHODS === #

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._vip_check_photo_size(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._vip_check_photo_size(vals)
        return super().write(vals)

    @api.model
    def _vip_check_photo_size(self, vals):
        # Before the field decodes and resizes it: a huge upload is refused with its size.
        size_mb = len(vals.get("photo") or "") * 3 / 4 / 1024 / 1024
        if size_mb > PHOTO_MAX_MB:
            raise UserError(
                self.env._(
                    "The photo is %(size)s MB: photos up to %(limit)s MB are accepted. Take it again at a"
                    " lower resolution.",
                    size=round(size_mb, 1),
                    limit=PHOTO_MAX_MB,
                )
            )
