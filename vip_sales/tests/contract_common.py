from odoo import fields

from .proposal_common import ProposalCommon


class ContractCommon(ProposalCommon):
    """Supply contracts of ``client1`` prepared by ``manager1``: ``_contract`` a draft with
    standing terms (15 % discount, contract prices, deferred payment with 30 % prepayment,
    30 days, credit limit 10,000), ``_signed`` the same approved and signed by the head."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head2 = cls._create_vip_user("vip_head2_contract", "vip_sales.group_vip_head")
        cls.pricelist_contract = cls.env["product.pricelist"].create({"name": "Contract prices"})
        cls.today = fields.Date.context_today(cls.env["agreement"])

    def _contract(self, user=None, **values):
        return self._create_contract(
            self.client1,
            user=user or self.manager1,
            **{
                "vip_discount": 15.0,
                "vip_pricelist_id": self.pricelist_contract.id,
                "vip_payment_form": "deferred",
                "vip_prepayment_share": 30.0,
                "vip_payment_term_id": self.term_30.id,
                "vip_credit_limit": 10000.0,
                **values,
            },
        )

    def _signed(self, **values):
        contract = self._sign_contract(self._contract(**values))
        self.assertEqual(contract.vip_state, "signed")
        return contract
