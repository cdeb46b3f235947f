import { registry } from "@web/core/registry";

// The receiving VIP manager accepts a client handed over to him.
registry.category("web_tour.tours").add("vip_handover_accept", {
    steps: () => [
        {
            content: "The hand-over waits in the list of hand-overs to accept",
            trigger: ".o_list_view .o_data_row:contains(Novy Interier LLC) td[name=partner_id]",
            run: "click",
        },
        {
            content: "Accept it",
            trigger: ".o_form_view button[name=action_accept]",
            run: "click",
        },
        {
            content: "The hand-over is accepted",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Accepted)",
        },
    ],
});
