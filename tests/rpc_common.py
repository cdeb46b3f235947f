"""Base of the end-to-end tests: Odoo's external API (XML-RPC), as a client program calls it.

The tests run under pytest-odoo against the database the module tests built
(``scripts/vip test``), with Odoo's HTTP server started in-process (``--odoo-http``).
Every test user's password is their login (``new_test_user``).
"""

from odoo.tests import HttpCase


class RpcCase(HttpCase):
    # Outside an addon, Odoo's test metaclass cannot derive these from the module path.
    test_module = "vip_sales_e2e"
    test_tags = frozenset({"standard", "post_install"})

    def _call(self, user, model, method, *args, **kwargs):
        """``model.method(*args, **kwargs)`` over XML-RPC as ``user`` (a user or a login)."""
        login = getattr(user, "login", user)
        uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, login, login, {})
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, uid, login, model, method, list(args), kwargs
        )
