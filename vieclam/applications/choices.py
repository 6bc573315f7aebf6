"""Statuses, channels and refusal reasons of an application, and who may move it where.

The state machine follows les emplois de l'inclusion (anchors §5): a worker applies or a counsellor refers
("giới thiệu việc làm"), the employer moves the application along, and it ends hired, refused (with a structured
reason), withdrawn by the worker, or expired when its vacancy stops recruiting.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = (
    "ApplicationChannel",
    "ApplicationStatus",
    "ClaimStatus",
    "EMPLOYER_TRANSITIONS",
    "FINAL_STATUSES",
    "OPEN_STATUSES",
    "RefusalReason",
    "Side",
    "WORKER_TRANSITIONS",
    "allowed_transitions",
)


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Đã nộp hồ sơ")
    SEEN = "seen", _("Đã xem hồ sơ")
    INTERVIEW_SCHEDULED = "interview_scheduled", _("Đã hẹn phỏng vấn")
    INTERVIEWED = "interviewed", _("Đã phỏng vấn")
    OFFERED = "offered", _("Đã mời nhận việc")
    HIRED = "hired", _("Đã tuyển dụng")
    REFUSED = "refused", _("Không tuyển")
    WITHDRAWN = "withdrawn", _("Đã rút hồ sơ")
    EXPIRED = "expired", _("Hết hiệu lực")


FINAL_STATUSES = frozenset(
    {ApplicationStatus.HIRED, ApplicationStatus.REFUSED, ApplicationStatus.WITHDRAWN, ApplicationStatus.EXPIRED}
)
# In progress: at most one such application per (vacancy, person) (a named UniqueConstraint).
OPEN_STATUSES = tuple(s for s in ApplicationStatus.values if s not in FINAL_STATUSES)


class ApplicationChannel(models.TextChoices):
    """How the application reached the employer."""

    APPLIED = "applied", _("Người lao động tự ứng tuyển")
    REFERRED = "referred", _("Giới thiệu việc làm")


class RefusalReason(models.TextChoices):
    """Why it ended without a hire: structured, so reports can say what stops people getting jobs."""

    DID_NOT_ATTEND = "did_not_attend", _("Không đến phỏng vấn")
    LACKING_SKILLS = "lacking_skills", _("Chưa đủ kỹ năng, trình độ")
    NOT_MOBILE = "not_mobile", _("Không đi lại được đến nơi làm việc")
    PAY = "pay", _("Không thống nhất về lương")
    HIRED_ELSEWHERE = "hired_elsewhere", _("Đã có việc làm nơi khác")
    OTHER = "other", _("Lý do khác")


class Side(models.TextChoices):
    """Who is acting on an application (accounts.Role decides it, see services._side)."""

    EMPLOYER = "employer", _("Người sử dụng lao động")
    WORKER = "worker", _("Người lao động")
    STAFF = "staff", _("Cán bộ")


S = ApplicationStatus
# The employer of the vacancy (and staff of the person's area) moves the application along. Rescheduling an
# interview is interview_scheduled → interview_scheduled, so each date is kept in the timeline.
EMPLOYER_TRANSITIONS: dict[str, frozenset[str]] = {
    S.SUBMITTED: frozenset({S.SEEN, S.INTERVIEW_SCHEDULED, S.REFUSED}),
    S.SEEN: frozenset({S.INTERVIEW_SCHEDULED, S.OFFERED, S.HIRED, S.REFUSED}),
    S.INTERVIEW_SCHEDULED: frozenset({S.INTERVIEW_SCHEDULED, S.INTERVIEWED, S.REFUSED}),
    S.INTERVIEWED: frozenset({S.OFFERED, S.HIRED, S.REFUSED}),
    S.OFFERED: frozenset({S.HIRED, S.REFUSED}),
}
# The worker (and staff, on the worker's behalf) may withdraw while the application is open.
WORKER_TRANSITIONS: dict[str, frozenset[str]] = {status: frozenset({S.WITHDRAWN}) for status in OPEN_STATUSES}
# Expired is set by applications_expire only (the system), never by a person.


def allowed_transitions(side: str, status: str) -> list[str]:
    """The statuses `side` may move an application in `status` to, in the order of ApplicationStatus."""
    allowed: set[str] = set()
    if side in (Side.EMPLOYER, Side.STAFF):
        allowed |= EMPLOYER_TRANSITIONS.get(status, frozenset())
    if side in (Side.WORKER, Side.STAFF):
        allowed |= WORKER_TRANSITIONS.get(status, frozenset())
    return [s for s in ApplicationStatus.values if s in allowed]


class ClaimStatus(models.TextChoices):
    """A new account asking to be linked to a record already in the registry (see AccountClaim)."""

    PENDING = "pending", _("Chờ xác nhận")
    CONFIRMED = "confirmed", _("Đã gắn tài khoản")
    REJECTED = "rejected", _("Đã từ chối")
