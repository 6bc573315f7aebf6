"""The search index follows the registries: signals for ORM saves, `vieclam jobs_reindex` for bulk writes."""

import io

import pytest
from django.core.management import call_command

from vieclam.employers.services import employer_update
from vieclam.jobboard.indexing import jobindex_sync
from vieclam.jobboard.models import JobIndex, JobWord
from vieclam.jobboard.tests.conftest import HANOI, TAY_NINH_OLD_LA
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.services import vacancy_set_status

pytestmark = pytest.mark.django_db


def test_a_saved_vacancy_is_indexed_with_its_place_and_old_place_names(post):
    vacancy = post("Kế toán tổng hợp", commune_code=TAY_NINH_OLD_LA, pay_min=8_000_000, pay_max=12_000_000)
    row = JobIndex.objects.get(pk=vacancy.pk)
    assert row.is_live and row.province.code == "80" and row.commune.code == TAY_NINH_OLD_LA
    assert row.title_text == " ke toan tong hop "
    # title, employer, occupation, commune, province, and the old province (Long An) and district (Tân An)
    for word in ("ke", "toan", "tong", "hop", "mau", "chuyen", "tan", "an", "tay", "ninh", "long"):
        assert f" {word} " in row.document, word
    assert row.pay_top == 12_000_000 and row.occupation_code == "2411"
    assert JobWord.objects.filter(word="toan").exists()


def test_a_status_change_takes_the_vacancy_off_the_board(cast, post):
    vacancy = post("Lái xe tải")
    vacancy_set_status(actor=cast["admin"], vacancy=vacancy, status="closed")
    assert JobIndex.objects.get(pk=vacancy.pk).is_live is False


def test_renaming_the_employer_updates_its_vacancies(cast, post):
    vacancy = post("Thợ hàn", commune_code=HANOI)
    employer_update(actor=cast["admin"], employer=vacancy.employer, data={"name": "Công ty Cơ khí Sông Hồng"})
    assert " song hong " in JobIndex.objects.get(pk=vacancy.pk).document


def test_reindex_catches_up_with_bulk_writes_and_a_second_run_writes_nothing(post):
    first, second = post("Kế toán"), post("Công nhân may", commune_code=HANOI)
    Vacancy.objects.filter(pk=first.pk).update(title="Kế toán trưởng")  # no signal, like COPY
    JobIndex.objects.filter(pk=second.pk).delete()
    out = io.StringIO()
    call_command("jobs_reindex", stdout=out)
    assert "2 vacancies, 2 rows written" in out.getvalue()
    assert " truong " in JobIndex.objects.get(pk=first.pk).document
    assert JobIndex.objects.filter(pk=second.pk).exists()
    assert jobindex_sync()["written"] == 0


def test_the_full_rebuild_counts_the_words_of_live_vacancies(cast, post):
    post("Kế toán kho")
    closed = post("Kế toán thuế")
    vacancy_set_status(actor=cast["admin"], vacancy=closed, status="closed")
    jobindex_sync()
    counts = dict(JobWord.objects.values_list("word", "doc_count"))
    assert counts["toan"] == 1 and counts["kho"] == 1 and "thue" not in counts
