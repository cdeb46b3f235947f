from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_amount, format_date


class VipTrip(models.Model):
    _name = "vip.trip"
    _description = "Business Trip"
    _inherit = ["mail.thread", "mail.activity.mixin", "vip.approval.mixin"]
    _order = "date_from desc, id desc"

    # The decision of the head (vip.approval.mixin): submitted, approved or refused.
    _vip_approval_field = "state"
    _vip_approval_pending = "submitted"
    _vip_approval_rejected = "refused"
    _vip_approval_request_from = ("draft",)
    # The request the head approves: it can only change while the trip is a draft.
    _vip_approval_frozen_fields = frozenset(
        {"name", "user_id", "company_id", "destination", "date_from", "date_to", "partner_ids", "budget"}
    )
    _vip_approval_frozen_states = ("submitted", "approved", "refused", "done")
    _NOTES_STATES = frozenset({"draft", "approved", "done"})

    name = fields.Char(string="Purpose", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="VIP Manager",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=lambda self: self.env["res.users"]._vip_manager_domain(),
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    destination = fields.Char(required=True, tracking=True)
    date_from = fields.Date(string="From", required=True, tracking=True)
    date_to = fields.Date(string="To", required=True, tracking=True)
    partner_ids = fields.Many2many(
        "res.partner",
        string="Clients to Visit",
        domain=[("is_vip", "=", True), "|", ("is_company", "=", True), ("parent_id", "=", False)],
    )
    budget = fields.Monetary(
        tracking=True, help="Expected cost of the trip: travel, lodging, daily allowance."
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("done", "Done"),
        ],
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    approved_by_id = fields.Many2one(
        "res.users",
        string="Reviewed By",
        readonly=True,
        copy=False,
        tracking=True,
        help="The head of sales who approved or refused the trip.",
    )
    refusal_comment = fields.Text(
        copy=False, tracking=True, help="Why the head of sales refuses the trip: required to refuse it."
    )
    visit_ids = fields.One2many("vip.visit", "trip_id", string="Visits")
    notes = fields.Html(string="Trip Notes", help="What came out of the trip, for the head of sales.")
    visit_count = fields.Integer(string="Visits Planned", compute="_compute_report")
    visit_done_count = fields.Integer(string="Visits Done", compute="_compute_report")
    order_count = fields.Integer(string="Orders Taken", compute="_compute_report")
    installed_section_ids = fields.Many2many(
        "vip.brand.section",
        string="Sections Installed",
        compute="_compute_installed_section_ids",
        help="Brand sections installed in the stores of the trip's clients during the trip.",
    )
    order_amount = fields.Monetary(
        string="Orders Amount",
        compute="_compute_report",
        help="Untaxed amount, in company currency, of the confirmed orders taken in the trip's visits.",
    )

    _check_dates = models.Constraint("CHECK(date_from <= date_to)", "A trip cannot end before it starts.")
    _check_budget = models.Constraint("CHECK(budget >= 0)", "The budget of a trip cannot be negative.")

    def _compute_report(self):
        visits = self.env["vip.visit"]._read_group(
            [("trip_id", "in", self.ids)], ["trip_id", "state"], ["__count"]
        )
        orders_domain = [("vip_visit_id.trip_id", "in", self.ids), ("state", "=", "sale")]
        order_counts = dict(
            self.env["sale.order"]._read_group(orders_domain, ["vip_visit_id.trip_id"], ["__count"])
        )
        amounts = self.env["sale.order"]._vip_untaxed_amounts(orders_domain, ["vip_visit_id.trip_id"])
        for trip in self:
            trip_visits = {state: count for visit_trip, state, count in visits if visit_trip == trip}
            trip.visit_count = sum(trip_visits.values()) - trip_visits.get("cancelled", 0)
            trip.visit_done_count = trip_visits.get("done", 0)
            trip.order_count = order_counts.get(trip, 0)
            trip.order_amount = amounts.get((trip,), 0.0)

    @api.depends("partner_ids", "date_from", "date_to")
    def _compute_installed_section_ids(self):
        trips = self.filtered(lambda t: t.partner_ids and t.date_from and t.date_to)
        sections = self.env["vip.brand.section"]
        if trips:
            sections = sections.search(
                [
                    ("partner_id", "in", trips.partner_ids.ids),
                    ("date_installed", ">=", min(trips.mapped("date_from"))),
                    ("date_installed", "<=", max(trips.mapped("date_to"))),
                ]
            )
        for trip in self:
            trip.installed_section_ids = sections.filtered(
                lambda s, t=trip: (
                    s.partner_id in t.partner_ids and t.date_from <= s.date_installed <= t.date_to
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        # A trip starts as a draft; only trusted code (demo data, imports) records past decisions.
        if not self.env.su and any(
            vals.get("state", "draft") != "draft" or vals.get("approved_by_id") for vals in vals_list
        ):
            raise AccessError(
                self.env._("A business trip starts as a draft and follows its approval workflow.")
            )
        return super().create(vals_list)

    def write(self, vals):
        self._check_write(vals)
        return super().write(vals)

    def _check_write(self, vals):
        """The trip's own rules on top of the approval's: the notes wait for the decision, the
        reviewer is set by the decision, the refusal comment is the decider's."""
        if "notes" in vals and any(trip.state not in self._NOTES_STATES for trip in self):
            raise UserError(
                self.env._("The notes of a trip cannot be changed while it waits for a decision.")
            )
        if "approved_by_id" in vals and not self.env.su:
            raise AccessError(
                self.env._("The reviewer of a trip is set when the head of sales decides on it.")
            )
        if "refusal_comment" in vals and not self.env.su:
            self._vip_check_can_decide()

    def _vip_frozen_message(self):
        return self.env._("Only a draft trip can be changed. A refused trip can be reset to draft.")

    def _vip_not_decider_error(self):
        return AccessError(self.env._("Only the head of sales approves or refuses business trips."))

    def _vip_owner_error(self):
        return UserError(
            self.env._("You cannot decide on your own business trip: another head of sales does.")
        )

    def _vip_not_pending_error(self):
        return UserError(self.env._("Only a submitted trip awaits a decision."))

    def _vip_approval_reasons(self):
        self.ensure_one()
        return [
            self.env._(
                "Business trip to %(destination)s, %(date_from)s – %(date_to)s, %(clients)s, "
                "budget %(budget)s",
                destination=self.destination,
                date_from=format_date(self.env, self.date_from),
                date_to=format_date(self.env, self.date_to),
                clients=", ".join(self.partner_ids.mapped("display_name")),
                budget=format_amount(self.env, self.budget, self.currency_id),
            )
        ]

    def _vip_approval_request_vals(self):
        return {
            **super()._vip_approval_request_vals(),
            "amount": self.budget,
            "currency_id": self.currency_id.id,
        }

    def _vip_after_decision(self, decision):
        self.sudo().write({"approved_by_id": self.env.uid})
        if decision == "approved":
            self._create_visits()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(trip.state not in ("draft", "refused") for trip in self):
            raise UserError(self.env._("Only draft or refused trips can be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_submit(self):
        if any(not trip.partner_ids for trip in self):
            raise UserError(self.env._("Add the clients you will visit before submitting the trip."))
        return self._vip_request_approval()

    def action_approve(self):
        """Approve the trips and plan an onsite visit of each of their clients (with its event)."""
        return self._vip_decide("approved")

    def action_refuse(self):
        """Refuse the trips; the reason is their refusal comment."""
        self._vip_check_can_decide()
        if not all(trip.refusal_comment for trip in self):
            raise UserError(self.env._("Explain in the refusal comment why the trip is refused."))
        for trip in self:
            trip._vip_decide("rejected", trip.refusal_comment)
        return True

    def action_draft(self):
        if any(trip.state != "refused" for trip in self):
            raise UserError(self.env._("Only a refused trip goes back to draft."))
        self.check_access("write")
        self._vip_reset_approval("draft")
        return True

    def action_done(self):
        if any(trip.state != "approved" for trip in self):
            raise UserError(self.env._("Only an approved trip is done."))
        self.check_access("write")
        self.sudo().write({"state": "done"})
        return True

    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_sales.vip_visit_action")
        action.update(
            domain=[("trip_id", "=", self.id)],
            context={"default_trip_id": self.id, "default_user_id": self.user_id.id},
        )
        return action

    def _create_visits(self):
        """One planned onsite visit per client not visited yet on the trip, spread over its days.

        Clients are dealt out over the days of the trip, from 10:00 (the manager's time) every
        two hours: the manager moves them as the meetings are agreed.
        """
        values = []
        for trip in self:
            tz = pytz.timezone(trip.user_id.tz or "UTC")
            days = (trip.date_to - trip.date_from).days + 1
            clients = trip.partner_ids - trip.visit_ids.partner_id
            for index, client in enumerate(clients):
                day = trip.date_from + timedelta(days=index % days)
                local_start = tz.localize(datetime.combine(day, time(10 + (2 * (index // days)) % 12)))
                values.append(
                    {
                        "trip_id": trip.id,
                        "partner_id": client.id,
                        "user_id": trip.user_id.id,
                        "company_id": trip.company_id.id,
                        "kind": "onsite",
                        "date": local_start.astimezone(pytz.utc).replace(tzinfo=None),
                    }
                )
        return self.env["vip.visit"].create(values)
