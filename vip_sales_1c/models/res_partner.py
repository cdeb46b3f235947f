from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _vip_user_edits_all_cards(self):
        # 1C writes back the counterparty code of every client.
        return super()._vip_user_edits_all_cards() or self.env.user.has_group(
            "vip_sales_1c.group_1c_exchange"
        )

    def _vip_1c_missing(self):
        """What the card of this client lacks for 1C to take its orders, as labels: every item
        of the card but the 1C code, which 1C itself gives back."""
        self.ensure_one()
        client = self.commercial_partner_id
        items = client._vip_card_items()
        # The same items in English, in the same order, tell which one is the 1C code.
        english = client.with_context(lang="en_US")._vip_card_items()
        return [
            label
            for (label, filled), (name, _f) in zip(items, english, strict=True)
            if not filled and name != "1C code"
        ]
