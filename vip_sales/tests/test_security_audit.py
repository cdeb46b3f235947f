from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_stores import VipStoresCommon


@tagged("post_install", "-at_install")
class TestSecurityAudit(VipStoresCommon):
    """What the views show read-only holds over RPC too (vip_sales/readme/SECURITY.md)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.store = cls._store(cls.client1, 200, name="Own Store")
        cls.section = cls._section(cls.store, 20, "installed")
        cls.presence = cls.StoreCompetitor.create(
            {"store_id": cls.store.id, "competitor_id": cls.brand_a.id, "area": 30}
        )
        cls.survey = cls._survey(cls.store, "2025-03-01", 5, 50)

    # ------------------------------------------------------------------
    # Stores, sections, surveys, competitors
    # ------------------------------------------------------------------

    def test_computed_fields_are_refused(self):
        survey_line = self.survey.competitor_line_ids
        cases = [
            (self.store, "our_area", 150.0),
            (self.store, "floor_share", 90.0),
            (self.store, "last_survey_id", False),
            (self.store, "assortment_share", 90.0),
            (self.section, "partner_id", self.client2.id),
            (self.survey, "floor_share", 90.0),
            (self.survey, "assortment_share", 90.0),
            (self.survey, "competitor_area", 0.0),
            (self.survey, "competitor_line_ids", [Command.clear()]),
            (self.presence, "partner_id", self.client2.id),
            (survey_line, "company_id", False),
        ]
        for user in (self.manager1, self.head):
            for record, fname, value in cases:
                with (
                    self.subTest(user=user.login, model=record._name, field=fname),
                    self.assertRefused(AccessError, "computed, not entered"),
                ):
                    record.with_user(user).write({fname: value})
        with self.assertRefused(AccessError, "computed, not entered"):
            self.Store.with_user(self.manager1).create(
                {"partner_id": self.client1.id, "name": "Inflated", "total_area": 100, "floor_share": 90}
            )
        self.env.invalidate_all()
        self.assertRecordValues(
            self.store,
            [
                {
                    "partner_id": self.client1.id,
                    "our_area": 20.0,
                    "floor_share": 10.0,
                    "last_survey_id": self.survey.id,
                }
            ],
        )
        self.assertRecordValues(self.survey, [{"assortment_share": 10.0, "competitor_area": 30.0}])
        self.assertEqual(len(self.survey.competitor_line_ids), 1)

    def test_store_keeps_its_client(self):
        for user in (self.manager1, self.head):
            with self.assertRefused(UserError, "The client of a store cannot change"):
                self.store.with_user(user).write({"partner_id": self.client2.id})
        self.store.with_user(self.manager1).write({"partner_id": self.client1.id, "name": "Renamed"})
        self.assertRecordValues(self.store, [{"partner_id": self.client1.id, "name": "Renamed"}])

    def test_survey_floor_is_taken_from_the_store(self):
        survey = self.survey.with_user(self.manager1)
        with self.assertRefused(AccessError, "The floor of a survey is taken from its store"):
            survey.write({"our_area": 150.0})
        with self.assertRefused(AccessError, "The floor of a survey is taken from its store"):
            self.Survey.with_user(self.manager1).create(
                {"store_id": self.store.id, "our_sku_count": 1, "total_sku_count": 2, "total_area": 1000.0}
            )
        self.assertRecordValues(self.survey, [{"our_area": 20.0, "total_area": 200.0}])
        # The head enters the floor of a past survey (an import of earlier records).
        self.survey.with_user(self.head).write({"our_area": 10.0})
        self.assertRecordValues(self.survey, [{"our_area": 10.0, "floor_share": 5.0}])

    # ------------------------------------------------------------------
    # Configuration
    # ------------------------------------------------------------------

    def test_refusal_reasons_are_configured_by_the_head(self):
        reason = self.env["vip.refusal.reason"].with_user(self.head).create({"name": "Delivery too late"})
        with self.assertRaises(AccessError):
            self.env["vip.refusal.reason"].with_user(self.manager1).create({"name": "Weather"})
        with self.assertRaises(AccessError):
            reason.with_user(self.manager1).write({"name": "Late"})
        self.assertEqual(reason.with_user(self.manager1).name, "Delivery too late")
