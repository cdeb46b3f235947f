from datetime import datetime

from odoo import Command

from .common import VipSalesCommon


class VipVisitsCommon(VipSalesCommon):
    """Adds a product, orders at a given date, and visits to the VIP users and clients."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Sold at whatever price the orders below give: no sales price to count a discount from.
        cls.product = cls.env["product.product"].create({"name": "Sofa Milan", "list_price": 0.0})

    @classmethod
    def _order(cls, partner, user, amount, date, *, state="sale", pricelist=None):
        """An order of ``amount`` untaxed for ``partner`` by ``user``, dated ``date`` (UTC)."""
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": user.id,
                "pricelist_id": pricelist.id if pricelist else False,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": 1,
                            "price_unit": amount,
                            "tax_ids": False,
                        }
                    )
                ],
            }
        )
        if state == "sale":
            cls._vip_confirm(order)
        elif state == "cancel":
            # A VIP client's quotation is only cancelled with the reason of the refusal.
            reason = cls.env["vip.refusal.reason"].search([], limit=1)
            order.write({"vip_refusal_reason_id": reason.id, "vip_refusal_comment": "Too expensive"})
            order.action_cancel()
        # Confirming stamps the order with today's date: put it back where the test wants it.
        order.date_order = datetime.fromisoformat(date) if isinstance(date, str) else date
        return order

    @classmethod
    def _store(cls, partner, name="Main store", **values):
        return cls.env["vip.store"].create(
            {"name": name, "partner_id": partner.id, "total_area": 1000.0, **values}
        )

    @classmethod
    def _visit(cls, partner, user=None, **values):
        return cls.env["vip.visit"].create(
            {
                "partner_id": partner.id,
                "user_id": (user or partner.vip_manager_id).id,
                "date": "2025-03-10 09:00:00",
                **values,
            }
        )

    @classmethod
    def _due_task(cls, activity_type_xmlid, client):
        """The open activity of that type that the daily action gives the client's owner, due today."""
        activity_type = cls.env.ref(activity_type_xmlid)
        cls.env["res.partner"]._vip_schedule_activity(
            activity_type, [("id", "=", client.id)], activity_type.name
        )
        return cls.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", client.id),
                ("activity_type_id", "=", activity_type.id),
            ]
        )
