from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class IdKind(models.TextChoices):
    CCCD = "cccd12", _("CCCD 12 số")
    CMND = "cmnd9", _("CMND 9 số (cũ)")


class Relationship(models.TextChoices):
    HEAD = "head", _("Chủ hộ")
    SPOUSE = "spouse", _("Vợ/chồng")
    CHILD = "child", _("Con")
    PARENT = "parent", _("Bố/mẹ")
    GRANDCHILD = "grandchild", _("Cháu")
    SIBLING = "sibling", _("Anh/chị/em")
    OTHER = "other", _("Khác")


class ChangeKind(models.TextChoices):
    """Loại biến động: why a person's labour status changed."""

    REGISTERED = "registered", _("Đăng ký mới")
    STATUS = "status", _("Thay đổi tình trạng việc làm")
    MOVED = "moved", _("Thay đổi nơi ở")
    CORRECTION = "correction", _("Sửa thông tin")
