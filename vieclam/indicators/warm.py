"""Count ahead what staff will open next, so that after a write the first visitor does not wait for the count:
each staff area's dashboard, and every catalogue indicator of that area (and of each of its communes) for the
last full year and the year to date. Run by `vieclam indicators_warm` (after imports, and every few minutes from
cron or the scheduler); what it counts lands in the shared store (indicators.freshness) under the data version."""

from __future__ import annotations

import datetime as dt
import time

from vieclam.accounts.models import User
from vieclam.core.dates import today
from vieclam.indicators.dashboard import dashboard_for, user_area
from vieclam.indicators.engine import Calculator
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period


def figures_warm(*, on: dt.date | None = None) -> dict[str, float]:
    """{"areas": n, "seconds": s}: one dashboard and one yearly count per distinct staff area."""
    started = time.perf_counter()
    on = on or today()
    indicators = list(Indicator.objects.all())
    periods = [Period.year(on.year - 1), Period(dt.date(on.year, 1, 1), on)]
    seen: set[frozenset[int]] = set()
    for user in User.objects.filter(is_active=True).order_by("pk"):
        _unit, communes = user_area(user)
        if not communes or communes in seen:
            continue
        seen.add(communes)
        dashboard_for(user=user, on=on)
        calc = Calculator(communes=communes)
        for period in periods:
            for indicator in indicators:
                calc.by_commune(indicator, period, sorted(communes))
                calc.figure(indicator, period)
    return {"areas": len(seen), "seconds": time.perf_counter() - started}
