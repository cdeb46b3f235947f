from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import VipReportCommon

# The SQL-view analyses: their record rules are tested in each analysis' own test.
ANALYSES = (
    "vip.sales.analysis",
    "vip.plan.analysis",
    "vip.share.analysis",
    "vip.visit.analysis",
    "vip.proposal.analysis",
    "vip.contract.analysis",
    "vip.overview",
    "vip.best.seller",
)


@tagged("post_install", "-at_install")
class TestReportSecurityAudit(VipReportCommon):
    """What the reports show holds over RPC too (vip_sales/readme/SECURITY.md)."""

    def test_analyses_are_read_only_for_everyone(self):
        for model in ANALYSES:
            for user in (self.manager1, self.head):
                with self.subTest(model=model, user=user.login):
                    analysis = self.env[model].with_user(user)
                    row = analysis.search([], limit=1)
                    self.assertTrue(row, "the user reads rows of the analysis")
                    with self.assertRaises(AccessError):
                        row.write({"company_id": row.company_id.id})
                    with self.assertRaises(AccessError):
                        row.unlink()
                    with self.assertRaises(AccessError):
                        analysis.create({"company_id": self.env.company.id})

    def test_approval_request_date_is_recorded_by_the_flow(self):
        self.env.company.vip_max_discount = 10.0
        self.quotation.order_line.discount = 30.0
        self.quotation.with_user(self.manager1).action_vip_request_approval()
        request = self.quotation.vip_approval_request_id
        requested = request.requested_date
        self.assertTrue(requested)
        for user in (self.manager1, self.head):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                request.with_user(user).write({"requested_date": "2025-01-01 10:00:00"})
        self.assertEqual(request.requested_date, requested)
