import { registry } from "@web/core/registry";
import { checkStatus } from "./vip_tour_utils";

// The receiving VIP manager accepts a client handed over to him.
registry.category("web_tour.tours").add("vip_handover_accept", {
    steps: () => [
        {
            content: "The hand-over waits in the list of hand-overs to accept",
            trigger: ".o_list_view .o_data_row:contains(Novy Interier LLC) td[name=partner_id]",
            isActive: ["desktop"],
            run: "click",
        },
        {
            content: "The hand-over waits to be accepted (the phone lists it as a card)",
            trigger: ".o_kanban_view .o_kanban_record:contains(Novy Interier LLC):contains(To Accept)",
            isActive: ["mobile"],
            run: "click",
        },
        {
            content: "Accept it",
            trigger: ".o_form_view button[name=action_accept]",
            run: "click",
        },
        ...checkStatus("Accepted", "The hand-over is accepted"),
    ],
});
