from odoo import fields, models
from odoo.fields import Domain

from .vip_report_xlsx import VipColumn


class VipLogisticsXlsx(models.AbstractModel):
    """Logistics of the VIP clients' quotations and orders: tonnage, volume, cartons, the
    truck plan and the delivery cost, in company currency."""

    _name = "report.vip_sales_report.logistics_xlsx"
    _inherit = ["report.vip_sales_report.xlsx_base"]
    _description = "VIP Order Logistics (XLSX)"

    def _vip_scope_from_records(self, records):
        dates = [fields.Date.context_today(self, date) for date in records.mapped("date_order")]
        return self.env["vip.report.export"].create(
            {
                "report": "logistics",
                "date_from": min(dates),
                "date_to": max(dates),
                "user_ids": [],
                "partner_ids": records.partner_id.commercial_partner_id.filtered("is_vip").ids,
            }
        )

    def _vip_generate(self, book, scope, records=None):
        orders = records
        if orders is None:
            orders = self.env["sale.order"].search(
                Domain("state", "!=", "cancel")
                & Domain("partner_id.commercial_partner_id.is_vip", "=", True)
                & scope._vip_own_clients_domain("partner_id")
                & scope._vip_domain(
                    "sale.order",
                    "date_order",
                    manager_field="partner_id.commercial_partner_id.vip_manager_id",
                    partner_field="partner_id.commercial_partner_id",
                ),
                order="date_order, id",
            )
        sheet = book.add_sheet(
            self.env._("Order Logistics"),
            [
                VipColumn(self.env._("Order"), width=12),
                VipColumn(self.env._("Date"), "date"),
                VipColumn(self.env._("Client"), width=28),
                VipColumn(self.env._("VIP Manager"), width=22),
                VipColumn(self.env._("Status"), width=14),
                VipColumn(self.env._("Untaxed Amount"), "money", 16),
                VipColumn(self.env._("Tonnage"), "tonnage", 11),
                VipColumn(self.env._("Volume"), "volume", 11),
                VipColumn(self.env._("Cartons"), "integer"),
                VipColumn(self.env._("Distance (km)"), "integer"),
                VipColumn(self.env._("Truck Plan"), "note", 36),
                VipColumn(self.env._("Weight Fill"), "percent"),
                VipColumn(self.env._("Volume Fill"), "percent"),
                VipColumn(self.env._("Delivery Cost"), "money", 14),
                VipColumn(self.env._("Free Delivery"), width=10),
                VipColumn(self.env._("Logistics Warning"), "note", 40),
            ],
        )
        states = dict(orders._fields["state"]._description_selection(self.env))
        yes, no = self.env._("Yes"), self.env._("No")
        totals = [0.0] * 5
        for order in orders:
            rate = order.currency_rate or 1.0
            client = order.partner_id.commercial_partner_id
            values = [
                order.amount_untaxed / rate,
                order.vip_tonnage,
                order.vip_total_volume,
                order.vip_total_cartons,
                order.vip_delivery_cost / rate,
            ]
            totals = [total + value for total, value in zip(totals, values, strict=True)]
            sheet.write_row(
                [
                    order.name,
                    fields.Date.context_today(self, order.date_order),
                    client.name,
                    client.vip_manager_id.name,
                    states.get(order.state),
                    *values[:4],
                    order.vip_delivery_distance_km,
                    order.vip_truck_plan,
                    order.vip_truck_weight_fill / 100.0,
                    order.vip_truck_volume_fill / 100.0,
                    values[4],
                    yes if order.vip_free_delivery else no,
                    order.vip_logistics_warning,
                ]
            )
        amount, tonnage, volume, cartons, cost = totals
        sheet.write_row(
            [
                self.env._("Total"),
                None,
                None,
                None,
                None,
                amount,
                tonnage,
                volume,
                cartons,
                *[None] * 4,
                cost,
                None,
                None,
            ],
            style="total",
        )
        sheet.close()


class VipLogisticsOrdersXlsx(models.AbstractModel):
    """The same report printed from quotations and orders: the orders selected."""

    _name = "report.vip_sales_report.logistics_orders_xlsx"
    _inherit = ["report.vip_sales_report.logistics_xlsx"]
    _description = "VIP Logistics of Orders (XLSX)"
