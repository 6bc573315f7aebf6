"""Fixed answers of Mẫu 02 (TT 11/2022/TT-BLĐTBXH) that are not reference-data code lists.

The working-condition tolerances describe what the job seeker can work with, so that people with disabilities are
matched to the jobs they can do (and not excluded from jobs that do not need what they cannot do). A vacancy's
requirements (Mẫu 01) can reuse these classes so both sides speak the same values.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProfileStatus(models.TextChoices):
    ACTIVE = "active", _("Đang tìm việc")
    PLACED = "placed", _("Đã có việc làm")
    CLOSED = "closed", _("Đã đóng hồ sơ")


# Allowed status changes: a placed or closed profile can be reopened (if the person has no other active one).
STATUS_TRANSITIONS = {
    ProfileStatus.ACTIVE: frozenset({ProfileStatus.PLACED, ProfileStatus.CLOSED}),
    ProfileStatus.PLACED: frozenset({ProfileStatus.ACTIVE, ProfileStatus.CLOSED}),
    ProfileStatus.CLOSED: frozenset({ProfileStatus.ACTIVE}),
}


class WorkEnvironment(models.TextChoices):
    """Mẫu 02 "Nơi làm việc": trong nhà / ngoài trời / hỗn hợp; `any` when the person has no limitation."""

    INDOOR = "indoor", _("Trong nhà")
    OUTDOOR = "outdoor", _("Ngoài trời")
    MIXED = "mixed", _("Hỗn hợp (trong nhà và ngoài trời)")
    ANY = "any", _("Nơi nào cũng được")


class Lifting(models.TextChoices):
    """Mẫu 02 "Trọng lượng nâng": the heaviest load the person can lift."""

    UNDER_5 = "under_5", _("Dưới 5 kg")
    FROM_5_TO_20 = "5_to_20", _("Từ 5 đến 20 kg")
    OVER_20 = "over_20", _("Trên 20 kg")


# Heavier loads include the lighter ones: who can lift 5–20 kg can do a job needing under 5 kg.
LIFTING_ORDER = [Lifting.UNDER_5, Lifting.FROM_5_TO_20, Lifting.OVER_20]


class Hands(models.TextChoices):
    """Mẫu 02 "Dùng 2 tay": which hands the person can work with."""

    BOTH = "both", _("Dùng được cả hai tay")
    ONE_LEFT = "one_left", _("Chỉ dùng được tay trái")
    ONE_RIGHT = "one_right", _("Chỉ dùng được tay phải")
    ANY = "any", _("Không hạn chế")


class RecruitmentMode(models.TextChoices):
    """Mẫu 02 "Hình thức tuyển dụng" the person accepts (several may be ticked)."""

    IN_PERSON = "in_person", _("Trực tiếp")
    PHONE = "phone", _("Qua điện thoại")
    ONLINE_INTERVIEW = "online_interview", _("Phỏng vấn online")
    CV = "cv", _("Nộp CV")


class LanguageLevel(models.TextChoices):
    """Mẫu 02 "Khả năng sử dụng" of a foreign language."""

    GOOD = "good", _("Tốt")
    FAIR = "fair", _("Khá")
    AVERAGE = "average", _("Trung bình")
