from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.fields import Domain

from .vip_report_xlsx import VipColumn


class VipSharesXlsx(models.AbstractModel):
    """Floor and assortment shares: clients, then their active stores, as of the end of the
    period (the latest survey of each store by then), with each competitor's area, the
    targets of the client's tier and the change since the store's previous survey."""

    _name = "report.vip_sales_report.shares_xlsx"
    _inherit = ["report.vip_sales_report.xlsx_base"]
    _description = "VIP Floor and Assortment Shares (XLSX)"

    def _vip_scope_from_records(self, records):
        today = fields.Date.context_today(self)
        return self.env["vip.report.export"].create(
            {
                "report": "shares",
                "date_from": today - relativedelta(years=1),
                "date_to": today,
                "user_ids": [],
                "partner_ids": records.commercial_partner_id.ids,
            }
        )

    def _vip_generate(self, book, scope, records=None):
        stores = self.env["vip.store"].search(
            scope._vip_domain("vip.store", manager_field="partner_id.commercial_partner_id.vip_manager_id"),
            order="partner_id, name, id",
        )
        surveys = {
            survey.store_id: survey
            for survey in self.env["vip.share.analysis"].search(
                Domain("store_id", "in", stores.ids)
                & Domain("date", "<=", scope.date_to)
                & (Domain("next_survey_date", "=", False) | Domain("next_survey_date", ">", scope.date_to))
            )
        }
        competitor_areas = defaultdict(dict)
        totals_by_competitor = defaultdict(float)
        for survey, competitor, area in self.env["vip.share.survey.competitor"]._read_group(
            [("survey_id", "in", [survey.survey_id.id for survey in surveys.values()])],
            ["survey_id", "competitor_id"],
            ["area:sum"],
        ):
            competitor_areas[survey][competitor] = area
            totals_by_competitor[competitor] += area
        competitors = sorted(totals_by_competitor, key=lambda competitor: -totals_by_competitor[competitor])

        share_group, assortment_group = self.env._("Floor Share"), self.env._("Assortment Share")
        sheet = book.add_sheet(
            self.env._("Floor and Assortment Shares"),
            [
                VipColumn(self.env._("Client"), width=30),
                VipColumn(self.env._("Store"), width=28),
                VipColumn(self.env._("City"), width=16),
                VipColumn(self.env._("Survey Date"), "date", 13),
                VipColumn(self.env._("Total Area"), "area", 13),
                VipColumn(self.env._("Our Area"), "area", 13),
                *(
                    VipColumn(competitor.name, "area", 13, group=self.env._("Competitors' Areas"))
                    for competitor in competitors
                ),
                VipColumn(self.env._("Share"), "percent", group=share_group),
                VipColumn(self.env._("Target"), "percent", group=share_group),
                VipColumn(self.env._("Change"), "percent_change", group=share_group),
                VipColumn(self.env._("Our Models"), "integer", group=assortment_group),
                VipColumn(self.env._("All Models"), "integer", group=assortment_group),
                VipColumn(self.env._("Share"), "percent", group=assortment_group),
                VipColumn(self.env._("Target"), "percent", group=assortment_group),
                VipColumn(self.env._("Change"), "percent_change", group=assortment_group),
            ],
            freeze_cols=2,
        )
        grand_total = defaultdict(float)
        stores_by_client = defaultdict(list)
        for store in stores:
            stores_by_client[store.partner_id.commercial_partner_id].append(store)
        for client, client_stores in stores_by_client.items():
            client_surveys = [surveys[store] for store in client_stores if store in surveys]
            totals = self._vip_sum_surveys(client_surveys, competitor_areas)
            for key, value in totals.items():
                grand_total[key] += value
            tier = client.vip_tier_id
            sheet.write_row(
                [
                    client.name,
                    self.env._("All stores"),
                    None,
                    None,
                    *self._vip_share_values(totals, competitors, tier),
                ],
                style="group",
            )
            for store in client_stores:
                survey = surveys.get(store)
                if not survey:
                    blanks = [None] * (len(sheet.columns) - 4)
                    sheet.write_row(
                        [client.name, store.name, store.city, self.env._("No survey yet"), *blanks]
                    )
                    continue
                sheet.write_row(
                    [
                        client.name,
                        store.name,
                        store.city,
                        survey.date,
                        *self._vip_share_values(
                            self._vip_sum_surveys([survey], competitor_areas), competitors, tier, survey
                        ),
                    ]
                )
        sheet.write_row(
            [self.env._("Total"), None, None, None, *self._vip_share_values(grand_total, competitors)],
            style="total",
        )
        first_share_col = 6 + len(competitors)
        sheet.highlight_against_target(first_share_col, first_share_col + 1)
        sheet.highlight_against_target(first_share_col + 5, first_share_col + 6)
        sheet.close()

    @staticmethod
    def _vip_sum_surveys(surveys, competitor_areas):
        totals = defaultdict(float)
        for survey in surveys:
            totals["total_area"] += survey.total_area
            totals["our_area"] += survey.our_area
            totals["target_area"] += survey.target_area
            totals["our_sku_count"] += survey.our_sku_count
            totals["total_sku_count"] += survey.total_sku_count
            totals["target_sku_count"] += survey.target_sku_count
            for competitor, area in competitor_areas[survey.survey_id].items():
                totals[competitor] += area
        return totals

    @staticmethod
    def _vip_share_values(totals, competitors, tier=None, survey=None):
        """Areas, then floor share, target and change, then models, assortment share, target
        and change; shares of a group are ratios of its sums, changes only per store."""

        def ratio(numerator, denominator):
            return totals[numerator] / totals[denominator] if totals[denominator] else None

        def change(field):
            return survey[field] / 100.0 if survey and survey.previous_survey_date else None

        return [
            totals["total_area"],
            totals["our_area"],
            *(totals.get(competitor) for competitor in competitors),
            ratio("our_area", "total_area"),
            tier.target_floor_share / 100.0 if tier else ratio("target_area", "total_area"),
            change("floor_share_change"),
            int(totals["our_sku_count"]),
            int(totals["total_sku_count"]),
            ratio("our_sku_count", "total_sku_count"),
            tier.target_assortment_share / 100.0 if tier else ratio("target_sku_count", "total_sku_count"),
            change("assortment_share_change"),
        ]


class VipSharesClientsXlsx(models.AbstractModel):
    """The same report printed from VIP clients: their stores as of today."""

    _name = "report.vip_sales_report.shares_clients_xlsx"
    _inherit = ["report.vip_sales_report.shares_xlsx"]
    _description = "VIP Floor and Assortment Shares of Clients (XLSX)"
