"""Journeys abroad through the services: each step dated, in order, audited; bad input names the field and writes
nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from vieclam.abroad import services
from vieclam.abroad.choices import JourneyState, ReturnKind
from vieclam.abroad.models import Journey, JourneyEvent, JourneySupport, SupportNorm
from vieclam.abroad.tests.factories import a_person, depart, make_enterprise, make_journey, make_programme
from vieclam.core.models import AuditEvent
from vieclam.people.services import household_add_member, household_create

pytestmark = pytest.mark.django_db
D = dt.date


def audits(instance) -> list[str]:
    ct = ContentType.objects.get_for_model(instance)
    return list(
        AuditEvent.objects.filter(content_type=ct, object_id=str(instance.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_a_journey_goes_from_registration_to_back_in_work_each_step_dated_and_audited(cast):
    officer = cast["commune_a"]
    journey = make_journey(officer, registered_on=D(2023, 1, 10))
    assert (journey.country.code, journey.contract_months, journey.state) == ("JP", 36, JourneyState.REGISTERED)
    journey = depart(officer, journey, D(2023, 6, 1))
    assert journey.departed_on == D(2023, 6, 1) and journey.expected_return_on == D(2026, 6, 1)
    journey = services.journey_advance(actor=officer, journey=journey, state="working", on=D(2023, 6, 15))
    journey = services.journey_advance(actor=officer, journey=journey, state="returned", on=D(2026, 6, 2))
    assert journey.return_kind == ReturnKind.ON_TIME
    journey = services.journey_advance(actor=officer, journey=journey, state="back_in_work", on=D(2026, 7, 1))
    states = list(JourneyEvent.objects.filter(journey=journey).values_list("state", flat=True))
    assert states == ["registered", "selected", "training", "contract", "departed", "working", "returned",
                      "back_in_work"]  # fmt: skip
    assert audits(journey) == ["create"] + ["update"] * 7


def test_an_early_return_needs_its_reason_and_is_marked_early(cast):
    officer = cast["commune_a"]
    journey = depart(officer, make_journey(officer), D(2023, 6, 1))
    with pytest.raises(ValidationError) as exc:
        services.journey_advance(actor=officer, journey=journey, state="returned", on=D(2024, 1, 5))
    assert "lý do" in exc.value.message_dict["return_reason"][0]
    journey = services.journey_advance(actor=officer, journey=journey, state="returned", on=D(2024, 1, 5),
                                       data={"return_reason": "Ốm đau"})  # fmt: skip
    assert (journey.return_kind, journey.return_reason) == (ReturnKind.EARLY, "Ốm đau")


def test_a_person_under_18_cannot_register(cast):
    officer = cast["commune_a"]
    young = a_person(officer, born=D(2006, 5, 1))
    with pytest.raises(ValidationError) as exc:
        make_journey(officer, person=young, registered_on=D(2024, 1, 10))
    assert "chưa đủ 18 tuổi vào ngày đăng ký 10/01/2024" in exc.value.message_dict["registered_on"][0]
    assert not Journey.objects.filter(person=young).exists()


def test_a_departure_before_the_contract_is_refused_and_nothing_is_written(cast):
    officer = cast["commune_a"]
    journey = make_journey(officer)
    for state, day in (("selected", D(2023, 2, 1)), ("training", D(2023, 3, 1))):
        journey = services.journey_advance(actor=officer, journey=journey, state=state, on=day)
    with pytest.raises(ValidationError) as exc:
        services.journey_advance(actor=officer, journey=journey, state="departed", on=D(2023, 4, 1))
    assert exc.value.message_dict["on"] == ["Chưa ký hợp đồng: chưa ghi được ngày xuất cảnh."]
    journey = services.journey_advance(actor=officer, journey=journey, state="contract", on=D(2023, 5, 1))
    with pytest.raises(ValidationError) as exc:
        services.journey_advance(actor=officer, journey=journey, state="departed", on=D(2023, 4, 20))
    assert "trước ngày ký hợp đồng 01/05/2023" in exc.value.message_dict["on"][-1]
    journey.refresh_from_db()
    assert journey.departed_on is None and journey.state == "contract"
    assert not JourneyEvent.objects.filter(journey=journey, state="departed").exists()


def test_a_return_before_the_departure_is_refused(cast):
    officer = cast["commune_a"]
    journey = depart(officer, make_journey(officer), D(2023, 6, 1))
    with pytest.raises(ValidationError) as exc:
        services.journey_advance(actor=officer, journey=journey, state="returned", on=D(2023, 6, 1),
                                 data={"return_reason": "x"})  # fmt: skip
    assert exc.value.message_dict["on"] == ["Ngày về nước 01/06/2023 phải sau ngày xuất cảnh 01/06/2023."]


def test_a_step_out_of_order_is_refused_naming_the_steps(cast):
    officer = cast["commune_a"]
    journey = make_journey(officer)
    with pytest.raises(ValidationError) as exc:
        services.journey_advance(actor=officer, journey=journey, state="training", on=D(2023, 2, 1))
    message = exc.value.message_dict["state"][0]
    assert "Không chuyển được từ bước “Đăng ký đi làm việc ở nước ngoài” sang" in message
    with pytest.raises(ValidationError) as exc:
        services.journey_advance(actor=officer, journey=journey, state="returned", on=D(2023, 2, 1))
    assert exc.value.message_dict["on"] == ["Chưa xuất cảnh: chưa ghi được ngày về nước."]
    with pytest.raises(ValidationError) as exc:
        services.journey_advance(actor=officer, journey=journey, state="selected", on=D(2023, 1, 1))
    assert "trước ngày của bước trước" in exc.value.message_dict["on"][0]


def test_a_second_open_journey_of_the_same_person_is_refused(cast):
    officer = cast["commune_a"]
    journey = make_journey(officer)
    with pytest.raises(ValidationError) as exc:
        make_journey(officer, person=journey.person, registered_on=D(2023, 2, 1))
    assert "chưa kết thúc" in exc.value.message_dict["person"][0]


def test_an_officer_cannot_register_or_move_a_person_of_another_commune(cast):
    journey = make_journey(cast["commune_a"])
    with pytest.raises(ValidationError) as exc:
        make_journey(cast["commune_b"], person=a_person(cast["commune_a"]), programme=journey.programme)
    assert "ngoài địa bàn" in exc.value.message_dict["person"][0]
    with pytest.raises(PermissionDenied):
        services.journey_advance(actor=cast["commune_b"], journey=journey, state="selected", on=D(2023, 2, 1))


def test_a_commune_officer_cannot_edit_the_enterprise_registry_and_a_bad_tax_code_is_named(cast):
    with pytest.raises(PermissionDenied):
        make_enterprise(cast["commune_a"])
    with pytest.raises(ValidationError) as exc:
        make_enterprise(cast["province_a"], tax_code="12AB")
    assert "tax_code" in exc.value.message_dict


def test_a_programme_of_an_enterprise_whose_licence_was_revoked_is_refused(cast):
    enterprise = make_enterprise(cast["province_a"], licence_revoked_on=D(2021, 12, 31))
    with pytest.raises(ValidationError) as exc:
        make_programme(cast["province_a"], enterprise=enterprise)
    assert "không có giấy phép còn hiệu lực" in exc.value.message_dict["enterprise"][0]


def _poor_person(actor):
    household = household_create(actor=actor, commune="25459")
    person = a_person(actor)
    household_add_member(actor=actor, household=household, person=person, relationship="head")
    household.poverty_class = "poor"
    household.save(update_fields=["poverty_class"])
    return person


def test_support_within_the_dated_norm_is_recorded_and_above_it_is_refused(cast):
    officer = cast["commune_a"]
    journey = make_journey(officer, person=_poor_person(officer))
    norm = SupportNorm.objects.get(code="luat69_ngoai_ngu_ngheo")
    with pytest.raises(ValidationError) as exc:
        services.journey_support_add(actor=officer, journey=journey, norm=norm, amount=norm.max_amount + 1,
                                     granted_on=D(2023, 2, 1))  # fmt: skip
    assert "vượt mức tối đa 3.000.000 đồng" in exc.value.message_dict["amount"][0]
    assert not JourneySupport.objects.exists()
    support = services.journey_support_add(actor=officer, journey=journey, norm=norm, amount=2_500_000,
                                           granted_on=D(2023, 2, 1))  # fmt: skip
    assert audits(support) == ["create"]
    loan = SupportNorm.objects.get(code="nd61_vay_xkld")
    with pytest.raises(ValidationError) as exc:  # 100% of the programme's 100.000.000 cost to the worker
        services.journey_support_add(actor=officer, journey=journey, norm=loan, amount=120_000_000,
                                     granted_on=D(2023, 2, 1))  # fmt: skip
    assert "100.000.000" in exc.value.message_dict["amount"][0]


def test_support_for_a_group_the_person_is_not_in_or_out_of_its_dates_is_refused(cast):
    officer = cast["commune_a"]
    journey = make_journey(officer)
    norm = SupportNorm.objects.get(code="luat69_ngoai_ngu_ngheo")
    with pytest.raises(ValidationError) as exc:
        services.journey_support_add(actor=officer, journey=journey, norm=norm, amount=1, granted_on=D(2023, 2, 1))
    assert "không thuộc đối tượng" in exc.value.message_dict["norm"][0]
    with pytest.raises(ValidationError) as exc:
        services.journey_support_add(actor=officer, journey=journey, norm=norm, amount=1, granted_on=D(2021, 2, 1))
    assert "không có hiệu lực" in exc.value.message_dict["norm"][0]


def test_the_reference_data_loads_once_and_a_second_run_changes_nothing():
    from vieclam.abroad.loader import load_abroad_reference
    from vieclam.abroad.models import Country, EligibilityRule

    assert set(load_abroad_reference().values()) == {0}
    assert Country.objects.get(code="KR").name_vi == "Hàn Quốc"
    assert EligibilityRule.objects.get().min_age == 18
    unverified = SupportNorm.objects.filter(verified=False).count()
    assert unverified == SupportNorm.objects.count() > 0  # every amount still to be checked against the text
