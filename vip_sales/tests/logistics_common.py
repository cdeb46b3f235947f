from odoo import Command

from .common import VipSalesCommon


class VipLogisticsCommon(VipSalesCommon):
    """Furniture with cartons in three colours, a fleet and package offers, without demo data.

    Shipping data per unit (hand-computed):

    - ``bed`` (oak, walnut, white): 3 cartons, 70.5 kg, 0.362 m³; its white variant has a
      carton of its own instead: 1 carton, 33 kg, 0.126 m³;
    - ``chair`` (oak and white only): 1 carton, 8 kg, 0.225 m³;
    - ``table`` (no variants, no cartons): weight 40 kg, volume 0.3 m³, one carton.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.uom_unit = cls.env.ref("uom.product_uom_unit")
        cls.uom_dozen = cls.env.ref("uom.product_uom_dozen")
        cls.colour = cls.env["product.attribute"].create(
            {
                "name": "Colour",
                "create_variant": "always",
                "value_ids": [Command.create({"name": name}) for name in ("Oak", "Walnut", "White")],
            }
        )
        cls.oak, cls.walnut, cls.white = cls.colour.value_ids
        cls.bed_tmpl = cls._create_furniture(
            "Bed Classic",
            1000.0,
            cls.oak | cls.walnut | cls.white,
            [("Headboard", 200, 20, 30, 30.0), ("Rails", 160, 10, 120, 25.0), ("Slats", 100, 50, 10, 15.5)],
        )
        cls.bed_oak, cls.bed_walnut, cls.bed_white = cls._variants(cls.bed_tmpl)
        cls.env["vip.product.carton"].create(
            {
                "product_tmpl_id": cls.bed_tmpl.id,
                "product_id": cls.bed_white.id,
                "name": "Bed (one box)",
                "length": 210,
                "width": 20,
                "height": 30,
                "gross_weight": 33.0,
            }
        )
        cls.chair_tmpl = cls._create_furniture(
            "Chair", 100.0, cls.oak | cls.white, [("Chair", 50, 50, 90, 8.0)]
        )
        cls.chair_oak, cls.chair_white = cls._variants(cls.chair_tmpl)
        cls.table = cls.env["product.product"].create(
            {"name": "Table", "type": "consu", "list_price": 500.0, "weight": 40.0, "volume": 0.3}
        )
        cls.service = cls.env["product.product"].create(
            {"name": "Assembly", "type": "service", "list_price": 50.0}
        )
        cls.gazelle = cls._create_vehicle("Gazelle", 1.5, 9, 4500, 35)
        cls.truck = cls._create_vehicle("5-tonne truck", 5, 36, 9000, 55)
        cls.eurotruck = cls._create_vehicle("Eurotruck", 20, 82, 20000, 95)
        cls.bedroom = cls.env["vip.product.package"].create(
            {
                "name": "Bedroom Classic",
                "code": "BR",
                "discount": 7.0,
                "color_value_ids": [Command.set((cls.oak | cls.white).ids)],
                "line_ids": [
                    Command.create({"product_tmpl_id": cls.bed_tmpl.id, "quantity": 1}),
                    Command.create({"product_tmpl_id": cls.chair_tmpl.id, "quantity": 2}),
                    Command.create({"product_tmpl_id": cls.table.product_tmpl_id.id, "quantity": 1}),
                ],
            }
        )

    @classmethod
    def _create_furniture(cls, name, price, colours, cartons):
        return cls.env["product.template"].create(
            {
                "name": name,
                "type": "consu",
                "list_price": price,
                "attribute_line_ids": [
                    Command.create({"attribute_id": cls.colour.id, "value_ids": [Command.set(colours.ids)]})
                ],
                "vip_carton_ids": [
                    Command.create(
                        {
                            "name": carton,
                            "length": length,
                            "width": width,
                            "height": height,
                            "gross_weight": weight,
                        }
                    )
                    for carton, length, width, height, weight in cartons
                ],
            }
        )

    @classmethod
    def _variants(cls, template):
        """The variants of ``template`` in the order of the colours oak, walnut, white."""
        order = {cls.oak: 0, cls.walnut: 1, cls.white: 2}
        return template.product_variant_ids.sorted(
            lambda v: order[v.product_template_attribute_value_ids.product_attribute_value_id]
        )

    @classmethod
    def _create_vehicle(cls, name, max_weight, max_volume, cost_per_trip, cost_per_km, *, company=None):
        return cls.env["vip.vehicle.type"].create(
            {
                "name": name,
                "max_weight": max_weight,
                "max_volume": max_volume,
                "cost_per_trip": cost_per_trip,
                "cost_per_km": cost_per_km,
                "company_id": (company or cls.env.company).id,
            }
        )

    @classmethod
    def _create_order(cls, lines, partner=None, user=None, **values):
        """A quotation of ``partner`` (client1) with ``lines``: (product, qty[, uom]) tuples."""
        return cls.env["sale.order"].create(
            {
                "partner_id": (partner or cls.client1).id,
                "user_id": (user or cls.manager1).id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": line[0].id,
                            "product_uom_qty": line[1],
                            **({"product_uom_id": line[2].id} if len(line) > 2 else {}),
                        }
                    )
                    for line in lines
                ],
                **values,
            }
        )
