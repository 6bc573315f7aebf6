"""vacancies.services called directly: field rules, status transitions, expiry, areas, audit values."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vieclam.core.models import AuditEvent
from vieclam.employers.tests.factories import commune, make_employer
from vieclam.places.models import AdministrativeUnit
from vieclam.vacancies import services
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.tests.factories import in_days, make_vacancy, occupation

pytestmark = pytest.mark.django_db

REASON = "Điều 160 Bộ luật Lao động 2019: công việc không được sử dụng người lao động chưa thành niên."


def events(vacancy, action):
    return AuditEvent.objects.filter(content_type__model="vacancy", object_id=str(vacancy.pk), action=action)


def errors_of(call) -> dict:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.message_dict


def nothing_written():
    return not Vacancy.objects.exists() and not AuditEvent.objects.filter(content_type__model="vacancy").exists()


#
# Create: field rules
#
def test_create_records_a_draft_with_search_text_and_an_audit_event(cast):
    vacancy = make_vacancy(cast["province_a"])
    assert vacancy.status == "draft" and vacancy.exchange_province.code == "80"
    assert "ke toan tong hop" in vacancy.search_text and "cong ty tnhh mau" in vacancy.search_text
    event = events(vacancy, "create").get()
    assert event.area == vacancy.workplace_commune and event.actor == cast["province_a"]
    assert event.changes["occupation"] == [None, "2411"] and event.changes["pay_min"] == [None, 8_000_000]


def test_occupation_of_level_5_is_refused(cast):
    employer = make_employer(cast["admin"])
    errors = errors_of(lambda: make_vacancy(cast["admin"], employer=employer, occupation=occupation("24111")))
    assert set(errors) == {"occupation"} and "cấp 5" in errors["occupation"][0] and "2411" in errors["occupation"][0]
    assert not Vacancy.objects.exists()


@pytest.mark.parametrize("code", ["2", "24", "241"])
def test_occupation_of_levels_1_to_3_is_refused(cast, code):
    errors = errors_of(lambda: make_vacancy(cast["admin"], occupation=occupation(code)))
    assert set(errors) == {"occupation"} and f"cấp {len(code)}" in errors["occupation"][0]


def test_pay_min_above_pay_max_is_refused(cast):
    employer = make_employer(cast["admin"])
    errors = errors_of(lambda: make_vacancy(cast["admin"], employer=employer, pay_min=15_000_000, pay_max=9_000_000))
    assert set(errors) == {"pay_min"} and "15.000.000" in errors["pay_min"][0]
    assert not Vacancy.objects.exists()


def test_some_pay_information_is_required(cast):
    employer = make_employer(cast["admin"])
    errors = errors_of(lambda: make_vacancy(cast["admin"], employer=employer, pay_min=None, pay_max=None))
    assert set(errors) == {"pay_min"} and "thỏa thuận" in errors["pay_min"][0]
    assert make_vacancy(cast["admin"], employer=employer, pay_min=None, pay_max=None, pay_negotiable=True).pk
    band = make_vacancy(cast["admin"], employer=employer, pay_min=None, pay_max=None, pay_band="luong_thang_5_10_trieu")
    assert band.pay_band == "luong_thang_5_10_trieu"


@pytest.mark.parametrize(("field", "value"), [("age_min", 18), ("age_max", 35), ("sex_required", "male")])
def test_age_or_sex_restriction_without_a_legal_ground_is_refused(cast, field, value):
    employer = make_employer(cast["admin"])
    errors = errors_of(lambda: make_vacancy(cast["admin"], employer=employer, **{field: value}))
    assert set(errors) == {field} and "căn cứ pháp lý" in errors[field][0]
    assert not Vacancy.objects.exists()


def test_age_and_sex_restriction_with_a_legal_ground_is_accepted(cast):
    vacancy = make_vacancy(cast["admin"], age_min=18, age_max=35, sex_required="male", restriction_reason=REASON)
    assert (vacancy.age_min, vacancy.age_max, vacancy.sex_required) == (18, 35, "male")
    assert events(vacancy, "create").get().changes["restriction_reason"] == [None, REASON]


def test_age_range_must_be_ordered_and_of_working_age(cast):
    employer = make_employer(cast["admin"])
    errors = errors_of(
        lambda: make_vacancy(cast["admin"], employer=employer, age_min=40, age_max=30, restriction_reason=REASON)
    )
    assert set(errors) == {"age_min"}
    errors = errors_of(lambda: make_vacancy(cast["admin"], employer=employer, age_min=12, restriction_reason=REASON))
    assert set(errors) == {"age_min"}


def test_item_codes_must_be_in_their_list(cast):
    employer = make_employer(cast["admin"])
    bad = {"education_level": "dai_hoc", "contract_type": "xyz", "working_time": "toan_thoi_gian", "experience": "x"}
    errors = errors_of(lambda: make_vacancy(cast["admin"], employer=employer, **bad))
    assert set(errors) == {"education_level", "contract_type", "experience"}
    good = {"technical_level": "dai_hoc", "contract_type": "xac_dinh_12_den_36_thang", "position": "nhan_vien"}
    assert make_vacancy(cast["admin"], employer=employer, **good).technical_level == "dai_hoc"


def test_seasonal_contract_is_refused_under_the_2019_labour_code(cast):
    employer = make_employer(cast["admin"])
    errors = errors_of(lambda: make_vacancy(cast["admin"], employer=employer, contract_type="mua_vu"))
    assert "mùa vụ" in errors["contract_type"][0]


def test_languages_skills_and_benefits_are_checked_lists(cast):
    employer = make_employer(cast["admin"])
    bad = {"languages": [{"language": "Tiếng Anh", "level": "gioi"}], "skills": ["Excel", ""], "benefits": "BHXH"}
    errors = errors_of(lambda: make_vacancy(cast["admin"], employer=employer, **bad))
    assert set(errors) == {"languages", "benefits"}  # the empty skill is dropped
    good = {"languages": [{"language": " Tiếng Anh ", "level": "fair"}], "skills": [" Excel "], "benefits": ["BHXH"]}
    vacancy = make_vacancy(cast["admin"], employer=employer, **good)
    assert vacancy.languages == [{"language": "Tiếng Anh", "level": "fair"}] and vacancy.skills == ["Excel"]


def test_workplace_may_be_in_another_province_but_must_be_a_commune_in_force(cast):
    tay_ninh_employer = make_employer(cast["province_a"])
    vacancy = make_vacancy(cast["province_a"], employer=tay_ninh_employer, commune_code="00004")  # job in Hà Nội
    assert vacancy.workplace_commune.province.code == "01" and vacancy.exchange_province.code == "80"
    old = AdministrativeUnit.objects.get(edition="pre_2025_07", level="commune", code="25456")
    errors = errors_of(lambda: make_vacancy(cast["admin"], workplace_commune=old))
    assert "không còn hiệu lực" in errors["workplace_commune"][0]


def test_exchange_defaults_to_the_workplace_province_for_an_administrator(cast):
    assert make_vacancy(cast["admin"], commune_code="00004").exchange_province.code == "01"


def test_exchange_outside_the_actors_provinces_is_refused(cast):
    employer = make_employer(cast["admin"])
    hanoi = AdministrativeUnit.objects.get(edition="post_2025_07", level="province", code="01")
    errors = errors_of(lambda: make_vacancy(cast["province_a"], employer=employer, exchange_province=hanoi))
    assert set(errors) == {"exchange_province"}


def test_commune_officers_cannot_record_vacancies_for_the_province_exchange(cast):
    employer = make_employer(cast["commune_a"])
    errors = errors_of(lambda: make_vacancy(cast["commune_a"], employer=employer))
    assert set(errors) == {"exchange_province"} and "Tây Ninh" in errors["exchange_province"][0]


def test_employer_outside_the_actors_areas_is_refused(cast):
    ba_dinh = make_employer(cast["admin"], commune_code="00004")
    errors = errors_of(lambda: make_vacancy(cast["province_a"], employer=ba_dinh))
    assert set(errors) == {"employer"}


@pytest.mark.parametrize("role", ["employer", "worker"])
def test_non_staff_cannot_create(cast, role):
    employer = make_employer(cast["admin"])
    with pytest.raises(PermissionDenied):
        make_vacancy(cast[role], employer=employer)


def test_open_vacancy_cannot_have_a_deadline_in_the_past(cast):
    employer = make_employer(cast["admin"])
    errors = errors_of(lambda: make_vacancy(cast["admin"], employer=employer, status="open", deadline=in_days(-1)))
    assert set(errors) == {"deadline"} and "đã qua" in errors["deadline"][0]
    draft = make_vacancy(cast["admin"], employer=employer, deadline=in_days(-1))  # a draft may be re-dated later
    assert draft.status == "draft"
    opened = make_vacancy(cast["admin"], employer=employer, status="open", deadline=in_days(0))
    errors = errors_of(
        lambda: services.vacancy_update(actor=cast["admin"], vacancy=opened, data={"deadline": in_days(-3)})
    )
    assert set(errors) == {"deadline"}


def test_an_open_vacancy_whose_deadline_has_passed_can_still_be_edited(cast):
    vacancy = make_vacancy(cast["admin"], status="open", deadline=in_days(0))
    Vacancy.objects.filter(pk=vacancy.pk).update(deadline=in_days(-5))  # time passes; the daily job has not run
    vacancy.refresh_from_db()
    data = {"title": "Kế toán viên", "deadline": in_days(-5)}  # the unchanged deadline is sent back, as forms do
    assert services.vacancy_update(actor=cast["admin"], vacancy=vacancy, data=data).title == "Kế toán viên"


def test_create_cannot_start_beyond_open(cast):
    errors = errors_of(lambda: make_vacancy(cast["admin"], status="filled"))
    assert set(errors) == {"status"}


#
# Update
#
def test_update_audits_old_and_new_values_by_code(cast):
    vacancy = make_vacancy(cast["province_a"])
    services.vacancy_update(
        actor=cast["counsellor_a"],
        vacancy=vacancy,
        data={"title": "Kế toán trưởng", "positions_count": 1, "workplace_commune": commune("25480")},
    )
    event = events(vacancy, "update").get()
    assert event.changes == {
        "title": ["Kế toán tổng hợp", "Kế toán trưởng"],
        "positions_count": [2, 1],
        "workplace_commune": ["25459", "25480"],
    }
    assert event.actor == cast["counsellor_a"] and event.area.code == "25480"
    assert "ke toan truong" in Vacancy.objects.get().search_text


def test_update_with_an_error_changes_nothing(cast):
    vacancy = make_vacancy(cast["province_a"])
    with pytest.raises(ValidationError):
        services.vacancy_update(actor=cast["province_a"], vacancy=vacancy, data={"title": "Mới", "pay_max": 1})
    vacancy.refresh_from_db()
    assert vacancy.title == "Kế toán tổng hợp" and not events(vacancy, "update").exists()


def test_update_cannot_change_the_status(cast):
    vacancy = make_vacancy(cast["admin"])
    errors = errors_of(lambda: services.vacancy_update(actor=cast["admin"], vacancy=vacancy, data={"status": "open"}))
    assert set(errors) == {"status"}


def test_update_of_a_vacancy_of_another_province_is_refused(cast):
    vacancy = make_vacancy(cast["province_a"])
    with pytest.raises(PermissionDenied):
        services.vacancy_update(actor=cast["province_b"], vacancy=vacancy, data={"title": "X"})


#
# Status
#
def test_allowed_transitions_are_audited(cast):
    vacancy = make_vacancy(cast["province_a"])
    for status in ["open", "expired", "open", "filled"]:
        services.vacancy_set_status(actor=cast["province_a"], vacancy=vacancy, status=status)
    assert Vacancy.objects.get().status == "filled"
    changes = [e.changes["status"] for e in events(vacancy, "update").order_by("pk")]
    assert changes == [["draft", "open"], ["open", "expired"], ["expired", "open"], ["open", "filled"]]


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ([], "filled"),
        ([], "expired"),
        (["open", "filled"], "open"),
        (["closed"], "open"),
        (["open", "closed"], "draft"),
    ],
)
def test_refused_transitions_change_nothing(cast, path, refused):
    vacancy = make_vacancy(cast["admin"])
    for status in path:
        services.vacancy_set_status(actor=cast["admin"], vacancy=vacancy, status=status)
    before = events(vacancy, "update").count()
    errors = errors_of(lambda: services.vacancy_set_status(actor=cast["admin"], vacancy=vacancy, status=refused))
    assert set(errors) == {"status"} and "Không chuyển được" in errors["status"][0]
    assert Vacancy.objects.get().status == (path[-1] if path else "draft")
    assert events(vacancy, "update").count() == before


def test_unknown_or_same_status_is_refused(cast):
    vacancy = make_vacancy(cast["admin"])
    assert (
        "Không có trạng thái"
        in errors_of(lambda: services.vacancy_set_status(actor=cast["admin"], vacancy=vacancy, status="paused"))[
            "status"
        ][0]
    )
    assert (
        "đã ở trạng thái"
        in errors_of(lambda: services.vacancy_set_status(actor=cast["admin"], vacancy=vacancy, status="draft"))[
            "status"
        ][0]
    )


def test_opening_needs_a_deadline_not_in_the_past(cast):
    vacancy = make_vacancy(cast["admin"], deadline=in_days(-2))
    errors = errors_of(lambda: services.vacancy_set_status(actor=cast["admin"], vacancy=vacancy, status="open"))
    assert set(errors) == {"deadline"}
    services.vacancy_update(actor=cast["admin"], vacancy=vacancy, data={"deadline": in_days(10)})
    assert services.vacancy_set_status(actor=cast["admin"], vacancy=vacancy, status="open").status == "open"


#
# Expiry
#
def test_expire_overdue_marks_only_open_vacancies_past_their_deadline(cast):
    admin = cast["admin"]
    employer = make_employer(admin)
    overdue = make_vacancy(admin, employer=employer, title="Quá hạn", status="open", deadline=in_days(1))
    due_today = make_vacancy(admin, employer=employer, title="Hạn hôm nay", status="open", deadline=in_days(2))
    no_deadline = make_vacancy(admin, employer=employer, title="Không hạn", status="open", deadline=None)
    draft = make_vacancy(admin, employer=employer, title="Nháp", deadline=in_days(1))
    filled = make_vacancy(admin, employer=employer, title="Đủ", status="open", deadline=in_days(1))
    services.vacancy_set_status(actor=admin, vacancy=filled, status="filled")

    assert services.vacancy_expire_overdue(in_days(2)) == 1
    statuses = dict(Vacancy.objects.values_list("title", "status"))
    assert statuses == {
        "Quá hạn": "expired",
        "Hạn hôm nay": "open",
        "Không hạn": "open",
        "Nháp": "draft",
        "Đủ": "filled",
    }
    event = events(overdue, "update").get()
    assert event.changes == {"status": ["open", "expired"]} and event.actor is None
    assert event.area == overdue.workplace_commune
    assert services.vacancy_expire_overdue(in_days(2)) == 0  # idempotent
    assert {due_today.pk, no_deadline.pk, draft.pk} & set(
        Vacancy.objects.filter(status="expired").values_list("pk", flat=True)
    ) == set()


def test_the_daily_command_expires_overdue_vacancies_and_refuses_a_bad_date(cast):
    from io import StringIO

    from django.core.management import CommandError, call_command

    admin = cast["admin"]
    overdue = make_vacancy(admin, employer=make_employer(admin), title="Quá hạn", status="open", deadline=in_days(1))
    out = StringIO()
    call_command("expire_vacancies", "--date", in_days(2).isoformat(), stdout=out)
    assert "Expired vacancies: 1" in out.getvalue()
    overdue.refresh_from_db()
    assert overdue.status == "expired"
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("expire_vacancies", "--date", "05/12/2026")
