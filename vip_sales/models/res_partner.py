from odoo import api, fields, models
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = "res.partner"

    vip_tier_id = fields.Many2one(
        "vip.tier",
        string="VIP Tier",
        index="btree_not_null",
        tracking=True,
        ondelete="restrict",
        help="A client with a tier is a VIP client, handled by a VIP manager.",
    )
    is_vip = fields.Boolean(string="Is a VIP Client", compute="_compute_is_vip", store=True, index=True)
    vip_manager_id = fields.Many2one(
        "res.users",
        string="VIP Manager",
        index="btree_not_null",
        tracking=True,
        domain=lambda self: [("all_group_ids", "in", self.env.ref("vip_sales.group_vip_manager").id)],
        help="The owner of the VIP client: the manager who handles it.",
    )
    vip_since = fields.Date(string="VIP Since", tracking=True)

    @api.depends("vip_tier_id")
    def _compute_is_vip(self):
        for partner in self:
            partner.is_vip = bool(partner.vip_tier_id)

    @api.model
    def _commercial_fields(self):
        # Contacts show (and are searched by) their company's VIP data.
        return [*super()._commercial_fields(), "vip_tier_id", "vip_manager_id", "vip_since"]

    # ------------------------------------------------------------------
    # Daily task list: activities that the daily action schedules
    # ------------------------------------------------------------------

    def _vip_activity_rules(self):
        """Rules of the daily action, as ``(activity type xml id, partner domain, summary)``.

        Each feature adds its own rule by overriding this method and extending ``super()``;
        the domain selects the VIP client companies that are due for that activity.
        """
        return [self._vip_proposal_receipt_rule()]

    def _vip_proposal_receipt_rule(self):
        # Proposals sent to a client who has not opened them for a few days: check receipt.
        orders = self.env["sale.order"].search(self.env["sale.order"]._vip_unviewed_domain())
        return (
            "vip_sales.mail_act_type_proposal_receipt",
            [("id", "in", orders.partner_id.commercial_partner_id.ids)],
            self.env._("Check that the client received the proposal"),
        )

    @api.model
    def _cron_vip_schedule_activities(self, batch_size=1000):
        """Daily action: give each VIP client's owner the activities its rules call for."""
        for activity_type_xmlid, domain, summary in self._vip_activity_rules():
            self._vip_schedule_activity(self.env.ref(activity_type_xmlid), domain, summary, batch_size)

    @api.model
    def _vip_schedule_activity(self, activity_type, domain, summary, batch_size=1000):
        """Schedule one open activity of ``activity_type`` on each due client, in batches.

        A client that already has an open activity of that type gets no second one, so the
        action can run any number of times a day. Queries grow with the number of batches,
        not of clients.
        """
        domain = Domain.AND(
            [
                domain,
                [
                    ("is_company", "=", True),
                    ("is_vip", "=", True),
                    ("vip_manager_id", "!=", False),
                    ("activity_ids", "not any", [("activity_type_id", "=", activity_type.id)]),
                ],
            ]
        )
        activity_model = self.env["mail.activity"].with_context(
            mail_activity_quick_update=True, mail_create_nosubscribe=True, tracking_disable=True
        )
        res_model_id = self.env["ir.model"]._get_id("res.partner")
        deadline = fields.Date.context_today(self)
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        created = 0
        while True:
            partners = self.search_fetch(domain, ["vip_manager_id"], limit=batch_size, order="id")
            if not partners:
                break
            # mail.activity names each activity after its record, one browse() at a time:
            # compute the names of the whole batch first so that they come from the cache.
            partners.mapped("display_name")
            activity_model.create(
                [
                    {
                        "res_model_id": res_model_id,
                        "res_id": partner.id,
                        "activity_type_id": activity_type.id,
                        "summary": summary,
                        "user_id": partner.vip_manager_id.id,
                        "date_deadline": deadline,
                    }
                    for partner in partners
                ]
            )
            created += len(partners)
            if in_cron:
                self.env["ir.cron"]._commit_progress(len(partners))
            if len(partners) < batch_size:
                break
        return created
