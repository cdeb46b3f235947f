from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

SAMPLE_STATES = [
    ("planned", "Planned"),
    ("ordered", "Ordered"),
    ("display", "On Display"),
    ("sold", "Sold Off"),
    ("replaced", "Replaced"),
]
SAMPLE_AGREEMENTS = [
    ("none", "None"),
    ("return", "Return to Us"),
    ("markdown", "Markdown"),
]


class VipDisplaySample(models.Model):
    """A model of ours standing (or to stand) on display in a client's store: which variant,
    in which brand section, since when and under which display terms."""

    _name = "vip.display.sample"
    _description = "Display Sample"
    _inherit = ["mail.thread", "vip.computed.mixin"]
    _order = "store_id, section_id, state, id"
    _check_company_auto = True

    # The states each state is reached from: through the sample's buttons, and the
    # confirmation of its order (planned -> ordered).
    _STATE_SOURCES = {
        "planned": (),
        "ordered": ("planned",),
        "display": ("ordered",),
        "sold": ("display",),
        "replaced": ("display",),
    }

    # === FIELDS === #

    product_id = fields.Many2one(
        "product.product",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=[("sale_ok", "=", True), ("type", "=", "consu")],
    )
    product_tmpl_id = fields.Many2one(
        related="product_id.product_tmpl_id", string="Model", store=True, index=True
    )
    store_id = fields.Many2one(
        "vip.store", required=True, index=True, ondelete="cascade", tracking=True, check_company=True
    )
    section_id = fields.Many2one(
        "vip.brand.section",
        string="Brand Section",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain="[('store_id', '=', store_id), ('state', '!=', 'removed')]",
    )
    partner_id = fields.Many2one(
        related="store_id.partner_id", string="Client", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(related="store_id.company_id", store=True, index=True, precompute=True)
    state = fields.Selection(
        SAMPLE_STATES,
        string="Status",
        required=True,
        default="planned",
        readonly=True,
        copy=False,
        tracking=True,
        group_expand=True,
    )
    date_since = fields.Date(
        string="On Display Since",
        copy=False,
        tracking=True,
        help="The day the sample was put on display; set when it goes on display.",
    )
    date_end = fields.Date(
        string="Off Display On", copy=False, tracking=True, help="The day it was sold off or replaced."
    )
    display_discount = fields.Float(
        string="Display Discount (%)",
        digits="Discount",
        tracking=True,
        help="The discount granted on the sample for standing on display.",
    )
    agreement = fields.Selection(
        SAMPLE_AGREEMENTS,
        string="Return or Markdown",
        required=True,
        default="none",
        tracking=True,
        help="Return to Us: we take the sample back when it leaves the display;"
        " Markdown: the client may sell it off at a markdown that we share.",
    )
    markdown_percent = fields.Float(
        string="Agreed Markdown (%)",
        digits="Discount",
        tracking=True,
        help="The markdown the client may apply.",
    )
    terms_note = fields.Text(string="Display Terms")
    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Order Line",
        index="btree_not_null",
        copy=False,
        check_company=True,
        ondelete="set null",
        domain="[('product_id', '=', product_id), ('order_partner_id', 'child_of', partner_id)]",
        help="The order line that delivers the sample.",
    )
    sale_order_id = fields.Many2one(
        related="sale_line_id.order_id", string="Order", store=True, index="btree_not_null"
    )
    replaced_by_id = fields.Many2one(
        "vip.display.sample",
        copy=False,
        check_company=True,
        domain="[('store_id', '=', store_id), ('id', '!=', id)]",
    )
    age_days = fields.Integer(
        string="Days on Display",
        compute="_compute_age_days",
        help="Days since the sample went on display, up to today or the day it left.",
    )
    image_128 = fields.Image(related="product_id.image_128")

    # === COMPUTE METHODS === #

    @api.depends("product_id", "store_id")
    def _compute_display_name(self):
        for sample in self:
            sample.display_name = " · ".join(
                filter(None, [sample.product_id.display_name, sample.store_id.name])
            )

    @api.depends("date_since", "date_end")
    @api.depends_context("tz")
    def _compute_age_days(self):
        today = fields.Date.context_today(self)
        for sample in self:
            end = sample.date_end or today
            sample.age_days = (end - sample.date_since).days if sample.date_since else 0

    # === CONSTRAINT METHODS === #

    _check_discounts = models.Constraint(
        "CHECK(display_discount >= 0 AND display_discount <= 100"
        " AND markdown_percent >= 0 AND markdown_percent <= 100)",
        "The display discount and the markdown of a sample are percentages between 0 and 100.",
    )

    @api.constrains("store_id", "section_id")
    def _check_section_of_store(self):
        for sample in self.filtered("section_id"):
            if sample.section_id.store_id != sample.store_id:
                raise ValidationError(
                    self.env._(
                        "The brand section %(section)s is not in the store %(store)s.",
                        section=sample.section_id.name,
                        store=sample.store_id.display_name,
                    )
                )

    @api.constrains("sale_line_id", "product_id", "partner_id")
    def _check_sale_line(self):
        for sample in self.filtered("sale_line_id"):
            line = sample.sale_line_id
            if (
                line.product_id != sample.product_id
                or line.order_id.partner_id.commercial_partner_id != sample.partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "The order line of the sample %(sample)s must sell its product to its client.",
                        sample=sample.display_name,
                    )
                )

    @api.constrains("state", "date_since", "date_end")
    def _check_dates(self):
        for sample in self:
            if sample.state in ("display", "sold", "replaced") and not sample.date_since:
                raise ValidationError(
                    self.env._(
                        "Set the day the sample %(sample)s went on display.", sample=sample.display_name
                    )
                )
            if sample.date_end and sample.date_since and sample.date_end < sample.date_since:
                raise ValidationError(
                    self.env._(
                        "The sample %(sample)s cannot leave the display before it went on display.",
                        sample=sample.display_name,
                    )
                )

    # === CRUD METHODS === #

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("state", "planned") != "planned" for vals in vals_list) and not self.env.su:
            raise UserError(self.env._("A display sample starts planned: order it, then put it on display."))
        return super().create(vals_list)

    def write(self, vals):
        new_state = vals.get("state")
        if new_state and any(sample.state not in self._STATE_SOURCES[new_state] for sample in self):
            raise UserError(
                {
                    "planned": self.env._("A display sample cannot go back to planned."),
                    "ordered": self.env._("Only planned samples can be ordered."),
                    "display": self.env._("Only ordered samples can be put on display."),
                    "sold": self.env._("Only samples on display can be sold off."),
                    "replaced": self.env._("Only samples on display can be replaced."),
                }[new_state]
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_planned(self):
        if any(sample.state != "planned" for sample in self):
            raise UserError(
                self.env._("Only planned samples can be deleted: the others are the store's history.")
            )

    # === ACTION METHODS === #

    def action_order(self):
        """Order the planned samples: each needs the order line that delivers it."""
        if missing := self.filtered(lambda s: not s.sale_line_id):
            raise UserError(
                self.env._(
                    "Link the sample %(sample)s to the order line that delivers it first.",
                    sample=missing[0].display_name,
                )
            )
        return self.write({"state": "ordered"})

    def action_put_on_display(self):
        today = fields.Date.context_today(self)
        for sample in self:
            sample.write({"state": "display", "date_since": sample.date_since or today})
        return True

    def action_sell_off(self):
        return self._vip_leave_display("sold")

    def action_replace(self):
        return self._vip_leave_display("replaced")

    def _vip_leave_display(self, state):
        today = fields.Date.context_today(self)
        for sample in self:
            sample.write({"state": state, "date_end": sample.date_end or today})
        return True

    # === BUSINESS METHODS === #

    @api.model
    def _vip_propose(self, store, products, section=None, display_discount=0.0, agreement="none"):
        """Plan ``products`` (variants) for display in ``store`` and quote them to its client.

        Returns the draft quotation: one line per product, at the display discount, each
        linked to its planned sample. Confirming the quotation orders the samples.
        """
        if not products:
            raise UserError(self.env._("Choose the models to propose for display."))
        order = self.env["sale.order"].create(
            {
                "partner_id": store.partner_id.id,
                "company_id": store.company_id.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": 1.0, "discount": display_discount}
                    )
                    for product in products
                ],
            }
        )
        self.create(
            [
                {
                    "store_id": store.id,
                    "section_id": section.id if section else False,
                    "product_id": line.product_id.id,
                    "display_discount": display_discount,
                    "agreement": agreement,
                    "sale_line_id": line.id,
                }
                for line in order.order_line
            ]
        )
        return order

    def _vip_order_confirmed(self):
        """The orders of these samples' lines were confirmed: the planned ones are ordered."""
        self.filtered(lambda s: s.state == "planned").sudo().write({"state": "ordered"})
