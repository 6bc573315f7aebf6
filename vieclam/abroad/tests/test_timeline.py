import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.abroad import services
from vieclam.abroad.tests.factories import depart, make_journey
from vieclam.core.timeline import timeline_for, timeline_kinds

pytestmark = pytest.mark.django_db
D = dt.date


def test_departure_return_and_other_steps_are_on_the_timeline_in_words_newest_first(cast):
    officer = cast["commune_a"]
    journey = depart(officer, make_journey(officer), D(2023, 6, 1))
    services.journey_advance(actor=officer, journey=journey, state="returned", on=D(2024, 2, 1),
                             data={"return_reason": "Ốm đau"})  # fmt: skip
    assert "abroad" in {kind for kind, _label in timeline_kinds()}
    entries = timeline_for(person=journey.person, viewer=officer, kinds=["abroad"])
    titles = [entry.title for entry in entries]
    assert titles[:2] == [
        "Về nước trước hạn: Ốm đau",
        "Xuất cảnh đi làm việc ở Nhật Bản (Kabushiki Kaisha Sato, hợp đồng 36 tháng)",
    ]
    assert titles[-1] == "Đăng ký đi làm việc ở Nhật Bản" and len(titles) == 6
    assert entries[0].url == f"/abroad/{journey.pk}/"


def test_the_provider_reads_one_query_and_respects_the_limit(cast):
    officer = cast["commune_a"]
    journey = depart(officer, make_journey(officer), D(2023, 6, 1))
    with CaptureQueriesContext(connection) as queries:
        entries = timeline_for(person=journey.person, viewer=officer, kinds=["abroad"], limit=2)
    assert len(entries) == 2 and len(queries) == 1
