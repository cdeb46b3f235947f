from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import VipSalesCommon


@tagged("post_install", "-at_install")
class TestInstall(VipSalesCommon):
    def test_groups_and_privilege(self):
        manager_group = self.env.ref("vip_sales.group_vip_manager")
        head_group = self.env.ref("vip_sales.group_vip_head")
        self.assertEqual(manager_group.privilege_id, self.env.ref("vip_sales.res_groups_privilege_vip_sales"))
        self.assertEqual(head_group.privilege_id, manager_group.privilege_id)
        self.assertIn(self.env.ref("sales_team.group_sale_salesman"), manager_group.all_implied_ids)
        self.assertNotIn(
            self.env.ref("sales_team.group_sale_salesman_all_leads"), manager_group.all_implied_ids
        )
        self.assertIn(manager_group, head_group.all_implied_ids)
        self.assertIn(self.env.ref("sales_team.group_sale_manager"), head_group.all_implied_ids)

    def test_users_get_roles(self):
        self.assertTrue(self.manager1.has_group("vip_sales.group_vip_manager"))
        self.assertFalse(self.manager1.has_group("vip_sales.group_vip_head"))
        self.assertTrue(self.manager1.has_group("sales_team.group_sale_salesman"))
        self.assertFalse(self.manager1.has_group("sales_team.group_sale_manager"))
        self.assertTrue(self.head.has_group("vip_sales.group_vip_manager"))
        self.assertTrue(self.head.has_group("sales_team.group_sale_manager"))
        self.assertFalse(self.salesman.has_group("vip_sales.group_vip_manager"))

    def test_each_role_starts_its_day_on_its_screen(self):
        requests = self.env.ref("vip_sales.vip_approval_request_action")
        tasks = self.env.ref("vip_sales.mail_activity_action_vip_today")
        self.assertEqual(self.head.action_id.id, requests.id, "the head lands on what waits for him")
        self.assertEqual(self.manager1.action_id.id, tasks.id, "a manager on today's tasks")
        self.assertFalse(self.salesman.action_id, "active sales keep Odoo's home")
        later = new_test_user(self.env, login="later_head", groups="base.group_user")
        self.assertFalse(later.action_id)
        later.group_ids = [Command.link(self.env.ref("vip_sales.group_vip_head").id)]
        self.assertEqual(later.action_id.id, requests.id, "given the role later, he starts there too")
        own_home = self.env.ref("sale.action_orders")
        chosen = new_test_user(
            self.env, login="own_home_manager", groups="vip_sales.group_vip_manager", action_id=own_home.id
        )
        self.assertEqual(chosen.action_id.id, own_home.id, "a home of his own is kept")

    def _visible_menus(self, user):
        """Menus of the app that the user can reach: visible, and so is every ancestor."""
        visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        menus = self.env["ir.ui.menu"].search([("id", "child_of", self.root_menu.id)])
        return menus.filtered(lambda m: all(int(i) in visible for i in m.parent_path.strip("/").split("/")))

    @property
    def root_menu(self):
        return self.env.ref("vip_sales.vip_sales_menu_root")

    def test_menus(self):
        config = self.env.ref("vip_sales.vip_sales_menu_config")
        tiers = self.env.ref("vip_sales.vip_tier_menu")
        expected = {"Clients", "Proposals", "Stores", "Visits & Trips", "Plans", "Reporting", "Configuration"}
        self.assertLessEqual(expected, set(self.root_menu.child_id.mapped("name")))
        self.assertEqual(self.root_menu.web_icon, "vip_sales,static/description/icon.png")

        # The app opens on its first entry: the day's tasks of the manager and of the head.
        todays_tasks = self.env.ref("vip_sales.mail_activity_menu_vip_today")
        self.assertEqual(self.root_menu.child_id[0], todays_tasks)

        manager_menus = self._visible_menus(self.manager1)
        self.assertIn(self.env.ref("vip_sales.res_partner_menu_vip"), manager_menus)
        self.assertIn(todays_tasks, manager_menus)
        self.assertNotIn(config, manager_menus)
        self.assertNotIn(tiers, manager_menus)
        head_menus = self._visible_menus(self.head)
        self.assertIn(config, head_menus)
        self.assertIn(todays_tasks, head_menus)
        self.assertIn(tiers, head_menus)
        # A salesperson who is no VIP manager does not see the app at all.
        self.assertFalse(self._visible_menus(self.salesman))

    def test_configuration_access(self):
        tier = self.tier_gold.with_user(self.manager1)
        self.assertEqual(tier.name, "Gold")
        with self.assertRaises(AccessError):
            tier.write({"name": "Diamond"})
        with self.assertRaises(AccessError):
            self.env["vip.tier"].with_user(self.manager1).create({"name": "Diamond"})
        self.tier_gold.with_user(self.head).write({"call_interval_days": 5})
        self.assertEqual(self.tier_gold.call_interval_days, 5)

    def test_is_vip_and_contacts(self):
        self.assertTrue(self.client1.is_vip)
        self.assertFalse(self.non_vip.is_vip)
        # A contact shows its company's VIP data.
        self.assertEqual(self.client1_contact.vip_tier_id, self.tier_gold)
        self.assertEqual(self.client1_contact.vip_manager_id, self.manager1)
        self.assertTrue(self.client1_contact.is_vip)
        self.assertIn(
            self.client1_contact,
            self.env["res.partner"].search([("is_vip", "=", True), ("parent_id", "=", self.client1.id)]),
        )
