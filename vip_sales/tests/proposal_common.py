from odoo import Command

from .common import VipSalesCommon

# A one-pixel PNG: what the portal's signature pad sends, in small.
SIGNATURE = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="


class ProposalCommon(VipSalesCommon):
    """A furniture product, the company's approval policy and helpers to build proposals.

    Policy: at most 10 % discount, standard payment terms "Immediate" and "30 Days", payment
    deferred by at most 30 days.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Sofa Verona", "type": "consu", "list_price": 1000.0, "taxes_id": [Command.clear()]}
        )
        cls.product_chair = cls.env["product.product"].create(
            {"name": "Chair Oslo", "type": "consu", "list_price": 200.0, "taxes_id": [Command.clear()]}
        )
        cls.term_immediate = cls.env.ref("account.account_payment_term_immediate")
        cls.term_30 = cls.env.ref("account.account_payment_term_30days")
        cls.term_45 = cls.env.ref("account.account_payment_term_45days")
        cls.term_60 = cls.env["account.payment.term"].create(
            {
                "name": "60 Days",
                "line_ids": [Command.create({"value": "percent", "value_amount": 100, "nb_days": 60})],
            }
        )
        cls.company.write(
            {
                "vip_max_discount": 10.0,
                "vip_standard_payment_term_ids": [
                    Command.set((cls.term_immediate | cls.term_30 | cls.term_60).ids)
                ],
                "vip_max_deferral_days": 30,
            }
        )
        cls.refusal_price = cls.env["vip.refusal.reason"].create({"name": "Price"})

    def _create_proposal(self, user=None, partner=None, discount=0.0, **values):
        """A quotation built by ``user`` (manager1) for ``partner`` (client1), one sofa line."""
        user = user or self.manager1
        return (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": (partner or self.client1).id,
                    "user_id": user.id,
                    "payment_term_id": self.term_immediate.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.product.id, "product_uom_qty": 2, "discount": discount}
                        )
                    ],
                    **values,
                }
            )
        )

    def _approve(self, order):
        order.with_user(order.user_id).action_vip_request_approval()
        order.with_user(self.head).action_vip_approve()
        self.assertEqual(order.vip_approval_state, "approved")
        return order

    def _agree(self, order, **values):
        """The manager records the client's agreement of the lines with the agreement form."""
        action = order.action_vip_agree_nomenclature()
        wizard = (
            self.env[action["res_model"]]
            .with_user(order.env.user)
            .with_context(**action["context"])
            .create(values)
        )
        return wizard.action_agree()
