import base64
import io
from unittest.mock import patch

from PIL import Image

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..tools.geo import haversine_km
from .common_stores import VipStoresCommon
from .common_visits import VipVisitsCommon

# The Red Square, and a phone at the GUM across it (about 230 m away).
STORE_POSITION = (55.7539, 37.6208)
PHONE_POSITION = (55.7547, 37.6215)


def _jpeg(width, height):
    stream = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(stream, "JPEG")
    return base64.b64encode(stream.getvalue())


class StoreAuditCommon(VipStoresCommon, VipVisitsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.address = cls.env["res.partner"].create(
            {"name": "Mebelgrad Center", "parent_id": cls.client1.id, "type": "delivery", "city": "Moscow"}
        )
        cls.store = cls._store(cls.client1, 800, name="Center", address_id=cls.address.id)
        cls.bedrooms = cls._section(cls.store, 40, "installed", name="Bedrooms")
        cls.sofas = cls._section(cls.store, 30, "installed", name="Sofas")
        cls._section(cls.store, 20, "planned", name="Kitchens")  # not on the floor yet
        cls.visit = cls._visit(cls.client1, store_id=cls.store.id)


@tagged("post_install", "-at_install")
class TestStoreAudit(StoreAuditCommon):
    def test_audit_sections_with_photos_and_checklist(self):
        visit = self.visit.with_user(self.manager1)
        visit.action_start_audit()
        self.assertEqual(visit.audit_ids.section_id, self.bedrooms | self.sofas, "the installed sections")
        visit.action_start_audit()
        self.assertEqual(len(visit.audit_ids), 2, "a section is audited once per visit")
        bedrooms, sofas = visit.audit_ids.sorted(lambda a: a.section_id.name)
        bedrooms.write(
            {
                "photo": _jpeg(4000, 3000),
                "photo_latitude": PHONE_POSITION[0],
                "photo_longitude": PHONE_POSITION[1],
                "check_branding": True,
                "check_price_tags": True,
                "check_samples": True,
                "check_furniture": True,
            }
        )
        sofas.write({"photo": _jpeg(800, 600), "check_branding": True})
        self.assertEqual(Image.open(io.BytesIO(base64.b64decode(bedrooms.photo))).size, (1920, 1440))
        self.assertEqual(Image.open(io.BytesIO(base64.b64decode(bedrooms.photo_128))).size, (128, 96))
        self.assertTrue(bedrooms.photo_date)
        self.assertEqual((bedrooms.score, sofas.score), (100, 25))
        self.assertEqual((visit.execution_points, visit.execution_max_points), (5, 8))
        self.assertAlmostEqual(visit.execution_score, 62.5)
        self.assertEqual(self.store.last_audit_visit_id, self.visit)
        self.assertAlmostEqual(self.store.execution_score, 62.5)
        self.assertEqual(self.store.latest_photo_ids, bedrooms | sofas)

    def test_bad_photos_are_refused_and_nothing_is_lost(self):
        self.visit.action_start_audit()
        audit = self.visit.audit_ids[0].with_user(self.manager1)
        audit.write({"check_branding": True, "photo": _jpeg(100, 100)})
        with self.assertRaisesText(UserError, "could not be decoded as an image"):
            audit.write({"photo": base64.b64encode(b"%PDF-1.4 not a photo"), "check_samples": True})
        with self.assertRaisesText(UserError, "photos up to 15 MB are accepted"):
            audit.write({"photo": b"A" * (16 * 1024 * 1024 * 4 // 3), "check_samples": True})
        audit.invalidate_recordset()
        self.assertRecordValues(audit, [{"check_branding": True, "check_samples": False}])
        self.assertEqual(Image.open(io.BytesIO(base64.b64decode(audit.photo))).size, (100, 100))

    def test_scores_are_computed_not_entered(self):
        self.visit.action_start_audit()
        audit = self.visit.audit_ids[0]
        for record, fname, value in (
            (self.visit, "execution_score", 100.0),
            (self.visit, "execution_points", 8),
            (audit, "score", 100),
            (audit, "photo_date", "2025-01-01 10:00:00"),
            (self.store, "execution_score", 100.0),
        ):
            with (
                self.subTest(model=record._name, field=fname),
                self.assertRaisesText(AccessError, "computed, not entered"),
            ):
                record.with_user(self.manager1).write({fname: value})
        self.assertEqual((audit.score, self.visit.execution_score), (0, 0.0))

    def test_audits_follow_the_store_rules(self):
        self.visit.action_start_audit()
        other_store = self._store(self.client2, 300, name="Mall")
        section = self._section(other_store, 10, "installed")
        with self.assertRaisesText(UserError, "not in the store of the visit"):
            self.env["vip.section.audit"].create({"visit_id": self.visit.id, "section_id": section.id})
        self.assertFalse(self.env["vip.section.audit"].with_user(self.manager2).search([]))
        with self.assertRaises(AccessError):
            self.visit.audit_ids[0].with_user(self.manager2).check_branding = True


@tagged("post_install", "-at_install")
class TestVisitCheckIn(StoreAuditCommon):
    def test_geolocalize_the_store_address(self):
        with patch.object(
            type(self.env["base.geocoder"]), "geo_find", return_value=STORE_POSITION
        ) as geo_find:
            self.store.with_user(self.manager1).action_geolocalize()
        geo_find.assert_called_once()
        self.assertEqual(self.store._vip_position(), STORE_POSITION)
        self.assertAlmostEqual(self.store.latitude, STORE_POSITION[0])

    def test_check_in_and_out_with_the_distance(self):
        self.address.write({"partner_latitude": STORE_POSITION[0], "partner_longitude": STORE_POSITION[1]})
        visit = self.visit.with_user(self.manager1)
        visit.action_check_in(latitude=PHONE_POSITION[0], longitude=PHONE_POSITION[1])
        self.assertTrue(visit.checkin_date)
        self.assertFalse(visit.checkin_issue)
        self.assertAlmostEqual(
            visit.checkin_distance, haversine_km(*PHONE_POSITION, *STORE_POSITION), places=2
        )
        self.assertTrue(0.05 < visit.checkin_distance < 0.15, visit.checkin_distance)
        with self.assertRaisesText(UserError, "Only a planned visit not checked in yet"):
            visit.action_check_in(latitude=PHONE_POSITION[0], longitude=PHONE_POSITION[1])
        visit.action_check_out(error="refused")
        self.assertRecordValues(
            visit, [{"checkout_issue": "refused", "checkout_distance": 0.0, "state": "planned"}]
        )
        self.assertTrue(visit.checkout_date, "the check-out is recorded without a position")
        with self.assertRaisesText(UserError, "Check in before you check out"):
            visit.action_check_out(latitude=PHONE_POSITION[0], longitude=PHONE_POSITION[1])

    def test_absent_positions_are_recorded_with_their_reason(self):
        self.address.write({"partner_latitude": STORE_POSITION[0], "partner_longitude": STORE_POSITION[1]})
        cases = [
            ({"error": "refused"}, "refused"),
            ({"error": "timeout"}, "unavailable"),
            ({"latitude": 123.0, "longitude": 37.6}, "invalid"),
            ({"latitude": "north", "longitude": None}, "invalid"),
            ({"latitude": 0, "longitude": 0}, "invalid"),
            ({"latitude": 40.7128, "longitude": -74.006}, "far"),  # New York
        ]
        for reading, issue in cases:
            with self.subTest(reading=reading):
                visit = self._visit(self.client1, store_id=self.store.id).with_user(self.manager1)
                visit.action_check_in(**reading)
                self.assertRecordValues(
                    visit, [{"checkin_issue": issue, "checkin_latitude": 0.0, "checkin_distance": 0.0}]
                )
                self.assertTrue(visit.checkin_date)

    def test_store_not_located_keeps_the_phone_position(self):
        visit = self.visit.with_user(self.manager1)
        visit.action_check_in(latitude=PHONE_POSITION[0], longitude=PHONE_POSITION[1])
        self.assertRecordValues(
            visit,
            [
                {
                    "checkin_issue": "store_unlocated",
                    "checkin_latitude": PHONE_POSITION[0],
                    "checkin_distance": 0.0,
                }
            ],
        )

    def test_positions_are_written_by_the_buttons_only(self):
        with self.assertRaises(AccessError):
            self.visit.with_user(self.manager1).write({"checkin_distance": 0.1})
        with self.assertRaises(AccessError):
            self._visit(self.client1).with_user(self.manager1).create(
                {"partner_id": self.client1.id, "checkin_date": "2025-03-10 09:00:00"}
            )
        with self.assertRaises(AccessError):
            self.visit.with_user(self.manager2).action_check_in(latitude=1.0, longitude=1.0)
