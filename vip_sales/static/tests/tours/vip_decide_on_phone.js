import { registry } from "@web/core/registry";

/**
 * The head of sales decides from the phone: the request's mail opens its decision form, with
 * the terms against the policy; Approve (here from the request's reminder in the chatter) goes on
 * to the next request; Reject asks the reason.
 */
registry.category("web_tour.tours").add("vip_decide_on_phone", {
    steps: () => [
        {
            content: "The proposal's special terms, against the policy",
            trigger: ".o_vip_decision_form .o_field_widget[name=summary]:contains(exceeds the 10.00 % allowed)",
        },
        {
            content: "Its reminder offers the decision, not a \"Mark Done\" that would decide nothing",
            trigger: ".o-mail-Activity:not(:has(.o-mail-Activity-markDone)) .o_vip_activity_reject",
        },
        {
            content: "Approve the proposal from its reminder",
            trigger: ".o-mail-Activity .o_vip_activity_approve",
            run: "click",
        },
        {
            content: "The next request opens: the business trip",
            trigger: ".o_vip_decision_form .o_field_widget[name=summary]:contains(Kazan)",
        },
        {
            content: "Reject the trip",
            trigger: ".o_vip_decision_form button[name=action_reject]",
            run: "click",
        },
        {
            content: "Say why",
            trigger: ".modal .o_field_widget[name=comment] textarea",
            run: "edit Too expensive for one client",
        },
        {
            content: "Confirm the rejection",
            trigger: ".modal button[name=action_reject]",
            run: "click",
        },
        {
            content: "Nothing else awaits a decision",
            trigger: ".o_view_nocontent:contains(Nothing awaits your decision)",
        },
    ],
});
