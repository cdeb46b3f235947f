from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.vip_sales.models.vip_display_sample import SAMPLE_AGREEMENTS


class VipDisplayPropose(models.TransientModel):
    """Propose best sellers for display in a client's store: planned samples and a quotation."""

    _name = "vip.display.propose"
    _description = "Propose Models for Display"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        domain=[("is_vip", "=", True), ("is_company", "=", True)],
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    store_id = fields.Many2one(
        "vip.store",
        required=True,
        check_company=True,
        domain="[('partner_id', '=', partner_id)]",
        compute="_compute_store_id",
        store=True,
        readonly=False,
    )
    section_id = fields.Many2one(
        "vip.brand.section",
        string="Brand Section",
        check_company=True,
        domain="[('store_id', '=', store_id), ('state', '!=', 'removed')]",
    )
    product_tmpl_ids = fields.Many2many(
        "product.template", string="Models", required=True, domain=[("sale_ok", "=", True)]
    )
    display_discount = fields.Float(string="Display Discount (%)", digits="Discount")
    agreement = fields.Selection(
        SAMPLE_AGREEMENTS, string="Return or Markdown", required=True, default="none"
    )

    @api.depends("partner_id")
    def _compute_store_id(self):
        # A client with one store: that one; else the manager chooses.
        for wizard in self:
            stores = self.env["vip.store"].search([("partner_id", "=", wizard.partner_id.id)], limit=2)
            wizard.store_id = stores if len(stores) == 1 else False

    def action_propose(self):
        """Create the planned samples and their quotation, and open the quotation."""
        self.ensure_one()
        if self.partner_id._vip_not_own_clients():
            raise AccessError(
                self.env._(
                    "Only the VIP manager of %(client)s and the head of sales propose samples to it.",
                    client=self.partner_id.display_name,
                )
            )
        order = self.env["vip.display.sample"]._vip_propose(
            self.store_id,
            self.product_tmpl_ids.product_variant_id,
            section=self.section_id,
            display_discount=self.display_discount,
            agreement=self.agreement,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
