"""indexing.deferred(): a bulk writer's vacancies are indexed together at the end of its block, in its transaction."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from vieclam.employers.services import employer_update
from vieclam.jobboard.indexing import deferred, jobindex_sync
from vieclam.jobboard.models import JobIndex, JobWord
from vieclam.jobboard.tests.conftest import HANOI
from vieclam.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def index_inserts(queries) -> int:
    return sum(1 for q in queries if q["sql"].startswith('INSERT INTO "jobboard_jobindex"'))


def test_the_vacancies_of_the_block_are_indexed_once_together_when_it_ends(post):
    with transaction.atomic(), deferred():
        with CaptureQueriesContext(connection) as during:
            vacancies = [post(title) for title in ("Thợ điện", "Thợ nề", "Kế toán kho")]
        assert index_inserts(during.captured_queries) == 0
        assert not JobIndex.objects.filter(pk__in=[v.pk for v in vacancies]).exists()
    assert set(JobIndex.objects.values_list("pk", flat=True)) == {v.pk for v in vacancies}
    assert " tho dien " in JobIndex.objects.get(pk=vacancies[0].pk).title_text
    assert JobWord.objects.filter(word="ne").exists()
    assert jobindex_sync()["written"] == 0  # exactly what a full rebuild would write


def test_one_insert_for_the_whole_block(post):
    with CaptureQueriesContext(connection) as queries, transaction.atomic(), deferred():
        for n in range(4):
            post(f"Công nhân may {n}")
    assert index_inserts(queries.captured_queries) == 1 and JobIndex.objects.count() == 4


def test_a_renamed_employer_reindexes_its_vacancies_at_the_end(cast, post):
    vacancy = post("Thợ hàn", commune_code=HANOI)
    with transaction.atomic(), deferred():
        employer_update(actor=cast["admin"], employer=vacancy.employer, data={"name": "Công ty Cơ khí Sông Hồng"})
        assert " song hong " not in JobIndex.objects.get(pk=vacancy.pk).document
    assert " song hong " in JobIndex.objects.get(pk=vacancy.pk).document


def test_a_block_whose_transaction_is_rolled_back_indexes_nothing(post):
    with transaction.atomic(), deferred():
        post("Thợ điện")
        transaction.set_rollback(True)
    assert not Vacancy.objects.exists() and not JobIndex.objects.exists()


def test_an_exception_caught_inside_the_transaction_still_indexes_what_was_saved(post):
    with transaction.atomic(), pytest.raises(RuntimeError), deferred():
        kept = post("Thợ điện")
        raise RuntimeError("the caller catches it and commits")
    assert JobIndex.objects.filter(pk=kept.pk).exists()


def test_a_savepoint_rolled_back_inside_the_block_leaves_no_index_row(post):
    with transaction.atomic(), deferred():
        kept = post("Thợ điện")
        with pytest.raises(RuntimeError), transaction.atomic():
            post("Thợ nề")
            raise RuntimeError
    assert list(JobIndex.objects.values_list("pk", flat=True)) == [kept.pk]


def test_a_nested_block_joins_the_outer_one(post):
    with transaction.atomic(), deferred():
        with deferred():
            inner = post("Thợ điện")
        assert not JobIndex.objects.filter(pk=inner.pk).exists()
    assert JobIndex.objects.filter(pk=inner.pk).exists()


def test_outside_a_block_each_save_is_indexed_at_once(post):
    vacancy = post("Thợ điện")
    assert JobIndex.objects.filter(pk=vacancy.pk).exists()
