import logging
import os
import re
import secrets
import shutil
import zipfile
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import config

from ..tools import commerceml
from ..tools.commerceml import CommerceMLError

_logger = logging.getLogger(__name__)

EXCHANGE_TYPES = [("catalog", "Catalog, Prices and Stock"), ("sale", "Orders")]
DIRECTIONS = [("from_1c", "From 1C"), ("to_1c", "To 1C"), ("both", "Both Ways")]
STATES = [("open", "In Progress"), ("done", "Done"), ("failed", "Failed")]
# How long 1C may go on with a session it opened by checkauth.
SESSION_HOURS = 12
# What a file name from 1C may hold: import.xml, offers0_1.xml, import_files/ca/ca14….jpg.
_SAFE_NAME = re.compile(r"^[\w.\-]+(/[\w.\-]+)*$")
# A zip from 1C unpacks to at most this many bytes (a zip bomb stops there).
MAX_UNZIPPED_BYTES = 2 * 1024**3


class Vip1cExchange(models.Model):
    _name = "vip.1c.exchange"
    _description = "1C Exchange Session"
    _order = "date_start desc, id desc"
    _check_company_auto = True

    # === FIELDS === #
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one("res.users", readonly=True, help="Who 1C logged in as.")
    exchange_type = fields.Selection(EXCHANGE_TYPES, string="Exchange", required=True, default="catalog")
    direction = fields.Selection(DIRECTIONS, required=True, default="from_1c")
    manual = fields.Boolean(help="Files uploaded and downloaded by hand, not sent by 1C.")
    state = fields.Selection(STATES, string="Status", required=True, default="open", index=True)
    token = fields.Char(
        string="Session Cookie", copy=False, index="btree_not_null", groups="base.group_system"
    )
    date_start = fields.Datetime(string="Started", required=True, default=fields.Datetime.now, readonly=True)
    date_end = fields.Datetime(string="Finished", readonly=True)
    duration = fields.Float(
        string="Duration (s)",
        compute="_compute_duration",
        store=True,
        help="Seconds from the login to the end.",
    )
    file_names = fields.Text(string="Files", readonly=True)
    created_count = fields.Integer(string="Created", readonly=True)
    updated_count = fields.Integer(string="Updated", readonly=True)
    skipped_count = fields.Integer(string="Skipped", readonly=True)
    # The file being imported in slices (1C calls import again while the answer is progress).
    import_file = fields.Char(readonly=True, groups="base.group_system")
    import_position = fields.Integer(readonly=True, groups="base.group_system")
    error_ids = fields.One2many("vip.1c.exchange.error", "exchange_id", string="Errors", readonly=True)
    error_count = fields.Integer(string="Errors Logged", compute="_compute_error_count")
    order_ids = fields.Many2many(
        "sale.order",
        string="Orders Sent",
        readonly=True,
        check_company=True,
        help="Orders sent to 1C in this session; 1C's success marks them as exchanged.",
    )

    # === COMPUTE METHODS === #
    @api.depends("date_start", "date_end")
    def _compute_duration(self):
        for exchange in self:
            end = exchange.date_end
            exchange.duration = (end - exchange.date_start).total_seconds() if end else 0.0

    @api.depends("error_ids")
    def _compute_error_count(self):
        counts = dict(
            self.env["vip.1c.exchange.error"]._read_group(
                [("exchange_id", "in", self.ids)], ["exchange_id"], ["__count"]
            )
        )
        for exchange in self:
            exchange.error_count = counts.get(exchange, 0)

    @api.depends("exchange_type", "date_start")
    def _compute_display_name(self):
        types = dict(self._fields["exchange_type"]._description_selection(self.env))
        for exchange in self:
            start = (
                fields.Datetime.context_timestamp(exchange, exchange.date_start)
                if exchange.date_start
                else ""
            )
            exchange.display_name = (
                f"{types.get(exchange.exchange_type, '')} {start and start.strftime('%Y-%m-%d %H:%M')}"
            )

    # === CRUD METHODS === #
    def unlink(self):
        paths = [exchange._store_path() for exchange in self]
        res = super().unlink()
        for path in paths:
            shutil.rmtree(path, ignore_errors=True)
        return res

    # === BUSINESS METHODS === #
    @api.model
    def _open(self, user, exchange_type, manual=False):
        """A new session of ``user`` (logged in by 1C, or a manual exchange), with its cookie."""
        self._forget_stale()
        exchange = self.sudo().create(
            {
                "company_id": user.company_id.id,
                "user_id": user.id,
                "exchange_type": exchange_type,
                "direction": "from_1c" if exchange_type == "catalog" else "to_1c",
                "manual": manual,
                "token": secrets.token_urlsafe(32),
            }
        )
        # A folder left by a session rolled back (or of a dropped database) is no file of this one.
        shutil.rmtree(exchange._store_path(), ignore_errors=True)
        return exchange

    @api.model
    def _find_open(self, token):
        """The session of the cookie ``token``, if 1C opened it less than SESSION_HOURS ago."""
        if not token:
            return self.browse()
        return self.sudo().search(
            [
                ("token", "=", token),
                ("date_start", ">", fields.Datetime.now() - timedelta(hours=SESSION_HOURS)),
            ],
            limit=1,
        )

    @api.model
    def _forget_stale(self):
        """Sessions past SESSION_HOURS lose their cookie and their files."""
        stale = self.sudo().search(
            [
                ("token", "!=", False),
                ("date_start", "<=", fields.Datetime.now() - timedelta(hours=SESSION_HOURS)),
            ]
        )
        for exchange in stale:
            shutil.rmtree(exchange._store_path(), ignore_errors=True)
        stale.token = False

    @api.model
    def _log_refusal(self, exchange_type, login, message):
        """A login that failed: a failed session with the reason, nothing else, in the company
        of the user named (if there is one)."""
        user = self.env["res.users"].sudo().search([("login", "=", login)], limit=1) if login else None
        exchange = self.sudo().create(
            {
                "company_id": ((user and user.company_id) or self.env.ref("base.main_company")).id,
                "exchange_type": exchange_type if exchange_type in dict(EXCHANGE_TYPES) else "catalog",
                "state": "failed",
                "date_end": fields.Datetime.now(),
            }
        )
        exchange._log_error(message)
        return exchange

    def _log_error(self, message, file_name=False, line=False, partner=None, order=None):
        self.ensure_one()
        self.env["vip.1c.exchange.error"].sudo().create(
            {
                "exchange_id": self.id,
                "file_name": file_name,
                "line": line or 0,
                "message": message,
                "partner_id": partner.id if partner else False,
                "order_id": order.id if order else False,
            }
        )

    def _add_counts(self, created=0, updated=0, skipped=0):
        self.ensure_one()
        self.sudo().write(
            {
                "created_count": self.created_count + created,
                "updated_count": self.updated_count + updated,
                "skipped_count": self.skipped_count + skipped,
            }
        )

    def _finish(self, state="done"):
        """The session did its work (1C may still send the next file in it)."""
        self.sudo().write({"state": state, "date_end": fields.Datetime.now()})

    # --- Files of the session: kept in the filestore, never in memory ---

    def _store_path(self):
        self.ensure_one()
        return os.path.join(config.filestore(self.env.cr.dbname), "vip_sales_1c", str(self.id))

    def _file_path(self, file_name):
        """Where the file ``file_name`` of this session is stored.

        :raise CommerceMLError: a name that could leave the session's folder
        """
        if not file_name or not _SAFE_NAME.match(file_name) or ".." in file_name.split("/"):
            raise CommerceMLError(self.env._("The file name %s is not allowed.", file_name or "-"))
        return os.path.join(self._store_path(), file_name)

    def _receive_chunk(self, file_name, stream, block=1024 * 1024):
        """Append the chunk read from ``stream`` to ``file_name``: 1C sends a big file in order,
        in pieces not larger than the file_limit that init announced."""
        self.ensure_one()
        path = self._file_path(file_name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "ab") as out:
            while data := stream.read(block):
                out.write(data)
        names = (self.file_names or "").split("\n") if self.file_names else []
        if file_name not in names:
            self.sudo().file_names = "\n".join([*names, file_name])
        return path

    def _unpack_archives(self):
        """Unzip what 1C sent zipped (init answered zip=yes) into the session's folder."""
        self.ensure_one()
        folder = self._store_path()
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            path = os.path.join(folder, name)
            if not name.lower().endswith(".zip") or not os.path.isfile(path):
                continue
            try:
                archive = zipfile.ZipFile(path)
            except zipfile.BadZipFile as error:
                raise CommerceMLError(self.env._("The archive %s is damaged.", name)) from error
            with archive:
                members = [member for member in archive.infolist() if not member.is_dir()]
                if sum(member.file_size for member in members) > MAX_UNZIPPED_BYTES:
                    raise CommerceMLError(self.env._("The archive %s unpacks too big.", name))
                for member in members:
                    target = self._file_path(member.filename)
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with archive.open(member) as source, open(target, "wb") as out:
                        shutil.copyfileobj(source, out)
            os.unlink(path)

    def _import(self, file_name, deadline=None):
        """Import the file ``file_name`` of this session: a catalog or offers (type=catalog),
        documents of orders (type=sale); other files (pictures) need nothing.

        Without ``deadline`` the whole file is imported at once. With one (a
        ``time.monotonic()`` value), the import stops after the batch that passes it and goes
        on at the next call: 1C calls import again while the answer is progress. The whole
        file is read first, so that a bad file is refused before anything of it is written.

        :return: ``(answer, message)``: success, progress or failure, and what to tell 1C
        """
        self.ensure_one()
        try:
            self._unpack_archives()
            path = self._file_path(file_name)
            if not os.path.isfile(path):
                raise CommerceMLError(self.env._("The file %s was not received.", file_name))
            if deadline is not None and self.import_file != file_name:
                commerceml.check(path)
                self.sudo().write({"import_file": file_name, "import_position": 0})
            skip = self.import_position if deadline is not None else 0
            with self.env.cr.savepoint():
                if self.exchange_type == "sale":
                    counts = self._orders()._import_documents(self, path, file_name)
                elif file_name.lower().endswith(".xml"):
                    counts = self.env["vip.1c.import"]._import_file(self, path, file_name, skip, deadline)
                else:
                    counts = {}  # pictures and other files of the catalog: nothing to import
        except CommerceMLError as error:
            message = self.env._("%(file)s was not imported: %(reason)s", file=file_name, reason=error)
            self._log_error(message, file_name, error.line)
            self._finish("failed")
            _logger.info("1C exchange %s: %s", self.id, message)
            return "failure", message
        position = counts.pop("position", None)
        self._add_counts(**counts)
        if position:
            self.sudo().import_position = position
            return "progress", self.env._(
                "%(file)s: products and offers imported: %(count)s", file=file_name, count=position
            )
        self.sudo().write({"import_file": False, "import_position": 0})
        self._finish()
        return "success", ""

    def _orders(self):
        """The orders exchange, as superuser in the company of this session."""
        return self.env["vip.1c.orders"].sudo().with_company(self.company_id)

    def _action_open(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }
