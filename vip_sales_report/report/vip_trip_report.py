from odoo import api, models


class VipTripReport(models.AbstractModel):
    """The trip report: visits, orders taken, and the brand sections installed meanwhile."""

    _name = "report.vip_sales_report.report_vip_trip"
    _description = "VIP Trip Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        trips = self.env["vip.trip"].browse(docids)
        sections = self.env["vip.brand.section"].search(
            [
                ("partner_id", "in", trips.partner_ids.ids),
                ("date_installed", ">=", min(trips.mapped("date_from"), default=False)),
                ("date_installed", "<=", max(trips.mapped("date_to"), default=False)),
            ],
            order="date_installed, id",
        )
        return {
            "doc_ids": trips.ids,
            "doc_model": "vip.trip",
            "docs": trips,
            "sections": {
                trip.id: sections.filtered(
                    lambda section, trip=trip: (
                        section.partner_id in trip.partner_ids
                        and trip.date_from <= section.date_installed <= trip.date_to
                    )
                )
                for trip in trips
            },
        }
