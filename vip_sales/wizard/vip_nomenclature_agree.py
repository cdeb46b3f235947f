from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..models.sale_order import NOMENCLATURE_CHANNELS


class VipNomenclatureAgree(models.TransientModel):
    """The manager records that the client agreed the lines of a proposal: who, how, when."""

    _name = "vip.nomenclature.agree"
    _description = "Client's Agreement of the Lines"

    order_id = fields.Many2one("sale.order", string="Proposal", required=True, ondelete="cascade")
    client_id = fields.Many2one(related="order_id.partner_id.commercial_partner_id", string="Client")
    partner_id = fields.Many2one(
        "res.partner",
        string="Agreed By",
        required=True,
        domain="[('commercial_partner_id', '=', client_id)]",
        compute="_compute_partner_id",
        store=True,
        precompute=True,
        readonly=False,
        help="The client's contact who agreed the models, quantities and colours.",
    )
    channel = fields.Selection(
        [channel for channel in NOMENCLATURE_CHANNELS if channel[0] != "portal"],
        string="Agreed Through",
        required=True,
        default="phone",
    )
    date = fields.Datetime(string="Agreed On", required=True, default=fields.Datetime.now)

    @api.depends("order_id")
    def _compute_partner_id(self):
        for wizard in self:
            wizard.partner_id = wizard.order_id.partner_id

    def action_agree(self):
        self.ensure_one()
        order = self.order_id
        order._vip_check_can_agree()
        if self.partner_id.commercial_partner_id != order.partner_id.commercial_partner_id:
            raise ValidationError(
                self.env._(
                    "%(partner)s is not a contact of %(client)s: the client's own people agree its lines.",
                    partner=self.partner_id.display_name,
                    client=order.partner_id.commercial_partner_id.display_name,
                )
            )
        if self.date > fields.Datetime.now():
            raise ValidationError(self.env._("The client cannot have agreed the lines in the future."))
        order._vip_record_nomenclature_agreement(self.channel, self.partner_id, self.date)
        return {"type": "ir.actions.act_window_close"}
