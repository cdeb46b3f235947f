from collections import defaultdict
from datetime import timedelta

from odoo import fields, models
from odoo.tools import float_compare

# Moves that will bring goods into a warehouse and are not there yet.
INCOMING_STATES = ("waiting", "confirmed", "partially_available", "assigned")


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    def _vip_availability(self, baskets):
        """When the goods of each basket (a proposal) can leave this warehouse.

        ``baskets`` is an iterable of lists of ``(key, product, quantity)``, the quantity in the
        product's unit, in the order the proposal lists them. Each basket is weighed on its own
        against the warehouse's free stock now (Odoo's ``free_qty``: on hand, not reserved) and
        the receipts on their way (incoming moves not done, by their scheduled day); within a
        basket the earlier lines take the stock first, as Odoo's stock widget counts them.
        What neither covers comes after the product's production lead time, when it has one.

        Return ``{key: (shortage, available_on)}``: the quantity short now (product unit) and
        the date the line's whole quantity is there (``False``: nobody can say). Two queries for
        any number of baskets and lines: the free stock and the incoming moves.
        """
        self.ensure_one()
        baskets = [list(basket) for basket in baskets]
        products = self.env["product.product"].browse(
            {product.id for basket in baskets for _key, product, _quantity in basket}
        )
        if not products:
            return {}
        stored = products.filtered("is_storable")
        free = {
            values["id"]: values["free_qty"]
            for values in stored.with_context(warehouse_id=self.id).read(["free_qty"])
        }
        incoming = defaultdict(list)  # product id: [(day, quantity)] by day
        if stored:
            # Receipts by day of the same calendar as today's (the user's timezone).
            groups = (
                self.env["stock.move"]
                .with_context(tz=self.env.tz.zone)
                ._read_group(
                    [
                        ("product_id", "in", stored.ids),
                        ("state", "in", INCOMING_STATES),
                        ("location_dest_id", "child_of", self.view_location_id.id),
                        ("location_id.usage", "not in", ("internal", "transit")),
                    ],
                    ["product_id", "date:day"],
                    ["product_qty:sum"],
                    order="date:day",
                )
            )
            for product, day, quantity in groups:
                incoming[product.id].append((fields.Date.to_date(day), quantity))
        today = fields.Date.context_today(self)
        result = {}
        for basket in baskets:
            taken = defaultdict(float)
            for key, product, quantity in basket:
                if not product.is_storable:
                    result[key] = (0.0, today)
                    continue
                taken[product.id] += quantity
                missing = taken[product.id] - free[product.id]
                shortage = min(quantity, missing)
                if float_compare(shortage, 0.0, precision_rounding=product.uom_id.rounding) <= 0:
                    result[key] = (0.0, today)
                    continue
                result[key] = (shortage, _arrival(product, missing, incoming[product.id], today))
        return result


def _arrival(product, missing, receipts, today):
    """The day the receipts cover ``missing`` (never before today), else today plus the
    product's production lead time, else ``False``."""
    received = 0.0
    for day, quantity in receipts:
        received += quantity
        if float_compare(received, missing, precision_rounding=product.uom_id.rounding) >= 0:
            return max(day, today)
    days = product.vip_production_days
    return today + timedelta(days=days) if days else False
