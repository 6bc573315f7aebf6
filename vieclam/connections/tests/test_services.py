import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from vieclam.connections import services
from vieclam.connections.models import Connection, FollowUp, FundingNorm
from vieclam.connections.rules import add_months
from vieclam.connections.tests.factories import a_person, make_connection, months_ago
from vieclam.core.dates import today
from vieclam.core.models import AuditEvent
from vieclam.employers.tests.factories import make_employer

pytestmark = pytest.mark.django_db


def test_the_funding_norm_is_loaded_with_its_source_and_the_note_for_the_officer():
    norm = FundingNorm.objects.get(code="tt55_2023_ket_noi")
    assert norm.amount == 400_000 and norm.valid_from == dt.date(2023, 8, 15) and norm.valid_to is None
    assert "TT 55/2023/TT-BTC" in norm.legal_source
    assert "TT 60/2026/TT-BTC chưa quy định định mức mới; áp dụng mức TT 55/2023 cho đến khi có hướng dẫn" in norm.note


def test_a_recorded_connection_gets_the_norm_in_force_and_four_follow_ups(cast):
    connection = make_connection(cast["counsellor_a"], start_date=dt.date(2026, 1, 31))
    assert connection.source == "centre" and connection.norm.code == "tt55_2023_ket_noi"
    assert connection.norm_amount == 400_000 and not connection.double_funding_flag
    checks = list(connection.follow_ups.order_by("offset_months").values_list("offset_months", "due_on", "status"))
    assert checks == [
        (1, dt.date(2026, 2, 28), "due"),
        (3, dt.date(2026, 4, 30), "due"),
        (6, dt.date(2026, 7, 31), "due"),
        (12, dt.date(2027, 1, 31), "due"),
    ]
    assert AuditEvent.objects.filter(object_id=str(connection.pk), action="create").exists()


def test_follow_up_offsets_are_a_setting(cast, settings):
    settings.VIECLAM_FOLLOWUP_MONTHS = [2, 6]
    connection = make_connection(cast["counsellor_a"])
    assert sorted(connection.follow_ups.values_list("offset_months", flat=True)) == [2, 6]


def test_before_the_norm_existed_nothing_is_paid(cast):
    connection = make_connection(cast["counsellor_a"], start_date=dt.date(2023, 1, 10))
    assert connection.norm is None and connection.norm_amount == 0


def test_a_connection_without_a_contract_type_is_refused_naming_the_field(cast):
    with pytest.raises(ValidationError) as exc:
        make_connection(cast["counsellor_a"], contract_type="")
    assert exc.value.message_dict["contract_type"] == ["Chưa chọn loại hợp đồng lao động."]
    assert not Connection.objects.exists() and not FollowUp.objects.exists()


def test_a_second_connection_for_the_same_person_employer_and_day_is_refused(cast):
    first = make_connection(cast["counsellor_a"], start_date=dt.date(2026, 3, 1))
    with pytest.raises(ValidationError) as exc:
        make_connection(
            cast["counsellor_a"], person=first.person, employer=first.employer, start_date=dt.date(2026, 3, 1)
        )
    assert exc.value.message_dict["start_date"] == ["Đã có kết nối của người này với đơn vị này từ ngày 01/03/2026."]
    assert Connection.objects.count() == 1 and FollowUp.objects.count() == 4


def test_recording_for_a_person_outside_the_area_is_refused_naming_the_person(cast):
    person = a_person(cast["province_b"], commune="00004")
    with pytest.raises(ValidationError) as exc:
        make_connection(cast["counsellor_a"], person=person)
    assert "ngoài địa bàn bạn phụ trách" in exc.value.message_dict["person"][0]
    assert not Connection.objects.exists()


def test_a_counsellor_of_another_area_cannot_follow_the_connection(cast):
    with pytest.raises(ValidationError) as exc:
        make_connection(cast["counsellor_a"], counsellor=cast["commune_b"])
    assert "không phụ trách địa bàn" in exc.value.message_dict["counsellor"][0]


def test_workers_and_employers_cannot_record_a_connection(cast):
    with pytest.raises(PermissionDenied):
        make_connection(cast["worker"], person=a_person(cast["admin"]), employer=make_employer(cast["admin"]))


def test_a_second_paid_connection_within_twelve_months_is_flagged_and_pays_nothing(cast):
    counsellor = cast["counsellor_a"]
    first = make_connection(counsellor, start_date=dt.date(2026, 1, 10))
    other_employer = make_employer(counsellor, name="Công ty Gỗ Tây Ninh")
    second = make_connection(counsellor, person=first.person, employer=other_employer, start_date=dt.date(2026, 9, 1))
    assert second.double_funding_flag and second.norm_amount == 0
    assert "không chi trùng" in second.double_funding_reason and "10/01/2026" in second.double_funding_reason
    later = make_employer(counsellor, name="Công ty Điện Tây Ninh")
    third = make_connection(counsellor, person=first.person, employer=later, start_date=dt.date(2027, 1, 10))
    assert not third.double_funding_flag and third.norm_amount == 400_000  # a year after the first paid one


def test_unemployment_insurance_funding_is_flagged_and_blocks_a_programme_payment(cast):
    counsellor = cast["counsellor_a"]
    ui = make_connection(counsellor, start_date=dt.date(2026, 2, 1), funding_source="ui_fund")
    assert ui.double_funding_flag and ui.norm_amount == 0 and "bảo hiểm thất nghiệp" in ui.double_funding_reason
    other = make_employer(counsellor, name="Công ty Gỗ")
    paid = make_connection(counsellor, person=ui.person, employer=other, start_date=dt.date(2026, 6, 1))
    assert paid.double_funding_flag and paid.norm_amount == 0


def test_an_unpaid_connection_is_not_flagged(cast):
    connection = make_connection(cast["counsellor_a"], funding_source="none")
    assert connection.norm_amount == 0 and not connection.double_funding_flag


def test_changing_the_funding_source_works_the_amount_out_again(cast):
    connection = make_connection(cast["counsellor_a"], funding_source="none")
    services.connection_set_funding(actor=cast["counsellor_a"], connection=connection, funding_source="local_budget")
    connection.refresh_from_db()
    assert connection.norm_amount == 400_000 and not connection.double_funding_flag
    with pytest.raises(ValidationError) as exc:
        services.connection_set_funding(actor=cast["counsellor_a"], connection=connection, funding_source="x")
    assert "funding_source" in exc.value.message_dict


def record(actor, follow_up, **data):
    return services.followup_record(actor=actor, follow_up=follow_up, data=data)


def test_a_check_dated_before_the_job_started_is_refused_naming_the_field(cast):
    connection = make_connection(cast["counsellor_a"], start_date=dt.date(2026, 1, 31))
    check = connection.follow_ups.get(offset_months=1)
    with pytest.raises(ValidationError) as exc:
        record(cast["counsellor_a"], check, result="same_employer", checked_on=dt.date(2026, 1, 30))
    assert exc.value.message_dict["checked_on"] == ["Ngày kiểm tra 30/01/2026 trước ngày bắt đầu làm việc 31/01/2026."]
    check.refresh_from_db()
    assert check.status == "due" and check.result == ""


def test_a_result_without_a_check_date_is_refused(cast):
    check = make_connection(cast["counsellor_a"]).follow_ups.get(offset_months=1)
    with pytest.raises(ValidationError) as exc:
        record(cast["counsellor_a"], check, result="same_employer")
    assert exc.value.message_dict["checked_on"] == ["Ghi ngày kiểm tra cho kết quả theo dõi."]
    check.refresh_from_db()
    assert check.status == "due"


def test_a_recorded_check_is_done_and_audited(cast):
    check = make_connection(cast["counsellor_a"]).follow_ups.get(offset_months=1)
    record(cast["counsellor_a"], check, result="same_employer", checked_on=today(), has_contract=True)
    check.refresh_from_db()
    assert check.status == "done" and check.has_contract and check.has_social_insurance is False
    assert check.recorded_by == cast["counsellor_a"]
    assert AuditEvent.objects.filter(object_id=str(check.pk), changes__status=["due", "done"]).exists()


def test_a_check_outside_the_actor_area_is_refused(cast):
    check = make_connection(cast["province_b"], commune="00004").follow_ups.get(offset_months=1)
    with pytest.raises(PermissionDenied):
        record(cast["counsellor_a"], check, result="same_employer", checked_on=today())


def test_checks_not_recorded_within_the_grace_period_are_marked_missed_by_the_daily_command(cast, settings):
    settings.VIECLAM_FOLLOWUP_MISSED_DAYS = 30
    start = months_ago(8)
    connection = make_connection(cast["counsellor_a"], start_date=start)
    record(cast["counsellor_a"], connection.follow_ups.get(offset_months=1), result="same_employer",
           checked_on=add_months(start, 1))  # fmt: skip
    day = add_months(start, 6) + dt.timedelta(days=31)
    call_command("mark_missed_followups", "--date", day.isoformat())
    statuses = dict(connection.follow_ups.values_list("offset_months", "status"))
    assert statuses == {1: "done", 3: "missed", 6: "missed", 12: "due"}
    assert services.followups_mark_missed(day) == 0  # a second run changes nothing


def test_a_pay_with_too_many_zeros_is_named(cast):
    with pytest.raises(ValidationError) as exc:
        make_connection(cast["counsellor_a"], monthly_pay=70_000_000_000)
    assert "quá lớn" in exc.value.message_dict["monthly_pay"][0]
    assert not Connection.objects.exists()
