"""The connection and follow-up sources of a person's timeline (core.timeline), in words, newest first."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from vieclam.connections.choices import FollowUpResult, FollowUpStatus
from vieclam.connections.models import Connection, FollowUp
from vieclam.connections.selectors import contract_type_names
from vieclam.core.money import format_amount
from vieclam.core.timeline import TimelineEntry


def short_contract(name: str) -> str:
    """'Hợp đồng lao động xác định thời hạn' → 'HĐLĐ xác định thời hạn', as officers write it."""
    return name.replace("Hợp đồng lao động", "HĐLĐ")


def connection_title(connection: Connection, names: dict[str, str]) -> str:
    contract = short_contract(names.get(connection.contract_type, connection.contract_type))
    return _("Kết nối việc làm thành công: {employer}, {contract}, từ {day}").format(
        employer=connection.employer.name, contract=contract, day=date_format(connection.start_date, "d/m/Y")
    )


def funding_text(connection: Connection) -> str:
    if connection.double_funding_flag:
        return _("Không chi trùng: {reason}").format(reason=connection.double_funding_reason)
    if connection.norm_amount:
        return _("{source}: {amount} đồng").format(
            source=connection.get_funding_source_display(), amount=format_amount(connection.norm_amount)
        )
    return str(connection.get_funding_source_display())


# What an entry shows (the employer's record and the user's are wide).
CONNECTION_FIELDS = (
    "created_at", "start_date", "contract_type", "funding_source", "norm_amount", "double_funding_flag",
    "double_funding_reason", "employer__name", "recorded_by__username",
)  # fmt: skip
FOLLOWUP_FIELDS = (
    "connection_id", "due_on", "checked_on", "offset_months", "status", "result", "has_contract",
    "has_social_insurance", "note", "recorded_by__username",
)  # fmt: skip


def connection_timeline(*, person, viewer, limit: int) -> list[TimelineEntry]:
    rows = (
        Connection.objects.filter(person=person)
        .select_related("employer", "recorded_by")
        .only(*CONNECTION_FIELDS)
        .order_by("-start_date", "-pk")[:limit]
    )
    rows = list(rows)
    names = contract_type_names() if rows else {}
    return [
        TimelineEntry(
            at=_moment(row),
            kind="connection",
            title=connection_title(row, names),
            detail=funding_text(row),
            actor=row.recorded_by.username if row.recorded_by else "",
            url=row.get_absolute_url(),
        )
        for row in rows
    ]


def _moment(connection: Connection) -> dt.datetime:
    """When it is placed: the end of the start day, or the hire (the record) if that came first. A job starting
    today is then after the hire that made it, one starting next month is not above what happens meanwhile, and a
    job the centre records months after it began stays where it began."""
    end_of_start = dt.datetime.combine(connection.start_date, dt.time.max, tzinfo=timezone.get_current_timezone())
    return min(connection.created_at, end_of_start)


def followup_title(follow_up: FollowUp) -> str:
    head = _("Theo dõi sau {months} tháng").format(months=follow_up.offset_months)
    if follow_up.status == FollowUpStatus.MISSED:
        return _("{head}: quá hạn, không kiểm tra").format(head=head)
    parts = [str(FollowUpResult(follow_up.result).label).lower()] if follow_up.result else []
    if follow_up.has_contract is not None:
        parts.append(_("có HĐLĐ") if follow_up.has_contract else _("không có HĐLĐ"))
    if follow_up.has_social_insurance is not None:
        parts.append(_("có BHXH") if follow_up.has_social_insurance else _("không có BHXH"))
    return f"{head}: {', '.join(parts)}"


def followup_timeline(*, person, viewer, limit: int) -> list[TimelineEntry]:
    """Checks recorded or missed (a check not yet due is not history)."""
    rows = (
        FollowUp.objects.filter(person=person, status__in=[FollowUpStatus.DONE, FollowUpStatus.MISSED])
        .select_related("recorded_by")
        .only(*FOLLOWUP_FIELDS)
        .order_by("-due_on", "-pk")[:limit]
    )
    return [
        TimelineEntry(
            at=row.checked_on or row.due_on,
            kind="follow_up",
            title=followup_title(row),
            detail=row.note,
            actor=row.recorded_by.username if row.recorded_by else "",
            url=reverse("connections:connection_detail", args=[row.connection_id]),
        )
        for row in rows
    ]
