import { formatDate, serializeDate } from "@web/core/l10n/dates";
import { download } from "@web/core/network/download";
import { registry } from "@web/core/registry";
import { formatDate as formatShownDate } from "@web/views/fields/formatters";
import { checkStatus, openMenu, openVipSalesApp } from "@vip_sales/../tests/tours/vip_tour_utils";

const { DateTime } = luxon;

// The head of sales approves manager1's trip, looks at the team, then exports the plan
// fulfilment of the quarter starting this month (the Python test: test_head_tour.py).
registry.category("web_tour.tours").add("vip_sales_report_head_approves_and_reports", {
    steps: () => {
        const start = DateTime.now().startOf("month");
        const end = start.plus({ months: 2 }).endOf("month");
        const toApprove = ".o_menu_sections [data-menu-xmlid='vip_sales.vip_sales_menu_to_approve']";
        const fileName = `Plan Fulfilment ${serializeDate(start)} – ${serializeDate(end)}.xlsx`;
        return [
            ...openVipSalesApp(),
            {
                content: "One decision waits: the trip",
                trigger: `${toApprove} .o_vip_menu_counter:contains(1)`,
                isActive: ["desktop"],
            },
            ...openMenu("vip_sales.vip_trip_menu_to_approve", "vip_sales.vip_sales_menu_to_approve"),
            {
                content: "Open the trip the manager submitted",
                trigger: ".o_data_row:contains(Volga region chains):contains(Vip Manager1 Test) td[name=name]",
                isActive: ["desktop"],
                run: "click",
            },
            {
                // The trip's own card (with its destination), not the card of the head's task to
                // decide it that Today's Tasks shows until the trips replace it.
                content: "Open the trip the manager submitted from the trips to approve",
                trigger: ".o_kanban_view .o_kanban_record:contains(Volga region chains):contains(Nizhny Novgorod)",
                isActive: ["mobile"],
                run: "click",
            },
            {
                content: "Approve it",
                trigger: ".o_form_view button[name=action_approve]",
                run: "click",
            },
            ...checkStatus("Approved", "The trip is approved"),
            {
                content: "The head is its reviewer",
                trigger: ".o_form_view div[name=approved_by_id]:contains(Vip Head Test)",
            },
            {
                content: "Open the trip's report",
                trigger: ".o_form_view .o_notebook .nav-link:contains(Trip Report)",
                run: "click",
            },
            {
                content: "A visit is planned for each of its two clients",
                trigger: ".o_notebook div[name=visit_count]:contains(2)",
            },
            {
                trigger: ".o_notebook div[name=visit_ids]:contains(Mebelgrad LLC):contains(Divan Market LLC)",
            },
            ...openMenu("vip_sales_report.vip_overview_menu"),
            {
                content: "Nothing waits for a decision any more",
                trigger: `${toApprove}:not(:has(.o_vip_menu_counter))`,
                isActive: ["desktop"],
            },
            {
                content: "Each manager's card shows this month's sales against the plan",
                trigger:
                    ".o_kanban_record:contains(Vip Manager1 Test):contains(148,000.00):contains(200,000.00)",
            },
            {
                trigger: ".o_kanban_record:contains(Vip Manager2 Test):contains(52,000.00):contains(100,000.00)",
            },
            ...openMenu("vip_sales_report.vip_report_export_menu", "vip_sales.vip_sales_menu_reporting"),
            {
                content: "Choose the plan fulfilment",
                trigger: ".modal div[name=report] input[data-value=plan]",
                run: "click",
            },
            {
                content: "Over the quarter starting this month",
                trigger: ".modal div[name=date_from] button[data-field=date_from]",
                run: "click",
            },
            {
                trigger: ".modal div[name=date_from] input[data-field=date_from]",
                run: `edit ${formatDate(start)}`,
            },
            {
                trigger: ".modal div[name=date_from] button[data-field=date_to]",
                run: "click",
            },
            {
                trigger: ".modal div[name=date_from] input[data-field=date_to]",
                run: `edit ${formatDate(end)} && press Enter`,
            },
            {
                content: "The period is the quarter",
                trigger: `.modal div[name=date_from] button[data-field=date_from]:contains(${formatShownDate(start)})`,
            },
            {
                trigger: `.modal div[name=date_from] button[data-field=date_to]:contains(${formatShownDate(end)})`,
            },
            {
                content: "Note the name of the file that the export downloads",
                trigger: ".modal div[name=report] input[data-value=plan]:checked",
                run() {
                    // Odoo's test hook: the real request still reaches the server.
                    const original = download._download;
                    download._download = async (options) => {
                        try {
                            const name = await original(options);
                            document.body.dataset.vipDownloadedFile = name;
                            return name;
                        } finally {
                            download._download = original;
                        }
                    };
                },
            },
            {
                content: "Export",
                trigger: ".modal button[name=action_export]",
                run: "click",
            },
            {
                content: "The plan fulfilment of the quarter is downloaded",
                trigger: `body[data-vip-downloaded-file="${fileName}"]`,
            },
        ];
    },
});
