from datetime import timedelta

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

    # Cadence of calls and visits: dates of the client company's done contacts
    vip_visit_ids = fields.One2many("vip.visit", "partner_id", string="Visits and Calls")
    vip_visit_count = fields.Integer(string="Visits", compute="_compute_vip_visit_count")
    vip_last_contact_date = fields.Datetime(
        string="Last Contact", compute="_compute_vip_last_contact_dates", store=True
    )
    vip_last_call_date = fields.Datetime(
        string="Last Call",
        compute="_compute_vip_last_contact_dates",
        store=True,
        help="Last done phone or video call.",
    )
    vip_last_visit_date = fields.Datetime(
        string="Last Visit",
        compute="_compute_vip_last_contact_dates",
        store=True,
        help="Last done onsite visit.",
    )
    vip_next_call_date = fields.Date(
        string="Next Call",
        compute="_compute_vip_next_contact_dates",
        store=True,
        help="The last call plus the call interval of the tier. Empty: never called, due now.",
    )
    vip_next_visit_date = fields.Date(
        string="Next Visit",
        compute="_compute_vip_next_contact_dates",
        store=True,
        help="The last visit plus the visit interval of the tier. Empty: never visited, due now.",
    )
    vip_call_overdue = fields.Boolean(
        string="Call Overdue", compute="_compute_vip_overdue", search="_search_vip_call_overdue"
    )
    vip_visit_overdue = fields.Boolean(
        string="Visit Overdue", compute="_compute_vip_overdue", search="_search_vip_visit_overdue"
    )

    @api.depends("vip_tier_id")
    def _compute_is_vip(self):
        for partner in self:
            partner.is_vip = bool(partner.vip_tier_id)

    def _compute_vip_visit_count(self):
        counts = dict(
            self.env["vip.visit"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.vip_visit_count = counts.get(partner, 0)

    @api.depends("vip_visit_ids.state", "vip_visit_ids.date", "vip_visit_ids.kind")
    def _compute_vip_last_contact_dates(self):
        last_dates = {
            (partner, kind): date
            for partner, kind, date in self.env["vip.visit"]._read_group(
                [("partner_id", "in", self.ids), ("state", "=", "done")], ["partner_id", "kind"], ["date:max"]
            )
        }
        for partner in self:
            visit, phone, video = (last_dates.get((partner, kind)) for kind in ("onsite", "phone", "video"))
            partner.vip_last_visit_date = visit
            partner.vip_last_call_date = max(filter(None, [phone, video]), default=False)
            partner.vip_last_contact_date = max(filter(None, [visit, phone, video]), default=False)

    @api.depends(
        "vip_last_call_date",
        "vip_last_visit_date",
        "vip_tier_id.call_interval_days",
        "vip_tier_id.visit_interval_days",
        "vip_manager_id.tz",
    )
    def _compute_vip_next_contact_dates(self):
        for partner in self:
            tier = partner.vip_tier_id
            partner.vip_next_call_date = partner._vip_next_date(
                partner.vip_last_call_date, tier.call_interval_days
            )
            partner.vip_next_visit_date = partner._vip_next_date(
                partner.vip_last_visit_date, tier.visit_interval_days
            )

    def _vip_next_date(self, last_date, interval):
        """``interval`` days after the day (in the owner's timezone) of ``last_date``."""
        self.ensure_one()
        if not (last_date and interval):
            return False
        owner_tz = self.with_context(tz=self.vip_manager_id.tz or "UTC")
        return fields.Datetime.context_timestamp(owner_tz, last_date).date() + timedelta(days=interval)

    @api.depends("is_vip", "is_company", "vip_next_call_date", "vip_next_visit_date")
    def _compute_vip_overdue(self):
        today = fields.Date.context_today(self)
        call_overdue = self.filtered_domain(self._vip_cadence_domain("vip_next_call_date", today))
        visit_overdue = self.filtered_domain(self._vip_cadence_domain("vip_next_visit_date", today))
        for partner in self:
            partner.vip_call_overdue = partner in call_overdue
            partner.vip_visit_overdue = partner in visit_overdue

    def _search_vip_call_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        return self._vip_cadence_domain("vip_next_call_date", fields.Date.context_today(self))

    def _search_vip_visit_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        return self._vip_cadence_domain("vip_next_visit_date", fields.Date.context_today(self))

    @api.model
    def _vip_cadence_domain(self, next_date_field, before):
        """VIP client companies whose next call/visit date is before ``before`` or never set."""
        return (
            Domain("is_company", "=", True)
            & Domain("is_vip", "=", True)
            & (Domain(next_date_field, "=", False) | Domain(next_date_field, "<", before))
        )

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
        # Cadence: a call or a visit is due from its next date on (or when there was none yet).
        tomorrow = fields.Date.context_today(self) + timedelta(days=1)
        call_due, visit_due = self.env._("VIP: call due"), self.env._("VIP: visit due")
        return [
            (
                "vip_sales.mail_act_type_vip_call_due",
                self._vip_cadence_domain("vip_next_call_date", tomorrow),
                call_due,
            ),
            (
                "vip_sales.mail_act_type_vip_visit_due",
                self._vip_cadence_domain("vip_next_visit_date", tomorrow),
                visit_due,
            ),
        ]

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
