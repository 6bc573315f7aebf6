import pytest

from vieclam.applications.models import Application
from vieclam.casework.models import CaseAssignment, CounsellingSession, GroupSession
from vieclam.coding.normalize import names_place
from vieclam.connections.models import Connection
from vieclam.demo.generate import demo_generate, persons_for
from vieclam.employers.models import Employer
from vieclam.employers.taxcode import parse
from vieclam.fairs.models import Fair
from vieclam.people import cccd
from vieclam.people.models import Household, Person
from vieclam.places.models import AdministrativeUnit
from vieclam.seekers.models import JobSeekerProfile
from vieclam.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def province(db):
    return AdministrativeUnit.objects.get(edition="post_2025_07", level="province", code="80")


def snapshot():
    return list(
        Person.objects.order_by("pk").values_list("national_id", "full_name", "date_of_birth", "activity_status")
    )


def test_same_seed_gives_the_same_province(province, django_db_blocker):
    demo_generate(province=province, persons=600, seed=7)
    first = snapshot()
    from vieclam.abroad.models import Journey, Programme, ServiceEnterprise
    from vieclam.loans.models import Loan
    from vieclam.training.models import Course, Enrolment, Provider, TrainingClass

    for model in (
        Loan,
        Journey,
        Programme,
        ServiceEnterprise,
        Enrolment,
        TrainingClass,
        Course,
        Provider,
        Fair,
        Connection,
        CounsellingSession,
        GroupSession,
        CaseAssignment,
        Application,
        JobSeekerProfile,
        Vacancy,
        Person,
        Household,
        Employer,
    ):
        model.objects.all().delete()
    demo_generate(province=province, persons=600, seed=7)
    assert [row[1:] for row in snapshot()] == [row[1:] for row in first]


def test_generated_people_are_valid_and_live_in_the_province(province):
    stats = demo_generate(province=province, persons=2000, seed=1)
    assert stats["persons"] == 2000 and Person.objects.count() == 2000
    for person in Person.objects.select_related("residence_commune"):
        assert cccd.check_against(person.national_id, date_of_birth=person.date_of_birth, sex=person.sex) == []
        assert person.residence_commune.province_id == province.pk
    assert all(parse(e.tax_code) for e in Employer.objects.all())


def test_poverty_rates_look_like_the_seeds(province):
    demo_generate(province=province, persons=5000, seed=3)
    households = Household.objects.count()
    poor = Household.objects.filter(poverty_class="poor").count() / households
    near = Household.objects.filter(poverty_class="near_poor").count() / households
    assert 0.01 <= poor <= 0.06 and 0.04 <= near <= 0.10


def test_labour_records_only_from_age_15(province):
    demo_generate(province=province, persons=1500, seed=5)
    from vieclam.core.dates import today

    for person in Person.objects.exclude(activity_status=""):
        assert person.age_on(today()) >= 15


def test_commune_officer_sees_only_their_commune_of_the_demo(province, cast, api_as):
    demo_generate(province=province, persons=1500, seed=9)
    rows = api_as(cast["commune_a"]).get("/api/v1/persons/", {"page_size": 500}).json()
    communes = {r["residence_commune"] for r in rows["results"]}
    assert communes <= {"25459"}
    assert api_as(cast["province_a"]).get("/api/v1/persons/").json()["count"] == 1500


@pytest.mark.parametrize(("size", "persons"), [("small", 5000), ("province", 1_000_000), ("1234", 1234)])
def test_sizes(size, persons):
    assert persons_for(size) == persons


def test_bad_size_is_refused():
    with pytest.raises(ValueError, match="--size"):
        persons_for("huge")


def test_vacancies_have_real_titles_and_pass_the_model_rules(province):
    from vieclam.core.refdata import read_csv
    from vieclam.demo.jobs import DATA
    from vieclam.vacancies.models import Vacancy

    demo_generate(province=province, persons=5000, seed=11)
    real_titles = {r["title"][:200] for r in read_csv(DATA / "job_titles.csv")}
    vacancies = list(Vacancy.objects.select_related("occupation", "workplace_commune", "employer"))
    assert vacancies and all(v.title in real_titles and v.occupation.level == 4 for v in vacancies)
    assert {v.workplace_commune.province_id for v in vacancies} - {province.pk}, "some jobs are outside the province"
    for vacancy in vacancies[:50]:
        vacancy.full_clean()


def test_a_title_that_names_a_place_stays_in_that_province(province):
    from vieclam.core.refdata import read_csv
    from vieclam.demo.jobs import DATA, place_key
    from vieclam.places.loader import DATA as PLACES_DATA

    demo_generate(province=province, persons=5000, seed=11)
    old_to_new = read_csv(PLACES_DATA / "mapping_2025/province_old_to_new.csv")
    new_code = {place_key(r["old_province_name"]): r["new_province_code"] for r in old_to_new}
    rows = read_csv(DATA / "job_titles.csv")
    placed = {r["title"][:200]: new_code.get(place_key(r["location"]), "") for r in rows if names_place(r["title"])}
    vacancies = Vacancy.objects.filter(title__in=placed).select_related("workplace_commune__province")
    assert vacancies, "the demo keeps real titles with places for employers of that place"
    for vacancy in vacancies:
        assert vacancy.workplace_commune.province.code == placed[vacancy.title], vacancy.title


def test_job_seekers_are_adults_of_the_province(province):
    from vieclam.core.dates import today
    from vieclam.seekers.models import JobSeekerProfile

    demo_generate(province=province, persons=5000, seed=12)
    profiles = list(JobSeekerProfile.objects.select_related("person__residence_commune"))
    assert profiles
    for profile in profiles:
        assert profile.person.age_on(today()) >= 15
        assert profile.person.residence_commune.province_id == province.pk
    for profile in profiles[:30]:
        profile.full_clean()


def test_demo_roles_browse_their_own_scope(province, client):
    from vieclam.demo.users import demo_accounts_link, demo_users_create

    demo_generate(province=province, persons=3000, seed=21)
    users = {u.username: u for u, _ in demo_users_create(province_code="80", password="x-demo-pass-2026")}
    demo_accounts_link(province=province)
    staff_pages = ["/people/", "/people/households/", "/employers/", "/vacancies/", "/seekers/", "/audit/"]
    for name in ["demo-admin", "demo-province", "demo-commune"]:
        client.force_login(users[name])
        for url in staff_pages:
            assert client.get(url).status_code == 200, (name, url)
    client.force_login(users["demo-commune"])
    page = client.get("/people/").content.decode()
    commune = users["demo-commune"].areas.get()
    assert commune.name in page
    assert users["demo-employer"].employers.exists()
    assert Person.objects.filter(account=users["demo-worker"]).exists()
    for name in ["demo-employer", "demo-worker"]:
        client.force_login(users[name])
        assert client.get("/people/").status_code == 403
