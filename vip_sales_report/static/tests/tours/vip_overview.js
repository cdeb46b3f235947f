import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("vip_sales_report_overview", {
    url: "/odoo/action-vip_sales_report.vip_overview_action",
    steps: () => [
        {
            content: "The manager's card shows this month's plan, the shares and what is overdue",
            trigger: ".o_kanban_record:contains(Vip Manager1 Test):contains(Plan of the month):contains(Floor share)",
        },
        {
            content: "Only the manager's own card",
            trigger: ".o_kanban_renderer:not(:has(.o_kanban_record:contains(Vip Manager2 Test)))",
        },
        {
            content: "Open the clients whose visit is overdue",
            trigger: ".o_kanban_record button[name='action_open_visits_overdue']",
            run: "click",
        },
        {
            content: "The overdue client is listed",
            trigger: ".o_kanban_record:contains(Mebelgrad LLC), .o_data_row:contains(Mebelgrad LLC)",
        },
    ],
});
