"""An Phú's 2023 training line, from records built through the services (issue 13, "Done when" 1):

"mở 35 lớp đào tạo nghề (24 lớp thuộc lĩnh vực phi nông nghiệp, lĩnh vực nông nghiệp 11 lớp), có 1.050 học viên
tham gia học nghề (lao động tự học 546 người)".

The persons are written in bulk (person_create is not what is tested here and 1.050 calls are slow); the provider,
the courses, the 35 classes (class_create) and the 1.050 enrolments (enrolments_create, one roster per class: every
trainee checked for area, age, seats and norm, one audit event each) go through the services. 18 classes are
self-funded ("tự học", 30 trainees each: 540) and 6 trainees of a supported class pay for themselves: 546.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from vieclam.codelists.models import Occupation
from vieclam.core.models import AuditEvent
from vieclam.core.reportdoc import cell_text
from vieclam.indicators.areas import area_for
from vieclam.indicators.engine import Calculator
from vieclam.indicators.formats import figure_text
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period
from vieclam.indicators.tests import anphu
from vieclam.people.models import Person
from vieclam.places.models import AdministrativeUnit
from vieclam.reporting.build import report_build
from vieclam.reporting.kinds import kind_get
from vieclam.training import services
from vieclam.training.models import Enrolment

pytestmark = pytest.mark.django_db
YEAR = Period.year(2023)
CLASSES, NON_AGRICULTURE, AGRICULTURE = 35, 24, 11
PER_CLASS, SELF_FUNDED_CLASSES, SELF_FUNDED_IN_SUPPORTED = 30, 18, 6
CODES = ("dao_tao_lop_mo", "dao_tao_lop_phi_nong_nghiep", "dao_tao_lop_nong_nghiep", "dao_tao_hoc_vien",
         "dao_tao_tu_hoc")  # fmt: skip
EXPECTED = {"dao_tao_lop_mo": "35", "dao_tao_lop_phi_nong_nghiep": "24", "dao_tao_lop_nong_nghiep": "11",
            "dao_tao_hoc_vien": "1.050", "dao_tao_tu_hoc": "546"}  # fmt: skip


def _persons(communes: list[AdministrativeUnit]) -> list[Person]:
    rows = [
        Person(full_name=f"Học viên {i + 1}", date_of_birth=dt.date(1975 + i % 30, 1 + i % 12, 1 + i % 28),
               sex="female" if i % 2 else "male", residence_commune=communes[i % len(communes)])
        for i in range(CLASSES * PER_CLASS)
    ]  # fmt: skip
    Person.objects.bulk_create(rows, batch_size=500)
    return list(Person.objects.filter(full_name__startswith="Học viên ").order_by("pk"))


def build(actor):
    area = area_for(anphu.old_an_phu())
    communes = list(AdministrativeUnit.objects.filter(pk__in=area.commune_ids).order_by("code"))
    occupations = list(Occupation.objects.filter(level=4).order_by("code")[:2])
    provider = services.provider_create(actor=actor, data={
        "name": "Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên An Phú", "kind": "public_centre",
        "commune": communes[0], "occupations": occupations})  # fmt: skip
    courses = {
        field: services.course_create(actor=actor, data={
            "name": name, "occupation": occupation, "level": "thuong_xuyen", "field": field, "duration_days": 60,
            "cost_norm": 3_000_000})
        for field, name, occupation in (("phi_nong_nghiep", "May công nghiệp", occupations[0]),
                                        ("nong_nghiep", "Kỹ thuật trồng lúa", occupations[1]))
    }  # fmt: skip
    persons = _persons(communes)
    for i in range(CLASSES):
        field = "phi_nong_nghiep" if i < NON_AGRICULTURE else "nong_nghiep"
        start = dt.date(2023, 1 + i % 10, 1 + i % 20)
        funding = "self_funded" if i % 2 == 0 and i < 2 * SELF_FUNDED_CLASSES else "supported"  # 0, 2, … 34
        klass = services.class_create(actor=actor, data={
            "code": f"AP-2023-{i + 1:02d}", "course": courses[field], "provider": provider,
            "venue_commune": communes[i % len(communes)], "start_date": start,
            "end_date": start + dt.timedelta(days=60), "capacity": PER_CLASS, "funding": funding})  # fmt: skip
        roster = persons[i * PER_CLASS : (i + 1) * PER_CLASS]
        pays_self = SELF_FUNDED_IN_SUPPORTED if i == 1 else 0  # a supported class
        rows = [(p, {"funding": "self_funded"} if n < pays_self else {}) for n, p in enumerate(roster)]
        services.enrolments_create(actor=actor, training_class=klass, rows=rows)
    return area


@pytest.fixture(scope="module")
def an_phu(django_db_setup, django_db_blocker):
    """(old An Phú's area, the officer who recorded it): written once, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        actor = anphu.an_giang_officer()
        yield build(actor), actor
        transaction.set_rollback(True)


def test_the_training_line_of_an_phu_2023_is_the_reports(an_phu):
    area, _actor = an_phu
    assert Enrolment.objects.count() == 1_050 and Enrolment.objects.filter(funding="self_funded").count() == 546
    assert AuditEvent.objects.filter(content_type__model="enrolment").count() == 1_050
    calc = Calculator(communes=area.commune_ids)
    for code, expected in EXPECTED.items():
        indicator = Indicator.objects.get(code=code)
        assert figure_text(calc.figure(indicator, YEAR).value, indicator) == expected, code


def test_the_yearly_report_prints_35_classes_24_and_11_1050_trainees_and_546_self_funded(an_phu):
    area, _actor = an_phu
    kind = kind_get("dao_tao_xkld_vay_von_nam")  # the yearly report of training, working abroad and loans
    doc = report_build(kind=kind, area=area, period=YEAR)
    table = doc.tables[0]
    printed = {row[0]: cell_text(row[2], table.columns[2]) for row in table.rows}  # "Thực hiện kỳ này"
    names = dict(Indicator.objects.filter(code__in=CODES).values_list("code", "name_vi"))
    assert {code: printed[names[code]] for code in CODES} == EXPECTED
