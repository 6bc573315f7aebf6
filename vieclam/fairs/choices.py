"""Kinds and statuses of a job fair (phiên giao dịch việc làm), registration channels and interests."""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = (
    "FAIR_TRANSITIONS",
    "FairKind",
    "FairStatus",
    "InterestKind",
    "RegistrationChannel",
)


class FairKind(models.TextChoices):
    CENTRE = "centre", _("Định kỳ tại trung tâm")
    MOBILE = "mobile", _("Lưu động")
    ONLINE = "online", _("Trực tuyến")
    HYBRID = "hybrid", _("Kết hợp trực tiếp và trực tuyến")


class FairStatus(models.TextChoices):
    PLANNED = "planned", _("Đang chuẩn bị")
    OPEN = "open", _("Đang nhận đăng ký")
    HELD = "held", _("Đã tổ chức")
    CLOSED = "closed", _("Đã kết thúc, có báo cáo")


S = FairStatus
# Forward only: a fair is prepared, takes registrations, is held, then closed with its report.
FAIR_TRANSITIONS: dict[str, frozenset[str]] = {
    S.PLANNED: frozenset({S.OPEN}),
    S.OPEN: frozenset({S.HELD}),
    S.HELD: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}


class RegistrationChannel(models.TextChoices):
    ONLINE = "online", _("Đăng ký trực tuyến")
    WALK_IN = "walk_in", _("Đăng ký trực tiếp tại phiên")


class InterestKind(models.TextChoices):
    """Interests recorded at a fair for the training and labour-export journeys to take up."""

    TRAINING = "training", _("Học nghề")
    LABOUR_EXPORT = "labour_export", _("Đi làm việc ở nước ngoài (xuất khẩu lao động)")
