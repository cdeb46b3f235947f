import base64
from contextlib import contextmanager
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

RUSSIAN = "ru_RU"
# The scan of a signed supply contract, in small.
CONTRACT_SCAN = base64.b64encode(b"%PDF-1.4 signed contract scan")


def load_russian(env, modules=("vip_sales",)):
    """Activate Russian and load the Russian terms of ``modules`` into the test database."""
    env["res.lang"]._activate_lang(RUSSIAN)
    env["ir.module.module"]._load_module_terms(list(modules), [RUSSIAN], overwrite=True)


class VipSalesCommon(BaseCommon):
    """Users of every role and a few VIP clients, built without demo data.

    - ``manager1`` owns ``client1`` (with contact ``client1_contact``);
    - ``manager2`` owns ``client2``;
    - ``head`` is the head of sales;
    - ``salesman`` is an ordinary (active-sales) salesperson, not a VIP manager;
    - ``non_vip`` is an ordinary customer without a tier.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.manager1 = cls._create_vip_user("vip_manager1_test", "vip_sales.group_vip_manager")
        cls.manager2 = cls._create_vip_user("vip_manager2_test", "vip_sales.group_vip_manager")
        cls.head = cls._create_vip_user("vip_head_test", "vip_sales.group_vip_head")
        cls.salesman = cls._create_vip_user("salesman_test", "sales_team.group_sale_salesman")
        cls.tier_gold = cls.env["vip.tier"].create(
            {
                "name": "Gold",
                "call_interval_days": 7,
                "visit_interval_days": 30,
                "target_floor_share": 20.0,
                "target_assortment_share": 15.0,
                "min_card_completeness": 0,
            }
        )
        cls.client1 = cls.env["res.partner"].create(
            {
                "name": "Mebelgrad LLC",
                "is_company": True,
                "vip_tier_id": cls.tier_gold.id,
                "vip_manager_id": cls.manager1.id,
                "child_ids": [Command.create({"name": "Olga Petrova", "email": "olga@example.com"})],
            }
        )
        cls.client1_contact = cls.client1.child_ids
        cls.client2 = cls.env["res.partner"].create(
            {
                "name": "Dom Divanov JSC",
                "is_company": True,
                "vip_tier_id": cls.tier_gold.id,
                "vip_manager_id": cls.manager2.id,
            }
        )
        cls.non_vip = cls.env["res.partner"].create({"name": "Walk-in Customer", "is_company": True})

    @contextmanager
    def assertRaisesText(self, exception, text):
        """``assertRaises`` (which rolls back what the failed call did) and check the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))

    @classmethod
    def _vip_confirm(cls, orders, user=None):
        """Confirm orders as their manager does: the VIP clients agreed the lines first (the
        company's policy asks for it), here by phone."""
        orders.filtered("vip_is_vip_client")._vip_record_nomenclature_agreement("phone")
        (orders.with_user(user) if user else orders).action_confirm()

    @classmethod
    def _create_vip_user(cls, login, group_xmlid):
        # OdooBot's welcome chat (mail_bot, installed with Discuss) opens at a user's first login
        # whenever its message arrives: on a phone it covers the screen a tour is clicking.
        onboarded = {"odoobot_state": "disabled"} if "odoobot_state" in cls.env["res.users"]._fields else {}
        return new_test_user(
            cls.env,
            login=login,
            groups=group_xmlid,
            name=login.replace("_", " ").title(),
            email=f"{login}@example.com",
            company_id=cls.env.company.id,
            **onboarded,
        )

    @classmethod
    def _create_contract(cls, partner, user=None, **values):
        """A draft supply contract of ``partner`` prepared by ``user`` (the client's VIP manager
        by default), valid from ten days ago for a year, without credit."""
        today = fields.Date.context_today(cls.env.user)
        user = user or partner.commercial_partner_id.vip_manager_id
        return (
            cls.env["agreement"]
            .with_user(user)
            .create(
                {
                    "code": "ДП-1",
                    "name": "Supply contract",
                    "partner_id": partner.id,
                    "start_date": today - timedelta(days=10),
                    "end_date": today + timedelta(days=355),
                    **values,
                }
            )
        )

    @classmethod
    def _sign_contract(cls, contract, head=None):
        """Take ``contract`` through the head's approval to its signature, as the head does."""
        head = head or cls.head
        contract.action_vip_request_approval()
        contract.with_user(head).action_vip_approve()
        contract.with_user(head).vip_signed_file = CONTRACT_SCAN
        contract.with_user(head).action_vip_sign()
        return contract
