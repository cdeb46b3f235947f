import itertools
import random

from odoo.tests import tagged

from .logistics_common import VipLogisticsCommon


@tagged("post_install", "-at_install")
class TestTruckPlan(VipLogisticsCommon):
    def _plan(self, vehicles, weight, volume, distance=0.0):
        plan = vehicles._vip_plan_trucks(weight, volume, distance)
        return plan, {vehicle.name: count for vehicle, count in plan.vehicles}

    def test_greedy_by_size_or_by_rate_is_wrong_on_weight(self):
        # 6 t: the biggest truck first gives 5 t + 3 t = 17, the cheapest per tonne (5 t at
        # 2/t) gives 5 t + 5 t = 20; two 3-tonne trucks carry it for 14.
        big = self._create_vehicle("Five", 5, 100, 10, 0)
        small = self._create_vehicle("Three", 3, 100, 7, 0)
        plan, counts = self._plan(big | small, 6000, 1)
        self.assertEqual(counts, {"Three": 2})
        self.assertAlmostEqual(plan.cost, 14)
        self.assertAlmostEqual(plan.weight_fill, 100.0)

    def test_greedy_is_wrong_on_volume_with_our_fleet(self):
        # 2 t and 40 m³ over 100 km: trips cost 8,000 (Gazelle), 14,500 (5 t), 29,500 (eurotruck).
        # The eurotruck is the cheapest per m³ and the biggest, but a 5-tonne truck and a Gazelle
        # (45 m³) carry the load for 22,500.
        fleet = self.gazelle | self.truck | self.eurotruck
        plan, counts = self._plan(fleet, 2000, 40, 100)
        self.assertEqual(counts, {"Gazelle": 1, "5-tonne truck": 1})
        self.assertAlmostEqual(plan.cost, 22500)
        self.assertAlmostEqual(plan.volume_fill, 40 / 45 * 100)
        self.assertAlmostEqual(plan.weight_fill, 2 / 6.5 * 100)
        self.assertEqual(plan.description(), "1 × Gazelle, 1 × 5-tonne truck")

    def test_weight_and_volume_both_bind(self):
        # 21 t and 60 m³: one eurotruck is 1 t short; eurotruck + Gazelle (21.5 t, 91 m³) costs
        # 24,500, less than two eurotrucks (40,000) or five 5-tonne trucks (45,000).
        plan, counts = self._plan(self.gazelle | self.truck | self.eurotruck, 21000, 60)
        self.assertEqual(counts, {"Gazelle": 1, "Eurotruck": 1})
        self.assertAlmostEqual(plan.cost, 24500)

    def test_exact_on_random_loads(self):
        """The plan costs what a full enumeration (up to 21 vehicles a type) finds cheapest."""
        fleet = self.gazelle | self.truck | self.eurotruck
        fleets = [
            (
                counts,
                sum(n * v.max_weight for n, v in zip(counts, fleet, strict=True)),
                sum(n * v.max_volume for n, v in zip(counts, fleet, strict=True)),
            )
            for counts in itertools.product(range(22), repeat=3)
        ]
        rng = random.Random(7)
        for _i in range(25):
            weight, volume, distance = rng.uniform(0, 30000), rng.uniform(0, 120), rng.choice([0, 50, 400])
            costs = [v._vip_trip_cost(distance) for v in fleet]
            best = min(
                sum(n * c for n, c in zip(counts, costs, strict=True))
                for counts, max_weight, max_volume in fleets
                if max_weight >= weight / 1000 and max_volume >= volume
            )
            with self.subTest(weight=weight, volume=volume, distance=distance):
                self.assertAlmostEqual(fleet._vip_plan_trucks(weight, volume, distance).cost, best)

    def test_exact_capacity_needs_no_extra_truck(self):
        plan, counts = self._plan(self.gazelle, 6000, 36)
        self.assertEqual(counts, {"Gazelle": 4})
        self.assertAlmostEqual(plan.volume_fill, 100.0)

    def test_ties_go_to_fewer_vehicles(self):
        one = self._create_vehicle("One big", 2, 20, 10, 0)
        two = self._create_vehicle("Small", 1, 10, 5, 0)
        _plan, counts = self._plan(two | one, 2000, 20)
        self.assertEqual(counts, {"One big": 1})

    def test_no_load_needs_no_truck_and_no_fleet_cannot_plan(self):
        plan = self.gazelle._vip_plan_trucks(0, 0)
        self.assertTrue(plan.feasible)
        self.assertFalse(plan.vehicles)
        self.assertEqual(plan.cost, 0)
        plan = self.env["vip.vehicle.type"]._vip_plan_trucks(100, 1)
        self.assertFalse(plan.feasible)
