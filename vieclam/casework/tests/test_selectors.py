"""Reads: counting lượt and người, a person's service record, the caseloads and the timeline sources."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from vieclam.applications.services import application_refer
from vieclam.casework import selectors, services
from vieclam.casework.tests.factories import make_group, make_person, make_session
from vieclam.conftest import COMMUNE_A, COMMUNE_B
from vieclam.core.dates import today
from vieclam.core.timeline import timeline_for, timeline_kinds
from vieclam.vacancies.tests.factories import make_vacancy

pytestmark = pytest.mark.django_db

MARCH = (dt.date(2026, 3, 1), dt.date(2026, 3, 31))


@pytest.fixture
def people(cast):
    officer = cast["province_a"]
    names = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Chí")
    found = {name.split()[-1].lower(): make_person(officer, name=name, national_id=None) for name in names}
    found["ha"] = make_person(cast["province_b"], name="Phạm Thu Hà", national_id=None, commune=COMMUNE_B)
    return found


def test_lượt_count_attendances_and_người_count_distinct_named_persons(cast, people):
    counsellor = cast["counsellor_a"]
    an, binh, chi = people["an"], people["bình"], people["chí"]
    make_session(counsellor, an, held_on=dt.date(2026, 3, 2))
    make_session(counsellor, an, held_on=dt.date(2026, 3, 9))  # the same person again: 2 lượt, 1 người
    make_session(counsellor, binh, held_on=dt.date(2026, 3, 10))
    make_group(counsellor, headcount=40, attendees=[an, chi], held_on=dt.date(2026, 3, 12))  # 40 lượt, 2 named
    make_group(counsellor, headcount=25, attendees=[chi], held_on=dt.date(2026, 3, 20))
    make_session(counsellor, chi, held_on=dt.date(2026, 4, 2))  # outside the period
    make_group(cast["province_b"], commune=COMMUNE_B, headcount=100, held_on=dt.date(2026, 3, 5))  # another area

    counts = selectors.counselling_counts(viewer=cast["province_a"], date_from=MARCH[0], date_to=MARCH[1])
    assert counts.sessions == 3
    assert counts.group_sessions == 2
    assert counts.group_headcount == 65
    assert counts.attendances == 68  # lượt: 3 sessions + 40 + 25
    assert counts.persons == 3  # người: An, Bình, Chí, each once

    everywhere = selectors.counselling_counts(viewer=cast["admin"], date_from=MARCH[0], date_to=MARCH[1])
    assert everywhere.attendances == 168 and everywhere.persons == 3


def test_the_service_record_holds_counselling_referrals_and_group_sessions_in_date_order(cast, people):
    counsellor, an = cast["counsellor_a"], people["an"]
    make_group(counsellor, headcount=10, attendees=[an], held_on=dt.date(2026, 2, 10), unit_name="Nhà văn hoá ấp 3")
    make_session(counsellor, an, held_on=dt.date(2026, 1, 5), topic_codes=("tim_viec_lam", "hoc_nghe"),
                 channel_code="qua_dien_thoai")  # fmt: skip
    vacancy = make_vacancy(cast["province_a"], title="Thợ hàn", status="open")
    application_refer(actor=counsellor, vacancy=vacancy, person=an)
    make_session(counsellor, people["bình"], held_on=dt.date(2026, 1, 6))  # someone else

    entries = selectors.service_record(viewer=counsellor, person=an)
    assert [e.kind for e in entries] == ["counselling", "group_session", "referral"]
    assert entries[0].title == "Tư vấn: Tìm việc làm, Học nghề (qua điện thoại)"
    assert entries[1].title == "Hội nghị tư vấn: Tìm việc làm (Xã/phường)"
    assert entries[2].title == "Giới thiệu việc làm: Thợ hàn"
    assert entries[2].on == today()


def test_the_service_record_shows_english_names_in_english(cast, people):
    make_session(cast["counsellor_a"], people["an"], topic_codes=("hoc_nghe",), channel_code="truc_tuyen")
    with translation.override("en"):
        entries = selectors.service_record(viewer=cast["counsellor_a"], person=people["an"])
        assert entries[0].title == "Counselling: Vocational training (online)"


def test_my_caseload_puts_overdue_next_actions_first_and_the_province_sees_counts_per_counsellor(cast, people):
    day = today()
    for name, counsellor, next_on in (
        ("an", "counsellor_a", day + dt.timedelta(days=5)),
        ("bình", "counsellor_a", day - dt.timedelta(days=3)),
        ("chí", "commune_a", day - dt.timedelta(days=1)),
    ):
        services.case_assign(
            actor=cast["province_a"],
            data={"person": people[name], "counsellor": cast[counsellor], "next_action_on": next_on},
        )
    undated = make_person(cast["province_a"], name="Đỗ Văn Dũng", national_id=None)
    services.case_assign(actor=cast["province_a"], data={"person": undated, "counsellor": cast["counsellor_a"]})
    mine = list(selectors.my_caseload(viewer=cast["counsellor_a"]))
    assert [c.person.full_name for c in mine] == ["Trần Thị Bình", "Nguyễn Văn An", "Đỗ Văn Dũng"]
    rows = {row["counsellor__username"]: row for row in selectors.caseload_by_counsellor(viewer=cast["province_a"])}
    assert (rows["counsellor_a"]["assigned"], rows["counsellor_a"]["overdue"]) == (3, 1)
    assert (rows["commune_a"]["assigned"], rows["commune_a"]["overdue"]) == (1, 1)
    assert selectors.caseload_by_counsellor(viewer=cast["province_b"]) == []


def test_the_counsellors_offered_work_in_the_viewers_areas(cast):
    names = set(selectors.counsellor_choices(viewer=cast["province_a"]).values_list("username", flat=True))
    assert names == {"province_a", "counsellor_a", "commune_a"}


def test_the_timeline_sources_give_counselling_and_group_sessions_newest_first_in_one_query_each(cast, people):
    counsellor, an = cast["counsellor_a"], people["an"]
    make_session(counsellor, an, held_on=dt.date(2026, 1, 5), outcome="Cần học nghề")
    make_session(counsellor, an, held_on=dt.date(2026, 3, 5), topic_codes=("bao_hiem_that_nghiep",),
                 channel_code="tai_xa_phuong")  # fmt: skip
    make_group(counsellor, headcount=5, attendees=[an], held_on=dt.date(2026, 2, 1), unit_code="truong_hoc",
               unit_name="Trường THPT Tây Ninh")  # fmt: skip
    assert {"counselling", "group_session"} <= {kind for kind, _label in timeline_kinds()}

    with CaptureQueriesContext(connection) as queries:
        entries = timeline_for(person=an, viewer=counsellor, kinds=["counselling", "group_session"])
    assert [(e.at, e.kind) for e in entries] == [
        (dt.date(2026, 3, 5), "counselling"),
        (dt.date(2026, 2, 1), "group_session"),
        (dt.date(2026, 1, 5), "counselling"),
    ]
    assert entries[0].title == "Tư vấn: Bảo hiểm thất nghiệp (tại xã/phường)"
    assert entries[1].title == "Hội nghị tư vấn: Tìm việc làm (Trường học)"
    assert entries[1].detail == f"Trường THPT Tây Ninh, {an.residence_commune.name}"
    assert entries[2].detail == "Cần học nghề"
    assert all(entry.url for entry in entries)
    assert len(queries) <= 5  # a query and a prefetch of topics per source, and the viewer's scope

    limited = timeline_for(person=an, viewer=counsellor, kinds=["counselling"], limit=1)
    assert [e.at for e in limited] == [dt.date(2026, 3, 5)]


def test_a_group_session_held_outside_the_viewers_areas_shows_on_the_timeline_without_its_link(cast, people):
    an = people["an"]
    make_group(cast["admin"], commune=COMMUNE_A, headcount=3, attendees=[an])
    entries = timeline_for(person=an, viewer=cast["commune_b"], kinds=["group_session"])
    assert len(entries) == 1 and entries[0].url == ""
