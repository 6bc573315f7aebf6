"""Sources, funding, follow-up statuses and results of a successful job connection ("kết nối việc làm thành công")."""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = (
    "CODED_FIELDS",
    "CONTRACT_TYPES_LIST",
    "PAID_FUNDING_SOURCES",
    "ConnectionSource",
    "FollowUpResult",
    "FollowUpStatus",
    "FundingSource",
    "SustainedRequirement",
)

# The contract type is an item code of the TT 11/2022 list "contract-types" (codelists), as on applications.
CONTRACT_TYPES_LIST = "contract-types"
CODED_FIELDS = {"contract_type": CONTRACT_TYPES_LIST}


class ConnectionSource(models.TextChoices):
    """How the centre knows the job was found: a hire on the job board, or confirmed by the centre outside it."""

    BOARD = "board", _("Tuyển dụng qua sàn việc làm")
    CENTRE = "centre", _("Trung tâm xác nhận (ngoài sàn)")


class FundingSource(models.TextChoices):
    """Who pays the per-connection norm; UI-funded and unpaid connections carry no programme money."""

    MTQG = "mtqg", _("Chương trình MTQG (Tiểu dự án 4.3 / Nội dung 4)")
    LOCAL_BUDGET = "local_budget", _("Ngân sách địa phương")
    UI_FUND = "ui_fund", _("Quỹ bảo hiểm thất nghiệp")
    NONE = "none", _("Không chi")


# Sources that pay the norm from programme or local money (TT 55/2023/TT-BTC Art. 72): one paid connection per
# person in the period; the unemployment-insurance fund pays from its own rules, so no programme money goes there.
PAID_FUNDING_SOURCES = frozenset({FundingSource.MTQG, FundingSource.LOCAL_BUDGET})


class FollowUpStatus(models.TextChoices):
    DUE = "due", _("Chưa kiểm tra")
    DONE = "done", _("Đã kiểm tra")
    MISSED = "missed", _("Quá hạn, không kiểm tra")


class FollowUpResult(models.TextChoices):
    """What the check found."""

    SAME_EMPLOYER = "same_employer", _("Vẫn làm tại đơn vị")
    OTHER_JOB = "other_job", _("Đã chuyển việc khác")
    NOT_WORKING = "not_working", _("Không còn làm việc")
    UNREACHABLE = "unreachable", _("Không liên lạc được")


# Results that mean the person is in work at the check.
IN_WORK_RESULTS = frozenset({FollowUpResult.SAME_EMPLOYER, FollowUpResult.OTHER_JOB})


class SustainedRequirement(models.TextChoices):
    """What a check must show, besides being in work, for the employment to count as sustained."""

    CONTRACT_OR_INSURANCE = "contract_or_insurance", _("Có HĐLĐ hoặc tham gia BHXH bắt buộc")
    CONTRACT_AND_INSURANCE = "contract_and_insurance", _("Có HĐLĐ và tham gia BHXH bắt buộc")
    IN_WORK = "in_work", _("Đang có việc làm")
