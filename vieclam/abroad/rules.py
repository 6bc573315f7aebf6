"""The rules of a journey, each in one place: which step may follow which, the least age on a day, the end of a
contract, and the most a support may pay (all amounts and ages are dated data, abroad/data/)."""

from __future__ import annotations

import datetime as dt

from vieclam.abroad.choices import JourneyState, SupportGroup
from vieclam.abroad.models import EligibilityRule, Programme, SupportNorm
from vieclam.connections.rules import add_months
from vieclam.core.dated import valid_on_q

S = JourneyState
# The steps that may follow each step: one at a time, "working abroad" may be skipped (a worker sent home before
# starting work), and a journey may stop before departure.
NEXT: dict[str, frozenset[str]] = {
    S.REGISTERED: frozenset({S.SELECTED, S.WITHDRAWN}),
    S.SELECTED: frozenset({S.TRAINING, S.WITHDRAWN}),
    S.TRAINING: frozenset({S.CONTRACT, S.WITHDRAWN}),
    S.CONTRACT: frozenset({S.DEPARTED, S.WITHDRAWN}),
    S.DEPARTED: frozenset({S.WORKING, S.RETURNED}),
    S.WORKING: frozenset({S.RETURNED}),
    S.RETURNED: frozenset({S.BACK_IN_WORK}),
    S.BACK_IN_WORK: frozenset(),
    S.WITHDRAWN: frozenset(),
}
# A journey in one of these states is over: the person may register again.
CLOSED = frozenset({S.RETURNED, S.BACK_IN_WORK, S.WITHDRAWN})


def min_age_on(day: dt.date) -> int | None:
    """The least age to go, by the eligibility rule in force on `day` (None: no rule loaded)."""
    rule = EligibilityRule.objects.filter(valid_on_q(day)).order_by("-valid_from", "-pk").first()
    return rule.min_age if rule else None


def contract_end(departed_on: dt.date, months: int | None) -> dt.date | None:
    """The day the contract ends: `months` after departure (None when the term is unknown)."""
    return add_months(departed_on, months) if months else None


def support_cap(norm: SupportNorm, programme: Programme | None) -> int | None:
    """The most `norm` pays to one worker: its amount, or its share of the programme's cost to the worker, whichever
    is smaller (None: no cap can be worked out, e.g. a loan capped by a share with no programme cost known)."""
    caps = []
    if norm.max_amount is not None:
        caps.append(norm.max_amount)
    if norm.max_share is not None and programme is not None and programme.worker_cost:
        caps.append(programme.worker_cost * norm.max_share // 100)
    return min(caps) if caps else None


def norm_applies_to(norm: SupportNorm, groups: tuple[str, ...]) -> bool:
    return norm.group == SupportGroup.ANY or norm.group in groups
