import operator
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain

from ..tools import ru_requisites
from ..tools.locks import claim_run

# Access to the VIP data of a client (enforced in create/write, whoever calls them):
# - ownership (tier, owner, VIP since): only the head of sales changes it, or an accepted
#   hand-over (vip.handover.action_accept, a checked sudo);
# - the 1C card (ИНН, КПП, ОГРН, contract, 1C code) of a VIP client: its own VIP manager and
#   the head of sales change it, nobody else (not active sales, not another VIP manager).
#   Bank accounts of the client follow the same rule.
VIP_OWNERSHIP_FIELDS = ("vip_tier_id", "vip_manager_id", "vip_since")
VIP_CARD_FIELDS = (
    "vat",
    "vip_legal_name",
    "vip_kpp",
    "vip_ogrn",
    "vip_contract_ref",
    "vip_contract_date",
    "vip_1c_code",
)
# Who signs the company's contracts, and on what authority; edited like the card.
VIP_SIGNATORY_FIELDS = ("vip_signatory_name", "vip_signatory_title", "vip_signatory_basis")
# What the card completeness reads: the card, the legal address, bank accounts and contacts.
VIP_CARD_DEPENDS = (
    *VIP_CARD_FIELDS,
    "street",
    "city",
    "zip",
    "commercial_partner_id",
    "bank_ids.active",
    "bank_ids.sanitized_acc_number",
    "bank_ids.bank_id.vip_bik",
    "bank_ids.bank_id.vip_corr_account",
    "child_ids.active",
    "child_ids.type",
    "child_ids.phone",
    "child_ids.email",
    "vip_agreement_ids.vip_state",
    "vip_agreement_ids.start_date",
    "vip_agreement_ids.end_date",
    "vip_agreement_ids.company_id",
    "vip_agreement_ids.active",
)
_COMPARE = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le}


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "vip.computed.mixin"]

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
        domain=lambda self: self.env["res.users"]._vip_manager_domain(),
        help="The owner of the VIP client: the manager who handles it.",
    )
    vip_since = fields.Date(string="VIP Since", tracking=True)
    vip_handover_ids = fields.One2many("vip.handover", "partner_id", string="Hand-overs")
    vip_can_edit_ownership = fields.Boolean(string="Can Change the Owner", compute="_compute_vip_can_edit")
    vip_can_edit_card = fields.Boolean(string="Can Change the Card", compute="_compute_vip_can_edit")

    # 1C card: the counterparty as the accounting system needs it.
    vip_legal_name = fields.Char(
        string="Legal Name",
        help="Full name as registered, e.g. Общество с ограниченной ответственностью «Мебельград».",
    )
    vip_kpp = fields.Char(
        string="KPP",
        help="Tax registration reason code of a legal entity (9 characters). A sole trader has none.",
    )
    vip_ogrn = fields.Char(
        string="OGRN / OGRNIP",
        help="Primary state registration number: 13 digits (OGRN) for a legal entity, "
        "15 digits (OGRNIP) for a sole trader.",
    )
    vip_contract_ref = fields.Char(string="Contract Number")
    vip_contract_date = fields.Date(string="Contract Date")
    vip_1c_code = fields.Char(string="1C Code", copy=False, help="Code of the counterparty in 1C.")
    vip_signatory_name = fields.Char(
        string="Signatory",
        help="Who signs the company's contracts, e.g. Иванов Иван Иванович.",
    )
    vip_signatory_title = fields.Char(string="Signatory's Position", help="e.g. Генеральный директор.")
    vip_signatory_basis = fields.Char(
        string="Acting on the Basis of",
        help="The signatory's authority, as the contract says it after «действующего на основании»: "
        "«Устава», «доверенности № 12 от 01.02.2026».",
    )
    vip_is_sole_trader = fields.Boolean(
        string="Sole Trader",
        compute="_compute_vip_is_sole_trader",
        help="A sole trader (ИП) has a 12-digit INN, an OGRNIP and no KPP.",
    )
    vip_card_completeness = fields.Integer(
        string="Card Completeness (%)",
        compute="_compute_vip_card_completeness",
        store=True,
        help="Share of the items of the client card (for 1C) that are filled in.",
    )
    vip_card_missing = fields.Text(string="Missing in the Card", compute="_compute_vip_card_missing")
    vip_agreement_ids = fields.One2many(
        "agreement", "commercial_partner_id", string="Supply Contracts of the Client"
    )

    # No-order watch
    vip_order_ids = fields.One2many(
        "sale.order", "vip_commercial_partner_id", string="Orders of the Client and its Contacts"
    )
    vip_last_order_date = fields.Date(
        string="Last Order",
        compute="_compute_vip_last_order_date",
        store=True,
        help="Date of the last confirmed order of the client or of its contacts.",
    )
    vip_days_without_order = fields.Integer(
        string="Days Without Order",
        compute="_compute_vip_days_without_order",
        search="_search_vip_days_without_order",
        help="Days since the last confirmed order or, for a client that never ordered, since it "
        "became a VIP client.",
    )
    vip_no_recent_order = fields.Boolean(
        string="No Recent Orders",
        compute="_compute_vip_no_recent_order",
        search="_search_vip_no_recent_order",
        help="No confirmed order for the number of days its tier allows (No-Order Alert).",
    )

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

    @api.depends("commercial_partner_id.is_vip", "commercial_partner_id.vip_manager_id")
    @api.depends_context("uid")
    def _compute_vip_can_edit(self):
        is_head = self._vip_user_is_head()
        edits_all_cards = self._vip_user_edits_all_cards()
        for partner in self:
            client = partner.commercial_partner_id
            partner.vip_can_edit_ownership = is_head
            partner.vip_can_edit_card = (
                edits_all_cards or not client.is_vip or client.vip_manager_id == self.env.user
            )

    @api.depends("vat")
    def _compute_vip_is_sole_trader(self):
        for partner in self:
            partner.vip_is_sole_trader = len(partner.vat or "") == ru_requisites.INN_SOLE_TRADER_LENGTH

    @api.depends(*VIP_CARD_DEPENDS)
    def _compute_vip_card_completeness(self):
        contracted = self._vip_signed_contract_client_ids()
        for partner in self:
            items = partner._vip_card_items(contracted)
            partner.vip_card_completeness = (
                round(100 * sum(present for _label, present in items) / len(items)) if items else 0
            )

    @api.depends(*VIP_CARD_DEPENDS)
    def _compute_vip_card_missing(self):
        contracted = self._vip_signed_contract_client_ids()
        for partner in self:
            partner.vip_card_missing = ", ".join(
                label for label, present in partner._vip_card_items(contracted) if not present
            )

    @api.depends("vip_order_ids.state", "vip_order_ids.date_order")
    def _compute_vip_last_order_date(self):
        last_orders = dict(
            self.env["sale.order"]._read_group(
                [("vip_commercial_partner_id", "in", self._origin.ids), ("state", "=", "sale")],
                ["vip_commercial_partner_id"],
                ["date_order:max"],
            )
        )
        for partner in self:
            last_order = last_orders.get(partner._origin)
            partner.vip_last_order_date = last_order and last_order.date()

    @api.depends("vip_last_order_date", "vip_since", "commercial_partner_id")
    def _compute_vip_days_without_order(self):
        today = fields.Date.context_today(self)
        for partner in self:
            since = partner._vip_order_reference_date()
            partner.vip_days_without_order = (today - since).days if since else 0

    def _search_vip_days_without_order(self, operator, value):
        if operator not in _COMPARE:
            return NotImplemented
        # "days OP value" is "reference date OP' today - value", with OP' the mirrored operator
        # (more days without an order is an older reference date).
        mirrored = {">": "<", ">=": "<=", "<": ">", "<=": ">="}[operator]
        cutoff = fields.Date.context_today(self) - timedelta(days=value)
        domain = self._vip_order_reference_domain(mirrored, cutoff)
        if _COMPARE[operator](0, value):  # contacts, and clients without any date, count 0 days
            domain |= ~self._vip_client_domain() | (
                Domain("vip_last_order_date", "=", False) & Domain("vip_since", "=", False)
            )
        return domain

    @api.depends("vip_tier_id.no_order_days", "vip_days_without_order")
    def _compute_vip_no_recent_order(self):
        for partner in self:
            partner.vip_no_recent_order = bool(
                partner.vip_tier_id
                and partner._vip_order_reference_date()
                and partner.vip_days_without_order >= partner.vip_tier_id.no_order_days
            )

    def _search_vip_no_recent_order(self, operator, value):
        if operator != "in":
            return NotImplemented
        domain = Domain.OR(self._vip_no_order_domain(tier) for tier in self.env["vip.tier"].search([]))
        return domain if True in value else ~domain

    def _vip_order_reference_date(self):
        """The date the no-order watch counts from: the last order, else the VIP since date.

        The watch is about clients: a contact has none (its orders are its company's).
        """
        self.ensure_one()
        if self.commercial_partner_id != self:
            return False
        return self.vip_last_order_date or self.vip_since

    @api.model
    def _vip_client_domain(self):
        """Commercial entities: companies, and persons without a company (sole traders...)."""
        return Domain("is_company", "=", True) | Domain("parent_id", "=", False)

    def _vip_order_reference_domain(self, operator, day):
        """Clients whose reference date (last order, else VIP since) compares to ``day``."""
        return self._vip_client_domain() & (
            Domain("vip_last_order_date", operator, day)
            | (Domain("vip_last_order_date", "=", False) & Domain("vip_since", operator, day))
        )

    def _vip_no_order_domain(self, tier):
        """Clients of ``tier`` without a confirmed order for the tier's number of days."""
        cutoff = fields.Date.context_today(self) - timedelta(days=tier.no_order_days)
        return Domain("vip_tier_id", "=", tier.id) & self._vip_order_reference_domain("<=", cutoff)

    # ------------------------------------------------------------------
    # Cadence of calls and visits
    # ------------------------------------------------------------------

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

    @api.depends("is_vip", "is_company", "parent_id", "vip_next_call_date", "vip_next_visit_date")
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
        """VIP clients whose next call/visit date is before ``before``, or who were never contacted."""
        return (
            self._vip_client_domain()
            & Domain("is_vip", "=", True)
            & (Domain(next_date_field, "=", False) | Domain(next_date_field, "<", before))
        )

    def _vip_signed_contract_client_ids(self):
        """Ids of the partners of ``self`` with a signed supply contract valid today (with any
        of our companies), in one query for all of them. The card is the same for every
        reader, so every contract counts, whoever may read it."""
        today = fields.Date.context_today(self)
        groups = (
            self.env["agreement"]
            .sudo()
            ._read_group(
                [
                    ("commercial_partner_id", "in", self._origin.ids),
                    ("vip_state", "=", "signed"),
                    "|",
                    ("start_date", "=", False),
                    ("start_date", "<=", today),
                    "|",
                    ("end_date", "=", False),
                    ("end_date", ">=", today),
                ],
                ["commercial_partner_id"],
            )
        )
        return {client.id for (client,) in groups}

    def _vip_card_items(self, contracted=None):
        """The items of the client card for 1C, as ``(label, filled)`` pairs.

        Only a commercial partner (company, sole trader, or a person without company) has a
        card: a contact has none. A 12-digit INN makes a sole trader (an OGRNIP, no KPP);
        anyone else is taken as a legal entity (a KPP and an OGRN). ``contracted``: the ids
        of the clients with a signed contract valid today, when the caller read them for a
        batch (``_vip_signed_contract_client_ids``).
        """
        self.ensure_one()
        if self.commercial_partner_id != self:
            return []
        if contracted is None:
            contracted = self._vip_signed_contract_client_ids()
        sole_trader = self.vip_is_sole_trader
        contacts = self.child_ids
        items = [(self.env._("legal name"), bool(self.vip_legal_name)), (self.env._("INN"), bool(self.vat))]
        if not sole_trader:
            items.append((self.env._("KPP"), bool(self.vip_kpp)))
        items += [
            (self.env._("OGRNIP") if sole_trader else self.env._("OGRN"), bool(self.vip_ogrn)),
            (
                self.env._("settlement account at a Russian bank with its BIK and correspondent account"),
                any(account._vip_is_russian_account() for account in self.bank_ids),
            ),
            (self.env._("legal address (street, city, zip)"), bool(self.street and self.city and self.zip)),
            (self.env._("delivery address"), any(contact.type == "delivery" for contact in contacts)),
            (
                self.env._("contact person with phone or email"),
                any(contact.type == "contact" and (contact.phone or contact.email) for contact in contacts),
            ),
            (self.env._("contract number and date"), bool(self.vip_contract_ref and self.vip_contract_date)),
            (self.env._("1C code"), bool(self.vip_1c_code)),
            (self.env._("signed supply contract"), self._origin.id in contracted),
        ]
        return items

    def _vip_is_russian(self):
        self.ensure_one()
        country = self.country_id or self.company_id.country_id or self.env.company.country_id
        return country.code == "RU"

    @api.constrains("vat", "country_id")
    def _check_vip_inn(self):
        for partner in self:
            if partner.vat and partner._vip_is_russian() and not ru_requisites.is_valid_inn(partner.vat):
                raise ValidationError(
                    self.env._(
                        "The INN %(inn)s of %(partner)s is not valid: it has 10 digits for a legal "
                        "entity or 12 for a sole trader, with the right check digits.",
                        inn=partner.vat,
                        partner=partner.display_name,
                    )
                )

    @api.constrains("vip_kpp", "vat")
    def _check_vip_kpp(self):
        for partner in self.filtered("vip_kpp"):
            if partner.vip_is_sole_trader:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is a sole trader (12-digit INN): a sole trader has no KPP.",
                        partner=partner.display_name,
                    )
                )
            if not ru_requisites.is_valid_kpp(partner.vip_kpp):
                raise ValidationError(
                    self.env._(
                        "The KPP %(kpp)s of %(partner)s is not valid: it has 9 characters, "
                        "4 digits, 2 digits or capital Latin letters, then 3 digits.",
                        kpp=partner.vip_kpp,
                        partner=partner.display_name,
                    )
                )

    @api.constrains("vip_ogrn", "vat")
    def _check_vip_ogrn(self):
        for partner in self.filtered("vip_ogrn"):
            ogrn = partner.vip_ogrn
            inn_length = len(partner.vat or "")
            if inn_length == ru_requisites.INN_SOLE_TRADER_LENGTH:
                valid = ru_requisites.is_valid_ogrnip(ogrn)
            elif inn_length == ru_requisites.INN_LEGAL_ENTITY_LENGTH:
                valid = ru_requisites.is_valid_ogrn(ogrn)
            else:
                valid = ru_requisites.is_valid_ogrn(ogrn) or ru_requisites.is_valid_ogrnip(ogrn)
            if not valid:
                raise ValidationError(
                    self.env._(
                        "The OGRN / OGRNIP %(ogrn)s of %(partner)s is not valid: a legal entity "
                        "(10-digit INN) has a 13-digit OGRN, a sole trader (12-digit INN) a "
                        "15-digit OGRNIP, with the right check digit.",
                        ogrn=ogrn,
                        partner=partner.display_name,
                    )
                )

    @api.model
    def _commercial_fields(self):
        # Contacts show (and are searched by) their company's VIP data and card.
        card_fields = [fname for fname in VIP_CARD_FIELDS if fname != "vat"]  # vat already is one
        return [*super()._commercial_fields(), *VIP_OWNERSHIP_FIELDS, *card_fields]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._vip_owner_is_salesperson(vals)
        partners = super().create(vals_list)
        if not self._vip_user_is_head():
            for partner, vals in zip(partners, vals_list, strict=True):
                # A contact may carry its company's ownership; nothing else may be created
                # with one by anyone but the head.
                given = [fname for fname in VIP_OWNERSHIP_FIELDS if vals.get(fname)]
                owner = partner.commercial_partner_id
                if given and (owner == partner or any(partner[f] != owner[f] for f in given)):
                    partner._vip_raise_ownership_error()
        return partners

    def write(self, vals):
        vals = self._vip_owner_is_salesperson(dict(vals))
        if not self._vip_user_is_head():
            if self._vip_changing(vals, VIP_OWNERSHIP_FIELDS):
                self._vip_raise_ownership_error()
            self._vip_changing(vals, VIP_CARD_FIELDS + VIP_SIGNATORY_FIELDS)._vip_check_card_access()
        res = super().write(vals)
        if "vip_tier_id" in vals:
            # A client becoming VIP (or no longer) brings its quotations under approval (or out).
            self.env["sale.order"].sudo().search(
                [
                    ("partner_id", "child_of", self.commercial_partner_id.ids),
                    ("state", "in", ("draft", "sent")),
                ]
            )._vip_sync_approval_state()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_vip_client(self):
        if not self._vip_user_is_head() and any(p.is_vip and p.commercial_partner_id == p for p in self):
            raise UserError(self.env._("Only the head of sales can delete a VIP client."))

    @api.model
    def _vip_owner_is_salesperson(self, vals):
        """Becoming the owner of a client also makes the manager its salesperson."""
        if vals.get("vip_manager_id") and "user_id" not in vals:
            vals["user_id"] = vals["vip_manager_id"]
        return vals

    def _vip_user_is_head(self):
        return self.env.su or self.env.user.has_group("vip_sales.group_vip_head")

    def _vip_user_edits_all_cards(self):
        """Whether the current user changes the 1C card of any VIP client, not only of his own
        ones: the head of sales (the 1C exchange, once installed, adds its own user)."""
        return self._vip_user_is_head()

    def _vip_not_own_clients(self):
        """The clients of ``self`` that the current user may not act on as their owner: none
        for the head of sales, else those whose VIP manager is somebody else."""
        if self._vip_user_is_head():
            return self.browse()
        return self.filtered(lambda client: client.vip_manager_id != self.env.user)

    def _vip_changing(self, vals, fnames):
        """The partners of ``self`` on which ``vals`` changes the value of one of ``fnames``."""
        fields_ = [self._fields[fname] for fname in fnames if fname in vals]
        if not fields_:
            return self.browse()
        return self.filtered(
            lambda partner: any(
                field.convert_to_record(field.convert_to_cache(vals[field.name], partner), partner)
                != partner[field.name]
                for field in fields_
            )
        )

    def _vip_raise_ownership_error(self):
        raise AccessError(
            self.env._(
                "Only the head of sales changes the tier, the VIP manager or the VIP since date of "
                "a client. To take over a client, ask for a hand-over."
            )
        )

    def _vip_check_card_access(self):
        """Refuse changes to the card of a VIP client by anyone but its VIP manager and the head.

        :raise AccessError: naming the client and its owner
        """
        for client in self.commercial_partner_id:
            if not client.vip_can_edit_card:
                raise AccessError(
                    self.env._(
                        "The card of %(client)s belongs to its VIP manager %(owner)s: only they or "
                        "the head of sales can change it.",
                        client=client.display_name,
                        owner=client.vip_manager_id.name or "-",
                    )
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_vip_hand_over(self):
        """Open a new hand-over of this client to a VIP manager."""
        self.ensure_one()
        client = self.commercial_partner_id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Hand Over to VIP Manager"),
            "res_model": "vip.handover",
            "view_mode": "form",
            "target": "current",
            "context": {"default_partner_id": client.id, "default_tier_id": client.vip_tier_id.id},
        }

    def action_vip_send_info_letter(self):
        """Open the mail composer in mass mode on the selected clients, with the info letters.

        A VIP manager writes to his own clients; the head writes to any.
        """
        clients = self.commercial_partner_id
        if others := clients._vip_not_own_clients():
            raise UserError(
                self.env._(
                    "You can only send info letters to your own VIP clients, not to: %(clients)s.",
                    clients=", ".join(others.mapped("display_name")),
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send Info Letter"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_composition_mode": "mass_mail",
                "default_model": "res.partner",
                "default_res_ids": clients.ids,
                "default_template_id": self.env.ref("vip_sales.mail_template_vip_new_collection").id,
            },
        }

    # ------------------------------------------------------------------
    # Printed contracts
    # ------------------------------------------------------------------

    def _vip_signatory_text(self):
        """Who signs for the company, as a Russian contract names him: «Генеральный директор
        Иванов И. И., действующего на основании Устава»; a blank line when the card has none."""
        self.ensure_one()
        party = self.commercial_partner_id
        person = " ".join(filter(None, (party.vip_signatory_title, party.vip_signatory_name)))
        if not person:
            return "____________________"
        if not party.vip_signatory_basis:
            return person
        return self.env._(
            "%(person)s, acting on the basis of %(basis)s", person=person, basis=party.vip_signatory_basis
        )

    # ------------------------------------------------------------------
    # Daily task list: activities that the daily action schedules
    # ------------------------------------------------------------------

    def _vip_activity_rules(self):
        """Rules of the daily action, as ``(activity type xml id, partner domain, summary)``.

        Each feature adds its rules to this list; the domain selects the VIP client companies
        that are due for that activity.
        """
        return [*self._vip_no_order_rules(), self._vip_proposal_receipt_rule(), *self._vip_cadence_rules()]

    def _vip_no_order_rules(self):
        """One rule per tier: the tier's clients without an order for its number of days."""
        return [
            (
                "vip_sales.mail_act_type_vip_no_order",
                self._vip_no_order_domain(tier),
                self.env._("VIP: no orders for %(days)s days", days=tier.no_order_days),
            )
            for tier in self.env["vip.tier"].search([])
        ]

    def _vip_proposal_receipt_rule(self):
        # Proposals sent to a client who has not opened them for a few days: check receipt.
        # A subquery: the daily action never loads those orders into memory.
        orders = self.env["sale.order"]._search(self.env["sale.order"]._vip_unviewed_domain())
        return (
            "vip_sales.mail_act_type_proposal_receipt",
            [("id", "in", orders.subselect("vip_commercial_partner_id"))],
            self.env._("Check that the client received the proposal"),
        )

    def _vip_cadence_rules(self):
        """A call or a visit is due from its next date on (or when there was none yet)."""
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
        """Daily action: give each VIP client's owner the activities its rules call for.

        The rules run once per language of the owners, so that each owner reads the summaries
        in their own language (queries grow with the languages, not with the clients).
        """
        managers = (
            self.env["res.users"]
            .with_context(active_test=False)
            .search(self.env["res.users"]._vip_manager_domain())
        )
        for lang in set(managers.partner_id.mapped("lang")):
            in_lang = self.with_context(lang=lang)
            owners_in_lang = [("vip_manager_id.partner_id.lang", "=", lang)]
            for activity_type_xmlid, domain, summary in in_lang._vip_activity_rules():
                in_lang._vip_schedule_activity(
                    self.env.ref(activity_type_xmlid),
                    Domain.AND([domain, owners_in_lang]),
                    summary,
                    batch_size,
                )

    @api.model
    def _vip_schedule_activity(self, activity_type, domain, summary, batch_size=1000):
        """Schedule one open activity of ``activity_type`` on each due client, in batches.

        A client that already has an open activity of that type gets no second one, so the
        action can run any number of times a day, two runs at once included (the second one
        schedules nothing). Queries grow with the number of batches,
        not of clients.
        """
        # "NOT IN (the clients with such an activity)" rather than a correlated NOT EXISTS: the
        # database hashes the subquery once, however many activities there are.
        scheduled = self.env["mail.activity"]._search(
            [("res_model", "=", self._name), ("activity_type_id", "=", activity_type.id)]
        )
        domain = Domain.AND(
            [
                domain,
                [
                    ("is_company", "=", True),
                    ("is_vip", "=", True),
                    ("vip_manager_id", "!=", False),
                    ("id", "not in", scheduled.subselect("res_id")),
                ],
            ]
        )
        activity_model = self.env["mail.activity"].with_context(
            mail_activity_quick_update=True, mail_create_nosubscribe=True, tracking_disable=True
        )
        res_model_id = self.env["ir.model"]._get_id("res.partner")
        deadline = fields.Date.context_today(self)
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        created = last_id = 0
        # Another run at once (a second worker, a run by hand) would read the clients before
        # this run's activities exist and schedule them twice: it stops here, and this run
        # claims again after each batch it commits.
        while claim_run(self.env, "vip_sales.last_run.activities"):
            # Each batch starts after the previous one, so the search never wades again through
            # the clients it has just given an activity (linear, not quadratic, in clients).
            partners = self.search_fetch(
                domain & Domain("id", ">", last_id), ["vip_manager_id"], limit=batch_size, order="id"
            )
            if not partners:
                break
            last_id = partners[-1].id
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

    # ------------------------------------------------------------------
    # Store shares: floor share and assortment share against the tier's targets
    # ------------------------------------------------------------------

    vip_store_count = fields.Integer(string="Active Stores", compute="_compute_vip_shares")
    vip_surveyed_store_count = fields.Integer(
        string="Surveyed Stores",
        compute="_compute_vip_shares",
        help="Active stores with at least one survey: only they count in the assortment share.",
    )
    vip_floor_share = fields.Float(
        string="Floor Share (%)",
        digits=(5, 2),
        compute="_compute_vip_shares",
        help="Our installed brand sections over the total furniture floor of the client's active stores.",
    )
    vip_floor_share_target = fields.Float(related="vip_tier_id.target_floor_share")
    vip_floor_share_gap = fields.Float(
        string="Floor Share Gap (pp)",
        digits=(5, 2),
        compute="_compute_vip_shares",
        help="Percentage points still missing to reach the target; negative when the target is beaten.",
    )
    vip_assortment_share = fields.Float(
        string="Assortment Share (%)",
        digits=(5, 2),
        compute="_compute_vip_shares",
        help="Our models over all the furniture models in the latest survey of each active store;"
        " stores never surveyed do not count.",
    )
    vip_assortment_share_target = fields.Float(related="vip_tier_id.target_assortment_share")
    vip_assortment_share_gap = fields.Float(
        string="Assortment Share Gap (pp)",
        digits=(5, 2),
        compute="_compute_vip_shares",
        help="Percentage points still missing to reach the target; negative when the target is beaten.",
    )
    vip_sku_sold_count = fields.Integer(
        string="Models Sold (12 months)",
        compute="_compute_vip_sku_sold_count",
        help="Distinct products of ours sold to the client in confirmed orders of the last 12 months.",
    )

    def _vip_commercial_ids(self):
        """Map each partner to the id of its commercial partner (a contact shows its company's).

        Read as superuser: plain ids of the partners on display, which would otherwise go
        through the partners' record rules once more, record by record. The partners' tiers
        come in the same query, for the targets.
        """
        self.sudo()._origin.fetch(["commercial_partner_id", "vip_tier_id"])
        return {
            partner: partner_sudo.commercial_partner_id._origin.id
            for partner, partner_sudo in zip(self, self.sudo(), strict=True)
        }

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_vip_shares(self):
        # One aggregate over the stores of all the partners at once, as the user: the record
        # rules on the stores apply, and a user without access to stores gets no figure.
        commercial_ids = self._vip_commercial_ids()
        stats = {}
        if self.env["vip.store"].has_access("read"):
            stats = {
                partner.id: rest
                for partner, *rest in self.env["vip.store"]._read_group(
                    [("partner_id", "in", list(set(commercial_ids.values())))],
                    ["partner_id"],
                    [
                        "__count",
                        "last_survey_id:count",
                        "our_area:sum",
                        "total_area:sum",
                        "last_our_sku_count:sum",
                        "last_total_sku_count:sum",
                    ],
                )
            }
        for partner, partner_sudo in zip(self, self.sudo(), strict=True):
            stores, surveyed, our_area, total_area, our_skus, total_skus = stats.get(
                commercial_ids[partner], (0, 0, 0.0, 0.0, 0, 0)
            )
            floor_share = total_area and 100.0 * our_area / total_area
            assortment_share = total_skus and 100.0 * our_skus / total_skus
            partner.vip_store_count = stores
            partner.vip_surveyed_store_count = surveyed
            partner.vip_floor_share = floor_share
            partner.vip_assortment_share = assortment_share
            partner.vip_floor_share_gap = partner_sudo.vip_floor_share_target - floor_share
            partner.vip_assortment_share_gap = partner_sudo.vip_assortment_share_target - assortment_share

    @api.depends_context("allowed_company_ids")
    def _compute_vip_sku_sold_count(self):
        # Every order of the client counts, whoever sold it: the count reveals no order.
        commercial_ids = self._vip_commercial_ids()
        since = fields.Datetime.now() - relativedelta(months=12)
        counts = {
            partner.id: count
            for partner, count in self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("order_partner_id.commercial_partner_id", "in", list(set(commercial_ids.values()))),
                    ("company_id", "in", self.env.companies.ids),
                    ("state", "=", "sale"),
                    ("order_id.date_order", ">=", since),
                    ("product_id.type", "=", "consu"),
                    ("is_delivery", "=", False),
                ],
                ["order_partner_id.commercial_partner_id"],
                ["product_id:count_distinct"],
            )
        }
        for partner in self:
            partner.vip_sku_sold_count = counts.get(commercial_ids[partner], 0)

    def action_vip_open_stores(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_sales.vip_store_action")
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

    def action_vip_open_share_trend(self):
        """Open the client's surveys as a graph over time: the trend of both shares."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("vip_sales.vip_share_survey_action_trend")
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["name"] = self.env._("Share Trend: %(client)s", client=self.commercial_partner_id.name)
        return action
