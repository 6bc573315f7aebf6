"""Vocational training on a person's timeline (core.timeline): the enrolment, and its completion or drop-out."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from vieclam.core.money import format_amount
from vieclam.core.timeline import TimelineEntry
from vieclam.training.choices import ClassFunding, EnrolmentStatus, TrainingLevel
from vieclam.training.models import Enrolment

# What an entry shows (the provider's and the course's records are small, the person's is not read).
FIELDS = (
    "training_class_id", "enrolled_on", "status", "completed_on", "certificate_number", "dropped_on", "drop_reason",
    "funding", "support_amount", "created_at", "training_class__course__name", "training_class__course__level",
    "training_class__provider__name", "recorded_by__username",
)  # fmt: skip


def _end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.max, tzinfo=timezone.get_current_timezone())


def training_timeline(*, person, viewer, limit: int) -> list[TimelineEntry]:
    rows = list(
        Enrolment.objects.filter(person=person)
        .select_related("training_class__course", "training_class__provider", "recorded_by")
        .only(*FIELDS)
        .order_by("-enrolled_on", "-pk")[:limit]
    )
    entries: list[TimelineEntry] = []
    for row in rows:
        klass = row.training_class
        url = reverse("training:class_detail", args=[row.training_class_id])
        actor = row.recorded_by.username if row.recorded_by else ""
        course = _("{course} ({level})").format(course=klass.course.name, level=TrainingLevel(klass.course.level).label)
        if row.status == EnrolmentStatus.COMPLETED and row.completed_on:
            title = _("Hoàn thành khóa đào tạo nghề: {course}, {provider}").format(
                course=course, provider=klass.provider.name
            )
            detail = _("Chứng chỉ số {number}, ngày {day}").format(
                number=row.certificate_number, day=date_format(row.completed_on, "d/m/Y")
            )
            entries.append(TimelineEntry(at=_end_of(row.completed_on), kind="training", title=title, detail=detail,
                                         actor=actor, url=url))  # fmt: skip
        elif row.status == EnrolmentStatus.DROPPED and row.dropped_on:
            title = _("Bỏ học nghề: {course}").format(course=course)
            entries.append(TimelineEntry(at=_end_of(row.dropped_on), kind="training", title=title,
                                         detail=row.drop_reason, actor=actor, url=url))  # fmt: skip
        if row.funding == ClassFunding.SELF_FUNDED:
            funding = str(ClassFunding.SELF_FUNDED.label)
        else:
            funding = _("Hỗ trợ chi phí đào tạo: {amount} đồng").format(amount=format_amount(row.support_amount))
        title = _("Ghi danh học nghề: {course}, {provider}, từ {day}").format(
            course=course, provider=klass.provider.name, day=date_format(row.enrolled_on, "d/m/Y")
        )
        at = min(row.created_at, _end_of(row.enrolled_on))
        entries.append(TimelineEntry(at=at, kind="training", title=title, detail=funding, actor=actor, url=url))
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries[:limit]
