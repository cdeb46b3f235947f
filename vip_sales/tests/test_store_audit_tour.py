from odoo.tests import HttpCase, tagged

from .test_store_audit import PHONE_POSITION, STORE_POSITION, StoreAuditCommon


@tagged("post_install", "-at_install")
class TestStoreAuditTour(StoreAuditCommon, HttpCase):
    """On the phone, a store audit: check in, photograph two sections, fill their checklist,
    add a display sample, check out."""

    browser_size = "390x844"
    touch_enabled = True

    def test_store_audit_on_the_phone(self):
        self.address.write({"partner_latitude": STORE_POSITION[0], "partner_longitude": STORE_POSITION[1]})
        self.env["product.product"].create({"name": "Chair Nordic", "type": "consu", "list_price": 4000.0})
        self.start_tour(
            f"/odoo/action-vip_sales.vip_visit_action/{self.visit.id}",
            "vip_store_audit",
            login=self.manager1.login,
        )
        visit = self.visit
        self.assertTrue(visit.checkin_date and visit.checkout_date)
        self.assertFalse(visit.checkin_issue or visit.checkout_issue)
        self.assertTrue(0.05 < visit.checkin_distance < 0.15)
        self.assertEqual(visit.checkin_latitude, PHONE_POSITION[0])
        bedrooms, sofas = visit.audit_ids.sorted(lambda a: a.section_id.name)
        self.assertEqual((bedrooms.score, sofas.score), (100, 50))
        self.assertTrue(bedrooms.photo and sofas.photo and bedrooms.photo_date)
        self.assertEqual((bedrooms.photo_latitude, bedrooms.photo_longitude), PHONE_POSITION)
        self.assertEqual(visit.execution_score, 75.0)
        sample = self.env["vip.display.sample"].search([("store_id", "=", self.store.id)])
        self.assertRecordValues(sample, [{"state": "planned", "product_id": sample.product_id.id}])
        self.assertEqual(sample.product_id.name, "Chair Nordic")


@tagged("post_install", "-at_install")
class TestStoreAuditTourDesktop(TestStoreAuditTour):
    """The same at the desk, where every button of the visit shows."""

    browser_size = "1366x768"
    touch_enabled = False
    allow_inherited_tests_method = True
