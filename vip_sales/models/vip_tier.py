from odoo import fields, models


class VipTier(models.Model):
    _name = "vip.tier"
    _description = "VIP Tier"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    visit_interval_days = fields.Integer(
        string="Visit Every (days)",
        default=30,
        help="A client of this tier is due for an onsite visit this many days after the last one.",
    )
    call_interval_days = fields.Integer(
        string="Call Every (days)",
        default=7,
        help="A client of this tier is due for a call this many days after the last one.",
    )
    target_floor_share = fields.Float(
        string="Target Floor Share (%)",
        digits=(5, 2),
        help="Share of the client's furniture sales floor that our brand sections should cover.",
    )
    target_assortment_share = fields.Float(
        string="Target Assortment Share (%)",
        digits=(5, 2),
        help="Share of the client's furniture models (SKUs) that should be ours.",
    )
    min_card_completeness = fields.Integer(
        string="Minimum Card Completeness (%)",
        default=80,
        help="Orders of a client of this tier cannot be confirmed while its card is less complete.",
    )
    no_order_days = fields.Integer(
        string="No-Order Alert (days)",
        default=45,
        help="A client of this tier that has had no confirmed order for this many days gets "
        'its VIP manager a "no orders" activity, and shows in the "No Recent Orders" filter.',
    )
    partner_ids = fields.One2many(
        "res.partner", "vip_tier_id", string="Clients", domain=[("is_company", "=", True)]
    )
    partner_count = fields.Integer(string="Number of Clients", compute="_compute_partner_count")

    _check_intervals = models.Constraint(
        "CHECK(visit_interval_days > 0 AND call_interval_days > 0)",
        "Visit and call intervals must be positive.",
    )
    _check_targets = models.Constraint(
        "CHECK(target_floor_share BETWEEN 0 AND 100"
        " AND target_assortment_share BETWEEN 0 AND 100"
        " AND min_card_completeness BETWEEN 0 AND 100)",
        "Targets and the minimum card completeness are percentages between 0 and 100.",
    )

    _check_no_order_days = models.Constraint(
        "CHECK(no_order_days > 0)",
        "The number of days without an order before an alert must be positive.",
    )

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("vip_tier_id", "in", self.ids), ("is_company", "=", True)],
                ["vip_tier_id"],
                ["__count"],
            )
        )
        for tier in self:
            tier.partner_count = counts.get(tier, 0)
