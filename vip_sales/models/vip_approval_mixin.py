import hashlib
import json

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

from ..tools.locks import lock_rows

_lt = LazyTranslate(__name__)

HEAD_GROUP = "vip_sales.group_vip_head"
DIRECTOR_GROUP = "vip_sales.group_vip_director"


class VipApprovalMixin(models.AbstractModel):
    """A record that the head of sales decides on: proposals, business trips, sales plans.

    A model inherits it and says by class attributes which of its fields holds the approval
    state and which values mean what, who owns the record (never its decider), which fields
    a request freezes and which changes after a decision reopen it. The mixin moves the state
    (request, approve, reject, reset) in its actions only; a user never writes it. Each
    request is a ``vip.approval.request`` routed to the deciders (stand-ins, escalation, the
    sales director) and each decision a line of the log ``vip.approval``.
    """

    _name = "vip.approval.mixin"
    _description = "Decision of the Head of Sales"

    # The selection field the mixin moves, and its values.
    _vip_approval_field = "vip_approval_state"
    _vip_approval_pending = "to_approve"
    _vip_approval_approved = "approved"
    _vip_approval_rejected = "rejected"
    # States from which approval is requested; a decision is taken in the pending state, or
    # (a record the head decides without request, e.g. a plan) in one of these.
    _vip_approval_request_from = ("required", "rejected")
    _vip_approval_decide_from = ()
    # The users who own the record: none of them decides on it, whoever they become.
    _vip_approval_owner_fields = ("user_id",)
    # Fields that cannot change while the record is in one of these states.
    _vip_approval_frozen_fields = frozenset()
    _vip_approval_frozen_states = ()

    vip_approval_request_id = fields.Many2one(
        "vip.approval.request", string="Approval Request", compute="_compute_vip_approval_request_id"
    )
    vip_can_decide = fields.Boolean(string="Can Decide", compute="_compute_vip_can_decide")
    # The decision buttons send it back in their context: a decision on terms that changed
    # since the decider's form was read is refused (see _vip_decide).
    vip_approval_terms_key = fields.Char(
        string="Terms Read by the Decider", compute="_compute_vip_approval_terms_key"
    )

    @api.depends(lambda self: [self._vip_approval_field])
    def _compute_vip_approval_request_id(self):
        requests = (
            self.env["vip.approval.request"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids), ("state", "=", "pending")])
        )
        by_id = {request.res_id: request for request in requests}
        for record in self:
            record.vip_approval_request_id = by_id.get(record.id, False)

    @api.depends(lambda self: [self._vip_approval_field, *self._vip_approval_owner_fields])
    @api.depends_context("uid")
    def _compute_vip_can_decide(self):
        for record in self:
            record.vip_can_decide = record._vip_decision_error(self.env.user) is None

    def _compute_vip_approval_terms_key(self):
        for record in self:
            record.vip_approval_terms_key = record._vip_approval_terms_key()

    # ------------------------------------------------------------------
    # The one write guard
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(self._vip_approval_field in vals for vals in vals_list):
            self._vip_raise_state_written()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if self._vip_approval_field in vals:
                self._vip_raise_state_written()
            if self._vip_approval_frozen_fields.intersection(vals) and (
                frozen := self.filtered(
                    lambda r: r[self._vip_approval_field] in self._vip_approval_frozen_states
                )
            ):
                raise UserError(frozen._vip_frozen_message())
        res = super().write(vals)
        if set(self._vip_approval_owner_fields).intersection(vals):
            self._vip_owners_changed()
        return res

    def _vip_owners_changed(self):
        """Nobody decides on what he owns, whoever made him its owner: a decision taken by a new
        owner goes back to the other deciders, and a pending request is routed again."""
        for record in self:
            state = record[self._vip_approval_field]
            if state == self._vip_approval_pending:
                record._vip_reroute()
                continue
            if state != self._vip_approval_approved or not self._vip_approval_pending:
                continue
            last = (
                self.env["vip.approval"]
                .sudo()
                .search(
                    [("res_model", "=", self._name), ("res_id", "=", record.id)],
                    order="date desc, id desc",
                    limit=1,
                )
            )
            if last.decision == "approved" and last.user_id in record._vip_approval_owners():
                record.sudo().write({self._vip_approval_field: self._vip_approval_pending})
                record._vip_open_requests(reopen=True)
                record._vip_message_post(
                    _lt(
                        "%(user)s, who approved it, now owns it: it goes back to another head of sales.",
                        user=last.user_id.name,
                    )
                )

    def _vip_raise_state_written(self):
        raise AccessError(
            self.env._(
                "The approval of %(model)s changes only through its request and the decision of the "
                "head of sales.",
                model=self.env["ir.model"]._get(self._name).name,
            )
        )

    def _vip_frozen_message(self):
        return self.env._(
            "%(record)s awaits or carries a decision: it cannot be changed now.", record=self[:1].display_name
        )

    # ------------------------------------------------------------------
    # Who decides
    # ------------------------------------------------------------------

    def _vip_approval_owners(self):
        """The users who own the record (requester, salesperson, traveller, plan owner)."""
        self.ensure_one()
        owners = self.env["res.users"]
        for fname in self._vip_approval_owner_fields:
            owners |= self[fname]
        return owners | self.sudo().vip_approval_request_id.requester_id

    def _vip_approval_company(self):
        self.ensure_one()
        return self["company_id"] if "company_id" in self._fields else self.env.company

    def _vip_approvers(self):
        """Who is asked to decide now: the heads of sales of the record's company that do not own
        it, each away head replaced by his stand-in; when none is left (a lone head's own
        record), the sales directors."""
        self.ensure_one()
        company = self._vip_approval_company()
        owners = self._vip_approval_owners()
        users = self.env["res.users"].sudo()
        directors = self.env.ref(DIRECTOR_GROUP).sudo().all_user_ids
        heads = self.env.ref(HEAD_GROUP).sudo().all_user_ids - directors
        stand_ins = self.env["vip.approval.delegation"]._vip_stand_ins(heads, company)
        approvers = users
        for head in heads.filtered(lambda u: u.active and not u.share and company in u.company_ids):
            approvers |= stand_ins.get(head, head)
        approvers -= owners
        if not approvers:
            approvers = directors.filtered(lambda u: u.active and company in u.company_ids) - owners
        return approvers

    def _vip_decision_error(self, user):
        """The error that refuses ``user`` a decision on the record now, or None."""
        self.ensure_one()
        if not self._vip_is_decider(user):
            return self._vip_not_decider_error()
        if user in self._vip_approval_owners():
            return self._vip_owner_error()
        state = self[self._vip_approval_field]
        if state != self._vip_approval_pending and state not in self._vip_approval_decide_from:
            return self._vip_not_pending_error()
        return None

    def _vip_is_decider(self, user):
        """Whether ``user`` is one who decides on the record: a head of sales or a stand-in now."""
        self.ensure_one()
        if user.has_group(HEAD_GROUP):
            return True
        delegations = self.env["vip.approval.delegation"].sudo()._vip_active(self._vip_approval_company())
        return user in delegations.delegate_id

    def _vip_check_can_decide(self):
        for record in self:
            if error := record._vip_decision_error(self.env.user):
                raise error
        self.check_access("write")

    # The refusals, in the words of each model (overridden).

    def _vip_not_decider_error(self):
        return AccessError(
            self.env._(
                "Only the head of sales or their stand-in decides on %(record)s.", record=self.display_name
            )
        )

    def _vip_owner_error(self):
        return AccessError(
            self.env._(
                "%(record)s is yours: another head of sales or the sales director decides on it.",
                record=self.display_name,
            )
        )

    def _vip_not_pending_error(self):
        return UserError(self.env._("%(record)s is not awaiting a decision.", record=self.display_name))

    # ------------------------------------------------------------------
    # Request, decision, reset
    # ------------------------------------------------------------------

    def _vip_request_approval(self):
        """Submit the records to their deciders: pending state, a routed request each."""
        for record in self:
            if record[self._vip_approval_field] not in self._vip_approval_request_from:
                raise UserError(
                    self.env._("%(record)s has nothing waiting to be submitted.", record=record.display_name)
                )
        self.check_access("write")
        self.sudo().write({self._vip_approval_field: self._vip_approval_pending})
        self._vip_open_requests()
        return True

    def _vip_open_requests(self, reopen=False):
        """A routed request per record; ``reopen`` keeps the requester of the last request (the
        record went back to approval by a change, not by a new request)."""
        self.env["vip.approval.request"].sudo()._vip_open(self, reopen=reopen)

    def _vip_decide(self, decision, comment=False):
        """Record the decision (``approved`` or ``rejected``): log, state, request, messages.

        The records are locked first: of two deciders at once, or a decider and an owner
        changing the terms, the second fails on the lock and is retried by the RPC layer with
        the first one's change in sight. With ``vip_approval_terms_key`` in the context (the
        decision buttons send the key of the terms their form shows), terms that changed since
        are refused.
        """
        lock_rows(self, nowait=True)
        self._vip_check_can_decide()
        if seen := self.env.context.get("vip_approval_terms_key"):
            for record in self:
                key = record._vip_approval_terms_key()
                # The web client carries a button's context into the next action: a key read on
                # another record says nothing about this one.
                if seen.partition(":")[0] == key.partition(":")[0] and seen != key:
                    raise UserError(
                        self.env._(
                            "%(record)s has just changed: read it again before you decide.",
                            record=record.display_name,
                        )
                    )
        if decision == "rejected" and not (comment or "").strip():
            raise UserError(self.env._("Say why you reject it: the requester reads it."))
        self._vip_before_decision(decision)
        requests = (
            self.env["vip.approval.request"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids), ("state", "=", "pending")])
        )
        requested = {request.res_id: request.requested_date for request in requests}
        self.env["vip.approval"].sudo().create(
            [
                {
                    **record._vip_approval_log_vals(decision, comment),
                    "requested_date": requested.get(record.id),
                }
                for record in self
            ]
        )
        state = self._vip_approval_approved if decision == "approved" else self._vip_approval_rejected
        self.sudo().write({self._vip_approval_field: state})
        requests._vip_close("decided")
        for record in self:
            record._vip_message_post(
                record._vip_decision_message(decision, comment),
                partner_ids=record._vip_approval_owners().partner_id.ids,
            )
        self._vip_after_decision(decision)
        return True

    def _vip_reset_approval(self, state):
        """Back to ``state`` (a new request, a draft): the pending request is withdrawn."""
        self.sudo().write({self._vip_approval_field: state})
        self.env["vip.approval.request"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids), ("state", "=", "pending")]
        )._vip_close("withdrawn")

    def _vip_reroute(self):
        """Route the pending requests of the records again (an owner changed)."""
        requests = (
            self.env["vip.approval.request"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids), ("state", "=", "pending")])
        )
        requests._vip_route()

    # ------------------------------------------------------------------
    # What a model says about itself (overridden)
    # ------------------------------------------------------------------

    def _vip_approval_reasons(self):
        """Why the record needs a decision: readable, translated sentences."""
        self.ensure_one()
        return []

    def _vip_approval_terms(self):
        """What the decider decides on, as plain JSON-able data: the reasons for a decision and
        the fields a decision freezes; a model whose decider reads more (a proposal's terms and
        lines) overrides it."""
        self.ensure_one()
        fnames = sorted(self._vip_approval_frozen_fields)
        return {
            "reasons": self._vip_approval_reasons(),
            "fields": self.read(fnames, load=None)[0] if fnames else {},
        }

    def _vip_approval_terms_key(self):
        """A short key of the record and its terms (``model,id:digest``): it changes when
        they do."""
        self.ensure_one()
        terms = json.dumps(self._vip_approval_terms(), sort_keys=True, default=str)
        return f"{self._name},{self.id}:{hashlib.sha1(terms.encode()).hexdigest()}"

    def _vip_approval_summary(self):
        """HTML shown to the decider: the terms against the policy, what changed."""
        self.ensure_one()
        reasons = self._vip_approval_reasons()
        if not reasons:
            return False
        return Markup("<ul>%s</ul>") % Markup().join(Markup("<li>%s</li>") % reason for reason in reasons)

    def _vip_approval_request_vals(self):
        self.ensure_one()
        return {
            "res_model": self._name,
            "res_id": self.id,
            "res_name": self.display_name,
            "company_id": self._vip_approval_company().id,
            "requester_id": self.env.uid,
            "reasons": "\n".join(self._vip_approval_reasons()),
        }

    def _vip_approval_log_vals(self, decision, comment):
        self.ensure_one()
        return {
            "res_model": self._name,
            "res_id": self.id,
            "user_id": self.env.uid,
            "decision": decision,
            "comment": comment,
            "reasons": "\n".join(self._vip_approval_reasons()),
            "company_id": self._vip_approval_company().id,
        }

    def _vip_decision_message(self, decision, comment):
        """The note of a decision, a lazy translation read in each reader's language."""
        if decision == "approved":
            return _lt("Approved by %(user)s.", user=self.env.user.name)
        return _lt("Rejected by %(user)s: %(comment)s", user=self.env.user.name, comment=comment)

    def _vip_before_decision(self, decision):
        """Raise when the records cannot take ``decision`` now (its decider may, but the record
        is not ready: an unconfirmed checklist, ...)."""

    def _vip_after_decision(self, decision):
        """What follows a decision on the records (visits of an approved trip, ...)."""
