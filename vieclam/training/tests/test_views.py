import pytest
from django.test import Client

from vieclam.training import services
from vieclam.training.models import Enrolment, TrainingClass
from vieclam.training.tests.factories import START, a_person, make_class, make_course, make_provider

pytestmark = pytest.mark.django_db


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_communes(cast):
    """A class in Tân Ninh with a trainee from Tân Ninh and one from Bình Minh (same province)."""
    officer = cast["province_a"]
    klass = make_class(officer, code="TN-01")
    here = a_person(officer, name="Người Tân Ninh")
    there = a_person(officer, name="Người Bình Minh", commune_code="25480")
    services.enrolments_create(actor=officer, training_class=klass, rows=[(here, {}), (there, {})])
    other = make_class(cast["province_b"], commune_code="00004", code="HN-01")
    return klass, other


def test_the_class_list_shows_words_and_exports(cast, two_communes):
    client = client_of(cast["province_a"])
    page = client.get("/training/").content.decode()
    assert "May công nghiệp" in page and "Phi nông nghiệp" in page and "Sơ cấp" in page and "2 / 30" in page
    assert ">phi_nong_nghiep<" not in page and "HN-01" not in page
    export = client.get("/training/", {"export": "csv"}).getvalue().decode("utf-8-sig")
    assert "TN-01" in export and "Hỗ trợ từ chương trình" in export and "HN-01" not in export
    xlsx = client.get("/training/enrolments/", {"export": "xlsx"})
    assert (
        xlsx.status_code == 200 and b"".join(xlsx.streaming_content if xlsx.streaming else [xlsx.content])[:2] == b"PK"
    )


def test_a_commune_officer_sees_only_the_trainees_of_their_commune(cast, two_communes):
    klass, other = two_communes
    client = client_of(cast["commune_a"])
    page = client.get("/training/enrolments/").content.decode()
    assert "Người Tân Ninh" in page and "Người Bình Minh" not in page
    detail = client.get(f"/training/{klass.pk}/").content.decode()
    assert "Người Tân Ninh" in detail and "Người Bình Minh" not in detail
    assert client.get(f"/training/{other.pk}/").status_code == 404
    rows = client.get("/training/enrolments/", {"field": "phi_nong_nghiep"}).context["page"].object_list
    assert [row.person.full_name for row in rows] == ["Người Tân Ninh"]


def test_a_class_is_opened_from_the_form_with_pickers(cast):
    officer = cast["province_a"]
    course, provider = make_course(officer), make_provider(officer)
    data = {"course": course.pk, "provider": provider.pk, "venue_commune": "25459", "start_date": "02/03/2026",
            "end_date": "30/04/2026", "capacity": "25", "funding": "self_funded"}  # fmt: skip
    response = client_of(officer).post("/training/new/", data)
    klass = TrainingClass.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/training/{klass.pk}/"
    assert klass.funding == "self_funded" and klass.capacity == 25
    data["end_date"] = "01/03/2026"
    response = client_of(officer).post("/training/new/", data)
    assert response.status_code == 200 and "Ngày kết thúc 01/03/2026 trước ngày khai giảng 02/03/2026." in (
        response.content.decode()
    )


def test_a_person_is_enrolled_and_completes_from_the_class_page(cast):
    officer = cast["counsellor_a"]
    klass, person = make_class(officer), a_person(officer, name="Phạm Thị Nghề")
    client = client_of(officer)
    response = client.post(f"/training/{klass.pk}/", {"person": person.pk, "support_amount": ""})
    assert response.status_code == 302
    enrolment = Enrolment.objects.get()
    response = client.post(f"/training/enrolments/{enrolment.pk}/status/",
                           {"status": "completed", "on": "01/03/2026", "certificate_number": "SC-1"})  # fmt: skip
    page = client.get(response["Location"]).content.decode()
    assert "Ngày hoàn thành 01/03/2026 trước ngày khai giảng 02/03/2026." in page
    client.post(f"/training/enrolments/{enrolment.pk}/status/",
                {"status": "completed", "on": "30/04/2026", "certificate_number": "SC-1"})  # fmt: skip
    enrolment.refresh_from_db()
    assert enrolment.status == "completed" and enrolment.completed_on.strftime("%d/%m/%Y") == "30/04/2026"
    response = client.post(f"/training/{klass.pk}/", {"person": person.pk})
    assert response.status_code == 200 and "Phạm Thị Nghề đã có tên trong lớp này." in response.content.decode()
    assert START.year == 2026


def test_providers_and_courses_are_added_with_an_occupation_picker(cast):
    from vieclam.training.models import Course, Provider
    from vieclam.training.tests.factories import occupation

    officer = cast["province_a"]
    client = client_of(officer)
    first, second = occupation(0), occupation(1)
    response = client.post("/training/providers/new/", {"name": "Trường Cao đẳng nghề Tây Ninh", "kind": "college",
                                                       "commune": "25459", "occupation": first.code})  # fmt: skip
    provider = Provider.objects.get()
    assert response.status_code == 302 and list(provider.occupations.all()) == [first]
    client.post(f"/training/providers/{provider.pk}/", {"occupation": second.code})
    assert set(provider.occupations.all()) == {first, second}
    response = client.post(f"/training/providers/{provider.pk}/", {"occupation": second.code})
    assert "đã được cấp phép đào tạo nghề" in response.content.decode()
    response = client.post("/training/courses/new/", {"name": "Hàn điện", "occupation": first.code, "level": "so_cap",
                                                     "field": "phi_nong_nghiep", "duration_days": "90",
                                                     "cost_norm": "3.500.000"})  # fmt: skip
    assert response.status_code == 302 and Course.objects.get().cost_norm == 3_500_000
    page = client.get("/training/providers/").content.decode()
    assert "Trường Cao đẳng nghề Tây Ninh" in page and "Hàn điện" in page and "Sơ cấp" in page


def test_the_demand_page_shows_the_unmet_demand_of_the_year(cast):
    from vieclam.training.tests.factories import occupation

    officer = cast["province_a"]
    wish = {"occupation": occupation(), "source": "counselling", "recorded_on": START}
    services.interest_record(actor=officer, person=a_person(officer), data=wish)
    page = client_of(officer).get("/training/demand/", {"year": "2026"}).content.decode()
    assert "Nhu cầu học nghề năm 2026" in page and occupation().name_vi in page and "Phường Tân Ninh" in page
    assert client_of(officer).get("/training/demand/", {"year": "abc"}).status_code == 200
    person = a_person(officer, name="Võ Văn Muốn")
    response = client_of(officer).post("/training/demand/", {"person": person.pk, "occupation": occupation().code,
                                                            "source": "fair", "recorded_on": "05/03/2026"})  # fmt: skip
    assert response.status_code == 302 and response["Location"] == "/training/demand/?year=2026"
    assert person.training_interests.get().source == "fair"


def test_the_lists_read_a_fixed_number_of_queries(cast, django_assert_max_num_queries):
    officer = cast["province_a"]
    client = client_of(officer)
    klass = make_class(officer)
    services.enrolments_create(actor=officer, training_class=klass, rows=[(a_person(officer), {})])
    for url in ("/training/", "/training/enrolments/", f"/training/{klass.pk}/"):
        client.get(url)  # warm the session and the scope
        with django_assert_max_num_queries(30) as few:
            client.get(url)
        more = make_class(officer)
        services.enrolments_create(actor=officer, training_class=more, rows=[(a_person(officer), {}) for _ in range(4)])
        services.enrolments_create(
            actor=officer, training_class=klass, rows=[(a_person(officer), {}) for _ in range(3)]
        )
        with django_assert_max_num_queries(30) as many:
            client.get(url)
        assert len(many.captured_queries) == len(few.captured_queries), url


def test_a_trainees_status_menu_offers_only_the_steps_that_may_follow(cast):
    officer = cast["counsellor_a"]
    klass, person = make_class(officer), a_person(officer, name="Phạm Thị Đang Học")
    client = client_of(officer)
    client.post(f"/training/{klass.pk}/", {"person": person.pk})
    enrolment = Enrolment.objects.get()
    page = client.get(f"/training/{klass.pk}/").content.decode()
    assert '<option value="attending">Đang học</option>' in page
    client.post(f"/training/enrolments/{enrolment.pk}/status/", {"status": "attending", "on": "02/03/2026"})
    page = client.get(f"/training/{klass.pk}/").content.decode()
    assert '<option value="attending">' not in page
    assert '<option value="completed">Hoàn thành, được cấp chứng chỉ</option>' in page
    assert '<option value="dropped">Bỏ học</option>' in page
    client.post(f"/training/enrolments/{enrolment.pk}/status/",
                {"status": "completed", "on": "30/04/2026", "certificate_number": "SC-2"})  # fmt: skip
    page = client.get(f"/training/{klass.pk}/").content.decode()
    assert 'name="status"' not in page
