import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vieclam.core.models import AuditEvent
from vieclam.loans.models import Loan, LoanEvent, LoanJobPerson, LoanPolicy, PriorityGroup
from vieclam.loans.services import policy_on
from vieclam.loans.tests.factories import a_person, make_disbursed_loan, make_loan, step

pytestmark = pytest.mark.django_db
D = dt.date


def test_the_ceilings_are_dated_with_their_source_and_marked_unverified():
    old, new = policy_on("nguoi_lao_dong", D(2025, 12, 31)), policy_on("nguoi_lao_dong", D(2026, 1, 1))
    assert old.code == "nd61_nguoi_lao_dong" and old.max_amount == 100_000_000 and "NĐ 61/2015" in old.legal_source
    assert new.code == "nd338_nguoi_lao_dong" and new.max_amount == 200_000_000 and "NĐ 338/2025" in new.legal_source
    business = policy_on("doanh_nghiep", D(2026, 6, 1))
    assert business.max_amount == 10_000_000_000 and business.max_per_job == 200_000_000
    assert not LoanPolicy.objects.filter(verified=True).exists()
    assert PriorityGroup.objects.filter(code="nd338_khuyet_tat", applies_to="person").exists()


def test_an_application_is_recorded_in_the_borrowers_commune_with_the_ceiling_in_force_and_audited(cast):
    loan = make_loan(cast["commune_a"])
    assert loan.status == "da_nop" and loan.commune.code == "25459" and loan.policy.code == "nd338_nguoi_lao_dong"
    assert AuditEvent.objects.filter(object_id=str(loan.pk), action="create").exists()


def test_a_household_business_borrows_through_the_employers_registry(cast):
    owner = a_person(cast["commune_a"])
    loan = make_loan(cast["commune_a"], borrower_kind="ho_kinh_doanh", person=owner, jobs_new=2,
                     amount_requested=300_000_000)  # fmt: skip
    assert loan.employer.name == "Hộ kinh doanh May Tân Ninh" and loan.person == owner


def test_an_amount_above_the_dated_ceiling_for_the_borrower_kind_is_refused_naming_the_field(cast):
    with pytest.raises(ValidationError) as exc:
        make_loan(cast["commune_a"], amount_requested=150_000_000, applied_on=D(2025, 12, 1))
    message = exc.value.message_dict["amount_requested"][0]
    assert "vượt mức vay tối đa 100.000.000 đồng cho người lao động" in message and "NĐ 61/2015" in message
    make_loan(cast["commune_a"], amount_requested=150_000_000, applied_on=D(2026, 1, 2))  # NĐ 338: 200 triệu


def test_an_establishment_is_held_to_the_ceiling_per_worker(cast):
    with pytest.raises(ValidationError) as exc:
        make_loan(cast["commune_a"], borrower_kind="hop_tac_xa", jobs_new=2, amount_requested=500_000_000)
    assert (
        "200.000.000 đồng cho mỗi lao động × 2 lao động = 400.000.000 đồng"
        in (exc.value.message_dict["amount_requested"][0])
    )
    assert not Loan.objects.exists() and not AuditEvent.objects.filter(content_type__model="loan").exists()


def test_a_borrower_outside_the_officers_commune_is_refused(cast):
    person = a_person(cast["admin"], commune="00004")
    with pytest.raises(ValidationError) as exc:
        make_loan(cast["commune_a"], person=person)
    assert "ngoài địa bàn" in exc.value.message_dict["person"][0]


def test_a_worker_cannot_record_a_loan(cast):
    with pytest.raises(PermissionDenied):
        make_loan(cast["worker"], person=a_person(cast["commune_a"]))


def test_a_priority_group_must_be_for_the_borrower_kind_and_in_force(cast):
    business_group = PriorityGroup.objects.get(code="nd338_cs_nhieu_ld_uu_tien")
    with pytest.raises(ValidationError) as exc:
        make_loan(cast["commune_a"], priority_group=business_group)
    assert "không áp dụng cho người lao động" in exc.value.message_dict["priority_group"][0]


def test_the_journey_moves_in_order_and_each_step_is_audited(cast):
    officer = cast["commune_a"]
    loan = make_loan(officer, priority_group=PriorityGroup.objects.get(code="nd338_khuyet_tat"))
    step(officer, loan, "tham_dinh", D(2026, 3, 10))
    approval = step(officer, loan, "phe_duyet", D(2026, 3, 15), amount=70_000_000, term_months=36)
    assert approval.interest_rate == Decimal("6.6")  # the priority rate in force
    step(officer, loan, "giai_ngan", D(2026, 3, 20), amount=50_000_000)
    step(officer, loan, "giai_ngan", D(2026, 4, 20), amount=20_000_000)
    worker = a_person(officer)
    step(officer, loan, "kiem_tra_viec_lam", D(2026, 9, 1), workers=2, persons=[loan.person, worker])
    step(officer, loan, "tra_het_no", D(2026, 11, 30))
    loan.refresh_from_db()
    assert (loan.status, loan.approved_amount, loan.disbursed_amount) == ("da_tra_no", 70_000_000, 70_000_000)
    assert loan.disbursed_on == D(2026, 3, 20) and loan.jobs_created == 2 and loan.term_months == 36
    assert LoanJobPerson.objects.filter(jobs_check__loan=loan).count() == 2
    assert AuditEvent.objects.filter(content_type__model="loanevent").count() == 6


def test_disbursing_above_the_approved_amount_is_refused_and_nothing_is_written(cast):
    officer = cast["commune_a"]
    loan = make_disbursed_loan(officer, amount=80_000_000)
    events = LoanEvent.objects.count()
    with pytest.raises(ValidationError) as exc:
        step(officer, loan, "giai_ngan", D(2026, 4, 2), amount=1_000_000)
    assert exc.value.message_dict["amount"] == [
        "Giải ngân 1.000.000 đồng làm tổng đã giải ngân 81.000.000 đồng vượt số tiền được duyệt 80.000.000 đồng."
    ]
    loan.refresh_from_db()
    assert loan.disbursed_amount == 80_000_000 and LoanEvent.objects.count() == events


def test_disbursing_before_approval_is_refused(cast):
    officer = cast["commune_a"]
    loan = make_loan(officer)
    with pytest.raises(ValidationError) as exc:
        step(officer, loan, "giai_ngan", D(2026, 3, 20), amount=10_000_000)
    assert exc.value.message_dict["kind"] == ["Chưa phê duyệt: chưa giải ngân được."]
    step(officer, loan, "tham_dinh", D(2026, 3, 10))
    step(officer, loan, "phe_duyet", D(2026, 3, 15), amount=70_000_000, term_months=36)
    with pytest.raises(ValidationError) as exc:
        step(officer, loan, "giai_ngan", D(2026, 3, 14), amount=10_000_000)
    assert exc.value.message_dict["on"] == ["Ngày giải ngân 14/03/2026 trước ngày phê duyệt 15/03/2026."]
    assert not LoanEvent.objects.filter(kind="giai_ngan").exists()


def test_approving_above_the_ceiling_or_the_term_is_refused(cast):
    officer = cast["commune_a"]
    loan = make_loan(officer, amount_requested=80_000_000)
    step(officer, loan, "tham_dinh", D(2026, 3, 10))
    with pytest.raises(ValidationError) as exc:
        step(officer, loan, "phe_duyet", D(2026, 3, 15), amount=90_000_000, term_months=130)
    errors = exc.value.message_dict
    assert errors["amount"] == ["Số tiền duyệt 90.000.000 đồng lớn hơn số tiền đề nghị vay 80.000.000 đồng."]
    assert errors["term_months"][0].startswith("Thời hạn vay từ 1 đến 120 tháng")


def test_a_jobs_check_before_disbursement_or_with_negative_workers_is_refused(cast):
    officer = cast["commune_a"]
    loan = make_loan(officer)
    with pytest.raises(ValidationError) as exc:
        step(officer, loan, "kiem_tra_viec_lam", D(2026, 3, 20), workers=1)
    assert exc.value.message_dict["kind"] == ["Chưa giải ngân: chưa kiểm tra được việc làm do khoản vay tạo ra."]
    loan = make_disbursed_loan(officer)
    with pytest.raises(ValidationError) as exc:
        step(officer, loan, "kiem_tra_viec_lam", D(2026, 5, 1), workers=-1)
    assert exc.value.message_dict["workers"] == ["Không được âm."]
    with pytest.raises(ValidationError) as exc:
        step(officer, loan, "kiem_tra_viec_lam", D(2026, 3, 31), workers=1)
    assert exc.value.message_dict["on"] == ["Ngày kiểm tra 31/03/2026 trước ngày giải ngân 01/04/2026."]
    step(officer, loan, "kiem_tra_viec_lam", D(2026, 5, 1), workers=1)
    with pytest.raises(ValidationError) as exc:
        step(officer, loan, "kiem_tra_viec_lam", D(2026, 6, 1), workers=1)
    assert exc.value.message_dict["kind"] == ["Đã có lần kiểm tra việc làm của khoản vay này."]


def test_a_step_out_of_order_is_refused_naming_the_status(cast):
    officer = cast["commune_a"]
    loan = make_loan(officer)
    with pytest.raises(ValidationError) as exc:
        step(officer, loan, "tra_het_no", D(2026, 3, 20))
    assert exc.value.message_dict["kind"] == [
        "Không ghi được “Trả hết nợ” khi khoản vay đang ở trạng thái “Đã nộp hồ sơ”."
    ]
    with pytest.raises(ValidationError) as exc:
        step(officer, loan, "tham_dinh", D(2026, 3, 1))
    assert exc.value.message_dict["on"] == ["Ngày 01/03/2026 trước bước trước đó (nộp hồ sơ, ngày 02/03/2026)."]


def test_an_officer_of_another_commune_cannot_record_a_step(cast):
    loan = make_loan(cast["commune_a"])
    with pytest.raises(PermissionDenied):
        step(cast["commune_b"], loan, "tham_dinh", D(2026, 3, 10))


def test_an_establishment_must_be_of_a_type_that_fits_the_borrower_kind(cast):
    from vieclam.employers.tests.factories import make_employer

    company = make_employer(cast["commune_a"], name="Công ty TNHH Dệt")
    with pytest.raises(ValidationError) as exc:
        make_loan(cast["commune_a"], borrower_kind="ho_kinh_doanh", employer=company, jobs_new=2)
    assert exc.value.message_dict["employer"] == [
        "Công ty TNHH Dệt có loại hình “Doanh nghiệp ngoài nhà nước” trong danh sách người sử dụng lao động, "
        "không vay được với đối tượng hộ kinh doanh."
    ]
    assert make_loan(cast["commune_a"], borrower_kind="doanh_nghiep", employer=company, jobs_new=2).pk
