import { Component, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";
import { getDevicePosition } from "./geolocation";

/**
 * A button that reads the phone's position and calls the record's method `action` with it
 * (the visit's check-in and check-out). The record is saved first; the server records a
 * refused or absurd position as missing, so the button never fails on the position.
 */
export class VipCheckInButton extends Component {
    static template = "vip_sales.VipCheckInButton";
    static props = {
        ...standardWidgetProps,
        action: { type: String },
        string: { type: String },
        icon: { type: String, optional: true },
    };

    setup() {
        // Not useService: on the phone the button sits in the "More" dropdown, which closes
        // (and destroys the button) on click, and a component's own services stop answering.
        this.orm = this.env.services.orm;
        this.state = useState({ busy: false });
    }

    async onClick() {
        const { record } = this.props;
        this.state.busy = true;
        try {
            if (!(await record.save())) {
                return;
            }
            const position = await getDevicePosition();
            await this.orm.call(record.resModel, this.props.action, [[record.resId]], position);
            await record.load();
        } finally {
            this.state.busy = false;
        }
    }
}

registry.category("view_widgets").add("vip_check_in_button", {
    component: VipCheckInButton,
    extractProps: ({ attrs }) => ({ action: attrs.action, string: attrs.string, icon: attrs.icon }),
});
