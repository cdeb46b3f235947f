from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_amount
from odoo.tools.translate import LazyTranslate

from .mail_message import RecordText
from .vip_approval_mixin import HEAD_GROUP

_lt = LazyTranslate(__name__)


class VipHandover(models.Model):
    """The hand-over of a client by its owner (active sales, its VIP manager, or the head) to
    another VIP manager, decided by the receiver (``vip.approval.mixin``).

    The giver fills the checklist (what the system found about the client's orders, debts,
    contacts and stores, and the promises made to it) and submits the hand-over; the receiving
    manager confirms every point and accepts, or declines with a reason. Accepting it is the one
    controlled exception to "only the head changes a client's owner": the receiver, who does not
    own the client yet, accepts it, and the acceptance applies the change as superuser once it
    has checked who gives and who accepts. A prospect gets the tier its salesperson proposes; a
    VIP client keeps its tier (the head changes it).
    """

    _name = "vip.handover"
    _description = "Client Hand-over"
    _inherit = ["mail.thread", "mail.activity.mixin", "vip.approval.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    # The receiver's decision (vip.approval.mixin): submitted, accepted or declined. A declined
    # hand-over stays as it was, with its reason: the giver makes a new one.
    _vip_approval_field = "state"
    _vip_approval_pending = "to_accept"
    _vip_approval_approved = "done"
    _vip_approval_rejected = "declined"
    _vip_approval_request_from = ("draft",)
    _vip_approval_owner_fields = ("from_user_id",)
    _vip_approval_frozen_fields = frozenset(
        {"partner_id", "from_user_id", "to_user_id", "tier_id", "date", "notes", "company_id"}
    )
    _vip_approval_frozen_states = ("to_accept", "done", "declined")

    partner_id = fields.Many2one(
        "res.partner",
        string="Client",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain=[("is_company", "=", True)],
    )
    from_user_id = fields.Many2one(
        "res.users",
        string="Handed Over By",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    to_user_id = fields.Many2one(
        "res.users",
        string="VIP Manager",
        required=True,
        index=True,
        tracking=True,
        domain=lambda self: self.env["res.users"]._vip_manager_domain(),
        help="The VIP manager who takes the client over and becomes its owner.",
    )
    tier_id = fields.Many2one("vip.tier", string="VIP Tier", required=True, tracking=True)
    date = fields.Date(string="Hand-over Date", required=True, default=fields.Date.context_today)
    notes = fields.Html(
        string="Agreed Terms and Notes",
        help="What the VIP manager needs to know: agreed terms, key contacts, open quotations, debts.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_accept", "To Accept"),
            ("done", "Accepted"),
            ("declined", "Declined"),
        ],
        string="Status",
        required=True,
        default="draft",
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    check_ids = fields.One2many("vip.handover.check", "handover_id", string="Checklist")
    checks_to_confirm = fields.Integer(string="Points to Confirm", compute="_compute_checks_to_confirm")

    _one_open_handover = models.UniqueIndex(
        "(partner_id) WHERE state IN ('draft', 'to_accept')",
        "This client already has a hand-over waiting to be accepted.",
    )

    @api.depends("check_ids.confirmed")
    def _compute_checks_to_confirm(self):
        for handover in self:
            handover.checks_to_confirm = len(handover.check_ids.filtered(lambda check: not check.confirmed))

    @api.depends("partner_id", "to_user_id")
    def _compute_display_name(self):
        for handover in self:
            handover.display_name = self.env._(
                "%(client)s to %(manager)s",
                client=handover.partner_id.name or "",
                manager=handover.to_user_id.name or "",
            )

    @api.constrains("to_user_id", "from_user_id", "partner_id", "tier_id")
    def _check_to_user_id(self):
        for handover in self.filtered(lambda h: h.state in ("draft", "to_accept")):
            receiver = handover.to_user_id
            if not receiver._has_group("vip_sales.group_vip_manager"):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a VIP manager: a client is handed over to a VIP manager.",
                        user=receiver.name,
                    )
                )
            if receiver == handover.from_user_id:
                raise ValidationError(
                    self.env._(
                        "A hand-over moves %(client)s to another person: %(user)s cannot hand it "
                        "over to themselves. Choose the VIP manager who takes it over.",
                        client=handover.partner_id.display_name,
                        user=receiver.name,
                    )
                )
            if receiver == handover._vip_owner():
                raise ValidationError(
                    self.env._(
                        "%(user)s already owns %(client)s: choose the VIP manager who takes it over.",
                        client=handover.partner_id.display_name,
                        user=receiver.name,
                    )
                )
            client = handover.partner_id.commercial_partner_id
            if client.is_vip and handover.tier_id != client.vip_tier_id:
                raise ValidationError(
                    self.env._(
                        "%(client)s keeps its tier %(tier)s when it changes hands: only the head of "
                        "sales changes a tier, on the client's card.",
                        client=client.display_name,
                        tier=client.vip_tier_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        handovers = super().create(vals_list)
        handovers._check_can_hand_over()
        handovers.sudo()._vip_fill_checklist()
        return handovers

    def write(self, vals):
        if (
            not self.env.su
            and not self.env.user.has_group(HEAD_GROUP)
            and (others := self.filtered(lambda handover: handover.from_user_id != self.env.user))
        ):
            raise AccessError(
                self.env._(
                    "Only %(user)s, who hands the client over, or the head of sales changes this hand-over.",
                    user=others[0].from_user_id.name,
                )
            )
        result = super().write(vals)
        if {"partner_id", "from_user_id", "tier_id"} & set(vals):
            self._check_can_hand_over()
        if "partner_id" in vals:
            self.sudo()._vip_fill_checklist()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_decided(self):
        if any(handover.state in ("done", "declined") for handover in self):
            raise UserError(self.env._("A decided hand-over is the client's history: it cannot be deleted."))

    def _vip_owner(self):
        """Who owns the client now: its VIP manager, or the salesperson of a prospect."""
        self.ensure_one()
        client = self.partner_id.commercial_partner_id
        return client.vip_manager_id if client.is_vip else client.user_id

    def _check_can_hand_over(self):
        """Who gives a client away: its owner (or the head), in his own name, with its tier."""
        if self.env.su:
            return
        for handover in self:
            if handover.from_user_id != self.env.user and not self.env.user.has_group(HEAD_GROUP):
                raise AccessError(
                    self.env._(
                        "You hand over clients in your own name, not in the name of %(user)s.",
                        user=handover.from_user_id.name,
                    )
                )
            if problem := handover._vip_giver_problem():
                raise AccessError(problem)

    def _vip_giver_problem(self):
        """Why the giving user may not (or no longer) hand the client over, or False: the owner
        of the client or the head of sales gives it."""
        self.ensure_one()
        giver = self.from_user_id
        owner = self._vip_owner()
        if not owner or owner == giver or giver._has_group(HEAD_GROUP):
            return False
        return self.env._(
            "%(client)s belongs to %(owner)s: only they or the head of sales can hand it over.",
            client=self.partner_id.commercial_partner_id.display_name,
            owner=owner.name,
        )

    # ------------------------------------------------------------------
    # Checklist
    # ------------------------------------------------------------------

    def _vip_fill_checklist(self):
        """(Re)write the checklist's facts from the client's records; one point of each kind.

        Run as superuser: the giver sees the client's documents, the receiver is to see them
        once he owns the client, and the checklist is what they agree on in between.
        """
        Check = self.env["vip.handover.check"]
        for handover in self:
            facts = handover._vip_checklist_facts()
            existing = {check.kind: check for check in handover.check_ids}
            missing = []
            for sequence, kind in enumerate(facts, start=1):
                if kind in existing:
                    existing[kind].write({"facts": facts[kind], "confirmed": False})
                else:
                    missing.append(
                        {"handover_id": handover.id, "kind": kind, "sequence": sequence, "facts": facts[kind]}
                    )
            Check.create(missing)

    def _vip_checklist_facts(self):
        """``{kind: what the client's records say}``, in the order of the checklist."""
        self.ensure_one()
        client = self.partner_id.commercial_partner_id
        env = self.env
        orders = env["sale.order"].search(
            [
                ("partner_id", "child_of", client.id),
                "|",
                ("state", "in", ("draft", "sent")),
                "&",
                ("state", "=", "sale"),
                ("invoice_status", "=", "to invoice"),
            ],
            order="date_order, id",
        )
        quotations = orders.filtered(lambda order: order.state != "sale")
        to_invoice = orders - quotations
        invoices = env["account.move"].search(
            [
                ("commercial_partner_id", "=", client.id),
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("state", "=", "posted"),
                ("payment_state", "in", ("not_paid", "partial")),
            ],
            order="invoice_date_due",
        )
        today = fields.Date.context_today(self)
        overdue = invoices.filtered(lambda move: move.invoice_date_due and move.invoice_date_due < today)
        contacts = client.child_ids.filtered(lambda contact: contact.type == "contact")
        stores = env["vip.store"].search([("partner_id", "=", client.id)])
        sections = env["vip.brand.section"].search([("store_id", "in", stores.ids)])

        def names(records):
            return ", ".join(records.mapped("display_name"))

        order_facts = []
        if quotations:
            order_facts.append(env._("Open quotations: %(names)s.", names=names(quotations)))
        if to_invoice:
            order_facts.append(env._("Orders to invoice: %(names)s.", names=names(to_invoice)))
        if invoices:
            debt = env._(
                "%(count)s unpaid invoice(s), %(amount)s due",
                count=len(invoices),
                amount=format_amount(
                    env, sum(invoices.mapped("amount_residual_signed")), self.company_id.currency_id
                ),
            )
            if overdue:
                debt += env._("; overdue: %(names)s", names=names(overdue))
            debt_facts = debt + "."
        else:
            debt_facts = env._("No unpaid invoice.")
        contact_facts = (
            ", ".join(
                f"{contact.name} ({contact.function})" if contact.function else contact.name
                for contact in contacts
            )
            if contacts
            else env._("No contact person on the card.")
        )
        if stores:
            store_facts = env._(
                "%(stores)s store(s), %(sections)s brand section(s): %(names)s.",
                stores=len(stores),
                sections=len(sections),
                names=names(stores),
            )
        else:
            store_facts = env._("No store on the card.")
        return {
            "orders": " ".join(order_facts) or env._("No open quotation or order."),
            "debts": debt_facts,
            "contacts": contact_facts,
            "stores": store_facts,
            "promises": False,
        }

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        """The giver submits the hand-over and its checklist to the receiving manager."""
        for handover in self:
            if handover.from_user_id != self.env.user and not self.env.user.has_group(HEAD_GROUP):
                raise AccessError(
                    self.env._(
                        "Only %(user)s, who hands the client over, or the head of sales submits "
                        "this hand-over.",
                        user=handover.from_user_id.name,
                    )
                )
            if problem := handover._vip_giver_problem():
                raise UserError(problem)
            empty = handover.check_ids.filtered(lambda check: not (check.note or "").strip())
            if empty.filtered(lambda check: check.kind == "promises"):
                raise UserError(
                    self.env._(
                        "Write down what was promised to %(client)s (discounts, deliveries, terms), "
                        "or that nothing was, before you submit the hand-over.",
                        client=handover.partner_id.display_name,
                    )
                )
        self.sudo()._vip_fill_checklist()
        return self._vip_request_approval()

    def action_accept(self):
        """The receiver (or the head) accepts: the client gets its tier, owner and salesperson."""
        return self._vip_decide("approved")

    def action_decline(self):
        """The receiver declines, saying why (the giver reads it)."""
        self.ensure_one()
        self._vip_check_can_decide()
        action = self.vip_approval_request_id.action_reject()
        action["name"] = self.env._("Decline the Hand-over")
        return action

    # ------------------------------------------------------------------
    # The receiver's decision (vip.approval.mixin)
    # ------------------------------------------------------------------

    def _vip_is_decider(self, user):
        return user == self.to_user_id or super()._vip_is_decider(user)

    def _vip_approvers(self):
        self.ensure_one()
        return self.to_user_id.filtered("active") - self._vip_approval_owners()

    def _vip_raise_state_written(self):
        raise UserError(self.env._("A hand-over is accepted with its Accept button."))

    def _vip_frozen_message(self):
        handover = self[:1]
        if handover.state == "to_accept":
            return self.env._(
                "The hand-over of %(client)s awaits the decision of %(manager)s: it cannot be changed now.",
                client=handover.partner_id.display_name,
                manager=handover.to_user_id.name,
            )
        return self.env._("A decided hand-over cannot be changed.")

    def _vip_not_decider_error(self):
        return AccessError(
            self.env._(
                "Only %(manager)s, who takes the client over, or the head of sales can accept "
                "this hand-over.",
                manager=self.to_user_id.name,
            )
        )

    def _vip_owner_error(self):
        return AccessError(
            self.env._(
                "You hand %(client)s over: %(manager)s accepts it.",
                client=self.partner_id.display_name,
                manager=self.to_user_id.name,
            )
        )

    def _vip_not_pending_error(self):
        if self.state == "done":
            return UserError(self.env._("This hand-over has already been accepted."))
        if self.state == "declined":
            return UserError(self.env._("This hand-over has been declined."))
        return UserError(
            self.env._(
                "The hand-over of %(client)s has not been submitted yet.", client=self.partner_id.display_name
            )
        )

    def _vip_before_decision(self, decision):
        if decision != "approved":
            return
        for handover in self:
            # The client may have changed hands since the hand-over was made.
            if problem := handover._vip_giver_problem():
                raise UserError(problem)
            if unconfirmed := handover.check_ids.filtered(lambda check: not check.confirmed):
                raise UserError(
                    self.env._(
                        "Confirm every point of the checklist before you accept the hand-over: %(points)s.",
                        points=", ".join(unconfirmed._vip_kind_labels()),
                    )
                )

    def _vip_approval_request_vals(self):
        # The giver asks, whoever pressed Submit for him (the head may, or a flow).
        return {**super()._vip_approval_request_vals(), "requester_id": self.from_user_id.id}

    def _vip_approval_reasons(self):
        self.ensure_one()
        reasons = [
            self.env._(
                "%(client)s handed over by %(from_user)s to %(to_user)s, tier %(tier)s",
                client=self.partner_id.display_name,
                from_user=self.from_user_id.name,
                to_user=self.to_user_id.name,
                tier=self.tier_id.name,
            )
        ]
        for check, label in zip(self.check_ids, self.check_ids._vip_kind_labels(), strict=True):
            reasons.append(" — ".join(filter(None, [f"{label}: {check.facts or ''}".strip(), check.note])))
        return reasons

    def _vip_decision_message(self, decision, comment):
        if decision == "approved":
            return _lt("Accepted by %(user)s.", user=self.env.user.name)
        return _lt("Declined by %(user)s: %(comment)s", user=self.env.user.name, comment=comment)

    def _vip_after_decision(self, decision):
        if decision == "approved":
            for handover in self:
                handover.sudo()._apply()

    def _apply(self):
        self.ensure_one()
        client = self.partner_id.commercial_partner_id
        if client.is_vip:
            # The head may have changed the tier on the card since: that tier stays.
            self.tier_id = client.vip_tier_id
        client.write(
            {
                "vip_tier_id": self.tier_id.id,
                "vip_manager_id": self.to_user_id.id,
                "vip_since": client.vip_since or self.date,
            }
        )
        quotations = self.env["sale.order"].search(
            [("partner_id", "child_of", client.id), ("state", "in", ("draft", "sent"))]
        )
        quotations.write({"user_id": self.to_user_id.id})
        promises = self.check_ids.filtered(lambda check: check.kind == "promises").note
        client._vip_message_post(
            _lt(
                "Handed over by %(from_user)s to %(to_user)s, tier %(tier)s (%(handover)s); "
                "open quotations moved to the new owner: %(count)s.",
                from_user=self.from_user_id.name,
                to_user=self.to_user_id.name,
                tier=RecordText(self.tier_id, "name"),
                handover=self._get_html_link(title=f"#{self.id}"),
                count=len(quotations),
            ),
            promises and _lt("Promised: %(promises)s", promises=promises),
            self.notes,
        )


class VipHandoverCheck(models.Model):
    """A point of a hand-over's checklist: what the records say, what the giver adds, and the
    receiver's confirmation. Drawn by the hand-over; the giver writes the notes before
    submitting, the receiver confirms each point with its button."""

    _name = "vip.handover.check"
    _description = "Hand-over Checklist Point"
    _order = "handover_id, sequence, id"

    handover_id = fields.Many2one("vip.handover", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="handover_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ("orders", "Open Proposals and Orders"),
            ("debts", "Debts"),
            ("contacts", "Contacts"),
            ("stores", "Stores and Brand Sections"),
            ("promises", "Promises Made"),
        ],
        string="Point",
        required=True,
        readonly=True,
    )
    facts = fields.Text(string="In the Records", readonly=True)
    note = fields.Text(string="Giver's Notes", help="What the receiving manager must know about this point.")
    confirmed = fields.Boolean(readonly=True)
    confirmed_by_id = fields.Many2one("res.users", readonly=True)
    confirmed_date = fields.Datetime(string="Confirmed On", readonly=True)

    _one_point_per_kind = models.UniqueIndex("(handover_id, kind)", "A checklist has one point of each kind.")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(self.env._("The checklist of a hand-over is drawn from the client's records."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if set(vals) - {"note"}:
                raise AccessError(
                    self.env._(
                        "The checklist is drawn from the client's records: the giver writes its notes, "
                        "the receiver confirms each point with its button."
                    )
                )
            for handover in self.handover_id:
                if handover.state != "draft":
                    raise UserError(
                        self.env._(
                            "The checklist of %(handover)s was submitted: its notes cannot be changed now.",
                            handover=handover.display_name,
                        )
                    )
                if handover.from_user_id != self.env.user and not self.env.user.has_group(HEAD_GROUP):
                    raise AccessError(
                        self.env._(
                            "Only %(user)s, who hands the client over, or the head of sales fills "
                            "the checklist.",
                            user=handover.from_user_id.name,
                        )
                    )
        return super().write(vals)

    def _vip_kind_labels(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        return [labels[check.kind] for check in self]

    def action_confirm(self):
        """The receiver confirms the point: he has read it and agrees."""
        for handover in self.handover_id:
            handover._vip_check_can_decide()
        self.sudo().write(
            {"confirmed": True, "confirmed_by_id": self.env.uid, "confirmed_date": fields.Datetime.now()}
        )
        return True
