import math
from dataclasses import dataclass, field

from odoo import fields, models

# Loads and capacities are compared with this slack so that, e.g., 6 t on 1.5 t trucks is
# exactly 4 trucks despite floating-point noise.
_EPSILON = 1e-9


def _trucks_needed(weight, volume, max_weight, max_volume):
    """Fewest trucks of one type that carry ``weight`` (t) and ``volume`` (m³) alone."""
    return max(0, math.ceil(weight / max_weight - _EPSILON), math.ceil(volume / max_volume - _EPSILON))


@dataclass
class TruckPlan:
    """A fleet for one shipment: how many vehicles of each type, and what it costs."""

    weight: float  # kg
    volume: float  # m³
    vehicles: list = field(default_factory=list)  # [(vip.vehicle.type, count)], count > 0
    cost: float = 0.0  # in the company's currency
    feasible: bool = True

    @property
    def truck_count(self):
        return sum(count for _vehicle, count in self.vehicles)

    @property
    def weight_fill(self):
        """Load weight as a percentage of the fleet's summed weight capacity."""
        capacity = sum(vehicle.max_weight * 1000.0 * count for vehicle, count in self.vehicles)
        return 100.0 * self.weight / capacity if capacity else 0.0

    @property
    def volume_fill(self):
        """Load volume as a percentage of the fleet's summed volume capacity."""
        capacity = sum(vehicle.max_volume * count for vehicle, count in self.vehicles)
        return 100.0 * self.volume / capacity if capacity else 0.0

    def description(self):
        return ", ".join(f"{count} × {vehicle.name}" for vehicle, count in self.vehicles)


class VipVehicleType(models.Model):
    _name = "vip.vehicle.type"
    _description = "Vehicle Type"
    _order = "sequence, max_weight, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    max_weight = fields.Float(
        string="Max Weight (t)", digits=(16, 2), required=True, help="Payload of one vehicle, in tonnes."
    )
    max_volume = fields.Float(
        string="Max Volume (m³)", digits=(16, 1), required=True, help="Cargo space of one vehicle, in m³."
    )
    cost_per_trip = fields.Monetary(string="Cost per Trip", help="Fixed cost of sending one vehicle.")
    cost_per_km = fields.Monetary(
        string="Cost per km", help="Cost of one vehicle per km of the delivery distance."
    )

    _check_capacity = models.Constraint(
        "CHECK(max_weight > 0 AND max_volume > 0)",
        "The capacity of a vehicle type (weight and volume) must be greater than zero.",
    )
    _check_costs = models.Constraint(
        "CHECK(cost_per_trip >= 0 AND cost_per_km >= 0)",
        "The costs of a vehicle type cannot be negative.",
    )

    def _vip_trip_cost(self, distance_km):
        self.ensure_one()
        return self.cost_per_trip + self.cost_per_km * distance_km

    def _vip_plan_trucks(self, weight, volume, distance_km=0.0):
        """Return the cheapest :class:`TruckPlan` of vehicles of the types in ``self``.

        ``weight`` in kg, ``volume`` in m³. Aggregate-capacity model: the fleet's summed payload
        and summed cargo space must cover the load; how cartons fit in 3D is out of scope.

        Exact, by bounded enumeration: ``n_i = ceil(max(W / w_i, V / v_i))`` vehicles of type
        ``i`` alone carry the load, so an optimal fleet never has more than ``n_i`` of that type
        (with more, one vehicle fewer would still carry it, at no higher cost). The counts of all
        types but the smallest are enumerated within these bounds; the smallest type gets the
        fewest vehicles that carry what remains. That is at most ``prod(n_i + 1)`` fleets over
        the other types, fewer after pruning by the best cost found so far: a few thousand for
        three types and a hundred tonnes. Ties go to the fleet with fewer vehicles.
        """
        tonnes = weight / 1000.0
        if tonnes <= _EPSILON and volume <= _EPSILON:
            return TruckPlan(weight, volume)
        if not self:
            return TruckPlan(weight, volume, feasible=False)
        vehicles = list(self)
        costs = [vehicle._vip_trip_cost(distance_km) for vehicle in vehicles]
        bounds = [_trucks_needed(tonnes, volume, v.max_weight, v.max_volume) for v in vehicles]
        # The type with the largest bound is solved in closed form instead of enumerated.
        last = max(range(len(vehicles)), key=bounds.__getitem__)
        order = [i for i in range(len(vehicles)) if i != last]
        counts = [0] * len(vehicles)
        best = {"key": (math.inf, math.inf), "counts": counts}

        def key(counts):
            return round(sum(n * cost for n, cost in zip(counts, costs, strict=True)), 6), sum(counts)

        def search(depth, rest_weight, rest_volume):
            if depth == len(order):
                counts[last] = _trucks_needed(
                    rest_weight, rest_volume, vehicles[last].max_weight, vehicles[last].max_volume
                )
                if key(counts) < best["key"]:
                    best.update(key=key(counts), counts=list(counts))
                counts[last] = 0
                return
            index = order[depth]
            vehicle = vehicles[index]
            for count in range(bounds[index] + 1):
                counts[index] = count
                if key(counts) > best["key"]:
                    break  # already dearer than the best fleet, and more only costs more
                new_weight = rest_weight - count * vehicle.max_weight
                new_volume = rest_volume - count * vehicle.max_volume
                search(depth + 1, new_weight, new_volume)
                if new_weight <= _EPSILON and new_volume <= _EPSILON:
                    break  # everything fits: more of this type only adds cost
            counts[index] = 0

        search(0, tonnes, volume)
        fleet = [(vehicle, count) for vehicle, count in zip(vehicles, best["counts"], strict=True) if count]
        return TruckPlan(weight, volume, fleet, best["key"][0])
