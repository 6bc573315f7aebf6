"""Borrowers, states and events of a job-creation loan ("vay vốn hỗ trợ tạo việc làm, duy trì, mở rộng việc làm")."""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ("BUSINESS_KINDS", "AppliesTo", "BorrowerKind", "EventKind", "LoanStatus")


class BorrowerKind(models.TextChoices):
    """Who borrows (NĐ 61/2015 Art. 8; NĐ 338/2025 Art. 4): a worker, or a production/business establishment."""

    PERSON = "nguoi_lao_dong", _("Người lao động")
    HOUSEHOLD_BUSINESS = "ho_kinh_doanh", _("Hộ kinh doanh")
    COOPERATIVE = "hop_tac_xa", _("Hợp tác xã, tổ hợp tác")
    ENTERPRISE = "doanh_nghiep", _("Doanh nghiệp nhỏ và vừa")


# Establishments ("cơ sở sản xuất, kinh doanh"): recorded in the employers registry, with a per-worker ceiling.
BUSINESS_KINDS = frozenset({BorrowerKind.HOUSEHOLD_BUSINESS, BorrowerKind.COOPERATIVE, BorrowerKind.ENTERPRISE})


class AppliesTo(models.TextChoices):
    """Which borrowers a priority group is for."""

    PERSON = "person", _("Người lao động")
    BUSINESS = "business", _("Cơ sở sản xuất, kinh doanh")


class LoanStatus(models.TextChoices):
    APPLIED = "da_nop", _("Đã nộp hồ sơ")
    APPRAISED = "da_tham_dinh", _("Đã thẩm định")
    APPROVED = "da_phe_duyet", _("Đã phê duyệt")
    REJECTED = "tu_choi", _("Không cho vay")
    DISBURSED = "da_giai_ngan", _("Đã giải ngân")
    OVERDUE = "qua_han", _("Nợ quá hạn")
    REPAID = "da_tra_no", _("Đã trả hết nợ")
    WRITTEN_OFF = "xoa_no", _("Đã xóa nợ")


class EventKind(models.TextChoices):
    """A dated step of the loan; the bank (NHCSXH) keeps the ledger, the system keeps the steps."""

    APPRAISAL = "tham_dinh", _("Thẩm định (NHCSXH)")
    APPROVAL = "phe_duyet", _("Phê duyệt cho vay")
    REJECTION = "tu_choi", _("Không cho vay")
    DISBURSEMENT = "giai_ngan", _("Giải ngân")
    JOBS_CHECK = "kiem_tra_viec_lam", _("Kiểm tra việc làm tạo ra")
    OVERDUE = "qua_han", _("Chuyển nợ quá hạn")
    REPAID = "tra_het_no", _("Trả hết nợ")
    WRITTEN_OFF = "xoa_no", _("Xóa nợ")


# The status each event moves the loan from (allowed) and to. A jobs check leaves the status as it is.
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    EventKind.APPRAISAL: (frozenset({LoanStatus.APPLIED}), LoanStatus.APPRAISED),
    EventKind.APPROVAL: (frozenset({LoanStatus.APPRAISED}), LoanStatus.APPROVED),
    EventKind.REJECTION: (frozenset({LoanStatus.APPLIED, LoanStatus.APPRAISED}), LoanStatus.REJECTED),
    EventKind.DISBURSEMENT: (frozenset({LoanStatus.APPROVED, LoanStatus.DISBURSED}), LoanStatus.DISBURSED),
    EventKind.JOBS_CHECK: (frozenset({LoanStatus.DISBURSED, LoanStatus.OVERDUE, LoanStatus.REPAID}), None),
    EventKind.OVERDUE: (frozenset({LoanStatus.DISBURSED}), LoanStatus.OVERDUE),
    EventKind.REPAID: (frozenset({LoanStatus.DISBURSED, LoanStatus.OVERDUE}), LoanStatus.REPAID),
    EventKind.WRITTEN_OFF: (frozenset({LoanStatus.DISBURSED, LoanStatus.OVERDUE}), LoanStatus.WRITTEN_OFF),
}


# The employer types (TT 11/2022 list "employer-types") an establishment of each kind may be recorded under in the
# employers registry; the list has no cooperative type, so a cooperative is any non-state organisation.
EMPLOYER_TYPES_FOR: dict[str, frozenset[str]] = {
    BorrowerKind.HOUSEHOLD_BUSINESS: frozenset({"ho_kinh_doanh"}),
    BorrowerKind.ENTERPRISE: frozenset({"dn_nha_nuoc", "dn_ngoai_nha_nuoc", "dn_fdi"}),
    BorrowerKind.COOPERATIVE: frozenset({"dn_ngoai_nha_nuoc"}),
}
