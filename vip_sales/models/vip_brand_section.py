from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .vip_store import AREA_DIGITS


class VipBrandSection(models.Model):
    _name = "vip.brand.section"
    _description = "Brand Section"
    _inherit = ["mail.thread", "mail.activity.mixin", "image.mixin", "vip.computed.mixin"]
    _order = "store_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    store_id = fields.Many2one("vip.store", required=True, index=True, ondelete="cascade", check_company=True)
    partner_id = fields.Many2one(
        related="store_id.partner_id", string="Client", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(related="store_id.company_id", store=True, index=True, precompute=True)
    area = fields.Float(
        string="Area (m²)",
        digits=AREA_DIGITS,
        required=True,
        tracking=True,
        help="Square metres of the store's floor that the section takes.",
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("agreed", "Agreed"),
            ("installed", "Installed"),
            ("removed", "Removed"),
        ],
        string="Status",
        required=True,
        default="planned",
        tracking=True,
        group_expand=True,
        help="Planned: we propose it; Agreed: the client accepted it, the floor is reserved;"
        " Installed: it is on the floor and counts in the floor share; Removed: it is gone.",
    )
    date_installed = fields.Date(
        string="Installed On",
        compute="_compute_date_installed",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    date_removed = fields.Date(
        string="Removed On",
        compute="_compute_date_removed",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    product_tmpl_ids = fields.Many2many(
        "product.template",
        string="Models on Display",
        check_company=True,
        domain=[("sale_ok", "=", True)],
        help="Our furniture models exhibited in the section (the exposition samples).",
    )
    notes = fields.Html()
    color = fields.Integer()

    @api.depends("state")
    def _compute_date_installed(self):
        # Moving a card to Installed (on the phone too) dates it today unless a date is set.
        for section in self:
            if section.state in ("planned", "agreed"):
                section.date_installed = False
            elif section.state == "installed" and not section.date_installed:
                section.date_installed = fields.Date.context_today(section)

    @api.depends("state")
    def _compute_date_removed(self):
        for section in self:
            if section.state != "removed":
                section.date_removed = False
            elif not section.date_removed:
                section.date_removed = fields.Date.context_today(section)

    _check_area = models.Constraint(
        "CHECK(area > 0)", "The area of a brand section must be greater than zero."
    )

    @api.constrains("state", "date_installed", "date_removed")
    def _check_dates(self):
        for section in self:
            if section.state in ("installed", "removed") and not section.date_installed:
                raise ValidationError(
                    self.env._(
                        "Set the installation date of the brand section %(section)s.", section=section.name
                    )
                )
            if section.state == "removed" and not section.date_removed:
                raise ValidationError(
                    self.env._("Set the removal date of the brand section %(section)s.", section=section.name)
                )
            if (
                section.date_installed
                and section.date_removed
                and section.date_removed < section.date_installed
            ):
                raise ValidationError(
                    self.env._(
                        "The brand section %(section)s cannot be removed on %(removed)s,"
                        " before its installation on %(installed)s.",
                        section=section.name,
                        removed=section.date_removed,
                        installed=section.date_installed,
                    )
                )

    @api.constrains("store_id", "state", "area")
    def _check_occupied_area(self):
        self.store_id._check_occupied_area()

    def action_agree(self):
        self.state = "agreed"

    def action_install(self):
        self.state = "installed"

    def action_remove(self):
        self.state = "removed"

    def action_plan(self):
        self.state = "planned"
