import { registry } from "@web/core/registry";
import { checkStatus } from "./vip_tour_utils";

// The receiving VIP manager confirms the checklist of a client handed over to him and accepts it.
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
            content: "The giver's promises are on the checklist",
            trigger: ".o_form_view div[name=check_ids] .o_data_row:contains(Free delivery of the first order)",
        },
        // Confirm the points one by one: each confirmation leaves one button less.
        ...[5, 4, 3, 2, 1].flatMap((left) => [
            {
                content: `Confirm a point of the checklist (${left} left)`,
                trigger: `.o_form_view div[name=checks_to_confirm]:contains(${left})`,
            },
            {
                trigger: ".o_form_view div[name=check_ids] button[name=action_confirm]",
                run: "click",
            },
        ]),
        {
            content: "Every point is confirmed",
            trigger: ".o_form_view:not(:has(div[name=check_ids] button[name=action_confirm]))",
        },
        {
            content: "Accept it",
            trigger: ".o_form_view button[name=action_accept]",
            run: "click",
        },
        ...checkStatus("Accepted", "The hand-over is accepted"),
    ],
});
