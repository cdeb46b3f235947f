import io
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from openpyxl import load_workbook

from odoo import Command, fields
from odoo.tests import freeze_time

from odoo.addons.vip_sales.tests.common import VipSalesCommon


class VipReportCommon(VipSalesCommon):
    """VIP clients of two managers with orders, proposals, plans, visits, a trip and stores,
    all in this month.

    - ``order1``: confirmed, placed by ``client1``'s contact (manager1's client, sold by
      manager1): 2 beds (shipped in 2 cartons: 85 kg, 1.044 m³ a bed) and 2 packs of 6
      chairs (quantities convert to the chair's unit), 148,000 untaxed, 100 km away: one
      GAZelle carries it;
    - ``order2``: confirmed, ``client2`` (manager2's), one bed, 52,000;
    - ``quotation``: a draft of ``client1``; ``non_vip_order``: confirmed, not a VIP client;
    - proposals: ``proposal_approved`` (client1, individual, approved 5 hours after the
      request, sent, opened by the client 2 days later), ``proposal_refused`` (client1,
      cancelled: price), ``proposal_rejected`` (client2, individual, rejected by the head);
    - plans of this month: manager1 200,000 over all clients and 100,000 for client1,
      manager2 100,000; and a quarterly plan of 92,000 for client2 starting this month;
    - visits: manager1 called client1 (order1 taken) and visited it (no order, off-season,
      with needs and competitor findings), and plans a visit on the ``trip``; manager2
      visited client2 (information only);
    - ``contract_draft``: a draft supply contract of client1 (without credit), prepared by
      manager1;
    - stores (client1: Center 1,000 m², South 500 m², Outlet 300 m² never surveyed; client2:
      Divany Mall 400 m²), each surveyed on the 1st of this month; Center also three months
      before, before its 100 m² section was installed (floor +10 pp, assortment +5 pp).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.month_start = fields.Date.context_today(cls.env.user).replace(day=1)
        cls.month_end = cls.month_start + relativedelta(months=1, days=-1)
        cls.sale_time = datetime.combine(cls.month_start.replace(day=10), time(9, 0))
        cls.categ_beds = cls.env["product.category"].create({"name": "Beds"})
        cls.categ_chairs = cls.env["product.category"].create({"name": "Chairs"})
        cls.bed = cls._create_product("Bed Classic Oak", cls.categ_beds, 50000.0, weight=80.0, volume=1.2)
        cls.chair = cls._create_product("Chair Nordic", cls.categ_chairs, 4000.0, weight=6.5, volume=0.15)
        cls.env["vip.product.carton"].create(
            [
                {
                    "product_tmpl_id": cls.bed.product_tmpl_id.id,
                    "name": "Frame",
                    "length": 200.0,
                    "width": 160.0,
                    "height": 30.0,
                    "gross_weight": 45.0,
                },
                {
                    "product_tmpl_id": cls.bed.product_tmpl_id.id,
                    "name": "Slats",
                    "length": 210.0,
                    "width": 20.0,
                    "height": 20.0,
                    "gross_weight": 40.0,
                },
            ]
        )
        cls.gazelle = cls.env["vip.vehicle.type"].create(
            {
                "name": "GAZelle",
                "max_weight": 1.5,
                "max_volume": 9.0,
                "cost_per_trip": 5000.0,
                "cost_per_km": 30.0,
            }
        )
        cls.uom_pack = cls.env.ref("uom.product_uom_pack_6")
        cls.order1 = cls._create_order(
            cls.client1_contact,
            [(cls.bed, 2, 50000.0), (cls.chair, 2, 24000.0, cls.uom_pack)],
            vip_delivery_distance_km=100.0,
        )
        cls.order2 = cls._create_order(cls.client2, [(cls.bed, 1, 52000.0)])
        cls.non_vip_order = cls._create_order(cls.non_vip, [(cls.bed, 5, 50000.0)])
        cls._vip_confirm(cls.order1 | cls.order2 | cls.non_vip_order)
        (cls.order1 | cls.order2 | cls.non_vip_order).date_order = cls.sale_time
        cls.quotation = cls._create_order(cls.client1, [(cls.bed, 10, 50000.0)])
        cls._create_plans()
        cls._create_visits()
        cls._create_stores()
        cls._create_proposals()
        cls.contract_draft = cls._create_contract(cls.client1, code="D-0")

    @classmethod
    def _create_stores(cls):
        cls.shatura, cls.lazurit = cls.env["vip.competitor"].create(
            [{"name": "Shatura"}, {"name": "Lazurit"}]
        )
        store = cls.env["vip.store"]
        cls.store_center = store.create(
            {"partner_id": cls.client1.id, "name": "Mebelgrad Center", "city": "Moscow", "total_area": 1000.0}
        )
        cls.store_south = store.create(
            {"partner_id": cls.client1.id, "name": "Mebelgrad South", "total_area": 500.0}
        )
        cls.store_outlet = store.create(
            {"partner_id": cls.client1.id, "name": "Mebelgrad Outlet", "total_area": 300.0}
        )
        cls.store_mall = store.create(
            {"partner_id": cls.client2.id, "name": "Divany Mall", "total_area": 400.0}
        )
        cls.env["vip.store.competitor"].create(
            [
                {"store_id": cls.store_center.id, "competitor_id": cls.shatura.id, "area": 200.0},
                {"store_id": cls.store_south.id, "competitor_id": cls.lazurit.id, "area": 100.0},
            ]
        )
        survey = cls.env["vip.share.survey"]
        first = cls.month_start
        cls.survey_center_old = survey.create(
            {
                "store_id": cls.store_center.id,
                "date": first - relativedelta(months=3),
                "our_sku_count": 20,
                "total_sku_count": 200,
            }
        )
        installed = {"state": "installed", "date_installed": first - relativedelta(days=10)}
        cls.section_center, __, __ = cls.env["vip.brand.section"].create(
            [
                {"store_id": cls.store_center.id, "name": "Bedrooms", "area": 100.0, **installed},
                {"store_id": cls.store_south.id, "name": "Living rooms", "area": 50.0, **installed},
                {"store_id": cls.store_mall.id, "name": "Sofas", "area": 20.0, **installed},
            ]
        )
        cls.survey_center, cls.survey_south, cls.survey_mall = survey.create(
            [
                {"store_id": cls.store_center.id, "date": first, "our_sku_count": 30, "total_sku_count": 200},
                {"store_id": cls.store_south.id, "date": first, "our_sku_count": 10, "total_sku_count": 100},
                {"store_id": cls.store_mall.id, "date": first, "our_sku_count": 5, "total_sku_count": 100},
            ]
        )

    @classmethod
    def _create_plans(cls):
        plan = cls.env["vip.sales.plan"]
        month = {"date_from": cls.month_start, "date_to": cls.month_end}
        cls.plan_m1 = plan.create({"user_id": cls.manager1.id, "target_amount": 200000.0, **month})
        cls.plan_m1_client1 = plan.create(
            {"user_id": cls.manager1.id, "partner_id": cls.client1.id, "target_amount": 100000.0, **month}
        )
        cls.plan_m2 = plan.create({"user_id": cls.manager2.id, "target_amount": 100000.0, **month})
        cls.plan_m2_quarter = plan.create(
            {
                "user_id": cls.manager2.id,
                "partner_id": cls.client2.id,
                "date_from": cls.month_start,
                "date_to": cls.month_start + relativedelta(months=3, days=-1),
                "target_amount": 92000.0,
            }
        )

    @classmethod
    def _create_visits(cls):
        cls.reason_season = cls.env["vip.no.order.reason"].create({"name": "Off-season (test)"})
        cls.trip = cls.env["vip.trip"].create(
            {
                "name": "Urals tour",
                "user_id": cls.manager1.id,
                "destination": "Yekaterinburg",
                "date_from": cls.month_start.replace(day=11),
                "date_to": cls.month_start.replace(day=12),
                "partner_ids": [Command.link(cls.client1.id)],
                "budget": 30000.0,
            }
        )
        visit = cls.env["vip.visit"]
        at = {"date": cls.sale_time}
        cls.call1 = visit.create(
            {
                "partner_id": cls.client1.id,
                "user_id": cls.manager1.id,
                "kind": "phone",
                "result": "order",
                **at,
            }
        )
        cls.order1.vip_visit_id = cls.call1
        cls.visit1 = visit.create(
            {
                "partner_id": cls.client1.id,
                "user_id": cls.manager1.id,
                "kind": "onsite",
                "result": "no_order",
                "no_order_reason_id": cls.reason_season.id,
                "needs": "A kids' room collection in white",
                "competitor_notes": "Shatura opened a 40 m² section",
                **at,
            }
        )
        cls.visit1_planned = visit.create(
            {
                "partner_id": cls.client1.id,
                "user_id": cls.manager1.id,
                "kind": "onsite",
                "trip_id": cls.trip.id,
                "date": datetime.combine(cls.trip.date_from, time(10, 0)),
            }
        )
        cls.visit2 = visit.create(
            {
                "partner_id": cls.client2.id,
                "user_id": cls.manager2.id,
                "kind": "onsite",
                "result": "info",
                "needs": "Delivery on Saturdays",
                **at,
            }
        )
        (cls.call1 | cls.visit1 | cls.visit2).action_done()

    @classmethod
    def _create_proposals(cls):
        cls.reason_price = cls.env["vip.refusal.reason"].create({"name": "Price (test)"})
        individual = {"vip_proposal_type": "individual"}
        cls.proposal_approved = cls._create_order(cls.client1, [(cls.chair, 40, 3800.0)], **individual)
        cls.proposal_rejected = cls._create_order(cls.client2, [(cls.bed, 3, 40000.0)], **individual)
        cls.proposal_refused = cls._create_order(cls.client1, [(cls.bed, 1, 50000.0)])
        requested = datetime.combine(cls.month_start.replace(day=3), time(9, 0))
        with freeze_time(requested):
            cls.proposal_approved.with_user(cls.manager1).action_vip_request_approval()
            cls.proposal_rejected.with_user(cls.manager2).action_vip_request_approval()
        with freeze_time(requested + timedelta(hours=5)):
            cls.proposal_approved.with_user(cls.head).action_vip_approve()
            cls.proposal_rejected.with_user(cls.head)._vip_decide("rejected", "Too deep a discount")
            cls.proposal_approved.with_user(cls.manager1).action_quotation_sent()
        cls.proposal_approved.vip_viewed_date = requested + timedelta(hours=5, days=2)
        cls.proposal_refused.write(
            {"vip_refusal_reason_id": cls.reason_price.id, "vip_refusal_comment": "Found it cheaper"}
        )
        cls.proposal_refused._action_cancel()
        cls.proposals_open = cls.proposal_approved | cls.proposal_rejected

    @classmethod
    def _create_product(cls, name, categ, price, weight=0.0, volume=0.0):
        return cls.env["product.product"].create(
            {
                "name": name,
                "type": "consu",
                "categ_id": categ.id,
                "list_price": price,
                "weight": weight,
                "volume": volume,
                "taxes_id": [Command.clear()],
            }
        )

    @classmethod
    def _create_order(cls, partner, lines, **values):
        """An order of ``partner`` sold by the client's owner, with ``lines`` as
        ``(product, quantity, unit price[, unit of measure])``."""
        return cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": partner.commercial_partner_id.vip_manager_id.id or cls.env.user.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "price_unit": price,
                            **({"product_uom_id": uom[0].id} if uom else {}),
                        }
                    )
                    for product, qty, price, *uom in lines
                ],
                **values,
            }
        )

    def _export(self, user, report, **values):
        """The export wizard of ``user`` for ``report`` (period: this month by default)."""
        return self.env["vip.report.export"].with_user(user).create({"report": report, **values})

    def _render_xlsx(self, export):
        """Render the export's report as its user and open it with openpyxl."""
        action = export.action_export()
        content, file_type = (
            self.env["ir.actions.report"]
            .with_user(export.env.user)
            ._render(action["report_name"], export.ids, action["data"])
        )
        self.assertEqual(file_type, "xlsx")
        return self._load(content)

    @staticmethod
    def _load(content):
        return load_workbook(io.BytesIO(content))

    @staticmethod
    def _rows(sheet, first_row):
        """Values of the sheet's rows from ``first_row`` (1-based) on, as tuples."""
        return [row for row in sheet.iter_rows(min_row=first_row, values_only=True) if any(row)]
