import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.core.timeline import timeline_for, timeline_kinds
from vieclam.training import services
from vieclam.training.tests.factories import START, a_person, make_class

pytestmark = pytest.mark.django_db


def test_enrolment_and_completion_are_on_the_timeline_in_words_newest_first(cast):
    officer = cast["counsellor_a"]
    klass, person = make_class(officer), a_person(officer)
    enrolment = services.enrolment_create(actor=officer, training_class=klass, person=person, data={})
    services.enrolment_transition(actor=officer, enrolment=enrolment, status="completed", on=dt.date(2026, 4, 30),
                                  certificate_number="SC-12")  # fmt: skip
    assert ("training", "Đào tạo nghề") in [(kind, str(label)) for kind, label in timeline_kinds()]
    entries = timeline_for(person=person, viewer=officer, kinds=["training"])
    provider = klass.provider.name
    assert [entry.title for entry in entries] == [
        f"Hoàn thành khóa đào tạo nghề: May công nghiệp (Sơ cấp), {provider}",
        f"Ghi danh học nghề: May công nghiệp (Sơ cấp), {provider}, từ {START:%d/%m/%Y}",
    ]
    assert entries[0].detail == "Chứng chỉ số SC-12, ngày 30/04/2026" and entries[0].url == f"/training/{klass.pk}/"
    assert entries[1].detail == "Hỗ trợ chi phí đào tạo: 0 đồng"


def test_the_provider_reads_a_fixed_number_of_queries_and_respects_the_limit(cast):
    officer = cast["counsellor_a"]
    person = a_person(officer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            timeline_for(person=person, viewer=officer, kinds=["training"])
        return len(captured.captured_queries)

    services.enrolment_create(actor=officer, training_class=make_class(officer), person=person, data={})
    few = queries()
    for _ in range(3):
        services.enrolment_create(actor=officer, training_class=make_class(officer), person=person, data={})
    assert queries() == few
    assert len(timeline_for(person=person, viewer=officer, kinds=["training"], limit=2)) == 2
