from odoo import fields, models
from odoo.tools import SQL

AREA_DIGITS = (10, 2)


class VipShareAnalysis(models.Model):
    """Store surveys of VIP clients: floor and assortment shares against the tier's targets.

    Shares, targets and gaps of a group of surveys are ratios of sums: the floor share of a
    client is its sections' area over its stores' area, not an average of store shares; the
    targets are weighted by area (floor) or by number of models (assortment). Each survey
    also carries the change since the store's previous survey, and the date of the next one,
    so that "the latest survey as of a date" is a plain domain.
    """

    _name = "vip.share.analysis"
    _inherit = ["vip.analysis.mixin"]
    _description = "VIP Share Analysis"
    _auto = False
    _rec_name = "survey_id"
    _order = "date desc, id desc"
    _depends = {
        "vip.share.survey": [
            "company_id",
            "competitor_area",
            "date",
            "our_area",
            "our_sku_count",
            "next_survey_id",
            "previous_survey_id",
            "store_id",
            "total_area",
            "total_sku_count",
            "user_id",
        ],
        "vip.store": ["active", "last_survey_id", "partner_id"],
        "res.partner": ["commercial_partner_id", "vip_manager_id", "vip_tier_id"],
        "vip.tier": ["target_assortment_share", "target_floor_share"],
        "vip.visit": [
            "date",
            "execution_max_points",
            "execution_points",
            "execution_score",
            "state",
            "store_id",
        ],
    }
    _vip_ratio_measures = {
        "floor_share": ("our_area", "total_area"),
        "target_floor_share": ("target_area", "total_area"),
        "floor_share_gap": ("missing_area", "total_area"),
        "assortment_share": ("our_sku_count", "total_sku_count"),
        "target_assortment_share": ("target_sku_count", "total_sku_count"),
        "assortment_share_gap": ("missing_sku_count", "total_sku_count"),
        "execution_score": ("execution_points", "execution_max_points"),
    }

    survey_id = fields.Many2one("vip.share.survey", readonly=True)
    store_id = fields.Many2one("vip.store", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Client", readonly=True)
    manager_id = fields.Many2one("res.users", string="VIP Manager", readonly=True)
    tier_id = fields.Many2one("vip.tier", string="VIP Tier", readonly=True)
    user_id = fields.Many2one("res.users", string="Surveyed By", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date = fields.Date(readonly=True)
    previous_survey_date = fields.Date(string="Previous Survey", readonly=True)
    next_survey_date = fields.Date(string="Next Survey", readonly=True)
    is_latest = fields.Boolean(string="Latest Survey of an Active Store", readonly=True)
    total_area = fields.Float(string="Total Area (m²)", digits=AREA_DIGITS, readonly=True)
    our_area = fields.Float(string="Our Area (m²)", digits=AREA_DIGITS, readonly=True)
    competitor_area = fields.Float(string="Competitor Area (m²)", digits=AREA_DIGITS, readonly=True)
    target_area = fields.Float(
        string="Target Area (m²)",
        digits=AREA_DIGITS,
        readonly=True,
        help="Area our sections should cover: the tier's floor share target of the total area.",
    )
    missing_area = fields.Float(
        string="Missing Area (m²)",
        digits=AREA_DIGITS,
        readonly=True,
        help="Target area minus our area; negative when the target is beaten.",
    )
    floor_share = fields.Float(string="Floor Share (%)", digits=(5, 2), aggregator="avg", readonly=True)
    target_floor_share = fields.Float(
        string="Target Floor Share (%)", digits=(5, 2), aggregator="avg", readonly=True
    )
    floor_share_gap = fields.Float(
        string="Floor Share Gap (pp)",
        digits=(5, 2),
        aggregator="avg",
        readonly=True,
        help="Percentage points still missing to reach the target; negative when the target is beaten.",
    )
    floor_share_change = fields.Float(
        string="Floor Share Change (pp)",
        digits=(5, 2),
        aggregator=None,
        readonly=True,
        help="Change since the store's previous survey.",
    )
    total_sku_count = fields.Integer(string="All Models", readonly=True)
    our_sku_count = fields.Integer(string="Our Models", readonly=True)
    target_sku_count = fields.Float(
        string="Target Models",
        digits=(16, 1),
        readonly=True,
        help="How many of the store's models should be ours: the tier's assortment share target.",
    )
    missing_sku_count = fields.Float(string="Missing Models", digits=(16, 1), readonly=True)
    assortment_share = fields.Float(
        string="Assortment Share (%)", digits=(5, 2), aggregator="avg", readonly=True
    )
    target_assortment_share = fields.Float(
        string="Target Assortment Share (%)", digits=(5, 2), aggregator="avg", readonly=True
    )
    assortment_share_gap = fields.Float(
        string="Assortment Share Gap (pp)",
        digits=(5, 2),
        aggregator="avg",
        readonly=True,
        help="Percentage points still missing to reach the target; negative when the target is beaten.",
    )
    assortment_share_change = fields.Float(
        string="Assortment Share Change (pp)",
        digits=(5, 2),
        aggregator=None,
        readonly=True,
        help="Change since the store's previous survey.",
    )

    audit_visit_id = fields.Many2one(
        "vip.visit",
        string="Audit",
        readonly=True,
        help="The store's latest visit with a section audit, on or before the survey's day.",
    )
    audit_date = fields.Datetime(string="Audited On", readonly=True)
    execution_points = fields.Integer(string="Checks Passed", readonly=True)
    execution_max_points = fields.Integer(string="Checks Made", readonly=True)
    execution_score = fields.Float(
        string="Execution Score (%)",
        digits=(5, 1),
        aggregator="avg",
        readonly=True,
        help="Share of the audit checklist passed in the store's brand sections, at the latest"
        " audit on or before the survey.",
    )
    execution_score_change = fields.Float(
        string="Execution Score Change (pp)",
        digits=(5, 1),
        aggregator=None,
        readonly=True,
        help="Change since the store's previous survey.",
    )

    def _query(self):
        return SQL(
            """
            SELECT sv.id AS id,
                   sv.id AS survey_id,
                   sv.store_id AS store_id,
                   client.id AS partner_id,
                   client.vip_manager_id AS manager_id,
                   client.vip_tier_id AS tier_id,
                   sv.user_id AS user_id,
                   sv.company_id AS company_id,
                   sv.date AS date,
                   prev.date AS previous_survey_date,
                   next.date AS next_survey_date,
                   (store.active AND store.last_survey_id = sv.id) AS is_latest,
                   sv.total_area AS total_area,
                   sv.our_area AS our_area,
                   sv.competitor_area AS competitor_area,
                   COALESCE(tier.target_floor_share, 0) * sv.total_area / 100.0 AS target_area,
                   COALESCE(tier.target_floor_share, 0) * sv.total_area / 100.0
                       - sv.our_area AS missing_area,
                   %(floor)s AS floor_share,
                   tier.target_floor_share AS target_floor_share,
                   tier.target_floor_share - %(floor)s AS floor_share_gap,
                   %(floor)s - %(prev_floor)s AS floor_share_change,
                   sv.total_sku_count AS total_sku_count,
                   sv.our_sku_count AS our_sku_count,
                   COALESCE(tier.target_assortment_share, 0) * sv.total_sku_count / 100.0 AS target_sku_count,
                   COALESCE(tier.target_assortment_share, 0) * sv.total_sku_count / 100.0
                       - sv.our_sku_count AS missing_sku_count,
                   %(assortment)s AS assortment_share,
                   tier.target_assortment_share AS target_assortment_share,
                   tier.target_assortment_share - %(assortment)s AS assortment_share_gap,
                   %(assortment)s - %(prev_assortment)s AS assortment_share_change,
                   audit.id AS audit_visit_id,
                   audit.date AS audit_date,
                   audit.execution_points AS execution_points,
                   audit.execution_max_points AS execution_max_points,
                   audit.execution_score AS execution_score,
                   audit.execution_score - (
                       SELECT previous_audit.execution_score FROM (%(previous_audit)s) previous_audit
                   ) AS execution_score_change
              FROM vip_share_survey sv
              LEFT JOIN vip_share_survey prev ON prev.id = sv.previous_survey_id
              LEFT JOIN vip_share_survey next ON next.id = sv.next_survey_id
              JOIN vip_store store ON store.id = sv.store_id
              JOIN res_partner store_partner ON store_partner.id = store.partner_id
              JOIN res_partner client ON client.id = store_partner.commercial_partner_id
              LEFT JOIN vip_tier tier ON tier.id = client.vip_tier_id
              LEFT JOIN LATERAL (%(audit)s) audit ON TRUE
            """,
            floor=self._share_sql("sv", "our_area", "total_area"),
            prev_floor=self._share_sql("prev", "our_area", "total_area"),
            assortment=self._share_sql("sv", "our_sku_count", "total_sku_count"),
            prev_assortment=self._share_sql("prev", "our_sku_count", "total_sku_count"),
            audit=self._audit_query(SQL("sv.date")),
            previous_audit=self._audit_query(SQL("prev.date")),
        )

    @staticmethod
    def _share_sql(alias, part, whole):
        """The percentage ``part`` of ``whole`` of the survey ``alias``; empty without whole."""
        return SQL("100.0 * %s / NULLIF(%s, 0)", SQL.identifier(alias, part), SQL.identifier(alias, whole))

    def _audit_query(self, day):
        """The store's latest audited visit up to ``day`` (a column of the survey), through the
        visits' partial index. The previous survey's is a sub-select of the change column:
        PostgreSQL drops it when the reader does not ask for the change (the trend)."""
        return SQL(
            """
            SELECT v.id, v.date, v.execution_points, v.execution_max_points, v.execution_score
              FROM vip_visit v
             WHERE v.store_id = sv.store_id
               AND v.execution_max_points > 0
               AND v.state != 'cancelled'
               AND v.date < %s + 1
             ORDER BY v.date DESC, v.id DESC
             LIMIT 1
            """,
            day,
        )
