from odoo import api, fields, models


class VipProposalRevisionCompare(models.TransientModel):
    _name = "vip.proposal.revision.compare"
    _description = "Compare Revisions of a Proposal"

    order_id = fields.Many2one("sale.order", string="Proposal", required=True, readonly=True)
    from_revision_id = fields.Many2one(
        "vip.proposal.revision",
        domain="[('order_id', '=', order_id)]",
        compute="_compute_from_revision_id",
        store=True,
        readonly=False,
    )
    to_revision_id = fields.Many2one(
        "vip.proposal.revision",
        domain="[('order_id', '=', order_id)]",
        help="Leave empty to compare with the proposal as it is now.",
    )
    changes = fields.Html(compute="_compute_changes", sanitize=False)

    @api.depends("order_id")
    def _compute_from_revision_id(self):
        for wizard in self:
            wizard.from_revision_id = wizard.order_id.vip_revision_ids[:1]

    @api.depends("from_revision_id", "to_revision_id")
    def _compute_changes(self):
        for wizard in self:
            order = wizard.order_id
            if not wizard.from_revision_id:
                wizard.changes = False
                continue
            if wizard.to_revision_id:
                new = wizard.to_revision_id.snapshot
            else:
                new = order._vip_snapshot(order._vip_revision_fields())
            changes = order._vip_diff(wizard.from_revision_id.snapshot, new)
            wizard.changes = order._vip_changes_html(changes) or self.env._("No change.")
