"""The demo province gets this year's targets and a 2021–2025 plan for its key indicators, shared among its
communes, so the home dashboard shows achievement."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db.models import Sum

from vieclam.core.dates import today
from vieclam.demo.generate import demo_generate
from vieclam.demo.targets import demo_targets
from vieclam.indicators.dashboard import dashboard_for
from vieclam.places.models import AdministrativeUnit
from vieclam.targets.models import Target
from vieclam.targets.selectors import plan_target_for, target_for
from vieclam.targets.tests.factories import indicator

pytestmark = pytest.mark.django_db


def test_the_demo_province_has_targets_shares_and_a_plan_and_the_dashboard_shows_achievement(cast):
    province = AdministrativeUnit.objects.get(edition="post_2025_07", level="province", code="80")
    stats = demo_generate(province=province, persons=3000, seed=4)
    assert stats["targets"] > 0
    year = today().year
    jobs = target_for(indicator=indicator(), area=province, year=year)
    assert jobs is not None and jobs.value > 0
    shares = Target.objects.filter(parent=jobs)
    assert shares.exists() and shares.aggregate(total=Sum("value"))["total"] <= jobs.value
    plan = plan_target_for(indicator=indicator(), area=province, year=2023)
    assert (plan.year_from, plan.year_to) == (2021, 2025)
    board = dashboard_for(user=cast["province_a"])
    row = next(r for r in board.progress if r["code"] == "giai_quyet_viec_lam")
    assert row["target"] == jobs.value and isinstance(row["achievement"], Decimal)
    assert any(area["target"] for area in board.areas)
    # Loading the demo again leaves the targets as they are (no duplicate refused half-way).
    assert demo_targets(province=province, on=today()) == 0
