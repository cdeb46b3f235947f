from unittest.mock import patch

from odoo.tests import tagged

from .common import VipReportCommon


@tagged("post_install", "-at_install")
class TestAnalysisReads(VipReportCommon):
    """Opening an analysis as a list or as cards runs its view's query once, whatever fields
    its record rules check (a run of a view aggregates the whole order history)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A row for the display sample analysis.
        cls.env["vip.display.sample"].create({"store_id": cls.store_center.id, "product_id": cls.bed.id})

    def test_each_view_runs_its_query_once(self):
        analyses = self.env["vip.analysis.mixin"]._inherit_children
        self.assertIn("vip.best.seller", analyses)
        for model_name in analyses:
            model = self.env[model_name].with_user(self.manager1)
            for view_type in ("list", "kanban"):
                views = model.get_views([(False, view_type)])
                if views["views"][view_type]["id"] is False and view_type == "kanban":
                    continue  # no cards for this analysis
                spec = {name: {} for name in views["models"][model_name]["fields"]}
                model_class = type(model)
                with self.subTest(model=model_name, view=view_type):
                    self.env.invalidate_all()
                    with patch.object(
                        model_class, "_fetch_query", autospec=True, side_effect=model_class._fetch_query
                    ) as runs:
                        records = model.web_search_read([], spec, limit=80)["records"]
                    self.assertTrue(records, "the fixtures give every analysis rows")
                    self.assertEqual(runs.call_count, 1)
