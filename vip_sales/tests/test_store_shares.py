from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common_stores import VipStoresCommon

KPI_FIELDS = [
    "vip_store_count",
    "vip_surveyed_store_count",
    "vip_floor_share",
    "vip_floor_share_gap",
    "vip_assortment_share",
    "vip_assortment_share_gap",
]


@tagged("post_install", "-at_install")
class TestStoreShares(VipStoresCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Store A: 200 m², installed 30 + 20 = 50 m² of ours; agreed, planned and removed
        # sections do not count in the floor share.
        cls.store_a = cls._store(cls.client1, 200, name="Store A")
        cls.section_a1 = cls._section(cls.store_a, 30, "installed")
        cls.section_a2 = cls._section(cls.store_a, 20, "installed")
        cls.section_a3 = cls._section(cls.store_a, 40, "agreed")
        cls.section_a4 = cls._section(cls.store_a, 10, "planned")
        cls.section_a5 = cls._section(cls.store_a, 15, "removed")
        # Store B: 300 m², 25 m² of ours installed.
        cls.store_b = cls._store(cls.client1, 300, name="Store B")
        cls.section_b1 = cls._section(cls.store_b, 25, "installed")
        # Store C: 100 m², nothing of ours, never surveyed.
        cls.store_c = cls._store(cls.client1, 100, name="Store C")
        cls.survey_a_old = cls._survey(cls.store_a, "2025-01-10", 10, 100)
        cls.survey_a = cls._survey(cls.store_a, "2025-04-10", 30, 120)
        cls.survey_b = cls._survey(cls.store_b, "2025-03-01", 20, 80)

    def assertKpis(self, partner, expected):
        partner.invalidate_recordset(KPI_FIELDS)
        self.assertEqual(
            {name: partner[name] for name in expected}, expected, f"KPIs of {partner.display_name}"
        )

    def test_store_formulas(self):
        self.assertEqual(self.store_a.our_area, 50.0)
        self.assertEqual(self.store_a.floor_share, 25.0)
        self.assertEqual(self.store_b.floor_share, 8.33)  # 25 / 300
        self.assertEqual(
            self.store_a.last_survey_id, self.survey_a, "the latest survey by date, not by creation"
        )
        self.assertEqual(self.store_a.assortment_share, 25.0)
        self.assertEqual((self.store_a.last_our_sku_count, self.store_a.last_total_sku_count), (30, 120))
        self.assertFalse(self.store_c.last_survey_id)
        self.assertEqual(self.store_c.assortment_share, 0.0)

    def test_client_formulas(self):
        # Floor: (50 + 25 + 0) / (200 + 300 + 100) = 12.5 %, target 20 % → 7.5 points to go.
        # Assortment: latest surveys only, store C never surveyed does not count:
        # (30 + 20) / (120 + 80) = 25 %, target 15 % → beaten by 10 points.
        expected = {
            "vip_store_count": 3,
            "vip_surveyed_store_count": 2,
            "vip_floor_share": 12.5,
            "vip_floor_share_target": 20.0,
            "vip_floor_share_gap": 7.5,
            "vip_assortment_share": 25.0,
            "vip_assortment_share_target": 15.0,
            "vip_assortment_share_gap": -10.0,
        }
        self.assertKpis(self.client1, expected)
        self.assertKpis(self.client1_contact, expected)
        self.assertKpis(self.client1.with_user(self.manager1), expected)
        self.assertKpis(self.client1.with_user(self.head), expected)

    def test_no_store_no_survey(self):
        self.assertKpis(
            self.client2,
            {
                "vip_store_count": 0,
                "vip_surveyed_store_count": 0,
                "vip_floor_share": 0.0,
                "vip_assortment_share": 0.0,
            },
        )
        store = self._store(self.client2, 150)
        self._section(store, 30, "installed")
        self.assertKpis(
            self.client2,
            {
                "vip_store_count": 1,
                "vip_surveyed_store_count": 0,
                "vip_floor_share": 20.0,
                "vip_assortment_share": 0.0,
            },
        )
        self._survey(store, "2025-05-01", 0, 40)
        self.assertKpis(self.client2, {"vip_surveyed_store_count": 1, "vip_assortment_share": 0.0})

    def test_archived_store_drops_out(self):
        self.store_b.action_archive()
        self.assertKpis(
            self.client1,
            {
                "vip_store_count": 2,
                "vip_surveyed_store_count": 1,
                "vip_floor_share": 16.67,  # 50 / (200 + 100)
                "vip_assortment_share": 25.0,  # 30 / 120
            },
        )
        self.store_b.action_unarchive()
        self.assertKpis(self.client1, {"vip_floor_share": 12.5, "vip_assortment_share": 25.0})

    def test_shares_follow_every_input(self):
        client = self.client1
        self.section_a3.action_install()  # 40 m² agreed → installed: 115 / 600
        self.assertEqual(self.section_a3.date_installed, fields.Date.context_today(self.section_a3))
        self.assertKpis(client, {"vip_floor_share": 19.17})  # 115 / 600
        self.section_a3.area = 10  # 85 / 600
        self.assertKpis(client, {"vip_floor_share": 14.17})  # 85 / 600
        self.section_a3.action_remove()  # 75 / 600
        self.assertKpis(client, {"vip_floor_share": 12.5})
        self.store_c.total_area = 400  # 75 / 900
        self.assertKpis(client, {"vip_floor_share": 8.33})  # 75 / 900
        self.section_b1.store_id = self.store_a  # moves between stores: same total
        self.assertEqual((self.store_a.our_area, self.store_b.our_area), (75.0, 0.0))
        self.section_b1.unlink()  # 50 / 900
        self.assertKpis(client, {"vip_floor_share": 5.56})  # 50 / 900

        # A newer survey replaces the latest one; an older one changes nothing.
        newer = self._survey(self.store_b, "2025-06-01", 40, 80)  # (30 + 40) / (120 + 80)
        self.assertKpis(client, {"vip_assortment_share": 35.0})
        self._survey(self.store_b, "2024-12-01", 1, 2)
        self.assertKpis(client, {"vip_assortment_share": 35.0})
        newer.our_sku_count = 20  # (30 + 20) / 200
        self.assertKpis(client, {"vip_assortment_share": 25.0})
        newer.date = "2025-01-01"  # survey_b (20 / 80) is the latest again
        self.assertEqual(self.store_b.last_survey_id, self.survey_b)
        self.survey_a.unlink()  # store A falls back to its older survey: (10 + 20) / (100 + 80)
        self.assertEqual(self.store_a.last_survey_id, self.survey_a_old)
        self.assertKpis(client, {"vip_assortment_share": 16.67})
        self.survey_a_old.store_id = self.store_c  # store A has no survey any more
        self.assertKpis(client, {"vip_surveyed_store_count": 2, "vip_assortment_share": 16.67})

        self.tier_gold.target_floor_share = 10.0
        self.assertKpis(client, {"vip_floor_share_gap": 4.44})  # 10 - 5.56

    def test_survey_snapshot(self):
        self.StoreCompetitor.create(
            [
                {
                    "store_id": self.store_a.id,
                    "competitor_id": self.brand_a.id,
                    "area": 60,
                    "price_level": "economy",
                },
                {"store_id": self.store_a.id, "competitor_id": self.brand_b.id, "area": 20},
            ]
        )
        self.assertEqual(self.store_a.competitor_area, 80.0)
        survey = self._survey(self.store_a, "2025-07-01", 12, 48)
        self.assertRecordValues(
            survey,
            [
                {
                    "our_area": 50.0,
                    "total_area": 200.0,
                    "competitor_area": 80.0,
                    "floor_share": 25.0,
                    "assortment_share": 25.0,
                    "partner_id": self.client1.id,
                    "user_id": self.env.user.id,
                }
            ],
        )
        self.assertEqual(
            {(line.competitor_id, line.area, line.price_level) for line in survey.competitor_line_ids},
            {(self.brand_a, 60.0, "economy"), (self.brand_b, 20.0, False)},
        )
        # Later changes of the store leave the survey as it was taken...
        self.store_a.total_area = 250
        self.section_a3.action_install()
        self.store_a.competitor_presence_ids.area = 5
        self.assertRecordValues(
            survey, [{"our_area": 50.0, "total_area": 200.0, "competitor_area": 80.0, "floor_share": 25.0}]
        )
        # ...and a survey moved to another store takes that store's snapshot.
        survey.store_id = self.store_b
        self.assertRecordValues(
            survey, [{"our_area": 25.0, "total_area": 300.0, "competitor_area": 0.0, "floor_share": 8.33}]
        )
        self.assertFalse(survey.competitor_line_ids)
        # A survey entered afterwards may give the floor as it was on its date.
        past = self.Survey.create(
            {"store_id": self.store_a.id, "date": "2024-06-01", "our_area": 30, "total_area": 150}
        )
        self.assertRecordValues(past, [{"our_area": 30.0, "total_area": 150.0, "floor_share": 20.0}])

    def test_section_dates_follow_the_state(self):
        section = self._section(self.store_b, 10)
        self.assertFalse(section.date_installed)
        section.write({"state": "installed", "date_installed": "2025-02-01"})
        self.assertEqual(fields.Date.to_string(section.date_installed), "2025-02-01")
        section.action_remove()
        self.assertEqual(section.date_removed, fields.Date.context_today(section))
        self.assertEqual(fields.Date.to_string(section.date_installed), "2025-02-01")
        section.action_install()  # put back on the floor
        self.assertFalse(section.date_removed)
        section.action_plan()
        self.assertFalse(section.date_installed)

    def test_models_sold_in_12_months(self):
        chair, table, sofa = self.env["product.product"].create(
            [{"name": name, "type": "consu", "list_price": 100} for name in ("Chair", "Table", "Sofa")]
        )
        assembly = self.env["product.product"].create({"name": "Assembly", "type": "service"})

        def order(partner, products, days_ago=10, confirm=True):
            sale = self.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "order_line": [
                        Command.create({"product_id": p.id, "product_uom_qty": 1}) for p in products
                    ],
                }
            )
            if confirm:
                self._vip_confirm(sale)
            sale.date_order = fields.Datetime.now() - timedelta(days=days_ago)
            return sale

        order(self.client1, chair | assembly)
        order(self.client1_contact, chair | table)  # ordered by a contact: counts for its company
        order(self.client1, sofa, days_ago=400)  # older than 12 months
        order(self.client1, sofa, confirm=False)  # a quotation
        order(self.client2, sofa)
        partners = self.client1 | self.client1_contact | self.client2 | self.non_vip
        self.assertEqual(partners.mapped("vip_sku_sold_count"), [2, 2, 1, 0])
        # Every order counts, whoever sold it: the manager sees the same figure.
        self.client1.invalidate_recordset(["vip_sku_sold_count"])
        self.assertEqual(self.client1.with_user(self.manager1).vip_sku_sold_count, 2)


@tagged("post_install", "-at_install")
class TestSharesQueryCount(VipStoresCommon):
    """The client KPIs cost the same number of queries for 50 clients as for 100."""

    def _clients_with_stores(self, count):
        clients = self.env["res.partner"].create(
            [
                {
                    "name": f"Chain {i}",
                    "is_company": True,
                    "vip_tier_id": self.tier_gold.id,
                    "vip_manager_id": self.manager1.id,
                }
                for i in range(count)
            ]
        )
        stores = self.Store.create(
            [
                {"partner_id": client.id, "name": f"Store {n}", "total_area": 100 + n}
                for client in clients
                for n in range(4)
            ]
        )
        self.Section.create(
            [{"store_id": store.id, "name": "Bedrooms", "area": 10, "state": "agreed"} for store in stores]
        )
        self.Survey.create(
            [
                {
                    "store_id": store.id,
                    "date": f"2025-0{month}-01",
                    "our_sku_count": month,
                    "total_sku_count": 20,
                }
                for store in stores
                for month in (1, 4, 7)
            ]
        )
        self.env.flush_all()
        return clients

    def _kpi_queries(self, clients):
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        values = [clients.mapped(name) for name in [*KPI_FIELDS, "vip_sku_sold_count"]]
        return self.env.cr.sql_log_count - start, values

    def test_query_count_does_not_grow_with_clients(self):
        few, many = self._clients_with_stores(50), self._clients_with_stores(100)
        for user in (self.env.user, self.manager1):
            with self.subTest(user=user.login):
                self._kpi_queries(few.with_user(user))  # warm the caches of the access rules up
                few_queries, few_values = self._kpi_queries(few.with_user(user))
                many_queries, many_values = self._kpi_queries(many.with_user(user))
                self.assertEqual(few_queries, many_queries)
                self.assertEqual(set(many_values[0]), {4}, "four stores per client")
                self.assertEqual(set(many_values[4]), {35.0}, "latest surveys: 7 / 20")
                self.assertEqual(set(few_values[4]), {35.0})
        self.env.invalidate_all()
        # the partners with their tiers, the tiers, one aggregate over the stores, one over
        # the order lines
        with self.assertQueryCount(4):
            many.mapped("vip_assortment_share")
            many.mapped("vip_sku_sold_count")
