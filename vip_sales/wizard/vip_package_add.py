from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..models.product_product import cartons_for


class VipPackageAdd(models.TransientModel):
    _name = "vip.package.add"
    _description = "Add Package Offers to a Quotation"

    order_id = fields.Many2one("sale.order", string="Quotation", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="order_id.company_id")
    currency_id = fields.Many2one(related="order_id.currency_id")
    color_value_id = fields.Many2one(
        "product.attribute.value",
        string="Colour",
        domain="[('id', 'in', available_color_value_ids)]",
        help="Colour of every package offer that has no colour of its own.",
    )
    available_color_value_ids = fields.Many2many(
        "product.attribute.value", string="Available Colours", compute="_compute_available_color_value_ids"
    )
    line_ids = fields.One2many("vip.package.add.line", "wizard_id", string="Package Offers")

    # Live preview: what "Add to order" will write, and the order's logistics afterwards.
    preview_html = fields.Html(string="Preview", compute="_compute_preview", sanitize=False)
    problems = fields.Text(compute="_compute_preview")
    total_weight = fields.Float(string="Gross Weight (kg)", digits="Stock Weight", compute="_compute_preview")
    tonnage = fields.Float(string="Tonnage (t)", digits=(16, 3), compute="_compute_preview")
    total_volume = fields.Float(string="Volume (m³)", digits=(16, 3), compute="_compute_preview")
    total_cartons = fields.Integer(string="Cartons", compute="_compute_preview")
    truck_plan = fields.Char(compute="_compute_preview")
    weight_fill = fields.Float(string="Weight Fill (%)", digits=(16, 1), compute="_compute_preview")
    volume_fill = fields.Float(string="Volume Fill (%)", digits=(16, 1), compute="_compute_preview")
    delivery_cost = fields.Monetary(compute="_compute_preview")
    amount_added = fields.Monetary(
        compute="_compute_preview",
        help="Untaxed amount of the lines added: the quotation's prices less the packages' discounts.",
    )
    order_amount_untaxed = fields.Monetary(
        string="Quotation Untaxed Total",
        compute="_compute_preview",
        help="The quotation's untaxed total with the lines added, before any change of its delivery.",
    )
    add_delivery = fields.Boolean(
        string="Add the Delivery",
        help="Also put the delivery on the quotation, priced for its load after the packages are added "
        "(it replaces a delivery line it has).",
    )
    carrier_id = fields.Many2one(
        "delivery.carrier",
        string="Delivery Method",
        default=lambda self: self._default_carrier_id(),
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )

    @api.model
    def _default_carrier_id(self):
        """The quotation's own delivery method, else the company's own trucks."""
        order = self.env["sale.order"].browse(self.env.context.get("default_order_id"))
        return order.carrier_id or self.env["delivery.carrier"].search(
            [("delivery_type", "=", "vip_own_trucks"), ("company_id", "in", [False, order.company_id.id])],
            limit=1,
        )

    @api.depends("line_ids.available_color_value_ids")
    def _compute_available_color_value_ids(self):
        for wizard in self:
            wizard.available_color_value_ids = wizard.line_ids.available_color_value_ids

    @api.depends(
        "order_id", "color_value_id", "line_ids.package_id", "line_ids.quantity", "line_ids.color_value_id"
    )
    def _compute_preview(self):
        for wizard in self:
            sections, problems = wizard._vip_resolve()
            order = wizard.order_id
            preview = wizard._vip_preview_values(sections)
            weight = order.vip_total_weight + preview["weight"]
            volume = order.vip_total_volume + preview["volume"]
            plan = order._vip_get_truck_plan(weight, volume) if order else None
            wizard.preview_html = (
                self.env["ir.qweb"]._render("vip_sales.vip_package_add_preview", preview)
                if sections
                else False
            )
            wizard.problems = "\n".join(problems)
            wizard.total_weight = weight
            wizard.tonnage = weight / 1000.0
            wizard.total_volume = volume
            wizard.total_cartons = order.vip_total_cartons + preview["cartons"]
            if plan and plan.feasible:
                wizard.truck_plan = plan.description()
            else:
                wizard.truck_plan = self.env._("No vehicle type is configured.")
            wizard.weight_fill = plan.weight_fill if plan else 0.0
            wizard.volume_fill = plan.volume_fill if plan else 0.0
            wizard.delivery_cost = order._vip_company_to_order_currency(plan.cost) if plan else 0.0
            wizard.amount_added = preview["amount"]
            wizard.order_amount_untaxed = order.amount_untaxed + preview["amount"]

    def _vip_preview_values(self, sections):
        """Rows of the preview table and the totals of what is added, in plain Python over the
        products already in the cache (no order line is built for the preview): the rows of a
        thousand lines are formatted here, the QWeb template only lays out the packages."""
        lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        separators = str.maketrans({",": lang.thousands_sep or "", ".": lang.decimal_point or "."})

        def fmt(value, digits):
            return f"{value:,.{digits}f}".translate(separators)

        # "2 pcs" («2 шт.»), as Russian documents count pieces, not "2 Units" («2 Единицы»).
        unit, units = self.env.ref("uom.product_uom_unit"), self.env._("pcs")
        products = {}  # product: its name, unit and shipping data, read once
        weight = volume = amount = 0.0
        cartons = 0
        blocks = []
        shortages, alternatives = self._vip_preview_availability(sections)
        prices = self._vip_preview_prices(sections)
        currency = self.currency_id or self.env.company.currency_id
        for block_index, (wizard_line, lines) in enumerate(sections):
            rows = []
            discount = wizard_line.package_id.discount
            for row_index, (product, quantity) in enumerate(lines):
                if product not in products:
                    products[product] = (
                        self._vip_preview_name(product),
                        units if product.uom_id == unit else product.uom_id.name,
                        product.vip_shipping_weight,
                        product.vip_shipping_volume,
                        product.vip_carton_count,
                    )
                name, uom, unit_weight, unit_volume, unit_cartons = products[product]
                line_weight, line_volume = unit_weight * quantity, unit_volume * quantity
                line_cartons = cartons_for(unit_cartons, quantity)
                weight, volume, cartons = weight + line_weight, volume + line_volume, cartons + line_cartons
                price = prices[product, quantity]
                line_amount = currency.round(price * quantity * (1 - discount / 100.0))
                amount += line_amount
                shortage, available_on = shortages.get((block_index, row_index), (0.0, False))
                # On a phone: product, quantity, what is short and the amount; the rest from a tablet up.
                rows.append(
                    Markup(
                        "<tr><td>%s</td><td class='text-end text-nowrap'>%s %s</td>"
                        "<td class='text-end %s'>%s</td><td class='text-end d-none d-md-table-cell'>%s</td>"
                        "<td class='text-end text-nowrap'>%s</td>"
                        "<td class='text-end d-none d-md-table-cell'>%s</td>"
                        "<td class='text-end d-none d-md-table-cell'>%s</td>"
                        "<td class='text-end d-none d-md-table-cell'>%s</td></tr>"
                    )
                    % (
                        name,
                        fmt(quantity, 0 if quantity.is_integer() else 2),
                        uom,
                        "o_vip_short text-danger" if shortage else "",
                        self._vip_shortage_text(shortage, available_on, fmt),
                        fmt(price, 2),
                        fmt(line_amount, 2),
                        line_cartons,
                        fmt(line_weight, 1),
                        fmt(line_volume, 3),
                    )
                )
                if others := alternatives.get((block_index, row_index)):
                    rows.append(
                        Markup("<tr class='small'><td colspan='8' class='text-muted ps-4'>%s</td></tr>")
                        % self.env._(
                            "In stock in the quantity wanted: %(variants)s",
                            variants=", ".join(self._vip_preview_name(other) for other in others),
                        )
                    )
            blocks.append(
                {
                    "title": f"{wizard_line.package_id.name} × {wizard_line.quantity}",
                    "color": wizard_line._vip_color().name or "",
                    "discount": fmt(wizard_line.package_id.discount, 1),
                    "rows": Markup().join(rows),
                }
            )
        return {
            "blocks": blocks,
            "weight": weight,
            "volume": volume,
            "cartons": cartons,
            "amount": amount,
            "amount_display": fmt(amount, 2),
            "weight_display": fmt(weight, 1),
            "volume_display": fmt(volume, 3),
        }

    def _vip_preview_prices(self, sections):
        """Unit price of each (product, quantity) of the preview in the quotation's currency, as
        its pricelist gives it to a new line: one pricelist computation per distinct quantity."""
        order = self.order_id
        by_quantity = defaultdict(list)
        for _wizard_line, lines in sections:
            for product, quantity in lines:
                by_quantity[quantity].append(product.id)
        prices = {}
        for quantity, product_ids in by_quantity.items():
            products = self.env["product.product"].browse(dict.fromkeys(product_ids))
            if order.pricelist_id:
                unit_prices = order.pricelist_id._get_products_price(
                    products, quantity, currency=order.currency_id, date=order.date_order
                )
            else:
                unit_prices = {
                    product.id: order._vip_company_to_order_currency(product.lst_price) if order else 0.0
                    for product in products
                }
            prices.update({(product, quantity): unit_prices[product.id] for product in products})
        return prices

    def _vip_preview_availability(self, sections):
        """What the order's warehouse lacks for each row of the preview, the quotation's own
        lines taking the stock first: ``{(block, row): (shortage, available on)}``; and, for a
        short row, the other variants of its model (other colours) free in the quantity wanted:
        ``{(block, row): variants}``. Three queries, whatever the number of rows."""
        order = self.order_id
        warehouse = order.warehouse_id
        if not warehouse:
            return {}, {}
        basket = [
            (
                ("order", line.id),
                line.product_id,
                line.product_uom_id._compute_quantity(line.product_uom_qty, line.product_id.uom_id),
            )
            for line in order.order_line._vip_shipped_lines()
        ]
        rows = {
            (block_index, row_index): (product, quantity)
            for block_index, (_wizard_line, lines) in enumerate(sections)
            for row_index, (product, quantity) in enumerate(lines)
        }
        basket += [(key, product, quantity) for key, (product, quantity) in rows.items()]
        shortages = {
            key: result
            for key, result in warehouse._vip_availability([basket]).items()
            if key in rows and result[0]
        }
        short = self.env["product.product"].browse({rows[key][0].id for key in shortages})
        siblings = short.product_tmpl_id.product_variant_ids.filtered("is_storable") - short
        free = {
            values["id"]: values["free_qty"]
            for values in siblings.with_context(warehouse_id=warehouse.id).read(["free_qty"])
        }
        alternatives = {}
        for key in shortages:
            product, quantity = rows[key]
            others = siblings.filtered(
                lambda v, product=product, quantity=quantity: (
                    v.product_tmpl_id == product.product_tmpl_id and free[v.id] >= quantity
                )
            )
            if others:
                alternatives[key] = others
        return shortages, alternatives

    def _vip_shortage_text(self, shortage, available_on, fmt):
        if not shortage:
            return ""
        if not available_on:
            return self.env._(
                "%(missing)s short, no date", missing=fmt(shortage, 0 if shortage.is_integer() else 2)
            )
        return self.env._(
            "%(missing)s short, on %(date)s",
            missing=fmt(shortage, 0 if shortage.is_integer() else 2),
            date=format_date(self.env, available_on),
        )

    @api.model
    def _vip_preview_name(self, product):
        """The product's name and variant values, as Odoo names variants, from prefetched data
        (the variant's ``display_name`` costs a query per product)."""
        values = [
            ptav.name
            for ptav in product.product_template_attribute_value_ids
            if ptav.attribute_line_id.value_count > 1
        ]
        return f"{product.name} ({', '.join(values)})" if values else product.name

    def _vip_resolve(self):
        """Resolve the chosen package offers into order lines, without writing anything.

        Return ``(sections, problems)``: ``sections`` lists, per chosen package, the wizard line
        and its ``(product, quantity)`` pairs for all its sets, each template resolved to its
        variant in the package's colour (a package line that names a variant keeps it);
        ``problems`` lists the translated reasons why nothing can be added.
        """
        self.ensure_one()
        problems = []
        resolved = {}  # (template, fixed variant, colour): outcome, read once
        refused = defaultdict(set)  # (outcome, colour): product names
        sections = []
        for wizard_line in self.line_ids.filtered("package_id"):
            package = wizard_line.package_id
            if wizard_line.quantity <= 0:
                problems.append(
                    self.env._(
                        "The number of sets of %(package)s must be greater than zero.",
                        package=package.display_name,
                    )
                )
            if not package.line_ids:
                problems.append(self.env._("The package offer %s has no products.", package.display_name))
            color = wizard_line._vip_color()
            if color and package.color_value_ids and color not in package.color_value_ids:
                problems.append(
                    self.env._(
                        "The package offer %(package)s does not come in %(color)s, only in %(colors)s.",
                        package=package.display_name,
                        color=color.name,
                        colors=", ".join(package.color_value_ids.mapped("name")),
                    )
                )
                continue
            lines = []
            for package_line in package.line_ids:
                key = (package_line.product_tmpl_id, package_line.product_id, color)
                if key not in resolved:
                    resolved[key] = self._vip_resolve_product(*key)
                outcome, product = resolved[key]
                if outcome == "ok":
                    lines.append((product, package_line.quantity * wizard_line.quantity))
                else:
                    no_color = self.env["product.attribute.value"]
                    refused[outcome, color if outcome in ("missing", "ambiguous") else no_color].add(product)
            sections.append((wizard_line, lines))
        return sections, problems + self._vip_refusals(refused)

    def _vip_refusals(self, refused):
        """Messages for the package lines that cannot be added, given as
        ``{(outcome, colour): product names}`` (see ``_vip_resolve_product``)."""
        messages = []
        for (outcome, color), names in sorted(refused.items(), key=lambda item: (item[0][0], item[0][1].id)):
            products = ", ".join(sorted(names))
            if outcome == "archived":
                messages.append(self.env._("These products are archived: %s.", products))
            elif outcome == "missing":
                messages.append(
                    self.env._(
                        "These products do not come in %(color)s: %(products)s.",
                        color=color.name,
                        products=products,
                    )
                )
            elif outcome == "ambiguous":
                messages.append(
                    self.env._(
                        "These products have several variants in %(color)s; name the variant in the package "
                        "offer: %(products)s.",
                        color=color.name,
                        products=products,
                    )
                )
            else:
                messages.append(
                    self.env._("Choose a colour: these products come in several variants: %s.", products)
                )
        return messages

    @api.model
    def _vip_resolve_product(self, template, variant, color):
        """Resolve a package line to the variant to add in ``color``.

        Return ``("ok", variant)``, or the reason it cannot be added with the name to show:
        ``"archived"``, ``"missing"`` (no variant in that colour), ``"ambiguous"`` (several)
        or ``"no_color"`` (several variants and no colour chosen). A fixed ``variant`` stays;
        a template that does not come in colours of that attribute gives its only variant.
        """
        if variant:
            return (
                ("ok", variant) if variant.active and template.active else ("archived", variant.display_name)
            )
        variants = template.product_variant_ids
        if not template.active or not variants:
            return "archived", template.display_name
        if color and color.attribute_id in template.attribute_line_ids.attribute_id:
            variants = variants.filtered(
                lambda v: color in v.product_template_attribute_value_ids.product_attribute_value_id
            )
        if len(variants) == 1:
            # filtered() narrows the prefetch to its result: keep reading all variants at once.
            return "ok", variants.with_prefetch(template.product_variant_ids._prefetch_ids)
        if not variants:
            return "missing", template.display_name
        return ("ambiguous" if color else "no_color"), template.display_name

    def action_add(self):
        """Add a section per chosen package ("Bedroom Classic × 2") and its lines, with the
        package's pre-approved discount, to the quotation; nothing at all if any input is wrong."""
        self.ensure_one()
        order = self.order_id
        if order.state not in ("draft", "sent"):
            raise UserError(
                self.env._("Package offers can only be added to a quotation; %s is not one.", order.name)
            )
        if not self.line_ids.package_id:
            raise UserError(self.env._("Choose at least one package offer."))
        sections, problems = self._vip_resolve()
        if problems:
            raise UserError("\n".join(problems))
        delivery_lines = order.order_line.filtered("is_delivery")
        sequence = max((order.order_line - delivery_lines).mapped("sequence"), default=0)
        package_names = {
            package.id: package.name
            for package in self.line_ids.package_id.with_context(lang=order.partner_id.lang)
        }
        vals_list = []
        distributions = {}  # product: analytic distribution, looked up once per product
        for wizard_line, lines in sections:
            package = wizard_line.package_id
            sequence += 1
            vals_list.append(
                {
                    "order_id": order.id,
                    "display_type": "line_section",
                    "name": f"{package_names[package.id]} × {wizard_line.quantity}",
                    "sequence": sequence,
                }
            )
            for product, quantity in lines:
                sequence += 1
                if product not in distributions:
                    distributions[product] = order._vip_analytic_distribution(product)
                vals_list.append(
                    {
                        "order_id": order.id,
                        "product_id": product.id,
                        "product_uom_qty": quantity,
                        "discount": package.discount,
                        "vip_package_id": package.id,
                        "analytic_distribution": distributions[product],
                        "sequence": sequence,
                    }
                )
        self.env["sale.order.line"].create(vals_list)
        if self.add_delivery:
            self._vip_add_delivery()
        elif delivery_lines:
            # The delivery stays the last line, and its price is now out of date.
            delivery_lines.sequence = sequence + 1
            order.recompute_delivery_price = True
        return {"type": "ir.actions.act_window_close"}

    def _vip_add_delivery(self):
        """The delivery line for the quotation's load with the packages: a rate the carrier
        refuses refuses the whole addition (the packages are not added either)."""
        if not self.carrier_id:
            raise UserError(self.env._("Choose the delivery method to add."))
        order = self.order_id
        rate = self.carrier_id.rate_shipment(order)
        if not rate.get("success"):
            raise UserError(
                self.env._(
                    "%(carrier)s cannot deliver this quotation: %(reason)s",
                    carrier=self.carrier_id.name,
                    reason=rate.get("error_message") or self.env._("no rate"),
                )
            )
        order.set_delivery_line(self.carrier_id, rate["price"])
