from odoo.tests import HttpCase, tagged

from .client_card_common import VipClientCardCommon


@tagged("post_install", "-at_install")
class TestClientCardTour(VipClientCardCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._complete_card(cls.client1)
        cls._sign_contract(cls._create_contract(cls.client1))
        cls.client1.vip_kpp = False

    def _fill_kpp_as(self, user):
        self.assertEqual(self.client1.vip_card_completeness, 91, "10 of 11 items: no KPP")
        self.start_tour(f"/odoo/res.partner/{self.client1.id}", "vip_client_card", login=user.login)
        self.assertEqual(self.client1.vip_kpp, "773601001")
        self.assertEqual(self.client1.vip_card_completeness, 100)

    def test_owner_completes_the_card(self):
        self._fill_kpp_as(self.manager1)

    def test_head_completes_the_card(self):
        # The administrator also sees the bank accounts in the Invoicing tab of the form.
        self._fill_kpp_as(self.env.ref("base.user_admin"))

    def test_manager_accepts_a_hand_over(self):
        prospect = self.env["res.partner"].create({"name": "Novy Interier LLC", "is_company": True})
        handover = (
            self.env["vip.handover"]
            .with_user(self.salesman)
            .create({"partner_id": prospect.id, "to_user_id": self.manager2.id, "tier_id": self.tier_gold.id})
        )
        handover.check_ids.filtered(lambda check: check.kind == "promises").with_user(
            self.salesman
        ).note = "Free delivery of the first order"
        handover.with_user(self.salesman).action_submit()
        self.start_tour(
            "/odoo/action-vip_sales.vip_handover_action", "vip_handover_accept", login=self.manager2.login
        )
        self.assertEqual(handover.state, "done")
        self.assertEqual(handover.check_ids.confirmed_by_id, self.manager2)
        self.assertEqual(prospect.vip_manager_id, self.manager2)


@tagged("post_install", "-at_install")
class TestClientCardTourMobile(TestClientCardTour):
    """The same card and hand-over flows at a phone's size, with touch, as the Odoo mobile app shows them."""

    browser_size = "375x667"
    touch_enabled = True
    allow_inherited_tests_method = True
