"""Huyện An Phú's yearly report for 2023, from records built through the services (issue #12, "Done when" 1).

The records (tests/anphu.py) are built once for the module and rolled back at its end. Always: 1.128 of the 41.504
households and a tenth of the persons and plans, with every percentage of the report (5,67%, 7,45%, 142,1%,
125,4%, 169,6%). With VIECLAM_SLOW=1 also the report itself: 41.504 households, 7.125 starts (≈ 16 minutes of CPU on
SQLite: each household is a household_create and a household_review_record, each start a person_create and a
person_update, as an officer would enter them).
"""

from __future__ import annotations

import os
from decimal import Decimal

import pytest
from django.db import transaction

from vieclam.indicators.areas import area_for
from vieclam.indicators.engine import Calculator, achievement
from vieclam.indicators.formats import achievement_text, figure_text, percent_text
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period
from vieclam.indicators.tests import anphu
from vieclam.places.models import AdministrativeUnit, Edition

pytestmark = pytest.mark.django_db
SLOW = os.environ.get("VIECLAM_SLOW") == "1"
YEAR = Period.year(2023)
NEW_COMMUNES = {"30337": "Xã An Phú", "30341": "Xã Khánh Bình", "30346": "Xã Nhơn Hội", "30352": "Xã Phú Hữu",
                "30367": "Xã Vĩnh Hậu"}  # fmt: skip
# What the report prints: the counts at each scale, the rates at both.
COUNTS = {
    anphu.SCALED: {"giai_quyet_viec_lam": "715", "xuat_khau_lao_dong": "24", "so_ho": "1.128", "so_ho_ngheo": "64",
                   "so_ho_can_ngheo": "84"},
    anphu.FULL: {"giai_quyet_viec_lam": "7.125", "xuat_khau_lao_dong": "24", "so_ho": "41.504",
                 "so_ho_ngheo": "2.354", "so_ho_can_ngheo": "3.092"},
}  # fmt: skip
LAST_YEAR = {anphu.SCALED: "570", anphu.FULL: "5.682"}
PER_COMMUNE = {anphu.SCALED: "143", anphu.FULL: "1.425"}  # the starts are spread evenly over the five communes
RATES = {"ty_le_ho_ngheo": "5,67%", "ty_le_ho_can_ngheo": "7,45%"}


@pytest.fixture(
    scope="module",
    params=[anphu.SCALED, pytest.param(anphu.FULL, marks=pytest.mark.skipif(not SLOW, reason="VIECLAM_SLOW=1"))],
    ids=["scaled", "full"],
)
def an_phu(request, django_db_setup, django_db_blocker):
    """(facts, old An Phú's area, the officer who recorded them): written once, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        actor = anphu.an_giang_officer()
        area = anphu.build(request.param, actor=actor)
        yield request.param, area, actor
        transaction.set_rollback(True)


def indicator(code: str) -> Indicator:
    return Indicator.objects.get(code=code)


def text(calc: Calculator, code: str, period: Period = YEAR) -> str:
    return figure_text(calc.figure(indicator(code), period).value, indicator(code))


def starts(calc: Calculator, period: Period = YEAR) -> Decimal:
    value = calc.figure(indicator("giai_quyet_viec_lam"), period).value
    assert value is not None
    return value


def test_old_an_phu_became_five_communes_that_took_nothing_from_another_district():
    area = area_for(anphu.old_an_phu())
    codes = AdministrativeUnit.objects.filter(pk__in=area.commune_ids).values_list("code", "name")
    assert dict(codes) == NEW_COMMUNES
    # Phú Hội and Phước Hưng were split, but only among An Phú's own new communes: no record is placed elsewhere.
    assert area.notes == ()


def test_the_yearly_figures_of_old_an_phu_are_the_reports(an_phu):
    facts, area, _actor = an_phu
    calc = Calculator(communes=area.commune_ids)
    for code, expected in {**COUNTS[facts], **RATES}.items():
        assert text(calc, code) == expected, code
    assert achievement_text(achievement(starts(calc), Decimal(facts.plan_2023))) == "đạt 142,1% kế hoạch"
    assert text(calc, "giai_quyet_viec_lam", YEAR.same_period_last_year()) == LAST_YEAR[facts]
    assert percent_text(achievement(starts(calc), starts(calc, YEAR.same_period_last_year()))) == "125,4%"
    assert percent_text(achievement(starts(calc), facts.plan_yearly_share)) == "169,6%"


def test_the_new_communes_add_up_to_the_old_district(an_phu):
    """Each new commune asked alone, then all five together: counts add up, rates come from the summed counts."""
    facts, area, _actor = an_phu
    communes = AdministrativeUnit.objects.filter(code__in=NEW_COMMUNES, edition=Edition.POST_2025)
    assert {c.pk for c in communes} == set(area.commune_ids)
    district = Calculator(communes=area.commune_ids)
    for code in ("giai_quyet_viec_lam", "xuat_khau_lao_dong", "so_ho", "so_ho_ngheo", "so_ho_can_ngheo"):
        alone = [Calculator(communes=area_for(c).commune_ids).figure(indicator(code), YEAR).value for c in communes]
        assert sum(v or 0 for v in alone) == district.figure(indicator(code), YEAR).value, code
        by_commune = district.by_commune(indicator(code), YEAR, area.commune_ids)
        assert sorted(f.value for f in by_commune.values()) == sorted(alone), code
    together = Calculator(communes=[c.pk for c in communes])
    for code in ("giai_quyet_viec_lam", "so_ho_ngheo", "ty_le_ho_ngheo", "ty_le_ho_can_ngheo"):
        assert text(together, code) == text(district, code), code
    assert {text(Calculator(communes=[c.pk]), "giai_quyet_viec_lam") for c in communes} == {PER_COMMUNE[facts]}


def test_the_plan_targets_give_the_same_achievements(an_phu):
    """Once vieclam.targets is installed: the plans recorded there give "đạt 142,1% kế hoạch" and 169,6%."""
    targets = pytest.importorskip("vieclam.targets.services")
    selectors = pytest.importorskip("vieclam.targets.selectors")
    facts, area, actor = an_phu
    district, starts_indicator = anphu.old_an_phu(), indicator("giai_quyet_viec_lam")
    targets.target_set(actor=actor, indicator=starts_indicator, area=district, year=2023, value=facts.plan_2023,
                       note="Kế hoạch năm 2023")  # fmt: skip
    targets.target_set(actor=actor, indicator=starts_indicator, area=district, years=(2021, 2025),
                       value=facts.plan_2021_2025, note="Kế hoạch 5 năm 2021–2025")  # fmt: skip
    calc = Calculator(communes=area.commune_ids)
    year_target = selectors.target_for(indicator=starts_indicator, area=district, year=2023)
    plan_target = selectors.plan_target_for(indicator=starts_indicator, area=district, year=2023)
    assert achievement_text(achievement(starts(calc), _value(year_target))) == "đạt 142,1% kế hoạch"
    yearly = _value(plan_target) / (plan_target.year_to - plan_target.year_from + 1)  # "bình quân mỗi năm"
    assert percent_text(achievement(starts(calc), yearly)) == "169,6%"


def _value(target) -> Decimal:
    """A target's value for the year (a number, or a record with .value)."""
    return Decimal(getattr(target, "value", target))


YEARLY_REPORT_KIND = "tda43_nam"  # the yearly Sub-project 4.3 report (vieclam/reporting/data/kinds.csv)


def test_the_yearly_report_prints_the_reports_figures_for_the_old_district_and_the_new_communes(an_phu):
    """The yearly report of old An Phú prints what the district published, against the plans recorded through the
    targets services; the same report asked for the new communes (together) prints the same figures."""
    from vieclam.core.reportdoc import render_pdf, render_xlsx
    from vieclam.reporting.build import report_build
    from vieclam.reporting.kinds import kind_get
    from vieclam.targets import services as targets

    facts, area, actor = an_phu
    district, starts_indicator = anphu.old_an_phu(), indicator("giai_quyet_viec_lam")
    targets.target_set(actor=actor, indicator=starts_indicator, area=district, year=2023, value=facts.plan_2023,
                       note="Kế hoạch năm 2023")  # fmt: skip
    targets.target_set(actor=actor, indicator=starts_indicator, area=district, years=(2021, 2025),
                       value=facts.plan_2021_2025, note="Kế hoạch 5 năm 2021–2025")  # fmt: skip
    kind = kind_get(YEARLY_REPORT_KIND)
    doc = report_build(kind=kind, area=area_for(district), period=YEAR)
    printed = doc_text(doc)
    starts_line = next(line for line in doc.notes if line.startswith(starts_indicator.name_vi))
    assert f"{COUNTS[facts]['giai_quyet_viec_lam']} người" in starts_line
    for expected in ("đạt 142,1% kế hoạch", "169,6%", "125,4% so cùng kỳ"):
        assert expected in starts_line, expected
    for expected in (*COUNTS[facts].values(), *RATES.values()):
        assert expected in printed, expected
    assert render_xlsx(doc)[:2] == b"PK" and render_pdf(doc)[:5] == b"%PDF-"
    communes = list(AdministrativeUnit.objects.filter(code__in=NEW_COMMUNES, edition=Edition.POST_2025))
    together = report_build(kind=kind, area=area_for_communes(communes), period=YEAR)
    for expected in (*COUNTS[facts].values(), *RATES.values(), "125,4% so cùng kỳ"):
        assert expected in doc_text(together), expected
    for commune in communes:  # each new commune alone: its fifth of the starts
        alone = report_build(kind=kind, area=area_for(commune), period=YEAR)
        assert PER_COMMUNE[facts] in doc_text(alone)


def area_for_communes(communes):
    from vieclam.indicators.areas import area_of_communes

    return area_of_communes(communes)


def doc_text(doc) -> str:
    """Everything a ReportDocument prints: its title and paragraphs, and every cell of its tables."""
    from vieclam.core.reportdoc import cell_text

    parts = [doc.title, *doc.notes]
    for table in doc.tables:
        parts.append(table.title)
        parts += [cell_text(v, c) for row in table.rows for v, c in zip(row, table.columns, strict=False)]
    return "\n".join(parts)
