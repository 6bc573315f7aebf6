"""The kinds this app runs itself: counting the indicator figures ahead (`vieclam indicators_warm`), as a job.

Registered here rather than in `indicators` so that app is left unchanged; one batch is a few staff areas, each
counted the way `indicators.warm.figures_warm` counts them (a dashboard, then every indicator for the last full
year and the year to date). The areas are listed in a fixed order, so a resumed job skips those already done.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from vieclam.jobs.registry import job_kind_register

AREAS_PER_BATCH = 5


def staff_areas() -> list[tuple[object, frozenset[int]]]:
    """(a user of the area, its communes) for each distinct staff area, in the order of the users' ids."""
    from vieclam.accounts.models import User
    from vieclam.indicators.dashboard import user_area

    areas, seen = [], set()
    for user in User.objects.filter(is_active=True).order_by("pk"):
        _unit, communes = user_area(user)
        if communes and communes not in seen:
            seen.add(communes)
            areas.append((user, communes))
    return areas


def warm_area(user, communes: frozenset[int], on: dt.date) -> None:
    from vieclam.indicators.dashboard import dashboard_for
    from vieclam.indicators.engine import Calculator
    from vieclam.indicators.models import Indicator
    from vieclam.indicators.periods import Period

    dashboard_for(user=user, on=on)
    calc = Calculator(communes=communes)
    for period in (Period.year(on.year - 1), Period(dt.date(on.year, 1, 1), on)):
        for indicator in Indicator.objects.all():
            calc.by_commune(indicator, period, sorted(communes))
            calc.figure(indicator, period)


def indicators_warm_run(job, params: dict, progress) -> dict:
    from vieclam.core.dates import today

    on = today()
    areas = staff_areas()
    progress.set_total(len(areas))
    todo = areas[progress.start :]
    for first in range(0, len(todo), AREAS_PER_BATCH):
        chunk = todo[first : first + AREAS_PER_BATCH]
        for user, communes in chunk:  # reads and cache writes only: outside the batch's transaction, which on
            warm_area(user, communes, on)  # SQLite would hold the one write lock while counting
        with progress.batch() as batch:
            batch.done += len(chunk)
    return {"summary": str(_("Đã đếm trước chỉ tiêu của {n} địa bàn.")).format(n=len(areas))}


job_kind_register("indicators_warm", label=_("Đếm trước các chỉ tiêu"), run=indicators_warm_run, startable=True)
