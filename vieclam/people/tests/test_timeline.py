"""A person's timeline (page and API): every registered kind of event in order, scoped, the read logged, and a
bounded number of queries however long the history."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from vieclam.applications import services as applications
from vieclam.applications.tests.factories import make_employer_account, make_worker, open_vacancy, person_of
from vieclam.core.models import AuditEvent
from vieclam.people.reviews import household_review_record
from vieclam.people.services import household_add_member, household_create
from vieclam.vacancies.tests.factories import in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def hoa(cast):
    """A worker of a poor household in the cast's commune, referred to a vacancy and hired."""
    worker = make_worker("hoa")
    person = person_of(worker)
    household = household_create(actor=cast["commune_a"], commune="25459", head_name="Lê Văn Hùng")
    household_add_member(actor=cast["commune_a"], household=household, person=person, relationship="con")
    household_review_record(actor=cast["commune_a"], household=household, kind="regular",
                            reviewed_on=dt.date(2026, 6, 1), income_per_capita=1_500_000,
                            deprivations=["employment", "health_insurance", "clean_water"])  # fmt: skip
    employer, company = make_employer_account("cong_ty_a", name="Công ty May A")
    vacancy = open_vacancy(cast["province_a"], company, title="Công nhân may")
    application = applications.application_refer(actor=cast["counsellor_a"], vacancy=vacancy, person=person)
    applications.application_transition(actor=employer, application=application, to_status="seen")
    applications.application_transition(actor=employer, application=application, to_status="hired",
                                        contract_type="xac_dinh_12_den_36_thang", start_date=in_days(7))  # fmt: skip
    return person


def _login(client, user):
    client.force_login(user)
    return client


def test_the_timeline_page_shows_each_kind_of_event_in_words(client, cast, hoa):
    page = _login(client, cast["commune_a"]).get(f"/people/{hoa.pk}/timeline/").content.decode()
    for text in ("Đăng ký mới", "Rà soát hộ: Hộ nghèo", "Được giới thiệu việc làm", "Đã tuyển dụng", "Công nhân may"):
        assert text in page
    assert "hired" not in page and "xac_dinh" not in page


def test_the_api_lists_entries_newest_first_and_filters_by_kind(cast, hoa, api_as):
    entries = api_as(cast["commune_a"]).get(f"/api/v1/persons/{hoa.pk}/timeline/").json()
    moments = [entry["at"] for entry in entries]
    assert moments == sorted(moments, reverse=True)
    assert {"labour_event", "poverty_review", "application"} <= {entry["kind"] for entry in entries}
    only = api_as(cast["commune_a"]).get(f"/api/v1/persons/{hoa.pk}/timeline/?kind=poverty_review").json()
    assert [entry["kind"] for entry in only] == ["poverty_review"]


def test_an_unknown_kind_or_limit_is_a_400_naming_the_field(cast, hoa, api_as):
    api = api_as(cast["commune_a"])
    assert "kind" in api.get(f"/api/v1/persons/{hoa.pk}/timeline/?kind=xyz").json()
    assert "limit" in api.get(f"/api/v1/persons/{hoa.pk}/timeline/?limit=0").json()


def test_a_person_outside_the_area_has_no_timeline(client, cast, hoa, api_as):
    assert _login(client, cast["commune_b"]).get(f"/people/{hoa.pk}/timeline/").status_code == 404
    assert api_as(cast["province_b"]).get(f"/api/v1/persons/{hoa.pk}/timeline/").status_code == 404
    assert api_as(cast["worker"]).get(f"/api/v1/persons/{hoa.pk}/timeline/").status_code == 403


def test_reading_the_timeline_is_logged_as_a_read_of_the_record(client, cast, hoa):
    _login(client, cast["commune_a"]).get(f"/people/{hoa.pk}/timeline/")
    assert AuditEvent.objects.filter(action="read", object_id=str(hoa.pk), actor=cast["commune_a"]).exists()


def test_the_number_of_queries_does_not_grow_with_the_history(cast, hoa, api_as):
    api = api_as(cast["commune_a"])
    with CaptureQueriesContext(connection) as before:
        api.get(f"/api/v1/persons/{hoa.pk}/timeline/")
    for day in (dt.date(2026, 6, 15), dt.date(2026, 7, 1)):
        household_review_record(actor=cast["commune_a"], household=hoa.household, kind="regular",
                                reviewed_on=day, income_per_capita=1_600_000)  # fmt: skip
    with CaptureQueriesContext(connection) as after:
        entries = api.get(f"/api/v1/persons/{hoa.pk}/timeline/").json()
    assert len([e for e in entries if e["kind"] == "poverty_review"]) == 3
    assert len(after.captured_queries) == len(before.captured_queries)


def test_a_longer_history_of_every_kind_reads_no_more_queries(cast, hoa, api_as, client):
    """Each source reads its kind in a fixed number of queries: more sessions (with their topics), status changes,
    connections and reviews add rows, not queries (the labour events' code names are read once per list)."""
    from vieclam.casework.tests.factories import make_session
    from vieclam.connections.tests.factories import make_connection, months_ago
    from vieclam.people.services import person_update

    def add_history(round_: int) -> None:
        make_session(cast["counsellor_a"], hoa, held_on=dt.date(2026, 3, 2 + round_),
                     topic_codes=("tim_viec_lam", "hoc_nghe"))  # fmt: skip
        status = "co_viec_lam" if round_ % 2 else "that_nghiep"
        person_update(actor=cast["commune_a"], person=hoa, data={"activity_status": status},
                      effective=dt.date(2026, 4, 1 + round_))  # fmt: skip
        make_connection(cast["province_a"], person=hoa, start_date=months_ago(14 + round_))
        household_review_record(actor=cast["commune_a"], household=hoa.household, kind="regular",
                                reviewed_on=dt.date(2026, 7, 1 + round_), income_per_capita=1_600_000)  # fmt: skip

    add_history(0)
    api, page = api_as(cast["commune_a"]), _login(client, cast["commune_a"])
    api.get(f"/api/v1/persons/{hoa.pk}/timeline/")
    with CaptureQueriesContext(connection) as api_before:
        api.get(f"/api/v1/persons/{hoa.pk}/timeline/")
    with CaptureQueriesContext(connection) as page_before:
        page.get(f"/people/{hoa.pk}/timeline/")
    for round_ in range(1, 4):
        add_history(round_)
    with CaptureQueriesContext(connection) as api_after:
        entries = api.get(f"/api/v1/persons/{hoa.pk}/timeline/").json()
    with CaptureQueriesContext(connection) as page_after:
        page.get(f"/people/{hoa.pk}/timeline/")
    kinds = [entry["kind"] for entry in entries]
    assert kinds.count("counselling") == 4 and kinds.count("labour_event") >= 5 and kinds.count("connection") == 5
    assert len(api_after.captured_queries) == len(api_before.captured_queries)
    assert len(page_after.captured_queries) == len(page_before.captured_queries)


def test_kinds_the_person_has_none_of_are_not_read(cast, hoa, api_as):
    """One probe query finds which kinds hold rows for the person; the other sources run no query of their own."""
    api = api_as(cast["commune_a"])
    with CaptureQueriesContext(connection) as queries:
        api.get(f"/api/v1/persons/{hoa.pk}/timeline/")
    starts = [q["sql"].split(" FROM ", 1)[-1][:40] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert any(s.startswith('"applications_applicationevent"') for s in starts)
    for table in ("casework_counsellingsession", "training_enrolment", "loans_loan", "abroad_journeyevent"):
        assert not any(s.startswith(f'"{table}"') for s in starts), table
