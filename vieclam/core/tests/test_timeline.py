import datetime as dt

from django.utils import timezone

from vieclam.core import timeline
from vieclam.core.timeline import TimelineEntry, timeline_for, timeline_source_register


def _source(entries):
    def provider(*, person, viewer, limit):
        return entries[:limit]

    return provider


def test_entries_of_every_source_come_newest_first_dates_and_times_together(monkeypatch):
    monkeypatch.setattr(timeline, "_SOURCES", {})
    noon = dt.datetime(2026, 3, 2, 12, 0, tzinfo=timezone.get_current_timezone())
    timeline_source_register(
        "a", label="A", provider=_source([TimelineEntry(at=dt.date(2026, 3, 1), kind="a", title="1")])
    )
    timeline_source_register("b", label="B", provider=_source([TimelineEntry(at=noon, kind="b", title="2")]))
    titles = [entry.title for entry in timeline_for(person=None, viewer=None)]
    assert titles == ["2", "1"]


def test_kinds_and_limit_narrow_the_timeline(monkeypatch):
    monkeypatch.setattr(timeline, "_SOURCES", {})
    days = [TimelineEntry(at=dt.date(2026, 1, d), kind="a", title=str(d)) for d in range(5, 0, -1)]
    timeline_source_register("a", label="A", provider=_source(days))
    timeline_source_register(
        "b", label="B", provider=_source([TimelineEntry(at=dt.date(2026, 2, 1), kind="b", title="b")])
    )
    assert [e.title for e in timeline_for(person=None, viewer=None, kinds=["a"], limit=2)] == ["5", "4"]


def test_the_demo_clock_shift_moves_today_forward(settings):
    from vieclam.core.dates import today

    settings.VIECLAM_CLOCK_SHIFT_DAYS = 0
    now = today()
    settings.VIECLAM_CLOCK_SHIFT_DAYS = 190
    assert today() - now == dt.timedelta(days=190)
