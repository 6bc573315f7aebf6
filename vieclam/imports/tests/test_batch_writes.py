"""How a batch is written fast without weakening it: every imported vacancy indexed for the job board when the batch
commits, a bounded number of queries per row, and the per-batch caches of vacancies.services (vacancy_batch, the
check-constraint verdicts) giving exactly the errors of the uncached checks."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from vieclam.employers.tests.factories import make_employer
from vieclam.imports.models import ImportedPosting
from vieclam.jobboard.indexing import deferred, jobindex_sync
from vieclam.jobboard.models import JobIndex
from vieclam.places.models import AdministrativeUnit
from vieclam.vacancies import services
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.services import vacancy_batch, vacancy_create
from vieclam.vacancies.tests.factories import occupation

pytestmark = pytest.mark.django_db


def board_file(rows: int, *, first_id: int = 1) -> bytes:
    """A TopCV listing of `rows` postings of Viettel IDC in Hà Nội (see conftest.hanoi_employers)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["job_id", "title", "company", "salary", "location", "url"])
    for n in range(first_id, first_id + rows):
        url = f"https://www.topcv.vn/viec-lam/ky-su-mang/{n}.html"
        writer.writerow([n, "Kỹ sư mạng", "Viettel IDC", "15 - 25 triệu", "Hà Nội", url])
    return buffer.getvalue().encode()


#
# The job board
#
def test_every_imported_vacancy_is_found_on_the_job_board_by_a_word_of_its_title(client, api_as, run, hanoi_employers):
    cache.clear()  # the anonymous API throttle
    report = run("province_b", "topcv_listings.csv")
    assert report.committed and report.counts["created"] == 6
    assert jobindex_sync()["written"] == 0  # the index already holds exactly what a full rebuild writes
    for row in report.rows:
        word = max(row.title.split(), key=len)  # 'Marketing', 'Editor', 'Analyst'…
        found = api_as().get("/api/v1/jobs/", {"q": word, "page_size": 100}).json()["results"]
        assert row.vacancy_id in {job["id"] for job in found}, word
        page = client.get("/jobs/", {"q": word}).content.decode()
        assert f"/jobs/{row.vacancy_id}/" in page, word
    cache.clear()


def test_a_dry_run_leaves_the_index_untouched(run, hanoi_employers):
    run("province_b", "topcv_listings.csv", dry_run=True)
    assert not JobIndex.objects.exists() and not Vacancy.objects.exists()


def test_the_rows_of_a_batch_that_fails_are_not_indexed(run, hanoi_employers):
    lines = board_file(3).decode().splitlines()
    lines[2] = lines[2].replace("Kỹ sư mạng", "<b>Kỹ sư mạng</b>")
    report = run("province_b", "\n".join(lines).encode(), filename="tin.csv")
    assert not report.committed and not JobIndex.objects.exists()


#
# Queries
#
def test_the_queries_of_a_row_do_not_grow_with_the_file(run, hanoi_employers):
    def queries(data: bytes) -> int:
        with CaptureQueriesContext(connection) as captured:
            report = run("province_b", data, filename="tin.csv")
        assert report.committed, report.error_lines()
        return len(captured.captured_queries)

    small, large = queries(board_file(10)), queries(board_file(40, first_id=100))
    # per row: two savepoints and their releases, the vacancy, its audit event and its posting; the employer,
    # occupation, places and constraint checks are read once per batch, the job board's index once at the end
    assert (large - small) / 30 <= 7
    assert ImportedPosting.objects.count() == 50 and JobIndex.objects.count() == 50


#
# vacancy_batch: the same checks, what they read read once
#
@pytest.fixture
def vacancy_data(cast):
    employer = make_employer(cast["admin"], name="Công ty TNHH Dệt Tân Ninh", commune_code="25459")
    commune = AdministrativeUnit.objects.current().get(code="25459")
    return {
        "employer": employer,
        "title": "Kế toán tổng hợp",
        "occupation": occupation("2411"),
        "positions_count": 2,
        "workplace_commune": commune,
        "pay_min": 8_000_000,
        "pay_max": 12_000_000,
        "status": "open",
    }


def errors(actor, data) -> dict:
    with pytest.raises(ValidationError) as caught:
        vacancy_create(actor=actor, data=data)
    return caught.value.message_dict


BAD = [
    {"pay_min": 12_000_000, "pay_max": 8_000_000},
    {"positions_count": 0, "pay_min": None, "pay_max": None},
    {"occupation": "24111"},
    {"age_min": 18, "sex_required": "female"},
    {"title": "", "skills": ["", "x" * 300]},
]


@pytest.mark.parametrize("change", BAD)
def test_inside_a_batch_a_wrong_vacancy_gets_the_errors_it_gets_alone(cast, vacancy_data, change):
    data = {**vacancy_data, **change}
    if change.get("occupation"):
        data["occupation"] = occupation(change["occupation"])
    alone = errors(cast["province_a"], data)
    with transaction.atomic(), vacancy_batch():
        vacancy_create(actor=cast["province_a"], data=vacancy_data)  # fills the batch's caches
        assert errors(cast["province_a"], data) == alone
        assert errors(cast["province_a"], data) == alone


def test_inside_a_batch_an_employer_outside_the_area_is_refused_every_time(cast, vacancy_data):
    alone = errors(cast["province_b"], vacancy_data)  # a Tây Ninh employer, a Hà Nội officer
    assert "employer" in alone
    with transaction.atomic(), vacancy_batch():
        assert errors(cast["province_b"], vacancy_data) == alone
        assert errors(cast["province_b"], vacancy_data) == alone


def test_inside_a_batch_the_next_vacancy_reads_nothing_but_writes_itself(cast, vacancy_data):
    with transaction.atomic(), vacancy_batch(), deferred():  # deferred: the job board's index at the end
        first = vacancy_create(actor=cast["province_a"], data=vacancy_data)
        with CaptureQueriesContext(connection) as captured:
            second = vacancy_create(actor=cast["province_a"], data={**vacancy_data, "title": "Kế toán kho"})
    statements = [q["sql"].split()[0] for q in captured.captured_queries]
    inserts = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("INSERT")]
    assert set(statements) == {"SAVEPOINT", "INSERT", "RELEASE"}, statements
    assert any("vacancies_vacancy" in sql for sql in inserts) and any("core_auditevent" in sql for sql in inserts)
    assert second.exchange_province == first.exchange_province and second.pk != first.pk


def test_a_batch_belongs_inside_a_transaction(monkeypatch):
    monkeypatch.setattr(transaction.get_connection(), "in_atomic_block", False)  # as in autocommit
    with pytest.raises(transaction.TransactionManagementError), vacancy_batch():
        pass


#
# Check constraints: asked once per distinct set of values, with Django's own errors
#
def vacancy(**values) -> Vacancy:
    base = {"positions_count": 1, "pay_negotiable": True, "restriction_reason": "", "sex_required": ""}
    return Vacancy(**{**base, **values})


@pytest.mark.parametrize(
    ("values", "exclude"),
    [
        ({}, set()),
        ({"pay_min": 12_000_000, "pay_max": 8_000_000}, set()),
        ({"pay_min": 12_000_000, "pay_max": 8_000_000}, {"pay_min"}),
        ({"positions_count": 0}, set()),
        ({"pay_negotiable": False}, set()),
        ({"age_min": 40, "age_max": 20, "restriction_reason": "Điều 160"}, set()),
        ({"age_min": 40, "sex_required": "male"}, set()),
        ({"pay_negotiable": False, "positions_count": 0, "pay_min": 9, "pay_max": 1}, {"search_text"}),
    ],
)
def test_check_constraints_give_what_django_gives_and_ask_once(values, exclude):
    services._CHECK_VERDICTS.clear()
    expected = None
    try:
        vacancy(**values).validate_constraints(exclude=exclude)
    except ValidationError as exc:
        expected = exc.message_dict
    for attempt in range(2):
        with CaptureQueriesContext(connection) as captured:
            try:
                services._check_constraints(vacancy(**values), set(exclude))
                got = None
            except ValidationError as exc:
                got = exc.message_dict
        assert got == expected
        if attempt:
            assert captured.captured_queries == []  # every verdict is known by now
