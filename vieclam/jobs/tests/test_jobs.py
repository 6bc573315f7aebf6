"""Enqueue, run, cancel, resume; the pages and their scoping. Tasks run in this process (huey immediate mode)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from vieclam.core.models import AuditEvent
from vieclam.jobs.models import Job
from vieclam.jobs.services import job_cancel, job_enqueue, job_resume

pytestmark = pytest.mark.django_db


def rows_job(actor, capture, **params) -> Job:
    with capture(execute=True):
        job = job_enqueue(actor=actor, kind="test_rows", params={"rows": 20, "size": 5, **params})
    job.refresh_from_db()
    return job


def written(job) -> list[int]:
    events = AuditEvent.objects.filter(object_id=str(job.pk), changes__has_key="row")
    return sorted(events.values_list("changes__row", flat=True))


def test_an_enqueued_job_runs_and_its_page_shows_it_done(cast, client, immediate, django_capture_on_commit_callbacks):
    job = rows_job(cast["province_a"], django_capture_on_commit_callbacks)
    assert (job.state, job.done, job.total, job.errors) == ("done", 20, 20, 0)
    assert written(job) == list(range(20))
    client.force_login(cast["province_a"])
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Đã xong" in page and "20 / 20" in page and "hx-trigger" not in page


def test_the_indicators_warm_kind_counts_every_staff_area(cast, immediate, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = job_enqueue(actor=cast["admin"], kind="indicators_warm")
    job.refresh_from_db()
    assert job.state == "done" and job.done == job.total > 0, job.messages


def test_the_progress_fragment_polls_while_the_job_waits_and_names_its_state(cast, client):
    job = job_enqueue(actor=cast["province_a"], kind="test_rows", params={"rows": 3, "size": 1})
    client.force_login(cast["province_a"])
    fragment = client.get(f"/background-jobs/{job.pk}/progress/").content.decode()
    assert 'hx-trigger="every 1s"' in fragment and "Đang chờ" in fragment and "Hủy" in fragment


def test_cancel_during_a_batch_stops_after_that_batch(cast, immediate, django_capture_on_commit_callbacks):
    job = rows_job(cast["province_a"], django_capture_on_commit_callbacks, cancel_at=7)
    assert (job.state, job.done) == ("cancelled", 10)
    assert written(job) == list(range(10))


def test_a_failed_job_keeps_its_whole_batches_and_resumes_after_them(
    cast, immediate, django_capture_on_commit_callbacks
):
    job = rows_job(cast["province_a"], django_capture_on_commit_callbacks, fail_at=12)
    assert (job.state, job.done) == ("failed", 10) and "dòng 12 hỏng" in job.messages[-1]
    with django_capture_on_commit_callbacks(execute=True):
        job_resume(actor=cast["province_a"], job=job)
    job.refresh_from_db()
    assert (job.state, job.done, job.attempt) == ("done", 20, 2)
    assert written(job) == list(range(20))


def test_refused_rows_are_counted_and_listed(cast, immediate, django_capture_on_commit_callbacks):
    job = rows_job(cast["province_a"], django_capture_on_commit_callbacks, bad=[3, 4])
    assert (job.state, job.done, job.errors) == ("done", 20, 2)
    assert job.messages == ["dòng 3: không hợp lệ", "dòng 4: không hợp lệ"]


def test_a_running_job_silent_too_long_shows_interrupted_and_can_be_resumed(cast, client, settings):
    job = job_enqueue(actor=cast["province_a"], kind="test_rows", params={"rows": 3, "size": 1})
    old = timezone.now() - dt.timedelta(seconds=settings.VIECLAM_JOB_STALE_SECONDS + 5)
    Job.objects.filter(pk=job.pk).update(state="running", started_at=old, heartbeat_at=old)
    job.refresh_from_db()
    assert job.shown_state == "interrupted" and job.shown_state_label == "Bị gián đoạn"
    client.force_login(cast["province_a"])
    fragment = client.get(f"/background-jobs/{job.pk}/progress/").content.decode()
    assert "Bị gián đoạn" in fragment and "Tiếp tục" in fragment and "hx-trigger" not in fragment
    job = job_resume(actor=cast["province_a"], job=job)
    assert (job.state, job.attempt) == ("queued", 2)


def test_a_stale_attempt_cannot_write_once_the_job_was_resumed(cast, immediate, django_capture_on_commit_callbacks):
    from vieclam.jobs.runner import job_execute

    job = rows_job(cast["province_a"], django_capture_on_commit_callbacks, fail_at=2)
    job_resume(actor=cast["province_a"], job=job)  # attempt 2 queued (its task not sent: no commit here)
    job_execute(job.pk, 1)  # the old attempt, come back to life
    job.refresh_from_db()
    assert (job.state, job.done) == ("queued", 0) and written(job) == []


def test_bad_requests_are_refused_with_a_message(cast):
    with pytest.raises(ValidationError) as unknown:
        job_enqueue(actor=cast["admin"], kind="no_such_kind")
    assert "no_such_kind" in unknown.value.message_dict["kind"][0]
    job = job_enqueue(actor=cast["admin"], kind="test_rows", params={"rows": 1, "size": 1})
    with pytest.raises(ValidationError, match="Chỉ tiếp tục"):
        job_resume(actor=cast["admin"], job=job)
    Job.objects.filter(pk=job.pk).update(state="done")
    with pytest.raises(ValidationError, match="không hủy được"):
        job_cancel(actor=cast["admin"], job=job)


def test_a_queued_job_cancelled_from_its_page_ends_at_once(cast, client):
    job = job_enqueue(actor=cast["commune_a"], kind="test_rows", params={"rows": 3, "size": 1})
    client.force_login(cast["commune_a"])
    response = client.post(f"/background-jobs/{job.pk}/cancel/")
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.state == "cancelled" and job.cancel_requested


def test_an_officer_sees_the_jobs_of_their_area_only(cast, client):
    own = job_enqueue(actor=cast["commune_a"], kind="test_rows", params={"rows": 1, "size": 1}, title="Việc Anpha")
    job_enqueue(actor=cast["commune_b"], kind="test_rows", params={"rows": 1, "size": 1}, title="Việc Bêta")
    client.force_login(cast["province_a"])  # the province holds commune A
    listing = client.get("/background-jobs/").content.decode()
    assert "Việc Anpha" in listing and "Việc Bêta" not in listing
    client.force_login(cast["commune_b"])
    for path in ("", "progress/"):
        assert client.get(f"/background-jobs/{own.pk}/{path}").status_code == 404
    for path in ("cancel/", "resume/"):
        assert client.post(f"/background-jobs/{own.pk}/{path}").status_code == 404


def test_a_worker_sees_only_the_jobs_they_asked_for(cast, client):
    job_enqueue(actor=cast["admin"], kind="test_rows", params={"rows": 1, "size": 1}, title="Việc quản trị")
    client.force_login(cast["worker"])
    assert "Việc quản trị" not in client.get("/background-jobs/").content.decode()


def test_staff_start_a_startable_kind_from_the_list_for_their_area(cast, client):
    client.force_login(cast["commune_a"])
    assert "Đếm trước các chỉ tiêu" in client.get("/background-jobs/").content.decode()
    response = client.post("/background-jobs/start/", {"kind": "indicators_warm"})
    job = Job.objects.get(kind="indicators_warm")
    assert response["Location"] == job.get_absolute_url()
    assert job.area.code == "25459" and job.requested_by == cast["commune_a"]
    client.post("/background-jobs/start/", {"kind": "test_rows"})  # not startable from the page
    assert not Job.objects.filter(kind="test_rows").exists()


def test_a_jobs_progress_does_not_throw_the_counted_indicator_figures_away(cast):
    from vieclam.indicators.freshness import data_version

    job = job_enqueue(actor=cast["admin"], kind="test_rows", params={"rows": 1, "size": 1})
    before = data_version()
    Job.objects.filter(pk=job.pk).update(done=1, heartbeat_at=timezone.now())
    assert data_version() == before


def test_the_list_reads_a_page_of_jobs_in_a_fixed_number_of_queries(cast, client, django_assert_max_num_queries):
    for n in range(30):
        job_enqueue(actor=cast["province_a"], kind="test_rows", params={"rows": 1, "size": 1}, title=f"Việc {n}")
    client.force_login(cast["province_a"])
    with django_assert_max_num_queries(12):
        assert "Việc 29" in client.get("/background-jobs/").content.decode()
