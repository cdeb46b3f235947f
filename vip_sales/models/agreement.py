from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_amount, format_date, formatLang

from ..tools.contract_template import fill_placeholders
from ..tools.locks import claim_run

HEAD_GROUP = "vip_sales.group_vip_head"
PAYMENT_FORMS = [
    ("prepayment", "Prepayment"),
    ("on_delivery", "Payment on Delivery"),
    ("deferred", "Deferred Payment"),
]
CONTRACT_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("signed", "Signed"),
    ("expired", "Expired"),
    ("terminated", "Terminated"),
]
# Days before its end when the contract's manager is asked to renew it.
RENEWAL_NOTICE_DAYS = 30


class Agreement(models.Model):
    """A supply contract (договор поставки) of a VIP client, on OCA's agreement: its standing
    terms (discount, price type, payment form, prepayment share, payment delay, credit limit,
    delivery terms), approved by the head of sales (vip.approval.mixin), then signed."""

    _name = "agreement"
    _inherit = ["agreement", "vip.approval.mixin"]

    # The decision of the head (vip.approval.mixin) on the contract's terms.
    _vip_approval_field = "vip_state"
    _vip_approval_request_from = ("draft", "rejected")
    _vip_approval_owner_fields = ("vip_user_id",)
    _vip_approval_frozen_fields = frozenset(
        {
            "partner_id",
            "company_id",
            "start_date",
            "end_date",
            "vip_user_id",
            "vip_discount",
            "vip_pricelist_id",
            "vip_payment_form",
            "vip_prepayment_share",
            "vip_payment_term_id",
            "vip_credit_limit",
            "vip_delivery_terms",
        }
    )
    _vip_approval_frozen_states = ("to_approve", "approved", "signed", "expired", "terminated")

    vip_state = fields.Selection(
        CONTRACT_STATES,
        string="Contract Status",
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    vip_user_id = fields.Many2one(
        "res.users",
        string="VIP Manager",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        help="Who negotiated the contract: he never approves nor signs it.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    vip_discount = fields.Float(
        string="Discount (%)",
        digits="Discount",
        tracking=True,
        help="The discount the client has on every line under this contract, without approval.",
    )
    vip_pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Price Type",
        tracking=True,
        help="The pricelist the client buys at under this contract.",
    )
    vip_payment_form = fields.Selection(PAYMENT_FORMS, string="Payment Form", tracking=True)
    vip_prepayment_share = fields.Float(
        string="Prepayment (%)", digits=(16, 1), tracking=True, help="Share of the order paid in advance."
    )
    vip_payment_term_id = fields.Many2one(
        "account.payment.term",
        string="Payment Delay",
        tracking=True,
        help="The payment term of the orders; a longer delay on an order needs approval.",
    )
    vip_credit_limit = fields.Monetary(
        string="Credit Limit",
        tracking=True,
        help="What the client may owe at most: unpaid invoices, confirmed orders not invoiced yet "
        "and the new order. Beyond it, confirming needs the head of sales. 0: no credit.",
    )
    vip_delivery_terms = fields.Text(string="Delivery Terms", tracking=True)
    vip_signed_file = fields.Binary(string="Signed Contract", attachment=True, copy=False)
    vip_signed_filename = fields.Char(string="Signed Contract File Name", copy=False)

    @api.constrains("vip_prepayment_share", "vip_discount", "vip_credit_limit")
    def _check_vip_terms(self):
        for contract in self:
            if not (0 <= contract.vip_prepayment_share <= 100 and 0 <= contract.vip_discount <= 100):
                raise ValidationError(
                    self.env._(
                        "The prepayment and the discount of %(contract)s are percentages between 0 and 100.",
                        contract=contract.display_name,
                    )
                )
            if contract.vip_credit_limit < 0:
                raise ValidationError(
                    self.env._(
                        "The credit limit of %(contract)s cannot be negative.", contract=contract.display_name
                    )
                )

    @api.constrains("start_date", "end_date")
    def _check_vip_validity(self):
        for contract in self:
            if contract.start_date and contract.end_date and contract.end_date < contract.start_date:
                raise ValidationError(
                    self.env._(
                        "The contract %(contract)s cannot end before it starts.",
                        contract=contract.display_name,
                    )
                )

    @api.constrains("vip_state", "start_date", "end_date", "commercial_partner_id", "company_id")
    def _check_vip_one_signed(self):
        for contract in self.filtered(lambda c: c.vip_state == "signed"):
            overlapping = self.search(contract._vip_overlap_domain(), limit=1)
            if overlapping:
                raise ValidationError(
                    self.env._(
                        "%(client)s already has a signed contract for part of this period: %(other)s.",
                        client=contract.commercial_partner_id.display_name,
                        other=overlapping.display_name,
                    )
                )

    def _vip_overlap_domain(self):
        self.ensure_one()
        domain = Domain(
            [
                ("id", "!=", self.id),
                ("vip_state", "=", "signed"),
                ("commercial_partner_id", "=", self.commercial_partner_id.id),
                ("company_id", "=", self.company_id.id),
            ]
        )
        if self.end_date:
            domain &= Domain("start_date", "=", False) | Domain("start_date", "<=", self.end_date)
        if self.start_date:
            domain &= Domain("end_date", "=", False) | Domain("end_date", ">=", self.start_date)
        return domain

    # ------------------------------------------------------------------
    # The head's decision (vip.approval.mixin)
    # ------------------------------------------------------------------

    def _vip_approval_company(self):
        return self.company_id or self.env.company

    def _vip_not_decider_error(self):
        return AccessError(self.env._("Only the head of sales approves the terms of a supply contract."))

    def _vip_owner_error(self):
        return AccessError(
            self.env._(
                "You negotiated %(contract)s: another head of sales or the sales director approves "
                "and signs it.",
                contract=self.display_name,
            )
        )

    def _vip_frozen_message(self):
        return self.env._(
            "The terms of %(contract)s were submitted or signed: make a new contract to change them.",
            contract=self[:1].display_name,
        )

    def _vip_approval_reasons(self):
        self.ensure_one()
        return [
            self.env._("Supply contract %(contract)s", contract=self.display_name),
            *self._vip_terms_text(),
        ]

    def _vip_approval_request_vals(self):
        return {
            **super()._vip_approval_request_vals(),
            "amount": self.vip_credit_limit,
            "currency_id": self.currency_id.id,
        }

    def _vip_terms_text(self):
        """The standing terms as readable sentences (the request, the proposal's baseline)."""
        self.ensure_one()
        forms = dict(self._fields["vip_payment_form"]._description_selection(self.env))
        terms = [
            self.env._(
                "Discount %(discount)s %%", discount=formatLang(self.env, self.vip_discount, dp="Discount")
            )
        ]
        if self.vip_pricelist_id:
            terms.append(self.env._("Price type %(pricelist)s", pricelist=self.vip_pricelist_id.display_name))
        if self.vip_payment_form:
            terms.append(
                self.env._(
                    "%(form)s, prepayment %(share)s %%",
                    form=forms[self.vip_payment_form],
                    share=formatLang(self.env, self.vip_prepayment_share, digits=1),
                )
            )
        if self.vip_payment_term_id:
            terms.append(self.env._("Payment term %(term)s", term=self.vip_payment_term_id.display_name))
        terms.append(
            self.env._(
                "Credit limit %(limit)s",
                limit=format_amount(self.env, self.vip_credit_limit, self.currency_id),
            )
        )
        if self.start_date or self.end_date:
            terms.append(
                self.env._(
                    "Valid %(start)s – %(end)s",
                    start=format_date(self.env, self.start_date) if self.start_date else "…",
                    end=format_date(self.env, self.end_date) if self.end_date else "…",
                )
            )
        return terms

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_vip_request_approval(self):
        for contract in self:
            if not contract.partner_id.commercial_partner_id.is_vip:
                raise UserError(
                    self.env._(
                        "A supply contract is made with a VIP client; %(partner)s is not one.",
                        partner=contract.partner_id.display_name,
                    )
                )
        return self._vip_request_approval()

    def action_vip_approve(self):
        return self._vip_decide("approved")

    def action_vip_reject(self):
        self.ensure_one()
        self._vip_check_can_decide()
        return self.vip_approval_request_id.action_reject()

    def action_vip_draft(self):
        if any(contract.vip_state != "rejected" for contract in self):
            raise UserError(self.env._("Only a rejected contract goes back to draft."))
        self.check_access("write")
        self._vip_reset_approval("draft")
        return True

    def action_vip_sign(self):
        """Record the signed contract: its terms approved, its scan attached, by a head of sales
        who did not negotiate it."""
        for contract in self:
            if contract.vip_state != "approved":
                raise UserError(
                    self.env._(
                        "%(contract)s is signed once the head of sales approved its terms.",
                        contract=contract.display_name,
                    )
                )
            contract._vip_check_signer()
            if not contract.vip_signed_file:
                raise UserError(
                    self.env._(
                        "Attach the scan of the signed contract %(contract)s first.",
                        contract=contract.display_name,
                    )
                )
        self.sudo().write({"vip_state": "signed", "signature_date": fields.Date.context_today(self)})
        for contract in self:
            contract.commercial_partner_id.sudo().write(
                {"credit_limit": contract.vip_credit_limit, "use_partner_credit_limit": True}
            )
        return True

    def action_vip_terminate(self):
        for contract in self:
            if contract.vip_state != "signed":
                raise UserError(self.env._("Only a signed contract is terminated."))
            contract._vip_check_signer()
        self.sudo().write({"vip_state": "terminated"})
        return True

    def action_vip_print_contract(self):
        """Print the supply contract (its body from the company's template)."""
        self._vip_check_print_access()
        return self.env.ref("vip_sales.action_report_vip_contract").report_action(self)

    def _vip_check_print_access(self):
        """The contract is printed by its manager (who negotiated it, or the client's VIP
        manager) and by the head of sales; reading it is already restricted by its rules."""
        self.check_access("read")
        user = self.env.user
        if self.env.su or user.has_group(HEAD_GROUP):
            return
        for contract in self:
            if user not in contract.vip_user_id | contract.commercial_partner_id.vip_manager_id:
                raise AccessError(
                    self.env._(
                        "Only the manager of %(contract)s and the head of sales print it.",
                        contract=contract.display_name,
                    )
                )

    def _vip_check_signer(self):
        user = self.env.user
        if not user.has_group(HEAD_GROUP):
            raise AccessError(self.env._("Only the head of sales signs or terminates a supply contract."))
        if user in self._vip_approval_owners():
            raise self._vip_owner_error()

    def write(self, vals):
        if (
            "vip_signed_file" in vals
            and not self.env.su
            and (locked := self.filtered(lambda c: c.vip_state in ("signed", "expired", "terminated")))
        ):
            raise UserError(
                self.env._(
                    "The scan of %(contract)s is part of the signed contract.",
                    contract=locked[0].display_name,
                )
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # The printed contract
    # ------------------------------------------------------------------

    def _vip_contract_date(self):
        self.ensure_one()
        return self.signature_date or self.start_date or fields.Date.context_today(self)

    def _vip_contract_values(self):
        """The values of the placeholders of the contract's template, as printed."""
        self.ensure_one()
        forms = dict(self._fields["vip_payment_form"]._description_selection(self.env))
        seller = self.company_id.partner_id or self.env.company.partner_id
        client = self.partner_id.commercial_partner_id
        return {
            "contract_number": self.code or "",
            "contract_date": format_date(self.env, self._vip_contract_date()),
            "seller": seller.vip_legal_name or seller.name,
            "client": client.vip_legal_name or client.name,
            "discount": formatLang(self.env, self.vip_discount, dp="Discount"),
            "payment_form": forms.get(self.vip_payment_form, ""),
            "prepayment": formatLang(self.env, self.vip_prepayment_share, digits=1),
            "payment_term": self.vip_payment_term_id.display_name or "",
            "credit_limit": format_amount(self.env, self.vip_credit_limit, self.currency_id),
            "delivery_terms": self.vip_delivery_terms or "",
            "valid_from": format_date(self.env, self.start_date) if self.start_date else "",
            "valid_to": format_date(self.env, self.end_date)
            if self.end_date
            else self.env._("until it is terminated"),
            "seller_signatory": seller._vip_signatory_text(),
            "buyer_signatory": client._vip_signatory_text(),
        }

    def _vip_contract_body(self):
        """The body of the printed contract: the company's template (or the default one) with
        its placeholders filled in, every value escaped."""
        self.ensure_one()
        company = (self.company_id or self.env.company).sudo()
        return fill_placeholders(company._vip_contract_template(), self._vip_contract_values())

    # ------------------------------------------------------------------
    # Validity: expiry and renewal
    # ------------------------------------------------------------------

    @api.model
    def _cron_vip_contracts(self):
        """Signed contracts past their end expire; those ending within the notice get one
        renewal activity for their manager; their clients' card completeness follows. A second
        run at once does nothing (it would give the renewals a second activity)."""
        if not claim_run(self.env, "vip_sales.last_run.contracts"):
            return
        today = fields.Date.context_today(self)
        self.search([("vip_state", "=", "signed"), ("end_date", "<", today)]).sudo().write(
            {"vip_state": "expired"}
        )
        # A signed contract starts counting in its client's card on its start date, which no
        # write marks (an expiry is a write, and recomputes the card by itself).
        clients = self.search([("vip_state", "=", "signed")]).commercial_partner_id
        self.env.add_to_compute(clients._fields["vip_card_completeness"], clients)
        ending = self.search(
            [
                ("vip_state", "=", "signed"),
                ("end_date", "<=", today + timedelta(days=RENEWAL_NOTICE_DAYS)),
                ("vip_user_id", "!=", False),
            ]
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        noticed = set(
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", ending.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        for contract in ending.filtered(lambda c: c.id not in noticed):
            contract.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=contract.end_date,
                user_id=contract.vip_user_id.id,
                summary=self.env._("Renew the supply contract"),
                note=self.env._(
                    "%(contract)s ends on %(date)s: agree its renewal with the client.",
                    contract=contract.display_name,
                    date=format_date(self.env, contract.end_date),
                ),
            )
        return True

    # ------------------------------------------------------------------
    # Credit: what the client owes against the limit
    # ------------------------------------------------------------------

    def _vip_credit_used(self):
        """What the contract's client owes its company now, in the company's currency: its
        unpaid invoices and its confirmed orders not invoiced yet (no new order)."""
        self.ensure_one()
        return self._vip_client_credit_used(self.commercial_partner_id, self.company_id or self.env.company)

    @api.model
    def _vip_client_credit_used(self, client, company, excluded_orders=None):
        """What ``client`` owes ``company``, in the company's currency: its unpaid invoices
        (Odoo's receivable ``credit``) and its confirmed orders not invoiced yet (as Odoo's
        ``credit_to_invoice`` counts them), except ``excluded_orders``."""
        client = client.commercial_partner_id
        today = fields.Date.context_today(self)
        # A figure of the client's account, whoever asks: read as superuser.
        domain = Domain(
            [
                ("company_id", "=", company.id),
                ("partner_invoice_id.commercial_partner_id", "=", client.id),
                ("state", "=", "sale"),
                ("order_line", "any", [("untaxed_amount_to_invoice", ">", 0)]),
            ]
        )
        if excluded_orders:
            domain &= Domain("id", "not in", excluded_orders.ids)
        confirmed = self.env["sale.order"].sudo().search(domain)
        to_invoice = sum(
            order.currency_id._convert(order.amount_to_invoice, company.currency_id, company, today)
            for order in confirmed
        )
        return client.sudo().with_company(company).credit + to_invoice

    @api.model
    def _vip_signed_contract(self, partner, company, day):
        """The signed contract of ``partner``'s company with ``company`` valid on ``day``."""
        return self.search(
            [
                ("vip_state", "=", "signed"),
                ("commercial_partner_id", "=", partner.commercial_partner_id.id),
                ("company_id", "=", company.id),
                "|",
                ("start_date", "=", False),
                ("start_date", "<=", day),
                "|",
                ("end_date", "=", False),
                ("end_date", ">=", day),
            ],
            limit=1,
        )
