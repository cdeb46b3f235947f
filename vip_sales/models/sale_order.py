from collections import defaultdict
from contextlib import contextmanager
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_amount, format_date, formatLang
from odoo.tools.translate import LazyTranslate

from ..tools.locks import lock_rows
from .agreement import PAYMENT_FORMS

_lt = LazyTranslate(__name__)

QUOTATION_STATES = ("draft", "sent")
# How the client agrees the lines of a proposal: in the portal (signing or paying it), or
# with the manager, who records it.
NOMENCLATURE_CHANNELS = [("portal", "Portal"), ("phone", "Phone"), ("mail", "E-mail"), ("visit", "Visit")]
PROPOSAL_TYPES = [("standard", "Standard"), ("individual", "Individual")]
APPROVAL_STATES = [
    ("not_required", "Not Required"),
    ("required", "Required"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]
# Approval states in which a quotation may not reach the client.
APPROVAL_MISSING = ("required", "to_approve", "rejected")
# Days after which a sent proposal that the client has not opened is checked with them.
RECEIPT_CHECK_DAYS = 3
# What the approval rules of _vip_get_approval_reasons() read.
APPROVAL_DEPENDS = (
    "vip_is_vip_client",
    "vip_proposal_type",
    "vip_free_delivery",
    "payment_term_id",
    "date_order",
    "company_id",
    "order_line.discount",
    "order_line.price_unit",
    "order_line.product_id",
    "order_line.product_uom_id",
    "order_line.vip_package_discount",
    "order_line.display_type",
    "commitment_date",
    "order_line.vip_ship_date",
    "agreement_id",
    "vip_payment_form",
    "vip_prepayment_share",
    "amount_total",
)


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "vip.computed.mixin", "vip.approval.mixin"]

    vip_free_delivery = fields.Boolean(
        string="Free Delivery",
        tracking=True,
        help="Delivery is offered to the client at no charge: a special term that needs the "
        "approval of the head of sales.",
    )

    # ------------------------------------------------------------------
    # Logistics: tonnage, volume, cartons, truck plan, delivery cost
    # ------------------------------------------------------------------

    vip_total_weight = fields.Float(
        string="Gross Weight (kg)",
        digits="Stock Weight",
        compute="_compute_vip_logistics",
        store=True,
        help="Gross weight of the goods of the order as shipped, from their cartons.",
    )
    vip_tonnage = fields.Float(
        string="Tonnage (t)", digits=(16, 3), compute="_compute_vip_logistics", store=True
    )
    vip_total_volume = fields.Float(
        string="Volume (m³)",
        digits=(16, 3),
        compute="_compute_vip_logistics",
        store=True,
        help="Volume of the goods of the order as shipped, from their cartons.",
    )
    vip_total_cartons = fields.Integer(string="Cartons", compute="_compute_vip_logistics", store=True)
    vip_logistics_warning = fields.Char(string="Logistics Warning", compute="_compute_vip_logistics_warning")
    vip_delivery_distance_km = fields.Float(
        string="Delivery Distance (km)", digits=(16, 0), help="Road distance from the factory to the client."
    )
    vip_truck_plan = fields.Char(
        string="Truck Plan",
        compute="_compute_vip_truck_plan",
        help="The cheapest set of vehicles whose summed payload and cargo space carry the order "
        "(how the cartons fit in 3D is not checked).",
    )
    vip_truck_weight_fill = fields.Float(
        string="Weight Fill (%)", digits=(16, 1), compute="_compute_vip_truck_plan"
    )
    vip_truck_volume_fill = fields.Float(
        string="Volume Fill (%)", digits=(16, 1), compute="_compute_vip_truck_plan"
    )
    vip_delivery_cost = fields.Monetary(
        string="Delivery Cost",
        compute="_compute_vip_truck_plan",
        help="Cost of the truck plan for the delivery distance: the price of the delivery method "
        '"Own trucks".',
    )

    @api.depends(
        "order_line.product_id",
        "order_line.product_uom_qty",
        "order_line.product_uom_id",
        "order_line.display_type",
        "order_line.is_delivery",
    )
    def _compute_vip_logistics(self):
        for order in self:
            weight = volume = cartons = 0.0
            for line in order.order_line._vip_shipped_lines():
                product, quantity = line.product_id, line.product_qty
                weight += product.vip_shipping_weight * quantity
                volume += product.vip_shipping_volume * quantity
                cartons += product._vip_cartons_for(quantity)
            order.vip_total_weight = weight
            order.vip_tonnage = weight / 1000.0
            order.vip_total_volume = volume
            order.vip_total_cartons = cartons

    @api.depends("order_line.product_id", "order_line.display_type", "order_line.is_delivery")
    def _compute_vip_logistics_warning(self):
        for order in self:
            products = order.order_line._vip_shipped_lines().product_id.filtered(
                lambda p: not p.vip_shipping_weight or not p.vip_shipping_volume
            )
            order.vip_logistics_warning = (
                self.env._(
                    "No weight or volume for: %(products)s. The tonnage, volume and truck plan "
                    "leave them out.",
                    products=", ".join(products.mapped("display_name")),
                )
                if products
                else False
            )

    @api.depends(
        "vip_total_weight", "vip_total_volume", "vip_delivery_distance_km", "company_id", "currency_id"
    )
    def _compute_vip_truck_plan(self):
        for order in self:
            plan = order._vip_get_truck_plan()
            order.vip_truck_plan = (
                plan.description() if plan.feasible else self.env._("No vehicle type is configured.")
            )
            order.vip_truck_weight_fill = plan.weight_fill
            order.vip_truck_volume_fill = plan.volume_fill
            order.vip_delivery_cost = order._vip_company_to_order_currency(plan.cost)

    @api.depends("order_line.product_id", "order_line.display_type", "order_line.is_delivery")
    def _compute_shipping_weight(self):
        # delivery only recomputes on quantity and unit changes; a new product changes it too.
        return super()._compute_shipping_weight()

    @api.onchange("vip_free_delivery", "vip_delivery_distance_km")
    def _onchange_vip_delivery_terms(self):
        if self.delivery_set:
            self.recompute_delivery_price = True

    def _get_estimated_weight(self):
        # Carton-aware, so that carriers priced by weight agree with the order's tonnage.
        self.ensure_one()
        return self.vip_total_weight

    def _create_delivery_line(self, carrier, price_unit):
        return super()._create_delivery_line(carrier, 0.0 if self.vip_free_delivery else price_unit)

    def _vip_get_truck_plan(self, weight=None, volume=None):
        """Truck plan (see ``vip.vehicle.type._vip_plan_trucks``) of the company's fleet for the
        order's delivery distance: for the order's load, or for ``weight`` kg and ``volume`` m³."""
        self.ensure_one()
        vehicles = self.env["vip.vehicle.type"].sudo().search([("company_id", "=", self.company_id.id)])
        return vehicles._vip_plan_trucks(
            self.vip_total_weight if weight is None else weight,
            self.vip_total_volume if volume is None else volume,
            self.vip_delivery_distance_km,
        )

    def _vip_analytic_distribution(self, product):
        """The analytic distribution a new line of ``product`` gets on this order, as
        ``sale.order.line._compute_analytic_distribution`` finds it (as superuser, like that
        stored compute): looked up once per product when many lines are added at once, instead
        of once per line."""
        self.ensure_one()
        return (
            self.env["account.analytic.distribution.model"]
            .sudo()
            ._get_distribution(
                {
                    "product_id": product.id,
                    "product_categ_id": product.categ_id.id,
                    "partner_id": self.partner_id.id,
                    "partner_category_id": self.partner_id.category_id.ids,
                    "company_id": self.company_id.id,
                }
            )
            or False
        )

    def _vip_company_to_order_currency(self, amount):
        self.ensure_one()
        company = self.company_id or self.env.company
        return company.currency_id._convert(
            amount,
            self.currency_id or company.currency_id,
            company,
            (self.date_order or fields.Datetime.now()).date(),
        )

    # ------------------------------------------------------------------
    # Supply contract (OCA agreement_sale's agreement_id): its terms are the baseline
    # ------------------------------------------------------------------

    agreement_id = fields.Many2one(
        compute="_compute_agreement_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('commercial_partner_id', '=', vip_commercial_partner_id), ('vip_state', '=', 'signed')]",
        help="The client's signed supply contract: a proposal within its terms needs no approval for them.",
    )
    vip_payment_form = fields.Selection(
        PAYMENT_FORMS,
        string="Payment Form",
        compute="_compute_vip_payment_terms",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    vip_prepayment_share = fields.Float(
        string="Prepayment (%)",
        digits=(16, 1),
        compute="_compute_vip_payment_terms",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Share of the order the client pays in advance.",
    )
    vip_contract_warning = fields.Char(string="Contract Warning", compute="_compute_vip_contract_warning")

    _check_vip_prepayment_share = models.Constraint(
        "CHECK(vip_prepayment_share IS NULL OR vip_prepayment_share BETWEEN 0 AND 100)",
        "The prepayment is a percentage between 0 and 100.",
    )
    # A plan's actual amount sums its manager's, or its client's, confirmed orders of a period
    # (vip.sales.plan._actual_amount_query): the plan analysis looks them up plan by plan.
    _vip_plan_manager_index = models.Index("(user_id, date_order) WHERE state = 'sale'")
    _vip_plan_client_index = models.Index("(vip_commercial_partner_id, date_order) WHERE state = 'sale'")

    @api.depends("partner_id", "company_id", "date_order")
    def _compute_agreement_id(self):
        for order in self:
            current = order.agreement_id
            client = order.partner_id.commercial_partner_id
            if (
                order.state not in QUOTATION_STATES
                or not client.is_vip
                or (current and current.commercial_partner_id == client)
            ):
                order.agreement_id = current
                continue
            order.agreement_id = self.env["agreement"]._vip_signed_contract(
                order.partner_id,
                order.company_id or self.env.company,
                fields.Date.to_date(order.date_order or fields.Datetime.now()),
            )

    @api.depends("agreement_id")
    def _compute_vip_payment_terms(self):
        for order in self:
            contract = order.agreement_id
            order.vip_payment_form = contract.vip_payment_form if contract else order.vip_payment_form
            order.vip_prepayment_share = (
                contract.vip_prepayment_share if contract else order.vip_prepayment_share
            )

    @api.depends("agreement_id", "vip_is_vip_client", "company_id", "state")
    def _compute_vip_contract_warning(self):
        for order in self:
            order.vip_contract_warning = (
                order._vip_contract_missing_message()
                if order.company_id.vip_contract_policy == "warn"
                else False
            )

    def _vip_contract(self):
        """The signed supply contract the proposal is made under, or an empty recordset."""
        self.ensure_one()
        return self.agreement_id.filtered(lambda contract: contract.vip_state == "signed")

    def _vip_max_discount(self):
        """The discount a line may have without approval: the contract's, else the policy's."""
        self.ensure_one()
        contract = self._vip_contract()
        return contract.vip_discount if contract else self.company_id.vip_max_discount

    def _vip_contract_reasons(self, contract):
        """Where the proposal leaves the contract's terms (the contract's term is the baseline)."""
        self.ensure_one()
        reasons = []
        forms = dict(self._fields["vip_payment_form"]._description_selection(self.env))
        if contract.vip_pricelist_id and self.pricelist_id != contract.vip_pricelist_id:
            reasons.append(
                self.env._(
                    "Price type “%(pricelist)s” instead of the contract's “%(contract)s”",
                    pricelist=self.pricelist_id.display_name or "—",
                    contract=contract.vip_pricelist_id.display_name,
                )
            )
        if contract.vip_payment_form and self.vip_payment_form != contract.vip_payment_form:
            reasons.append(
                self.env._(
                    "Payment form “%(form)s” instead of the contract's “%(contract)s”",
                    form=forms.get(self.vip_payment_form, "—"),
                    contract=forms[contract.vip_payment_form],
                )
            )
        if self.vip_prepayment_share < contract.vip_prepayment_share:
            reasons.append(
                self.env._(
                    "Prepayment of %(share)s %% below the contract's %(contract)s %%",
                    share=formatLang(self.env, self.vip_prepayment_share, digits=1),
                    contract=formatLang(self.env, contract.vip_prepayment_share, digits=1),
                )
            )
        if contract.vip_payment_term_id and self.payment_term_id:
            deferral = self._vip_payment_deferral_days()
            allowed = self._vip_payment_deferral_days(contract.vip_payment_term_id)
            if deferral > allowed:
                reasons.append(
                    self.env._(
                        "Payment term “%(term)s” defers payment by %(days)s days; the contract's "
                        "“%(contract)s” by %(max)s",
                        term=self.payment_term_id.display_name,
                        days=deferral,
                        contract=contract.vip_payment_term_id.display_name,
                        max=allowed,
                    )
                )
        exposure = self._vip_credit_exposure()
        if self.currency_id.compare_amounts(exposure, contract.vip_credit_limit) > 0:
            reasons.append(
                self.env._(
                    "The client would owe %(exposure)s with this order, above the contract's credit "
                    "limit of %(limit)s",
                    exposure=format_amount(self.env, exposure, contract.currency_id),
                    limit=format_amount(self.env, contract.vip_credit_limit, contract.currency_id),
                )
            )
        return reasons

    def _vip_credit_exposure(self):
        """What the client would owe with this order, in the company's currency: what it owes
        now (``agreement._vip_client_credit_used``, this order left out) and this order."""
        self.ensure_one()
        company = self.company_id or self.env.company
        today = fields.Date.context_today(self)
        used = self.env["agreement"]._vip_client_credit_used(
            self.partner_id, company, excluded_orders=self._origin
        )
        return used + self.currency_id._convert(self.amount_total, company.currency_id, company, today)

    def _vip_contract_missing_message(self):
        self.ensure_one()
        if not self.vip_is_vip_client or self.state not in QUOTATION_STATES or self._vip_contract():
            return False
        return self.env._(
            "%(client)s has no signed supply contract valid on the order date.",
            client=self.partner_id.commercial_partner_id.display_name,
        )

    def _vip_contract_error_message(self):
        """Why the order cannot be confirmed without a contract (company policy), or False."""
        self.ensure_one()
        if self.company_id.vip_contract_policy != "block":
            return False
        return self._vip_contract_missing_message()

    # ------------------------------------------------------------------
    # Availability and the agreed shipping date (sale_stock's stock, commitment_date)
    # ------------------------------------------------------------------

    vip_earliest_ship_date = fields.Date(
        string="Earliest Shipping Date",
        compute="_compute_vip_availability",
        help="The earliest day the whole proposal can ship from the order's warehouse: every line "
        "available (free stock, receipts on their way, production lead time) and its customer "
        "lead time passed. Empty when a short product has no date.",
    )
    vip_shortage_count = fields.Integer(string="Lines Short", compute="_compute_vip_availability")
    vip_store_id = fields.Many2one(
        "vip.store",
        string="Deliver to Store",
        tracking=True,
        check_company=True,
        index="btree_not_null",
        domain="[('partner_id', '=', vip_commercial_partner_id)]",
        help="The client's store the goods go to: its address becomes the delivery address.",
    )
    vip_unloading_note = fields.Text(
        string="Unloading Conditions",
        tracking=True,
        help="Agreed with the client: access for the truck, floor and lift, who unloads, the hours "
        "of the store's receiving; printed on the proposal.",
    )

    @api.depends("vip_store_id")
    def _compute_partner_shipping_id(self):
        res = super()._compute_partner_shipping_id()
        for order in self.filtered("vip_store_id.address_id"):
            order.partner_shipping_id = order.vip_store_id.address_id
        return res

    @api.constrains("vip_store_id", "partner_id")
    def _check_vip_store_id(self):
        for order in self.filtered("vip_store_id"):
            if order.vip_store_id.partner_id != order.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "The store %(store)s is not a store of %(client)s.",
                        store=order.vip_store_id.display_name,
                        client=order.partner_id.commercial_partner_id.display_name,
                    )
                )

    @api.depends("order_line.vip_ship_date", "order_line.vip_shortage_qty")
    def _compute_vip_availability(self):
        # The lines of all the orders first, in one computation: filtered() in the loop keeps
        # only one order's lines in the prefetch, which would compute them order by order.
        self.order_line.mapped("vip_ship_date")
        for order in self:
            lines = order.order_line._vip_shipped_lines()
            order.vip_shortage_count = len(lines.filtered("vip_shortage_qty"))
            dated = lines.filtered("vip_ship_date")
            order.vip_earliest_ship_date = (
                max(dated.mapped("vip_ship_date")) if dated and dated == lines else False
            )

    @api.constrains("commitment_date")
    def _check_vip_commitment_date(self):
        today = fields.Date.context_today(self)
        for order in self.filtered(lambda o: o.vip_is_vip_client and o.state in QUOTATION_STATES):
            if order.commitment_date and order._vip_commitment_day() < today:
                raise ValidationError(
                    self.env._(
                        "The shipping date agreed for %(order)s is in the past: agree a date from today on.",
                        order=order.name,
                    )
                )

    @api.constrains("partner_shipping_id", "partner_id")
    def _check_vip_partner_shipping_id(self):
        for order in self.filtered("vip_is_vip_client"):
            client = order.partner_id.commercial_partner_id
            if order.partner_shipping_id and order.partner_shipping_id.commercial_partner_id != client:
                raise ValidationError(
                    self.env._(
                        "%(address)s is not an address of %(client)s: deliver to one of the client's "
                        "stores or addresses.",
                        address=order.partner_shipping_id.display_name,
                        client=client.display_name,
                    )
                )

    def _vip_commitment_day(self):
        """The agreed shipping date as a day of the user's calendar."""
        self.ensure_one()
        return fields.Datetime.context_timestamp(self, self.commitment_date).date()

    def _vip_ship_date_reasons(self):
        """An agreed shipping date before the proposal can ship is a special term."""
        self.ensure_one()
        if not (self.commitment_date and self.company_id.vip_check_ship_date):
            return []
        earliest = self.vip_earliest_ship_date
        agreed = self._vip_commitment_day()
        if not earliest and self.vip_shortage_count:
            return [
                self.env._(
                    "Shipping on %(date)s is agreed while goods are short with no date of arrival",
                    date=format_date(self.env, agreed),
                )
            ]
        if earliest and agreed < earliest:
            return [
                self.env._(
                    "Shipping on %(date)s is agreed; the proposal can ship on %(earliest)s at the earliest",
                    date=format_date(self.env, agreed),
                    earliest=format_date(self.env, earliest),
                )
            ]
        return []

    def _vip_shortage_error_message(self):
        """Why a short order cannot be confirmed (when the company's policy says so), or False."""
        self.ensure_one()
        if not (self.vip_is_vip_client and self.company_id.vip_block_shortage and self.vip_shortage_count):
            return False
        short = self.order_line._vip_shipped_lines().filtered("vip_shortage_qty")
        return self.env._(
            "%(order)s cannot be confirmed: the warehouse is short of %(products)s.",
            order=self.name,
            products=", ".join(short.product_id.mapped("display_name")),
        )

    # ------------------------------------------------------------------
    # VIP client: orders counted per client company (no-order watch), and no
    # confirmation while the client's card is less complete than its tier requires
    # ------------------------------------------------------------------

    vip_commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        string="Client Company",
        store=True,
        index=True,
        help="The client company of the customer, whose last order the VIP client card shows.",
    )

    def _confirmation_error_message(self):
        return (
            super()._confirmation_error_message()
            or self._vip_card_error_message()
            or self._vip_nomenclature_error_message()
            or self._vip_shortage_error_message()
            or self._vip_contract_error_message()
        )

    def _vip_card_error_message(self):
        """Why the order cannot be confirmed yet for its VIP client's card, or False."""
        self.ensure_one()
        client = self.partner_id.commercial_partner_id
        minimum = client.vip_tier_id.min_card_completeness
        if not client.is_vip or client.vip_card_completeness >= minimum:
            return False
        return self.env._(
            "The order cannot be confirmed: the card of the VIP client %(client)s is %(completeness)s%% "
            "complete, and its tier %(tier)s requires %(minimum)s%%. Missing: %(missing)s.",
            client=client.display_name,
            completeness=client.vip_card_completeness,
            tier=client.vip_tier_id.name,
            minimum=minimum,
            missing=client.vip_card_missing,
        )

    # Commercial proposals: approval of special terms, revisions, receipt, refusal
    # ------------------------------------------------------------------

    vip_is_vip_client = fields.Boolean(
        string="VIP Client", compute="_compute_vip_is_vip_client", store=True, index=True
    )
    vip_proposal_type = fields.Selection(
        PROPOSAL_TYPES,
        string="Proposal Type",
        default="standard",
        required=True,
        tracking=True,
        help="An individual proposal is built for one client and needs the approval of the head "
        "of sales before the client can act on it.",
    )
    vip_special_terms_note = fields.Text(
        string="Special Terms",
        tracking=True,
        help="Special conditions agreed with the client; they are printed on the proposal.",
    )
    vip_needs_approval = fields.Boolean(
        string="Needs Approval",
        compute="_compute_vip_needs_approval",
        help="The proposal of a VIP client has special terms that the head of sales must approve "
        "(against the company's policy as it is now).",
    )
    vip_approval_reasons = fields.Text(
        string="Why Approval Is Needed", compute="_compute_vip_approval_reasons"
    )
    vip_approval_state = fields.Selection(
        APPROVAL_STATES,
        string="Approval",
        default="not_required",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
        help="Changes only through the manager's request and the decision of the head of sales; "
        "a commercial change after approval sends the proposal back to approval.",
    )
    vip_approval_status = fields.Selection(
        APPROVAL_STATES,
        string="Approval Status",
        compute="_compute_vip_approval_status",
        help="The approval as the form shows it while the proposal is edited: the terms are checked "
        "against the policy at once, the state follows when the proposal is saved.",
    )
    vip_approval_ids = fields.One2many("vip.approval", "order_id", string="Approval Log", copy=False)
    vip_approval_id = fields.Many2one(
        "vip.approval", string="Approval in Force", compute="_compute_vip_approval_id"
    )
    vip_approved_user_id = fields.Many2one(
        "res.users", string="Approved By", compute="_compute_vip_approval_id"
    )
    vip_approved_date = fields.Datetime(string="Approved On", compute="_compute_vip_approval_id")
    vip_revision = fields.Integer(
        string="Revision",
        readonly=True,
        copy=False,
        help="Number of the revision being worked on: 0 for the first version of the proposal.",
    )
    vip_revision_ids = fields.One2many("vip.proposal.revision", "order_id", string="Revisions", copy=False)
    vip_proposal_number = fields.Char(string="Proposal Number", compute="_compute_vip_proposal_number")
    vip_revision_changes = fields.Html(
        string="Changes Since the Last Revision", compute="_compute_vip_revision_changes", sanitize=False
    )
    vip_sent_date = fields.Datetime(string="First Sent On", readonly=True, copy=False)
    vip_viewed_date = fields.Datetime(
        string="Viewed by the Client On",
        readonly=True,
        copy=False,
        help="First time the client opened the proposal in the portal (internal users do not count).",
    )
    vip_mail_status = fields.Selection(
        selection="_selection_vip_mail_status",
        string="E-mail Status",
        compute="_compute_vip_mail_status",
        help="Delivery status of the last e-mail sent to the client about this order.",
    )
    vip_nomenclature_agreed = fields.Boolean(
        string="Nomenclature Agreed",
        readonly=True,
        copy=False,
        tracking=True,
        help="The client agreed the models, quantities and colours; any later change to the lines clears it.",
    )
    vip_nomenclature_agreed_date = fields.Datetime(string="Nomenclature Agreed On", readonly=True, copy=False)
    vip_nomenclature_agreed_user_id = fields.Many2one(
        "res.users", string="Nomenclature Agreed By", readonly=True, copy=False
    )
    vip_nomenclature_partner_id = fields.Many2one(
        "res.partner",
        string="Agreed by the Client's",
        readonly=True,
        copy=False,
        help="The client's contact who agreed the lines.",
    )
    vip_nomenclature_channel = fields.Selection(
        NOMENCLATURE_CHANNELS, string="Agreed Through", readonly=True, copy=False
    )
    vip_refusal_reason_id = fields.Many2one(
        "vip.refusal.reason", string="Refusal Reason", tracking=True, copy=False, ondelete="restrict"
    )
    vip_refusal_comment = fields.Text(string="Refusal Comment", tracking=True, copy=False)

    @api.depends("partner_id.commercial_partner_id.is_vip")
    def _compute_vip_is_vip_client(self):
        for order in self:
            order.vip_is_vip_client = order.partner_id.commercial_partner_id.is_vip

    @api.depends(*APPROVAL_DEPENDS)
    def _compute_vip_needs_approval(self):
        for order in self:
            order.vip_needs_approval = bool(order._vip_get_approval_reasons())

    @api.depends("vip_approval_state", "state", *APPROVAL_DEPENDS)
    def _compute_vip_approval_status(self):
        for order in self:
            order.vip_approval_status = order._vip_expected_approval_state()

    @api.depends(*APPROVAL_DEPENDS)
    def _compute_vip_approval_reasons(self):
        for order in self:
            order.vip_approval_reasons = "\n".join(order._vip_get_approval_reasons())

    @api.depends("vip_approval_state", "vip_approval_ids")
    def _compute_vip_approval_id(self):
        for order in self:
            last = order.vip_approval_ids[:1]
            in_force = order.vip_approval_state == "approved" and last.decision == "approved"
            order.vip_approval_id = last if in_force else False
            order.vip_approved_user_id = order.vip_approval_id.user_id
            order.vip_approved_date = order.vip_approval_id.date

    @api.depends("name", "vip_revision")
    def _compute_vip_proposal_number(self):
        for order in self:
            order.vip_proposal_number = order._vip_revision_name(order.vip_revision)

    @api.depends("vip_revision_ids", "order_line", "amount_total")
    def _compute_vip_revision_changes(self):
        for order in self:
            last = order.vip_revision_ids[:1]
            current = order._vip_snapshot(order._vip_revision_fields()) if last else None
            order.vip_revision_changes = (
                order._vip_changes_html(order._vip_diff(last.snapshot, current)) if last else False
            )

    @api.model
    def _selection_vip_mail_status(self):
        return self.env["mail.notification"]._fields["notification_status"]._description_selection(self.env)

    def _compute_vip_mail_status(self):
        # The status of the last e-mail notification of a customer, for the whole batch at once.
        notifications = (
            self.env["mail.notification"]
            .sudo()
            .search_fetch(
                [
                    ("mail_message_id.model", "=", "sale.order"),
                    ("mail_message_id.res_id", "in", self.ids),
                    ("notification_type", "=", "email"),
                    ("res_partner_id.partner_share", "=", True),
                ],
                ["mail_message_id", "notification_status"],
                order="id desc",
            )
        )
        status_by_order = {}
        for notification in notifications:
            status_by_order.setdefault(notification.mail_message_id.res_id, notification.notification_status)
        for order in self:
            order.vip_mail_status = status_by_order.get(order.id, False)

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._vip_check_flow_fields_write(vals)
        orders = super().create(vals_list)
        orders._vip_sync_approval_state()
        return orders

    def write(self, vals):
        self._vip_check_flow_fields_write(vals)
        if vals.get("state") in ("sent", "sale") and not self.env.su:
            # Every way of sending or confirming ends here; payment processing (superuser)
            # may mark a paid quotation as sent, and confirmation is guarded in action_confirm.
            self._vip_check_approval()
        if {
            "order_line",
            "date_order",
            "company_id",
            "commitment_date",
            *self._vip_commercial_fields(),
        } & set(vals):
            with self._vip_watch_approval():
                res = super().write(vals)
        else:
            res = super().write(vals)
        if vals.get("signature"):
            # Signed in the portal: the client agreed the lines as they stand.
            self.filtered(
                lambda o: o.vip_is_vip_client and o.state in QUOTATION_STATES
            )._vip_record_nomenclature_agreement("portal")
        if vals.get("state") == "sent":
            self.filtered(lambda o: o.vip_is_vip_client and not o.vip_sent_date).sudo().write(
                {"vip_sent_date": fields.Datetime.now()}
            )
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_vip_approval_log(self):
        decided = self.sudo().filtered("vip_approval_ids")
        if decided:
            raise UserError(
                self.env._(
                    "%(orders)s carry decisions of the head of sales: cancel them instead of deleting them.",
                    orders=", ".join(decided.mapped("name")),
                )
            )

    # Guards: a quotation whose special terms are not approved does not reach the client

    def action_quotation_send(self):
        self._vip_check_approval()
        return super().action_quotation_send()

    def message_post(self, **kwargs):
        if self.env.context.get("mark_so_as_sent"):
            self._vip_check_approval()
        return super().message_post(**kwargs)

    def action_confirm(self):
        self._vip_check_approval()
        return super().action_confirm()

    def _action_confirm(self):
        res = super()._action_confirm()
        # The display samples that these orders deliver are ordered now, whoever confirms
        # (sudo: active sales and Odoo's own flows confirm orders without the VIP groups).
        self.sudo().order_line.vip_display_sample_ids._vip_order_confirmed()
        return res

    def _has_to_be_signed(self):
        return super()._has_to_be_signed() and not self._vip_holds_client_action()

    def _has_to_be_paid(self):
        return super()._has_to_be_paid() and not self._vip_holds_client_action()

    def _vip_holds_client_action(self):
        # In the portal, the client is offered neither signing nor paying while the proposal
        # awaits approval or the client's card is incomplete: it never meets a server error.
        return self._vip_awaits_approval() or bool(self._vip_card_error_message())

    def _send_payment_succeeded_for_order_mail(self):
        # Payment processing must never fail: a quotation paid while awaiting approval stays a
        # quotation (see payment.transaction) and its salesperson is told, not the client.
        held = self.filtered(lambda o: o._vip_awaits_approval())
        for order in held:
            order._vip_message_post(
                _lt(
                    "A payment was received while the special terms await approval: the order "
                    "stays a quotation until the head of sales approves it."
                ),
                partner_ids=order.user_id.partner_id.ids,
            )
        return super(SaleOrder, self - held)._send_payment_succeeded_for_order_mail()

    def _action_cancel(self):
        unexplained = self.filtered(
            lambda o: (
                o.vip_is_vip_client
                and o.state in QUOTATION_STATES
                and not (o.vip_refusal_reason_id and o.vip_refusal_comment)
            )
        )
        if unexplained:
            raise UserError(
                self.env._(
                    "Give the reason why the client refused %(orders)s, with a comment, before "
                    "cancelling it.",
                    orders=", ".join(unexplained.mapped("name")),
                )
            )
        return super()._action_cancel()

    def action_draft(self):
        refused = self.filtered(lambda o: o.state == "cancel" and o.vip_refusal_reason_id)
        res = super().action_draft()
        refused.write({"vip_refusal_reason_id": False, "vip_refusal_comment": False})
        return res

    # Actions

    def action_vip_request_approval(self):
        """Submit the special terms of the proposals to the heads of sales."""
        self._vip_sync_approval_state()
        for order in self:
            if (
                order.state not in QUOTATION_STATES
                or order.vip_approval_state not in self._vip_approval_request_from
            ):
                raise UserError(
                    self.env._("%(order)s has no special terms waiting to be submitted.", order=order.name)
                )
        return self._vip_request_approval()

    def action_vip_approve(self):
        """Approve the special terms (head of sales)."""
        self._vip_decide("approved")
        # Reloading the view refreshes the counter of proposals to approve in the menu.
        return {"type": "ir.actions.client", "tag": "soft_reload"}

    def action_vip_reject(self):
        """Ask the head of sales why the special terms are rejected."""
        self.ensure_one()
        self._vip_check_can_decide()
        action = self.vip_approval_request_id.action_reject()
        action["name"] = self.env._("Reject the Special Terms")
        return action

    def action_vip_new_revision(self):
        """Keep the proposal as it is now as a numbered revision and go on with the next one."""
        self.ensure_one()
        if self.state not in QUOTATION_STATES:
            raise UserError(self.env._("Only a quotation can be revised."))
        self.check_access("write")
        revision = (
            self.env["vip.proposal.revision"]
            .sudo()
            .create(
                {
                    "order_id": self.id,
                    "revision": self.vip_revision,
                    "snapshot": self._vip_snapshot(self._vip_revision_fields()),
                    "amount_total": self.amount_total,
                    "currency_id": self.currency_id.id,
                }
            )
        )
        self.sudo().vip_revision += 1
        self._vip_message_post(
            _lt(
                "Revision %(revision)s kept; the proposal goes on as %(number)s.",
                revision=revision.display_name,
                number=self.vip_proposal_number,
            )
        )
        return True

    def action_vip_compare_revisions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Compare Revisions"),
            "res_model": "vip.proposal.revision.compare",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def action_vip_agree_nomenclature(self):
        """Open the form that records the client's agreement of the lines."""
        self.ensure_one()
        self._vip_check_can_agree()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Nomenclature Agreed"),
            "res_model": "vip.nomenclature.agree",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def _vip_check_can_agree(self):
        if not_quotations := self.filtered(lambda o: o.state not in QUOTATION_STATES):
            raise UserError(
                self.env._(
                    "The client agrees the lines of a quotation; %(orders)s is no longer one.",
                    orders=", ".join(not_quotations.mapped("name")),
                )
            )
        self.check_access("write")

    def _vip_record_nomenclature_agreement(self, channel, partner=None, date=None):
        """Record that the client agreed the models, quantities and colours of the lines:
        through ``channel``, by ``partner`` (the client's contact; the customer by default),
        on ``date`` (now by default). Written by the flow; the agreement form and the portal
        call it."""
        for order in self:
            order.sudo().write(
                {
                    "vip_nomenclature_agreed": True,
                    "vip_nomenclature_agreed_date": date or fields.Datetime.now(),
                    "vip_nomenclature_agreed_user_id": self.env.uid,
                    "vip_nomenclature_partner_id": (partner or order.partner_id).id,
                    "vip_nomenclature_channel": channel,
                }
            )
        return True

    def _vip_nomenclature_error_message(self):
        """Why the order cannot be confirmed before the client agreed its lines, or False."""
        self.ensure_one()
        if (
            not self.vip_is_vip_client
            or not self.company_id.vip_require_nomenclature
            or self.vip_nomenclature_agreed
        ):
            return False
        return self.env._(
            "%(order)s cannot be confirmed before %(client)s agrees its lines (models, quantities, "
            "colours): record the agreement with Nomenclature Agreed, or let the client accept it in "
            "the portal.",
            order=self.name,
            client=self.partner_id.commercial_partner_id.display_name,
        )

    def action_vip_cancel(self):
        """Cancel VIP quotations through the form that asks for the refusal reason."""
        action = self.env["ir.actions.actions"]._for_xml_id("sale.action_mass_cancel_orders")
        action["context"] = {"active_model": "sale.order", "active_ids": self.ids}
        return action

    # Business methods: approval

    def _vip_get_approval_reasons(self):
        """Return why this proposal needs the approval of the head of sales.

        One readable, translated sentence per reason; an empty list means that no approval is
        needed. A new rule extends this method with ``super()`` (and, when it reads other
        fields, adds them to the dependencies of ``_compute_vip_needs_approval``).
        """
        self.ensure_one()
        if not self.vip_is_vip_client:
            return []
        company = self.company_id or self.env.company
        reasons = []
        if self.vip_proposal_type == "individual":
            reasons.append(self.env._("Individual proposal"))
        if discounted := self.order_line.filtered(lambda line: line._vip_discount_needs_approval()):
            max_discount = formatLang(self.env, self._vip_max_discount(), dp="Discount")
            reasons.extend(
                self.env._(
                    "Discount of %(discount)s %% on “%(product)s” exceeds the %(max)s %% allowed",
                    discount=formatLang(self.env, line._vip_effective_discount(), dp="Discount"),
                    product=line.product_id.display_name or line.name,
                    max=max_discount,
                )
                for line in discounted
            )
        contract = self._vip_contract()
        if contract:
            reasons.extend(self._vip_contract_reasons(contract))
        elif term := self.payment_term_id:
            standard_terms = company.vip_standard_payment_term_ids
            if standard_terms and term not in standard_terms:
                reasons.append(
                    self.env._("Payment term “%(term)s” is not a standard one", term=term.display_name)
                )
            deferral = self._vip_payment_deferral_days()
            if deferral > company.vip_max_deferral_days:
                reasons.append(
                    self.env._(
                        "Payment term “%(term)s” defers payment by %(days)s days; "
                        "at most %(max)s are allowed",
                        term=term.display_name,
                        days=deferral,
                        max=company.vip_max_deferral_days,
                    )
                )
        if self.vip_free_delivery:
            reasons.append(self.env._("Free delivery"))
        return reasons + self._vip_ship_date_reasons()

    def _vip_payment_deferral_days(self, term=None):
        """The longest delay, in days from the order date, that the payment term (or ``term``)
        gives."""
        self.ensure_one()
        date_ref = fields.Date.to_date(self.date_order or fields.Datetime.now())
        term = self.payment_term_id if term is None else term
        return max(((line._get_due_date(date_ref) - date_ref).days for line in term.line_ids), default=0)

    def _vip_awaits_approval(self):
        """Whether this quotation needs an approval that it does not have."""
        self.ensure_one()
        return self.state in QUOTATION_STATES and self.vip_approval_state in APPROVAL_MISSING

    def _vip_check_approval(self):
        """Refuse to let quotations reach the client while their special terms are not approved
        (against the policy as it is now)."""
        self._vip_sync_approval_state()
        waiting = self.filtered(lambda o: o._vip_awaits_approval())
        if waiting:
            raise UserError(
                self.env._(
                    "The head of sales has not approved the special terms of %(orders)s: the proposal "
                    "cannot be sent, printed, shared or confirmed until then.",
                    orders=", ".join(waiting.mapped("name")),
                )
            )

    @api.model
    def _vip_flow_fields(self):
        """Fields that only the proposal's own flow sets (as superuser; the approval state is
        guarded by ``vip.approval.mixin``): the revision number (new revision), the first
        sending, the client's first view in the portal and the agreement of the lines (who
        recorded it, when; cleared by any change of the lines)."""
        return {
            "vip_revision",
            "vip_sent_date",
            "vip_viewed_date",
            "vip_nomenclature_agreed",
            "vip_nomenclature_agreed_date",
            "vip_nomenclature_agreed_user_id",
            "vip_nomenclature_partner_id",
            "vip_nomenclature_channel",
        }

    def _vip_check_flow_fields_write(self, vals):
        if self.env.su:
            return
        written = self._vip_flow_fields() & set(vals)
        if written:
            labels = ", ".join(sorted(self._fields[name]._description_string(self.env) for name in written))
            raise AccessError(
                self.env._(
                    "%(fields)s of a proposal are recorded by the system (sending, the client's visit, "
                    "revisions, agreements) and cannot be changed by hand.",
                    fields=labels,
                )
            )

    # Business methods: approval (vip.approval.mixin)

    def _vip_decision_error(self, user):
        self.ensure_one()
        error = super()._vip_decision_error(user)
        if error is None and self.state not in QUOTATION_STATES:
            return self._vip_not_pending_error()
        return error

    def _vip_not_decider_error(self):
        return AccessError(self.env._("Only the head of sales approves or rejects special terms."))

    def _vip_owner_error(self):
        return AccessError(
            self.env._(
                "You are the salesperson of %(order)s: another head of sales decides on it.", order=self.name
            )
        )

    def _vip_not_pending_error(self):
        return UserError(self.env._("%(order)s is not awaiting approval.", order=self.name))

    def _vip_approval_reasons(self):
        return self._vip_get_approval_reasons()

    def _vip_approval_terms(self):
        return self._vip_snapshot(self._vip_revision_fields())

    def _vip_approval_summary(self):
        """The terms against the policy, and what changed since the last approved revision."""
        self.ensure_one()
        sections = [(self.env._("Special terms"), self._vip_get_approval_reasons())]
        approved = self.vip_approval_ids.filtered(lambda a: a.decision == "approved")[:1]
        revision = self.vip_revision_ids.filtered(lambda r: r.revision == approved.revision)[:1]
        if revision:
            changes = self._vip_diff(revision.snapshot, self._vip_snapshot(self._vip_revision_fields()))
            sections.append(
                (
                    self.env._(
                        "Changed since the approved revision %(revision)s", revision=revision.display_name
                    ),
                    changes,
                )
            )
        return Markup().join(
            Markup("<p><strong>%s</strong></p>%s") % (title, self._vip_changes_html(items))
            for title, items in sections
            if items
        )

    def _vip_approval_request_vals(self):
        return {
            **super()._vip_approval_request_vals(),
            "res_name": self.vip_proposal_number,
            "amount": self.amount_total,
            "currency_id": self.currency_id.id,
        }

    def _vip_approval_log_vals(self, decision, comment):
        self.ensure_one()
        return {
            **super()._vip_approval_log_vals(decision, comment),
            "order_id": self.id,
            "res_name": self.vip_proposal_number,
            "amount_total": self.amount_total,
            "currency_id": self.currency_id.id,
            "max_discount": max(
                (line._vip_effective_discount() for line in self.order_line if not line.display_type),
                default=0.0,
            ),
            "payment_term_id": self.payment_term_id.id,
            "revision": self.vip_revision,
        }

    def _vip_decision_message(self, decision, comment):
        if decision == "approved":
            return _lt("Special terms approved by %(user)s.", user=self.env.user.name)
        return _lt(
            "Special terms rejected by %(user)s: %(comment)s", user=self.env.user.name, comment=comment
        )

    def _vip_expected_approval_state(self):
        """The approval state the proposal's terms call for now (the company's policy read now):
        a quotation without special terms needs none, one with them needs a request."""
        self.ensure_one()
        state = self.vip_approval_state
        if self.state not in QUOTATION_STATES:
            return state
        if not self._vip_get_approval_reasons():
            return "not_required"
        return "required" if state == "not_required" else state

    def _vip_sync_approval_state(self):
        """Quotations move between "not required" and "required" as their terms change: a
        request whose reasons are gone is withdrawn."""
        for order in self:
            expected = order._vip_expected_approval_state()
            if expected == order.vip_approval_state:
                continue
            if expected == "not_required":
                order._vip_reset_approval("not_required")
            else:
                order.sudo().write({"vip_approval_state": expected})

    # Business methods: re-approval after commercial changes

    @api.model
    def _vip_commercial_fields(self):
        """Order fields whose change alters the offer (re-approval); lines have their own."""
        return [
            "partner_id",
            "pricelist_id",
            "payment_term_id",
            "vip_proposal_type",
            "vip_free_delivery",
            "vip_special_terms_note",
            "agreement_id",
            "vip_payment_form",
            "vip_prepayment_share",
        ]

    @api.model
    def _vip_revision_fields(self):
        """Order fields kept in a revision: the commercial ones and the agreed logistics."""
        return [
            *self._vip_commercial_fields(),
            "preferred_payment_method_line_id",
            "validity_date",
            "commitment_date",
            "carrier_id",
            "vip_store_id",
            "partner_shipping_id",
            "vip_unloading_note",
        ]

    @contextmanager
    def _vip_watch_approval(self):
        """Send approved proposals whose offer changes inside the block back to approval.

        Changes made to a proposal awaiting approval are reported to the heads of sales. The
        chatter lists what changed. Orders already watched by an enclosing block (a change of
        the order that writes its lines) are left to it, so one change posts one message.
        """
        watched = self.env.cr.cache.setdefault("vip_sales_watched_orders", set())
        orders = self.filtered(lambda o: o.id not in watched and o.state in QUOTATION_STATES)
        if not orders:
            yield
            return
        fnames = [*self._vip_commercial_fields(), "commitment_date"]
        decided = orders.filtered(lambda o: o.vip_approval_state in ("approved", "to_approve"))
        # Locked before they are read: a decision taken at once waits for this change, or this
        # change for it (then it is retried and sees the decision, see _vip_decide).
        lock_rows(decided)
        before = {order: (order.vip_approval_state, order._vip_snapshot(fnames)) for order in decided}
        watched.update(orders.ids)
        try:
            yield
        finally:
            watched.difference_update(orders.ids)
        orders.exists()._vip_sync_approval_state()
        for order, (state, snapshot) in before.items():
            if order.exists() and (changes := order._vip_reapproval_changes(snapshot)):
                order._vip_reopen_approval(state, changes)

    def _vip_reapproval_changes(self, snapshot):
        """What changed in the offer since ``snapshot``. A shipping date moved later, or dropped,
        gives the factory more time and asks for no new decision; an earlier or a new one does."""
        self.ensure_one()
        new = self._vip_snapshot(list(snapshot["terms"]))
        before, after = snapshot["terms"].get("commitment_date"), new["terms"].get("commitment_date")
        if not after or (before and after >= before):
            new["terms"]["commitment_date"] = before
        return self._vip_diff(snapshot, new)

    def _vip_reopen_approval(self, previous_state, changes):
        self.ensure_one()
        if self.vip_approval_state == "not_required":
            title = _lt("The offer changed and no longer needs approval:")
        elif previous_state == "approved":
            self.sudo().write({"vip_approval_state": "to_approve"})
            self._vip_open_requests(reopen=True)
            title = _lt("The offer changed after approval and goes back to the head of sales:")
        else:
            title = _lt("The offer changed while awaiting approval:")
        # The changed values are those of the moment (their labels in the language of whoever changed them).
        self._vip_message_post(title, self._vip_changes_html(changes))

    # Business methods: revisions and their differences

    def _vip_revision_name(self, revision):
        self.ensure_one()
        return f"{self.name}-R{revision}" if revision else self.name

    def _vip_snapshot(self, fnames):
        """The offer as plain data (terms, lines, totals), for revisions and re-approval."""
        self.ensure_one()
        terms = {}
        for fname in fnames:
            value = self[fname]
            field = self._fields[fname]
            if field.relational:
                value = ", ".join(value.mapped("display_name"))
            elif field.type in ("date", "datetime"):
                value = field.to_string(value)
            terms[fname] = value
        return {
            "terms": terms,
            "lines": {
                str(line.id): line._vip_snapshot() for line in self.order_line if not line.display_type
            },
            "amount_total": self.amount_total,
        }

    def _vip_diff(self, old, new):
        """What changed from the snapshot ``old`` to ``new``: one readable sentence per change."""
        self.ensure_one()
        changes = []
        for fname, after in new["terms"].items():
            before = old["terms"].get(fname)
            if (before or False) != (after or False) and fname in self._fields:
                changes.append(
                    self.env._(
                        "%(field)s: %(before)s → %(after)s",
                        field=self._fields[fname]._description_string(self.env),
                        before=self._vip_format_term(fname, before),
                        after=self._vip_format_term(fname, after),
                    )
                )
        line_model = self.env["sale.order.line"]
        old_lines, new_lines = old["lines"], new["lines"]
        for key, line in new_lines.items():
            if key not in old_lines:
                changes.append(
                    self.env._("Line added: %(line)s", line=line_model._vip_describe_snapshot(line))
                )
            elif line_changes := line_model._vip_diff_snapshots(old_lines[key], line):
                changes.append(
                    self.env._(
                        "%(product)s: %(changes)s", product=line["product"], changes="; ".join(line_changes)
                    )
                )
        changes.extend(
            self.env._("Line removed: %(line)s", line=line_model._vip_describe_snapshot(line))
            for key, line in old_lines.items()
            if key not in new_lines
        )
        if self.currency_id.compare_amounts(old["amount_total"], new["amount_total"]):
            changes.append(
                self.env._(
                    "Total: %(before)s → %(after)s",
                    before=format_amount(self.env, old["amount_total"], self.currency_id),
                    after=format_amount(self.env, new["amount_total"], self.currency_id),
                )
            )
        return changes

    def _vip_format_term(self, fname, value):
        field = self._fields[fname]
        if field.type == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, value)
        return value if value not in (False, None, "") else "—"

    @api.model
    def _vip_changes_html(self, sentences):
        if not sentences:
            return False
        return Markup("<ul>%s</ul>") % Markup().join(
            Markup("<li>%s</li>") % sentence for sentence in sentences
        )

    # Business methods: receipt and agreements

    def _vip_mark_viewed(self):
        """Record the first time the client opened the proposal in the portal."""
        self.filtered(lambda o: o.vip_is_vip_client and not o.vip_viewed_date).sudo().write(
            {"vip_viewed_date": fields.Datetime.now()}
        )

    @api.model
    def _vip_unviewed_domain(self):
        """Proposals sent to VIP clients that the client has not opened for a few days."""
        limit = fields.Datetime.now() - timedelta(days=RECEIPT_CHECK_DAYS)
        return [
            ("vip_is_vip_client", "=", True),
            ("state", "=", "sent"),
            ("vip_sent_date", "<=", limit),
            ("vip_viewed_date", "=", False),
        ]

    def _vip_clear_nomenclature_agreement(self):
        agreed = self.filtered(lambda o: o.vip_nomenclature_agreed and o.state in QUOTATION_STATES)
        for order in agreed:
            order._vip_message_post(
                _lt(
                    "The lines changed: the agreement of %(partner)s of %(date)s no longer holds; "
                    "agree the lines with the client again.",
                    partner=order.vip_nomenclature_partner_id.display_name or order.partner_id.display_name,
                    date=order.vip_nomenclature_agreed_date,
                )
            )
        agreed.sudo().write(
            {
                "vip_nomenclature_agreed": False,
                "vip_nomenclature_agreed_date": False,
                "vip_nomenclature_agreed_user_id": False,
                "vip_nomenclature_partner_id": False,
                "vip_nomenclature_channel": False,
            }
        )

    # ------------------------------------------------------------------
    # Visits and sales plans
    # ------------------------------------------------------------------

    vip_visit_id = fields.Many2one(
        "vip.visit",
        string="Visit or Call",
        index="btree_not_null",
        copy=False,
        ondelete="set null",
        help="The visit or call in which the client placed this order.",
    )

    @api.constrains("vip_visit_id", "partner_id")
    def _check_vip_visit_id(self):
        # The orders of a visit are the results of its trip: only the visited client's count.
        for order in self.filtered("vip_visit_id"):
            visited = order.vip_visit_id.sudo().partner_id.commercial_partner_id
            if visited != order.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(order)s is not an order of %(client)s, whom the visit “%(visit)s” was "
                        "with: link it to a visit or call of its own client.",
                        order=order.name,
                        client=visited.display_name,
                        visit=order.vip_visit_id.sudo().display_name,
                    )
                )

    @api.model
    def _vip_untaxed_amounts(self, domain, groupby):
        """Untaxed totals of the orders of ``domain`` in company currency, by ``groupby``.

        Each order converts at its own rate (the rate of its date, as Odoo's sales analysis
        does), so the aggregate also groups by rate: a single query whatever the number of
        orders. Returns ``{tuple of the groupby values: amount}``.
        """
        totals = defaultdict(float)
        for *key, rate, amount in self._read_group(
            domain, [*groupby, "currency_rate"], ["amount_untaxed:sum"]
        ):
            totals[tuple(key)] += amount / (rate or 1.0)
        return totals
