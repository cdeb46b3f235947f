from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common_stores import VipStoresCommon


@tagged("post_install", "-at_install")
class TestStoreAccess(VipStoresCommon):
    """A VIP manager works on the stores of their own clients only; the head on all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store1 = cls._store(cls.client1, 200, name="Own Store")
        cls.section1 = cls._section(cls.store1, 20, "installed")
        cls.survey1 = cls._survey(cls.store1, "2025-03-01", 5, 50)
        cls.store2 = cls._store(cls.client2, 100, name="Other Store")
        cls.section2 = cls._section(cls.store2, 10, "installed")
        cls.survey2 = cls._survey(cls.store2, "2025-03-01", 4, 40)
        cls.presence2 = cls.StoreCompetitor.create(
            {"store_id": cls.store2.id, "competitor_id": cls.brand_a.id, "area": 30}
        )

    def test_manager_sees_own_clients_only(self):
        for model, own, other in (
            ("vip.store", self.store1, self.store2),
            ("vip.brand.section", self.section1, self.section2),
            ("vip.share.survey", self.survey1, self.survey2),
            (
                "vip.share.survey.competitor",
                self.survey1.competitor_line_ids,
                self.survey2.competitor_line_ids,
            ),
        ):
            records = self.env[model].with_user(self.manager1).search([("id", "in", (own | other).ids)])
            self.assertEqual(records, own, model)
            head_records = self.env[model].with_user(self.head).search([("id", "in", (own | other).ids)])
            self.assertEqual(head_records, own | other, model)

    def test_manager_cannot_touch_other_clients(self):
        store2 = self.store2.with_user(self.manager1)
        with self.assertRaises(AccessError):
            store2.read(["name"])
        with self.assertRaises(AccessError):
            store2.write({"total_area": 500})
        with self.assertRaises(AccessError):
            self.section2.with_user(self.manager1).action_remove()
        with self.assertRaises(AccessError):
            self.survey2.with_user(self.manager1).write({"our_sku_count": 40})
        with self.assertRaises(AccessError):
            self.presence2.with_user(self.manager1).unlink()
        with self.assertRaises(AccessError):
            self.Store.with_user(self.manager1).create(
                {"partner_id": self.client2.id, "name": "Sneaky", "total_area": 50}
            )
        with self.assertRaises(AccessError):
            self.Survey.with_user(self.manager1).create(
                {"store_id": self.store2.id, "our_sku_count": 1, "total_sku_count": 2}
            )
        with self.assertRaises(AccessError):
            self.Section.with_user(self.manager1).create({"store_id": self.store2.id, "name": "X", "area": 5})
        self.env.invalidate_all()
        self.assertRecordValues(self.store2, [{"total_area": 100.0, "survey_count": 1, "section_count": 1}])
        self.assertEqual(self.section2.state, "installed")

    def test_manager_works_on_own_clients(self):
        store = self.store1.with_user(self.manager1)
        store.total_area = 250
        self.Section.with_user(self.manager1).create(
            {
                "store_id": store.id,
                "name": "Kitchens",
                "area": 30,
                "state": "installed",
                "date_installed": "2025-04-01",
            }
        )
        self.StoreCompetitor.with_user(self.manager1).create(
            {"store_id": store.id, "competitor_id": self.brand_b.id, "area": 40}
        )
        survey = self.Survey.with_user(self.manager1).create(
            {"store_id": store.id, "our_sku_count": 12, "total_sku_count": 60}
        )
        self.assertRecordValues(
            survey,
            [{"our_area": 50.0, "total_area": 250.0, "competitor_area": 40.0, "user_id": self.manager1.id}],
        )
        new_store = self.Store.with_user(self.manager1).create(
            {"partner_id": self.client1.id, "name": "New", "total_area": 80}
        )
        self.assertEqual(new_store.company_id, self.env.company)
        self.assertEqual(
            self.client1.with_user(self.manager1).vip_floor_share, 15.15, "(20 + 30) / (250 + 80)"
        )

    def test_new_owner_takes_the_stores_over(self):
        # The rule follows the client's owner: a new owner takes the stores over.
        self.client2.vip_manager_id = self.manager1
        self.assertEqual(
            self.Store.with_user(self.manager1).search([("id", "in", (self.store1 | self.store2).ids)]),
            self.store1 | self.store2,
        )

    def test_other_users(self):
        with self.assertRaises(AccessError):
            self.Store.with_user(self.salesman).search([])
        # A user without access to the stores opens the client card and sees no figure.
        client1 = self.client1.with_user(self.salesman)
        self.assertEqual((client1.vip_store_count, client1.vip_floor_share), (0, 0.0))
        # The KPIs of a client another manager owns show nothing of its stores.
        client1 = self.client1.with_user(self.manager2)
        self.assertEqual((client1.vip_store_count, client1.vip_floor_share), (0, 0.0))
        self.assertEqual(self.client1.with_user(self.manager1).vip_store_count, 1)

    def test_competitors_catalogue(self):
        brand = self.env["vip.competitor"].with_user(self.manager1).create({"name": "Lesnaya Skazka"})
        with self.assertRaises(AccessError):
            brand.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            brand.unlink()
        brand.with_user(self.head).write({"name": "Lesnaya Skazka Home"})
        self.assertEqual(brand.name, "Lesnaya Skazka Home")

    def test_multi_company(self):
        other_company = self.env["res.company"].create({"name": "Other Furniture Factory"})
        self.head.write({"company_ids": [Command.link(other_company.id)]})
        foreign_store = self.Store.with_company(other_company).create(
            {"partner_id": self.client1.id, "name": "Abroad", "total_area": 100}
        )
        self.assertEqual(foreign_store.company_id, other_company)
        head = self.Store.with_user(self.head).with_context(allowed_company_ids=[self.env.company.id])
        self.assertNotIn(foreign_store, head.search([]), "stores of another company stay out of sight")
        self.assertIn(
            foreign_store,
            head.with_context(allowed_company_ids=[self.env.company.id, other_company.id]).search([]),
        )
