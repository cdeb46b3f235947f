from dateutil.relativedelta import relativedelta

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
        return []

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
