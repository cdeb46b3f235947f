import { onMounted, useState } from "@odoo/owl";
import { useBus, useService } from "@web/core/utils/hooks";
import { patch } from "@web/core/utils/patch";
import { NavBar } from "@web/webclient/navbar/navbar";

const VIP_APP = "vip_sales.vip_sales_menu_root";

// Counters beside the menus of VIP Sales (e.g. the proposals waiting for the head's approval),
// loaded when the app is opened and refreshed after every action inside it.
patch(NavBar.prototype, {
    setup() {
        super.setup(...arguments);
        this.vipCounters = useState({ values: {} });
        const orm = useService("orm");
        const load = async () => {
            const inVipApp = this.menuService.getCurrentApp()?.xmlid === VIP_APP;
            this.vipCounters.values = inVipApp ? await orm.silent.call("ir.ui.menu", "vip_menu_counters") : {};
        };
        onMounted(load);
        useBus(this.env.bus, "MENUS:APP-CHANGED", load);
        useBus(this.env.bus, "ACTION_MANAGER:UI-UPDATED", load);
    },
});
