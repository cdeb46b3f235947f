from odoo import api, fields, models


class VipProposalRevision(models.Model):
    """A past version of a commercial proposal, kept when the manager starts a new revision."""

    _name = "vip.proposal.revision"
    _description = "Proposal Revision"
    _order = "order_id, revision desc"

    order_id = fields.Many2one("sale.order", string="Proposal", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    revision = fields.Integer(required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="Kept By", required=True, default=lambda self: self.env.user
    )
    snapshot = fields.Json(required=True, help="Terms, lines and totals of the proposal in this revision.")
    amount_total = fields.Monetary(string="Total", currency_field="currency_id")
    currency_id = fields.Many2one("res.currency")
    changes = fields.Html(
        string="Changes from the Previous Revision", compute="_compute_changes", sanitize=False
    )

    _unique_revision = models.Constraint(
        "UNIQUE(order_id, revision)", "A proposal has only one revision of each number."
    )

    @api.depends("order_id.name", "revision")
    def _compute_display_name(self):
        for revision in self:
            revision.display_name = revision.order_id._vip_revision_name(revision.revision)

    @api.depends("snapshot")
    def _compute_changes(self):
        for revision in self:
            # Revisions come newest first: the first older one is the previous revision.
            older = (r for r in revision.order_id.vip_revision_ids if r.revision < revision.revision)
            previous = next(older, None)
            revision.changes = previous and revision._diff_html(previous)

    def _diff_html(self, previous):
        """The changes from the revision ``previous`` to this one, as an HTML list."""
        self.ensure_one()
        order = self.order_id
        return order._vip_changes_html(order._vip_diff(previous.snapshot, self.snapshot))
