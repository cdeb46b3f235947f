import { Activity } from "@mail/core/web/activity";
import { patch } from "@web/core/utils/patch";

const REQUEST_MODEL = "vip.approval.request";

/**
 * The reminder of a request for a decision is decided on the spot: Approve and Reject in
 * place of "Mark Done", which would close the reminder and decide nothing (the server refuses
 * it too, see mail.activity._action_done).
 */
patch(Activity.prototype, {
    get isVipDecision() {
        return this.props.activity.res_model === REQUEST_MODEL;
    },

    async onClickVipDecide(method) {
        const thread = this.thread;
        // As the request's form buttons do: after the decision, the next request awaiting
        // this user (Reject asks the reason first).
        await this.env.services.action.doActionButton({
            type: "object",
            name: method,
            resModel: REQUEST_MODEL,
            resId: this.props.activity.res_id,
            context: { vip_from_request: true },
            onClose: () => this.props.onActivityChanged(thread),
        });
    },
});
