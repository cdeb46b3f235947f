from odoo import api, fields, models

from ..models.res_company import WEEKDAYS


class VipPolicy(models.TransientModel):
    _inherit = "vip.policy"

    vip_weekly_report = fields.Boolean(
        string="Send the Weekly Manager Reports", compute="_compute_weekly_report", store=True, readonly=False
    )
    vip_weekly_report_day = fields.Selection(
        WEEKDAYS, string="Send On", compute="_compute_weekly_report", store=True, readonly=False
    )

    @api.depends("company_id")
    def _compute_weekly_report(self):
        for policy in self:
            company = policy.company_id.sudo()
            policy.vip_weekly_report = company.vip_weekly_report
            policy.vip_weekly_report_day = company.vip_weekly_report_day

    def action_save(self):
        # The parent checks that the user is a head of sales of the company before writing.
        action = super().action_save()
        self.company_id.sudo().write(
            {
                "vip_weekly_report": self.vip_weekly_report,
                "vip_weekly_report_day": self.vip_weekly_report_day or "0",
            }
        )
        return action
