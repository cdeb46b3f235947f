import { registry } from "@web/core/registry";

// On a phone an analysis opens as its graph: its pivot is a table several screens wide.
registry.category("web_tour.tours").add("vip_report_on_phone", {
    steps: () => [
        {
            content: "The sales analysis opens as a graph that fits the screen",
            trigger: ".o_action_manager .o_graph_view .o_graph_renderer canvas",
        },
        {
            content: "No pivot table was opened",
            trigger: ".o_action_manager:not(:has(.o_pivot_view))",
        },
    ],
});
