from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_stores import VipStoresCommon


@tagged("post_install", "-at_install")
class TestStoreRules(VipStoresCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls._store(cls.client1, 100)
        cls.section = cls._section(cls.store, 30, "installed")

    @mute_logger("odoo.sql_db")
    def test_areas_must_be_positive(self):
        for area in (0, -10):
            with self.assertRaises(IntegrityError):
                self._store(self.client1, area)
                self.env.flush_all()
            with self.assertRaises(IntegrityError):
                self._section(self.store, area)
                self.env.flush_all()
        with self.assertRaises(IntegrityError):
            self.StoreCompetitor.create(
                {"store_id": self.store.id, "competitor_id": self.brand_a.id, "area": -1}
            )
            self.env.flush_all()
        presence = self.StoreCompetitor.create(
            {"store_id": self.store.id, "competitor_id": self.brand_a.id, "area": 0}
        )
        self.assertEqual(presence.area, 0.0, "a competitor may take no floor (e.g. a catalogue corner)")

    @mute_logger("odoo.sql_db")
    def test_sku_counts(self):
        for our, total in ((-1, 10), (0, -1), (11, 10)):
            with self.assertRaises(IntegrityError):
                self._survey(self.store, "2025-01-01", our, total)
                self.env.flush_all()
        with self.assertRaises(IntegrityError):
            self.Survey.create({"store_id": self.store.id, "our_area": 120, "total_area": 100})
            self.env.flush_all()
        survey = self._survey(self.store, "2025-01-01", 10, 10)
        with self.assertRaises(IntegrityError):
            survey.total_sku_count = 9
            self.env.flush_all()
        survey.invalidate_recordset()
        self.assertEqual((survey.our_sku_count, survey.total_sku_count), (10, 10))

    def test_occupied_area_fits_the_floor(self):
        # 100 m² floor: 30 installed, 50 agreed and 20 of a competitor fill it exactly.
        agreed = self._section(self.store, 50, "agreed")
        presence = self.StoreCompetitor.create(
            {"store_id": self.store.id, "competitor_id": self.brand_a.id, "area": 20}
        )
        planned = self._section(self.store, 40)  # a planned section reserves nothing yet
        message = "take 100.5 m², more than its total area of 100.0 m²"
        with self.assertRefused(ValidationError, message):
            presence.area = 20.5
        with self.assertRefused(ValidationError, "take 140.0 m²"):
            planned.action_agree()
        with self.assertRefused(ValidationError, "take 140.0 m²"):
            planned.action_install()
        with self.assertRefused(ValidationError, "take 110.0 m²"):
            self._section(self.store, 10, "agreed")
        with self.assertRefused(ValidationError, "take 100.0 m², more than its total area of 99.0 m²"):
            self.store.total_area = 99
        with self.assertRefused(ValidationError, "take 101.0 m²"):
            self.StoreCompetitor.create(
                {"store_id": self.store.id, "competitor_id": self.brand_b.id, "area": 1}
            )
        # Nothing changed.
        self.env.invalidate_all()
        self.assertEqual((presence.area, planned.state, self.store.total_area), (20.0, "planned", 100.0))
        self.assertEqual(len(self.store.section_ids), 3)
        # Removing a section frees its floor.
        agreed.action_plan()
        planned.action_agree()
        self.assertEqual(planned.state, "agreed")

    def test_installation_needs_a_date(self):
        with self.assertRefused(ValidationError, "Set the installation date"):
            self.section.date_installed = False
        with self.assertRefused(ValidationError, "Set the installation date"):
            self._section(self.store, 10, "installed", date_installed=False)
        with self.assertRefused(ValidationError, "Set the removal date"):
            self.section.write({"state": "removed", "date_removed": False})
        self.assertEqual(self.section.state, "installed")

    def test_removal_not_before_installation(self):
        with self.assertRefused(ValidationError, "cannot be removed on .* before its installation"):
            self.section.write({"state": "removed", "date_removed": "2025-01-14"})
        self.section.write({"state": "removed", "date_removed": "2025-01-15"})
        self.assertEqual(self.section.state, "removed")

    def test_store_belongs_to_the_client_company(self):
        with self.assertRefused(ValidationError, "must belong to the client company Mebelgrad LLC"):
            self._store(self.client1_contact, 50)
        other_address = self.env["res.partner"].create(
            {"name": "Warehouse", "type": "delivery", "parent_id": self.client2.id, "city": "Kazan"}
        )
        with self.assertRefused(ValidationError, "must be an address of its client Mebelgrad LLC"):
            self.store.address_id = other_address
        own_address = self.env["res.partner"].create(
            {"name": "Shop", "type": "delivery", "parent_id": self.client1.id, "city": "Tula"}
        )
        self.store.address_id = own_address
        self.assertEqual(self.store.city, "Tula", "the city comes from the address")

    def test_company_consistency(self):
        other_company = self.env["res.company"].create({"name": "Other Furniture Factory"})
        foreign_client = self.env["res.partner"].create(
            {"name": "Foreign Chain", "is_company": True, "company_id": other_company.id}
        )
        with self.assertRaises(UserError):
            self._store(foreign_client, 100)
        foreign_brand = self.env["vip.competitor"].create(
            {"name": "Nordic Home", "company_id": other_company.id}
        )
        with self.assertRaises(UserError):
            self.StoreCompetitor.create({"store_id": self.store.id, "competitor_id": foreign_brand.id})
        section = self._section(self.store, 5)
        self.assertEqual(section.company_id, self.store.company_id)
