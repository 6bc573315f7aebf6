import pytest

from vieclam.matching import scoring, selectors
from vieclam.matching.facts import seeker_facts, vacancy_facts
from vieclam.people.reviews import household_review_record
from vieclam.people.services import household_add_member, household_create
from vieclam.seekers.tests.factories import make_person, make_profile
from vieclam.vacancies.tests.factories import make_vacancy, occupation

pytestmark = pytest.mark.django_db


@pytest.fixture
def vacancy(cast):
    return make_vacancy(cast["admin"], title="Thợ điện công nghiệp", occupation=occupation("7411"),
                        commune_code="25459", status="open")  # fmt: skip


@pytest.fixture
def seekers(cast):
    admin = cast["admin"]
    people = {
        "exact": make_person(admin, name="Trần Văn Điện", national_id="079085000001", commune="25459"),
        "near": make_person(admin, name="Lê Văn Gần", national_id="079085000002", commune="25480"),
        "far": make_person(admin, name="Phạm Văn Xa", national_id="001085000003", commune="00004"),
        "deaf": make_person(admin, name="Ngô Văn Lặng", national_id="079085000004", commune="25459"),
        "poor": make_person(admin, name="Võ Văn Nghèo", national_id="079085000005", commune="25480"),
    }
    make_profile(admin, people["exact"], occupation="7411")
    make_profile(admin, people["near"], occupation="7412")
    make_profile(admin, people["far"], occupation="7411")
    make_profile(admin, people["deaf"], occupation="7411", hearing_speaking_ok=False)
    make_profile(admin, people["poor"], occupation="7412")
    household = household_create(actor=admin, commune="25480", head_name="Võ Văn Nghèo")
    household_add_member(actor=admin, household=household, person=people["poor"], relationship="head")
    import datetime as dt

    household_review_record(actor=admin, household=household, kind="regular", reviewed_on=dt.date(2026, 6, 1),
                            income_per_capita=1_900_000, deprivations=["employment"])  # fmt: skip
    return people


def names(ranked):
    return [p.person.full_name for p, _ in ranked]


def test_candidates_are_ranked_with_reasons_and_limited_to_scope(cast, vacancy, seekers):
    vacancy.demands_hearing = True
    vacancy.save(update_fields=["demands_hearing"])
    ranked = selectors.candidates_for_vacancy(viewer=cast["province_a"], vacancy=vacancy, limit=10)
    order = names(ranked)
    assert order[0] == "Trần Văn Điện" and "Phạm Văn Xa" not in order  # Hà Nội is outside province 80
    assert order.index("Võ Văn Nghèo") < order.index("Lê Văn Gần")  # same fit, the near-poor one first
    assert order[-1] == "Ngô Văn Lặng"
    top = ranked[0][1]
    assert top.reasons[0].startswith("Cùng nghề 7411 – Thợ lắp điện") and "Cùng xã" in top.reasons
    poor = {p.person.full_name: m for p, m in ranked}["Võ Văn Nghèo"]
    assert "Hộ cận nghèo – ưu tiên" in poor.reasons


def test_commune_officer_sees_only_their_commune(cast, vacancy, seekers):
    ranked = selectors.candidates_for_vacancy(viewer=cast["commune_a"], vacancy=vacancy, limit=10)
    assert set(names(ranked)) == {"Trần Văn Điện", "Ngô Văn Lặng"}


def test_every_eligible_profile_is_ranked_even_without_occupation_or_place_fit(cast, vacancy, seekers):
    from vieclam.seekers.models import JobSeekerProfile

    # No shared occupation digit and another province: no occupation or place points, but the brute force ranks
    # such a profile too (below the others), so the ranking must as well.
    unfit = make_person(cast["admin"], name="Đỗ Văn Khác", national_id="001085000006", commune="00004")
    make_profile(cast["admin"], unfit, occupation="2411")
    facts = vacancy_facts(vacancy)
    ranked = selectors.candidates_for_vacancy(viewer=cast["admin"], vacancy=vacancy, limit=50)
    assert {p.pk for p, _ in ranked} == set(JobSeekerProfile.objects.values_list("pk", flat=True))
    last = ranked[-1][0]
    assert last.person == unfit and scoring.coarse_score(facts, seeker_facts(last, unfit)) == 0


def test_recommendations_for_a_worker(cast, vacancy, seekers):
    other = make_vacancy(cast["admin"], title="Kế toán", occupation=occupation("2411"), status="open")
    ranked = selectors.recommendations_for_person(person=seekers["exact"], limit=5)
    assert ranked[0][0] == vacancy and "Cùng xã" in ranked[0][1].reasons
    assert other not in [v for v, _ in ranked] or ranked[-1][0] == other


def test_closed_vacancies_are_not_recommended(cast, vacancy, seekers):
    from vieclam.vacancies.services import vacancy_set_status

    vacancy_set_status(actor=cast["admin"], vacancy=vacancy, status="closed")
    assert selectors.recommendations_for_person(person=seekers["exact"], limit=5) == []


def test_sql_total_for_recommendations_equals_the_pure_score(cast, vacancy, seekers):
    from vieclam.matching.recommend import ranked_vacancies
    from vieclam.vacancies.models import Vacancy

    for i, demands in enumerate([{}, {"demands_hearing": True}, {"demands_lifting": "over_20"}]):
        make_vacancy(cast["admin"], title=f"Thợ điện {i}", occupation=occupation("7412"), status="open",
                     pay_min=5_000_000, pay_max=None, technical_level="trung_cap", **demands)  # fmt: skip
    by_pk = {v.pk: v for v in Vacancy.objects.select_related("workplace_commune")}
    for person in seekers.values():
        profile = person.job_seeker_profiles.get()
        facts = seeker_facts(profile, person)
        rows = ranked_vacancies(person=person, facts=facts, limit=100)  # a limit above the count: every row
        assert len(rows) == 4
        for pk, total in rows:
            assert total == scoring.score(vacancy_facts(by_pk[pk]), facts, priority_boost=0).score, (person, pk)


def test_sql_rough_score_for_candidates_equals_the_pure_score_without_boost(cast, vacancy, seekers):
    from django.db.models import F

    from vieclam.matching.candidates import _profile_side_points, eligible_profiles
    from vieclam.seekers.models import JobSeekerProfile

    for demands in [{}, {"demands_hearing": True, "technical_level": "trung_cap", "experience": "duoi_1_nam"}]:
        for field, value in demands.items():
            setattr(vacancy, field, value)
        facts = vacancy_facts(vacancy)
        rows = eligible_profiles(cast["admin"], vacancy, vacancy.deadline).annotate(rest=_profile_side_points(facts))
        for profile in rows:
            full = scoring.score(facts, seeker_facts(profile, profile.person), priority_boost=0).score
            assert profile.rest + scoring.coarse_score(facts, seeker_facts(profile, profile.person)) == full
    assert JobSeekerProfile.objects.exists() and F
