from datetime import datetime, time

import pytz


def user_day_start(env, day):
    """The moment ``day`` starts for the user of ``env`` (the context's timezone, else the
    user's), as the naive UTC datetime that Datetime fields store: 00:00 on 1 March in Moscow
    is 21:00 on 28 February in UTC."""
    tz = pytz.timezone(env.context.get("tz") or env.user.tz or "UTC")
    return tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
