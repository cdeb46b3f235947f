"""Row locks that keep two transactions from doing one thing at once.

Odoo runs transactions in REPEATABLE READ: a transaction that locks a row another one has
changed since it began fails with a serialization error, which Odoo's RPC layer retries with
a fresh snapshot. A lock taken before reading what it guards therefore always reads the
latest committed state.
"""

from psycopg2.errors import LockNotAvailable, SerializationFailure, UniqueViolation

from odoo import fields
from odoo.tools import SQL


def lock_rows(records, nowait=False):
    """Lock the rows of ``records`` until the end of the transaction. With ``nowait``, a row
    another transaction holds raises ``LockNotAvailable`` at once (retried by Odoo's RPC
    layer) instead of waiting for it."""
    if records.ids:
        records.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s FOR NO KEY UPDATE%s",
                SQL.identifier(records._table),
                tuple(records.ids),
                SQL(" NOWAIT") if nowait else SQL(),
            ),
            # A conflict is expected and retried (or waited for): not an error to log.
            log_exceptions=False,
        )


def claim_run(env, key):
    """Whether this transaction may run the job ``key`` (a daily action): False while another
    transaction runs it, or when one ran it after this transaction began.

    The claim is the row of the system parameter ``key``, locked and rewritten with the time
    of the run (created on the first run): a second run waiting for the lock would read the
    data as it was before the first one, so it does not wait, and a run that begins after the
    first one ended meets its new row version at the lock and stops too. Held until the
    transaction ends: a job that commits in batches claims again after each commit.
    """
    cr = env.cr
    now = fields.Datetime.to_string(fields.Datetime.now())
    try:
        with cr.savepoint(flush=False):
            cr.execute(
                SQL("SELECT id FROM ir_config_parameter WHERE key = %s FOR NO KEY UPDATE NOWAIT", key),
                log_exceptions=False,
            )
            if cr.rowcount:
                # In SQL, not with the ORM: the value is a marker nobody reads through the
                # parameters' cache, which a write would clear on every worker.
                cr.execute(
                    SQL(
                        "UPDATE ir_config_parameter SET value = %s, write_date = %s WHERE key = %s",
                        now,
                        now,
                        key,
                    )
                )
            else:
                cr.execute(
                    SQL(
                        """
                        INSERT INTO ir_config_parameter
                               (key, value, create_uid, write_uid, create_date, write_date)
                        VALUES (%s, %s, %s, %s, %s, %s)
                        """,
                        key,
                        now,
                        env.uid,
                        env.uid,
                        now,
                        now,
                    ),
                    log_exceptions=False,
                )
    except (LockNotAvailable, SerializationFailure, UniqueViolation):
        return False
    return True
