"""The counting rules of a connection, each in one place: the funding norm and double funding, the follow-up
schedule, and sustained employment (in Python for one connection, in SQL for lists: the same rule twice, tested
to agree).
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from vieclam.connections.choices import (
    IN_WORK_RESULTS,
    PAID_FUNDING_SOURCES,
    FollowUpStatus,
    FundingSource,
    SustainedRequirement,
)
from vieclam.connections.models import Connection, FollowUp, FundingNorm, SustainedRule
from vieclam.core.dated import valid_on_q

# "In the period" of TT 55/2023 Art. 72 (no double funding): another paid or UI-funded connection of the same
# person less than this many months before or after the start.
DOUBLE_FUNDING_MONTHS = 12


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st becomes the month's last day (31/01 + 1 month = 28/02 or 29/02)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def followup_offsets() -> list[int]:
    """Months after the start at which a connection is checked (setting VIECLAM_FOLLOWUP_MONTHS, default 1,3,6,12)."""
    return sorted({int(m) for m in settings.VIECLAM_FOLLOWUP_MONTHS if int(m) > 0})


def norm_on(day: dt.date) -> FundingNorm | None:
    """The funding norm in force on `day` (the latest to start, when two overlap)."""
    return FundingNorm.objects.filter(valid_on_q(day)).order_by("-valid_from", "-pk").first()


def sustained_rule_on(day: dt.date) -> SustainedRule | None:
    return SustainedRule.objects.filter(valid_on_q(day)).order_by("-valid_from", "-pk").first()


def funding_for(
    *, person_id: int, start_date: dt.date, funding_source: str, exclude_pk: int | None = None
) -> tuple[FundingNorm | None, int, bool, str]:
    """(norm, amount, double_funding_flag, reason) of a new connection.

    The unemployment-insurance fund pays from its own rules, so no programme money goes with it (flagged); an
    unpaid connection gets nothing; otherwise the norm in force on the start day is paid unless the person already
    has a paid or UI-funded connection starting within DOUBLE_FUNDING_MONTHS (flagged, 0 "không chi trùng").
    """
    norm = norm_on(start_date)
    if funding_source == FundingSource.UI_FUND:
        return norm, 0, True, _("Quỹ bảo hiểm thất nghiệp đã hỗ trợ: không chi trùng từ chương trình.")
    if funding_source not in PAID_FUNDING_SOURCES:
        return norm, 0, False, ""
    window = Q(start_date__gt=add_months(start_date, -DOUBLE_FUNDING_MONTHS)) & Q(
        start_date__lt=add_months(start_date, DOUBLE_FUNDING_MONTHS)
    )
    funded = Q(norm_amount__gt=0) | Q(funding_source=FundingSource.UI_FUND)
    other = (
        Connection.objects.filter(window & funded, person_id=person_id)
        .exclude(pk=exclude_pk)
        .select_related("employer")
        .order_by("start_date")
        .first()
    )
    if other is not None:
        how = _("quỹ bảo hiểm thất nghiệp") if other.funding_source == FundingSource.UI_FUND else _("kết nối việc làm")
        reason = _("Đã được hỗ trợ ({how}) cho việc làm tại {employer} từ {day}: không chi trùng trong 12 tháng.")
        return norm, 0, True, reason.format(how=how, employer=other.employer.name, day=date_format(other.start_date))
    return norm, (norm.amount if norm else 0), False, ""


#
# Sustained employment
#
def _meets(rule: SustainedRule, check: FollowUp) -> bool:
    if check.result not in IN_WORK_RESULTS:
        return False
    if rule.requires == SustainedRequirement.CONTRACT_OR_INSURANCE:
        return bool(check.has_contract) or bool(check.has_social_insurance)
    if rule.requires == SustainedRequirement.CONTRACT_AND_INSURANCE:
        return bool(check.has_contract) and bool(check.has_social_insurance)
    return True


def connection_is_sustained(connection: Connection, *, follow_ups: list[FollowUp] | None = None) -> bool:
    """The SustainedRule in force on the start day, applied to the connection's checks: the latest check done at
    or after the rule's month decides (a 12-month check that finds the person out of work undoes the 6-month one)."""
    rule = sustained_rule_on(connection.start_date)
    if rule is None:
        return False
    checks = follow_ups if follow_ups is not None else list(connection.follow_ups.all())
    done = [c for c in checks if c.status == FollowUpStatus.DONE and c.offset_months >= rule.check_offset_months]
    if not done:
        return False
    return _meets(rule, max(done, key=lambda c: c.offset_months))


def _requirement_q(rule: SustainedRule, prefix: str = "") -> Q:
    in_work = Q(**{f"{prefix}result__in": list(IN_WORK_RESULTS)})
    contract, insurance = Q(**{f"{prefix}has_contract": True}), Q(**{f"{prefix}has_social_insurance": True})
    if rule.requires == SustainedRequirement.CONTRACT_OR_INSURANCE:
        return in_work & (contract | insurance)
    if rule.requires == SustainedRequirement.CONTRACT_AND_INSURANCE:
        return in_work & contract & insurance
    return in_work


def sustained_checks() -> QuerySet[FollowUp]:
    """Follow-ups that make their connection sustained: done at or after the rule's month (the rule in force on
    the connection's start), meeting the rule, and with no later done check of the same connection.
    The same rule as connection_is_sustained, as a query (one OR branch per rule: rules are a handful of rows)."""
    later = FollowUp.objects.filter(
        connection_id=OuterRef("connection_id"), status=FollowUpStatus.DONE, offset_months__gt=OuterRef("offset_months")
    )
    by_rule = Q(pk__in=[])
    for rule in SustainedRule.objects.all():
        by_rule |= valid_on_q_for_start(rule) & Q(offset_months__gte=rule.check_offset_months) & _requirement_q(rule)
    return FollowUp.objects.filter(by_rule, status=FollowUpStatus.DONE).filter(~Exists(later))


def valid_on_q_for_start(rule: SustainedRule) -> Q:
    """The connection started while the rule was in force."""
    q = Q()
    if rule.valid_from is not None:
        q &= Q(connection__start_date__gte=rule.valid_from)
    if rule.valid_to is not None:
        q &= Q(connection__start_date__lte=rule.valid_to)
    return q
