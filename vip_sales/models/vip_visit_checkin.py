from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.geo import haversine_km, is_valid_position
from .vip_section_audit import POSITION_DIGITS

POSITION_ISSUES = [
    ("refused", "Refused by the Device"),
    ("unavailable", "Not Available on the Device"),
    ("invalid", "Invalid Position"),
    ("far", "Over 1,000 km from the Store"),
    ("store_unlocated", "Store Not Located"),
]
# A reading farther from the store than this is a fault of the device, not a position.
MAX_DISTANCE_KM = 1000.0
CHECKPOINTS = ("checkin", "checkout")


class VipVisitCheckin(models.AbstractModel):
    """Check-in and check-out of an onsite visit from the phone: when, where the phone was
    and how far from the store. A position refused or absurd is recorded as missing, with
    its reason: it never stops the visit."""

    _name = "vip.visit.checkin.mixin"
    _description = "Visit Check-in from the Phone"

    checkin_date = fields.Datetime(string="Checked In At", readonly=True, copy=False)
    checkin_latitude = fields.Float(
        string="Check-in Latitude", digits=POSITION_DIGITS, readonly=True, copy=False
    )
    checkin_longitude = fields.Float(
        string="Check-in Longitude", digits=POSITION_DIGITS, readonly=True, copy=False
    )
    checkin_distance = fields.Float(
        string="Check-in Distance (km)",
        digits=(10, 2),
        readonly=True,
        copy=False,
        help="How far from the store the phone was at the check-in.",
    )
    checkin_issue = fields.Selection(
        POSITION_ISSUES,
        string="Check-in Without Position",
        readonly=True,
        copy=False,
        help="Why no position (or no distance) was recorded at the check-in.",
    )
    checkout_date = fields.Datetime(string="Checked Out At", readonly=True, copy=False)
    checkout_latitude = fields.Float(
        string="Check-out Latitude", digits=POSITION_DIGITS, readonly=True, copy=False
    )
    checkout_longitude = fields.Float(
        string="Check-out Longitude", digits=POSITION_DIGITS, readonly=True, copy=False
    )
    checkout_distance = fields.Float(
        string="Check-out Distance (km)",
        digits=(10, 2),
        readonly=True,
        copy=False,
        help="How far from the store the phone was at the check-out.",
    )
    checkout_issue = fields.Selection(
        POSITION_ISSUES,
        string="Check-out Without Position",
        readonly=True,
        copy=False,
        help="Why no position (or no distance) was recorded at the check-out.",
    )

    _POSITION_FIELDS = frozenset(
        f"{checkpoint}_{name}"
        for checkpoint in CHECKPOINTS
        for name in ("date", "latitude", "longitude", "distance", "issue")
    )

    @api.model
    def _vip_check_position_vals(self, vals):
        # Written by the check-in buttons only (as superuser), from the phone's reading.
        if self._POSITION_FIELDS.intersection(vals) and not self.env.su:
            raise AccessError(
                self.env._("The check-in and check-out of a visit are recorded by their buttons.")
            )

    def action_check_in(self, latitude=None, longitude=None, error=None):
        """Check in with the phone's position (degrees), or the ``error`` of the browser
        (``refused``, ``unavailable``)."""
        self.ensure_one()
        if self.state != "planned" or self.checkin_date:
            raise UserError(self.env._("Only a planned visit not checked in yet can be checked in."))
        return self._vip_record_position("checkin", latitude, longitude, error)

    def action_check_out(self, latitude=None, longitude=None, error=None):
        self.ensure_one()
        if not self.checkin_date or self.checkout_date or self.state == "cancelled":
            raise UserError(self.env._("Check in before you check out, once per visit."))
        return self._vip_record_position("checkout", latitude, longitude, error)

    def _vip_record_position(self, checkpoint, latitude, longitude, error):
        self.check_access("write")
        values = self._vip_position_values(latitude, longitude, error)
        self.sudo().write({f"{checkpoint}_{name}": value for name, value in values.items()})
        return True

    def _vip_position_values(self, latitude, longitude, error):
        """What is recorded of a reading: the position and distance, or the reason of none."""
        values = {"date": fields.Datetime.now(), "latitude": 0.0, "longitude": 0.0, "distance": 0.0}
        if error:
            return {**values, "issue": "refused" if error == "refused" else "unavailable"}
        try:
            position = (float(latitude), float(longitude))
        except (TypeError, ValueError):
            position = None
        if not position or not is_valid_position(*position):
            return {**values, "issue": "invalid"}
        store_position = self.store_id._vip_position()
        if not store_position:
            return {**values, "latitude": position[0], "longitude": position[1], "issue": "store_unlocated"}
        distance = haversine_km(*position, *store_position)
        if distance > MAX_DISTANCE_KM:
            return {**values, "issue": "far"}
        return {
            **values,
            "latitude": position[0],
            "longitude": position[1],
            "distance": distance,
            "issue": False,
        }
