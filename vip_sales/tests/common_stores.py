from contextlib import contextmanager

from .common import VipSalesCommon


class VipStoresCommon(VipSalesCommon):
    """Adds two competing brands and helpers to build stores, sections and surveys."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Store = cls.env["vip.store"]
        cls.Section = cls.env["vip.brand.section"]
        cls.Survey = cls.env["vip.share.survey"]
        cls.StoreCompetitor = cls.env["vip.store.competitor"]
        cls.brand_a, cls.brand_b = cls.env["vip.competitor"].create([{"name": "Divaria"}, {"name": "Sonora"}])

    @classmethod
    def _store(cls, partner, total_area, name="Store", **values):
        return cls.Store.create({"partner_id": partner.id, "name": name, "total_area": total_area, **values})

    @classmethod
    def _section(cls, store, area, state="planned", **values):
        if state in ("installed", "removed"):
            values.setdefault("date_installed", "2025-01-15")
        if state == "removed":
            values.setdefault("date_removed", "2025-06-30")
        return cls.Section.create(
            {"store_id": store.id, "name": f"Section {area} m²", "area": area, "state": state, **values}
        )

    @classmethod
    def _survey(cls, store, date, our_skus, total_skus):
        return cls.Survey.create(
            {"store_id": store.id, "date": date, "our_sku_count": our_skus, "total_sku_count": total_skus}
        )

    @classmethod
    def _sample(cls, store, product, **values):
        return cls.env["vip.display.sample"].create(
            {"store_id": store.id, "product_id": product.id, **values}
        )

    @contextmanager
    def assertRefused(self, exception, message):
        """The block raises ``exception`` with a message matching ``message``, and changes nothing.

        Unlike ``assertRaisesRegex``, Odoo's ``assertRaises`` rolls the block back to a savepoint.
        """
        with self.assertRaises(exception) as refusal:
            yield refusal
        self.assertRegex(str(refusal.exception), message)
