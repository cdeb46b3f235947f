from odoo import api, fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    vip_free_delivery = fields.Boolean(
        string="Free Delivery",
        tracking=True,
        help="Delivery is offered to the client at no charge: a special term that needs the "
        "approval of the head of sales.",
    )

    # ------------------------------------------------------------------
    # Logistics: tonnage, volume, cartons, truck plan, delivery cost
    # ------------------------------------------------------------------

    vip_total_weight = fields.Float(
        string="Gross Weight (kg)",
        digits="Stock Weight",
        compute="_compute_vip_logistics",
        store=True,
        help="Gross weight of the goods of the order as shipped, from their cartons.",
    )
    vip_tonnage = fields.Float(
        string="Tonnage (t)", digits=(16, 3), compute="_compute_vip_logistics", store=True
    )
    vip_total_volume = fields.Float(
        string="Volume (m³)",
        digits=(16, 3),
        compute="_compute_vip_logistics",
        store=True,
        help="Volume of the goods of the order as shipped, from their cartons.",
    )
    vip_total_cartons = fields.Integer(string="Cartons", compute="_compute_vip_logistics", store=True)
    vip_logistics_warning = fields.Char(string="Logistics Warning", compute="_compute_vip_logistics_warning")
    vip_delivery_distance_km = fields.Float(
        string="Delivery Distance (km)", digits=(16, 0), help="Road distance from the factory to the client."
    )
    vip_truck_plan = fields.Char(
        string="Truck Plan",
        compute="_compute_vip_truck_plan",
        help="The cheapest set of vehicles whose summed payload and cargo space carry the order "
        "(how the cartons fit in 3D is not checked).",
    )
    vip_truck_weight_fill = fields.Float(
        string="Weight Fill (%)", digits=(16, 1), compute="_compute_vip_truck_plan"
    )
    vip_truck_volume_fill = fields.Float(
        string="Volume Fill (%)", digits=(16, 1), compute="_compute_vip_truck_plan"
    )
    vip_delivery_cost = fields.Monetary(
        string="Delivery Cost",
        compute="_compute_vip_truck_plan",
        help="Cost of the truck plan for the delivery distance: the price of the delivery method "
        '"Own trucks".',
    )

    @api.depends(
        "order_line.product_id",
        "order_line.product_uom_qty",
        "order_line.product_uom_id",
        "order_line.display_type",
        "order_line.is_delivery",
    )
    def _compute_vip_logistics(self):
        for order in self:
            weight = volume = cartons = 0.0
            for line in order.order_line._vip_shipped_lines():
                product, quantity = line.product_id, line.product_qty
                weight += product.vip_shipping_weight * quantity
                volume += product.vip_shipping_volume * quantity
                cartons += product._vip_cartons_for(quantity)
            order.vip_total_weight = weight
            order.vip_tonnage = weight / 1000.0
            order.vip_total_volume = volume
            order.vip_total_cartons = cartons

    @api.depends("order_line.product_id", "order_line.display_type", "order_line.is_delivery")
    def _compute_vip_logistics_warning(self):
        for order in self:
            products = order.order_line._vip_shipped_lines().product_id.filtered(
                lambda p: not p.vip_shipping_weight or not p.vip_shipping_volume
            )
            order.vip_logistics_warning = (
                self.env._(
                    "No weight or volume for: %(products)s. The tonnage, volume and truck plan "
                    "leave them out.",
                    products=", ".join(products.mapped("display_name")),
                )
                if products
                else False
            )

    @api.depends(
        "vip_total_weight", "vip_total_volume", "vip_delivery_distance_km", "company_id", "currency_id"
    )
    def _compute_vip_truck_plan(self):
        for order in self:
            plan = order._vip_get_truck_plan()
            order.vip_truck_plan = (
                plan.description() if plan.feasible else self.env._("No vehicle type is configured.")
            )
            order.vip_truck_weight_fill = plan.weight_fill
            order.vip_truck_volume_fill = plan.volume_fill
            order.vip_delivery_cost = order._vip_company_to_order_currency(plan.cost)

    @api.depends("order_line.product_id", "order_line.display_type", "order_line.is_delivery")
    def _compute_shipping_weight(self):
        # delivery only recomputes on quantity and unit changes; a new product changes it too.
        return super()._compute_shipping_weight()

    @api.onchange("vip_free_delivery", "vip_delivery_distance_km")
    def _onchange_vip_delivery_terms(self):
        if self.delivery_set:
            self.recompute_delivery_price = True

    def _get_estimated_weight(self):
        # Carton-aware, so that carriers priced by weight agree with the order's tonnage.
        self.ensure_one()
        return self.vip_total_weight

    def _create_delivery_line(self, carrier, price_unit):
        return super()._create_delivery_line(carrier, 0.0 if self.vip_free_delivery else price_unit)

    def _vip_get_truck_plan(self, weight=None, volume=None):
        """Truck plan (see ``vip.vehicle.type._vip_plan_trucks``) of the company's fleet for the
        order's delivery distance: for the order's load, or for ``weight`` kg and ``volume`` m³."""
        self.ensure_one()
        vehicles = self.env["vip.vehicle.type"].sudo().search([("company_id", "=", self.company_id.id)])
        return vehicles._vip_plan_trucks(
            self.vip_total_weight if weight is None else weight,
            self.vip_total_volume if volume is None else volume,
            self.vip_delivery_distance_km,
        )

    def _vip_analytic_distribution(self, product):
        """The analytic distribution a new line of ``product`` gets on this order, as
        ``sale.order.line._compute_analytic_distribution`` finds it (as superuser, like that
        stored compute): looked up once per product when many lines are added at once, instead
        of once per line."""
        self.ensure_one()
        return (
            self.env["account.analytic.distribution.model"]
            .sudo()
            ._get_distribution(
                {
                    "product_id": product.id,
                    "product_categ_id": product.categ_id.id,
                    "partner_id": self.partner_id.id,
                    "partner_category_id": self.partner_id.category_id.ids,
                    "company_id": self.company_id.id,
                }
            )
            or False
        )

    def _vip_company_to_order_currency(self, amount):
        self.ensure_one()
        company = self.company_id or self.env.company
        return company.currency_id._convert(
            amount,
            self.currency_id or company.currency_id,
            company,
            (self.date_order or fields.Datetime.now()).date(),
        )

    # ------------------------------------------------------------------
    # VIP client: orders counted per client company (no-order watch), and no
    # confirmation while the client's card is less complete than its tier requires
    # ------------------------------------------------------------------

    vip_commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        string="Client Company",
        store=True,
        index=True,
        help="The client company of the customer, whose last order the VIP client card shows.",
    )

    def _confirmation_error_message(self):
        return super()._confirmation_error_message() or self._vip_card_error_message()

    def _has_to_be_signed(self):
        # In the portal, the client is offered neither signing nor paying while the card is
        # incomplete: it never meets the server error of the confirmation.
        return super()._has_to_be_signed() and not self._vip_card_error_message()

    def _has_to_be_paid(self):
        return super()._has_to_be_paid() and not self._vip_card_error_message()

    def _vip_card_error_message(self):
        """Why the order cannot be confirmed yet for its VIP client's card, or False."""
        self.ensure_one()
        client = self.partner_id.commercial_partner_id
        minimum = client.vip_tier_id.min_card_completeness
        if not client.is_vip or client.vip_card_completeness >= minimum:
            return False
        return self.env._(
            "The order cannot be confirmed: the card of the VIP client %(client)s is %(completeness)s%% "
            "complete, and its tier %(tier)s requires %(minimum)s%%. Missing: %(missing)s.",
            client=client.display_name,
            completeness=client.vip_card_completeness,
            tier=client.vip_tier_id.name,
            minimum=minimum,
            missing=client.vip_card_missing,
        )
