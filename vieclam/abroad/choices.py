"""States of a worker's journey abroad under contract (Luật 69/2020/QH14), how a return ended, and the kinds and
groups of support."""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ("JOURNEY_ORDER", "PRE_DEPARTURE", "JourneyState", "ReturnKind", "SupportGroup", "SupportKind")


class JourneyState(models.TextChoices):
    """Each step is a dated event; a journey moves one step at a time, in this order (or is withdrawn before
    departure)."""

    REGISTERED = "registered", _("Đăng ký đi làm việc ở nước ngoài")
    SELECTED = "selected", _("Trúng tuyển")
    TRAINING = "training", _("Bồi dưỡng kiến thức, đào tạo ngoại ngữ")
    CONTRACT = "contract", _("Có thị thực, ký hợp đồng")
    DEPARTED = "departed", _("Đã xuất cảnh")
    WORKING = "working", _("Đang làm việc ở nước ngoài")
    RETURNED = "returned", _("Đã về nước")
    BACK_IN_WORK = "back_in_work", _("Có việc làm sau khi về nước")
    WITHDRAWN = "withdrawn", _("Dừng, không đi")


JOURNEY_ORDER = (
    JourneyState.REGISTERED,
    JourneyState.SELECTED,
    JourneyState.TRAINING,
    JourneyState.CONTRACT,
    JourneyState.DEPARTED,
    JourneyState.WORKING,
    JourneyState.RETURNED,
    JourneyState.BACK_IN_WORK,
)
# A journey may be withdrawn only before the worker leaves.
PRE_DEPARTURE = frozenset({JourneyState.REGISTERED, JourneyState.SELECTED, JourneyState.TRAINING,
                           JourneyState.CONTRACT})  # fmt: skip


class ReturnKind(models.TextChoices):
    ON_TIME = "on_time", _("Về nước đúng hạn hợp đồng")
    EARLY = "early", _("Về nước trước hạn")


class SupportKind(models.TextChoices):
    """What a support pays for (Luật 69/2020/QH14, Điều 8; NĐ 61/2015/NĐ-CP as amended)."""

    LOAN = "loan", _("Vay vốn đi làm việc ở nước ngoài")
    TRAINING = "training", _("Đào tạo nghề, ngoại ngữ")
    ORIENTATION = "orientation", _("Bồi dưỡng kiến thức cần thiết")
    PAPERS = "papers", _("Chi phí làm thủ tục (hộ chiếu, thị thực, khám sức khỏe, lý lịch tư pháp)")
    LIVING = "living", _("Tiền ăn, ở, đi lại trong thời gian đào tạo")


class SupportGroup(models.TextChoices):
    """Who a support norm is for: the priority groups of matching.facts.priority_groups, or any worker."""

    POOR = "poor", _("Hộ nghèo")
    NEAR_POOR = "near_poor", _("Hộ cận nghèo")
    EXITED = "exited", _("Hộ mới thoát nghèo")
    ETHNIC_MINORITY = "ethnic_minority", _("Người dân tộc thiểu số")
    DISABILITY = "disability", _("Người khuyết tật")
    ANY = "any", _("Mọi người lao động")
