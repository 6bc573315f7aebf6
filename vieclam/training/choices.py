"""Kinds of providers, levels and fields of courses, class funding and the statuses of an enrolment in vocational
training ("giáo dục nghề nghiệp", Luật Giáo dục nghề nghiệp 2014)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = (
    "SHORT_LEVELS",
    "ClassFunding",
    "DemandSource",
    "EnrolmentStatus",
    "ProviderKind",
    "TrainingField",
    "TrainingLevel",
)


class ProviderKind(models.TextChoices):
    """Who trains: a public vocational centre, a college or intermediate school, or an enterprise (Luật GDNN Art. 5)."""

    PUBLIC_CENTRE = "public_centre", _("Trung tâm giáo dục nghề nghiệp công lập")
    COLLEGE = "college", _("Trường cao đẳng, trung cấp")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    OTHER = "other", _("Cơ sở khác")


class TrainingLevel(models.TextChoices):
    """The training levels of Luật GDNN 2014 (Art. 3) and the regular training under three months."""

    COLLEGE = "cao_dang", _("Cao đẳng")
    INTERMEDIATE = "trung_cap", _("Trung cấp")
    ELEMENTARY = "so_cap", _("Sơ cấp")
    SHORT = "thuong_xuyen", _("Đào tạo thường xuyên dưới 3 tháng")


# The levels the programme support of QĐ 46/2015/QĐ-TTg covers (sơ cấp and under three months).
SHORT_LEVELS = frozenset({TrainingLevel.ELEMENTARY, TrainingLevel.SHORT})


class TrainingField(models.TextChoices):
    AGRICULTURE = "nong_nghiep", _("Nông nghiệp")
    NON_AGRICULTURE = "phi_nong_nghiep", _("Phi nông nghiệp")


class ClassFunding(models.TextChoices):
    """Who pays for a class: the programme (for the priority groups) or the trainees themselves ("tự học")."""

    SUPPORTED = "supported", _("Hỗ trợ từ chương trình")
    SELF_FUNDED = "self_funded", _("Tự học (người học tự chi trả)")


class EnrolmentStatus(models.TextChoices):
    """enrolled → attending → completed (with a certificate) or dropped out."""

    ENROLLED = "enrolled", _("Đã ghi danh")
    ATTENDING = "attending", _("Đang học")
    COMPLETED = "completed", _("Hoàn thành, được cấp chứng chỉ")
    DROPPED = "dropped", _("Bỏ học")


# Which status may follow which.
NEXT_STATUSES = {
    EnrolmentStatus.ENROLLED: frozenset(
        {EnrolmentStatus.ATTENDING, EnrolmentStatus.COMPLETED, EnrolmentStatus.DROPPED}
    ),
    EnrolmentStatus.ATTENDING: frozenset({EnrolmentStatus.COMPLETED, EnrolmentStatus.DROPPED}),
    EnrolmentStatus.COMPLETED: frozenset(),
    EnrolmentStatus.DROPPED: frozenset(),
}


class DemandSource(models.TextChoices):
    """Where a person's wish to learn an occupation was recorded ("nhu cầu học nghề")."""

    COUNSELLING = "counselling", _("Tư vấn")
    FAIR = "fair", _("Phiên giao dịch việc làm")
    SURVEY = "survey", _("Điều tra, rà soát của xã")
    OTHER = "other", _("Khác")
