from odoo.tests import HttpCase, tagged

from .client_card_common import VipClientCardCommon


@tagged("post_install", "-at_install")
class TestClientCardTour(VipClientCardCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._complete_card(cls.client1)
        cls.client1.vip_kpp = False

    def _fill_kpp_as(self, user):
        self.assertEqual(self.client1.vip_card_completeness, 90)
        self.start_tour(f"/odoo/res.partner/{self.client1.id}", "vip_client_card", login=user.login)
        self.assertEqual(self.client1.vip_kpp, "773601001")
        self.assertEqual(self.client1.vip_card_completeness, 100)

    def test_owner_completes_the_card(self):
        self._fill_kpp_as(self.manager1)

    def test_head_completes_the_card(self):
        # The administrator also sees the bank accounts in the Invoicing tab of the form.
        self._fill_kpp_as(self.env.ref("base.user_admin"))
