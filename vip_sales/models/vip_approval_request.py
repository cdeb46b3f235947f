from datetime import timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

ACTIVITY_TYPE = "vip_sales.mail_act_type_proposal_approval"


class VipApprovalRequest(models.Model):
    """A request for a decision of the head of sales, of any kind (proposal, trip, plan).

    One request is pending per record; it lists who is asked to decide now (``approver_ids``:
    the heads, their stand-ins, the sales director) and carries their activity. Its form is
    the compact decision form the activity and the mail open. Written by the approval flow
    only (``vip.approval.mixin``), as superuser.
    """

    _name = "vip.approval.request"
    _description = "Approval Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "requested_date desc, id desc"

    res_model = fields.Char(string="Document Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Document", model_field="res_model", required=True, index=True, readonly=True
    )
    res_model_name = fields.Char(string="Kind", compute="_compute_res_model_name")
    res_name = fields.Char(string="Document Name", readonly=True)
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    requester_id = fields.Many2one("res.users", string="Requested By", readonly=True)
    owner_ids = fields.Many2many(
        "res.users",
        "vip_approval_request_owner_rel",
        "request_id",
        "user_id",
        string="Owners",
        readonly=True,
        help="Who owns the document (salesperson, traveller, plan owner): none of them decides on it.",
    )
    approver_ids = fields.Many2many(
        "res.users",
        "vip_approval_request_approver_rel",
        "request_id",
        "user_id",
        string="Asked to Decide",
        readonly=True,
    )
    requested_date = fields.Datetime(
        string="Requested On", required=True, default=fields.Datetime.now, readonly=True
    )
    escalated_date = fields.Datetime(string="Escalated On", readonly=True, copy=False)
    escalated_to_ids = fields.Many2many(
        "res.users",
        "vip_approval_request_escalated_rel",
        "request_id",
        "user_id",
        readonly=True,
    )
    state = fields.Selection(
        [("pending", "Pending"), ("decided", "Decided"), ("withdrawn", "Withdrawn")],
        required=True,
        default="pending",
        index=True,
        readonly=True,
    )
    reasons = fields.Text(string="Why a Decision Is Needed", readonly=True)
    amount = fields.Monetary(readonly=True, currency_field="currency_id")
    currency_id = fields.Many2one("res.currency", readonly=True)
    summary = fields.Html(string="Terms", compute="_compute_summary", sanitize=False)
    terms_key = fields.Char(string="Terms Read by the Decider", compute="_compute_summary")
    can_decide = fields.Boolean(compute="_compute_can_decide")

    _one_pending = models.UniqueIndex(
        "(res_model, res_id) WHERE state = 'pending'", "A document has one pending request at a time."
    )

    @api.depends("res_model")
    def _compute_res_model_name(self):
        for request in self:
            request.res_model_name = (
                self.env["ir.model"]._get(request.res_model).name if request.res_model else False
            )

    @api.depends("res_name", "res_model_name")
    def _compute_display_name(self):
        for request in self:
            request.display_name = f"{request.res_model_name}: {request.res_name}"

    def _records(self):
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id).exists()

    @api.depends("res_model", "res_id", "state")
    def _compute_summary(self):
        for request in self:
            record = request._records()
            pending = record and request.state == "pending"
            request.summary = record._vip_approval_summary() if pending else False
            request.terms_key = record._vip_approval_terms_key() if pending else False

    @api.depends_context("uid")
    def _compute_can_decide(self):
        for request in self:
            record = request._records()
            request.can_decide = bool(
                request.state == "pending" and record and record._vip_decision_error(self.env.user) is None
            )

    def write(self, vals):
        if not self.env.su and vals:
            raise UserError(self.env._("A request changes through its decision, not by hand."))
        return super().write(vals)

    # ------------------------------------------------------------------
    # Flow (superuser)
    # ------------------------------------------------------------------

    @api.model
    def _vip_open(self, records, reopen=False):
        """A pending request per record of ``records``, routed to its deciders."""
        vals_list = [record._vip_approval_request_vals() for record in records]
        if reopen:
            last = {
                request.res_id: request.requester_id
                for request in self.search(
                    [("res_model", "=", records._name), ("res_id", "in", records.ids)], order="id"
                )
            }
            for vals in vals_list:
                if requester := last.get(vals["res_id"]):
                    vals["requester_id"] = requester.id
        requests = self.create(vals_list)
        requests._vip_route()
        return requests

    def _vip_route(self):
        """Ask the records' deciders now: stand-ins replace away heads, the director a lone head
        (and whoever the request escalated to stays asked)."""
        for request in self:
            record = request._records()
            approvers = record._vip_approvers() | request.escalated_to_ids
            gone = request.approver_ids - approvers
            new = approvers - request.approver_ids
            request.write(
                {
                    "approver_ids": [Command.set(approvers.ids)],
                    "owner_ids": [Command.set(record._vip_approval_owners().ids)],
                }
            )
            if gone:
                request.activity_search([ACTIVITY_TYPE]).filtered(
                    lambda a, gone=gone: a.user_id in gone
                ).unlink()
            request._vip_ask(new)

    def _vip_ask(self, users, escalated=False):
        """An activity and a mail for each of ``users`` (in their language)."""
        self.ensure_one()
        for user in users:
            summary = (
                self.with_context(lang=user.lang).env._(
                    "Escalated: decide on %(document)s", document=self.display_name
                )
                if escalated
                else self.with_context(lang=user.lang).env._(
                    "Decide on %(document)s", document=self.display_name
                )
            )
            self.activity_schedule(ACTIVITY_TYPE, user_id=user.id, summary=summary, note=self.summary)
        if escalated and users:
            self._vip_message_post(
                _lt(
                    "%(document)s has waited for a decision longer than the company allows.",
                    document=self.display_name,
                ),
                partner_ids=users.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def _vip_close(self, state):
        self.write({"state": state})
        # The next request of the document is inserted at once: the unique index must see this one closed.
        self.flush_recordset(["state"])
        if state == "decided":
            self.activity_feedback([ACTIVITY_TYPE])
        else:
            self.activity_unlink([ACTIVITY_TYPE])

    @api.model
    def _cron_vip_escalate(self):
        """Route again (stand-ins start and end), then escalate the requests older than their
        company's limit in its working hours to the sales directors."""
        pending = self.search([("state", "=", "pending")])
        pending._vip_route()
        now = fields.Datetime.now()
        directors = self.env.ref("vip_sales.group_vip_director").all_user_ids.filtered("active")
        for request in pending.filtered(lambda r: not r.escalated_date and r._vip_deadline() <= now):
            targets = (
                directors.filtered(lambda u, company=request.company_id: company in u.company_ids)
                - request.owner_ids
                - request.approver_ids
            )
            request.write(
                {
                    "escalated_date": now,
                    "escalated_to_ids": [Command.set(targets.ids)],
                    "approver_ids": [Command.link(user.id) for user in targets],
                }
            )
            request._vip_ask(targets, escalated=True)

    def _vip_deadline(self):
        """When the request escalates: its date plus the company's limit in working hours (of
        the company's working schedule, leaves included), or in plain hours without one."""
        self.ensure_one()
        hours = self.company_id.vip_approval_escalation_hours
        calendar = self.company_id.resource_calendar_id
        if calendar:
            deadline = calendar.plan_hours(hours, pytz.utc.localize(self.requested_date), compute_leaves=True)
            if deadline:
                return deadline.astimezone(pytz.utc).replace(tzinfo=None)
        return self.requested_date + timedelta(hours=hours)

    # ------------------------------------------------------------------
    # The decision form (phone first)
    # ------------------------------------------------------------------

    def action_approve(self):
        self.ensure_one()
        self._records()._vip_decide("approved")
        return self._vip_next_action()

    def action_reject(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reject"),
            "res_model": "vip.approval.reject",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_request_id": self.id,
                "vip_from_request": self.env.context.get("vip_from_request"),
            },
        }

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "target": "current",
        }

    def _vip_next_action(self):
        """After a decision: the next request awaiting this user, or the list."""
        following = self.search(
            [("state", "=", "pending"), ("approver_ids", "in", self.env.uid), ("id", "!=", self.id)], limit=1
        )
        if following:
            return {
                "type": "ir.actions.act_window",
                "res_model": self._name,
                "res_id": following.id,
                "view_mode": "form",
                "target": "current",
            }
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_sales.vip_approval_request_action")
        action.update(domain=[("state", "=", "pending"), ("approver_ids", "in", self.env.uid)], context={})
        return action
