from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import formatLang


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
        "product.attribute.value", compute="_compute_available_color_value_ids"
    )
    line_ids = fields.One2many("vip.package.add.line", "wizard_id", string="Package Offers")

    # Live preview: what "Add to order" will write, and the order's logistics afterwards.
    preview_html = fields.Html(string="Preview", compute="_compute_preview", sanitize=False)
    problems = fields.Text(compute="_compute_preview")
    total_weight = fields.Float(string="Gross Weight (kg)", digits="Stock Weight", compute="_compute_preview")
    tonnage = fields.Float(string="Tonnage (t)", digits=(16, 3), compute="_compute_preview")
    total_volume = fields.Float(string="Volume (m³)", digits=(16, 3), compute="_compute_preview")
    total_cartons = fields.Integer(string="Cartons", compute="_compute_preview")
    truck_plan = fields.Char(string="Truck Plan", compute="_compute_preview")
    weight_fill = fields.Float(string="Weight Fill (%)", digits=(16, 1), compute="_compute_preview")
    volume_fill = fields.Float(string="Volume Fill (%)", digits=(16, 1), compute="_compute_preview")
    delivery_cost = fields.Monetary(string="Delivery Cost", compute="_compute_preview")

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
                self.env["ir.qweb"]._render("vip_sales.vip_package_add_preview", preview) if sections else False
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

    def _vip_preview_values(self, sections):
        """Rows of the preview table and the totals of what is added, in plain Python over the
        products already in the cache (no order line is built for the preview)."""

        def fmt(value, digits):
            return formatLang(self.env, value, digits=digits)

        weight = volume = cartons = 0.0
        blocks = []
        for wizard_line, lines in sections:
            rows = []
            for product, quantity in lines:
                line_weight = product.vip_shipping_weight * quantity
                line_volume = product.vip_shipping_volume * quantity
                line_cartons = product._vip_cartons_for(quantity)
                weight, volume, cartons = weight + line_weight, volume + line_volume, cartons + line_cartons
                rows.append(
                    {
                        "product": product.display_name,
                        "quantity": fmt(quantity, 0 if quantity.is_integer() else 2),
                        "uom": product.uom_id.name,
                        "cartons": line_cartons,
                        "weight": fmt(line_weight, 1),
                        "volume": fmt(line_volume, 3),
                    }
                )
            color = wizard_line._vip_color()
            blocks.append(
                {
                    "title": f"{wizard_line.package_id.name} × {wizard_line.quantity}",
                    "color": color.name or "",
                    "discount": fmt(wizard_line.package_id.discount, 1),
                    "rows": rows,
                }
            )
        return {
            "blocks": blocks,
            "weight": weight,
            "volume": volume,
            "cartons": cartons,
            "weight_display": fmt(weight, 1),
            "volume_display": fmt(volume, 3),
        }

    def _vip_resolve(self):
        """Resolve the chosen package offers into order lines, without writing anything.

        Return ``(sections, problems)``: ``sections`` lists, per chosen package, the wizard line
        and its ``(product, quantity)`` pairs for all its sets, each template resolved to its
        variant in the package's colour (a package line that names a variant keeps it);
        ``problems`` lists the translated reasons why nothing can be added.
        """
        self.ensure_one()
        problems = []
        if not self.line_ids:
            problems.append(self.env._("Choose at least one package offer."))
        archived, no_color = set(), set()
        missing, ambiguous = defaultdict(set), defaultdict(set)
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
            lines = []
            for package_line in package.line_ids:
                template, product = package_line.product_tmpl_id, package_line.product_id
                if not product:
                    variants = template.product_variant_ids
                    if color and color.attribute_id in template.attribute_line_ids.attribute_id:
                        variants = variants.filtered(
                            lambda v, color=color: color in v.product_template_attribute_value_ids.product_attribute_value_id
                        )
                    product = variants if len(variants) == 1 else None
                if not template.active or not template.product_variant_ids or (product and not product.active):
                    archived.add((product or template).display_name)
                elif product is None and not variants:
                    missing[color].add(template.display_name)
                elif product is None and color:
                    ambiguous[color].add(template.display_name)
                elif product is None:
                    no_color.add(template.display_name)
                else:
                    lines.append((product, package_line.quantity * wizard_line.quantity))
            sections.append((wizard_line, lines))
        if archived:
            problems.append(self.env._("These products are archived: %s.", ", ".join(sorted(archived))))
        for color, names in missing.items():
            problems.append(
                self.env._(
                    "These products do not come in %(color)s: %(products)s.",
                    color=color.name,
                    products=", ".join(sorted(names)),
                )
            )
        for color, names in ambiguous.items():
            problems.append(
                self.env._(
                    "These products have several variants in %(color)s; name the variant in the package "
                    "offer: %(products)s.",
                    color=color.name,
                    products=", ".join(sorted(names)),
                )
            )
        if no_color:
            problems.append(
                self.env._(
                    "Choose a colour: these products come in several variants: %s.", ", ".join(sorted(no_color))
                )
            )
        return sections, problems

    def action_add(self):
        """Add a section per chosen package ("Bedroom Classic × 2") and its lines, with the
        package's pre-approved discount, to the quotation; nothing at all if any input is wrong."""
        self.ensure_one()
        order = self.order_id
        if order.state not in ("draft", "sent"):
            raise UserError(
                self.env._("Package offers can only be added to a quotation; %s is not one.", order.name)
            )
        sections, problems = self._vip_resolve()
        if problems:
            raise UserError("\n".join(problems))
        delivery_lines = order.order_line.filtered("is_delivery")
        sequence = max((order.order_line - delivery_lines).mapped("sequence"), default=0)
        package_names = {package.id: package.name for package in self.line_ids.package_id.with_context(lang=order.partner_id.lang)}
        vals_list = []
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
                vals_list.append(
                    {
                        "order_id": order.id,
                        "product_id": product.id,
                        "product_uom_qty": quantity,
                        "discount": package.discount,
                        "vip_package_discount": package.discount,
                        "sequence": sequence,
                    }
                )
        self.env["sale.order.line"].create(vals_list)
        if delivery_lines:
            # The delivery stays the last line, and its price is now out of date.
            delivery_lines.sequence = sequence + 1
            order.recompute_delivery_price = True
        return {"type": "ir.actions.act_window_close"}
