from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ("BatchStatus", "FileFormat", "Outcome", "Source")


class Source(models.TextChoices):
    """Where a file of postings comes from: another job board's export, or our own template."""

    TOPCV = "topcv", _("TopCV")
    VIETNAMWORKS = "vietnamworks", _("VietnamWorks")
    ITVIEC = "itviec", _("ITviec")
    TEMPLATE = "template", _("Mẫu của sàn (tiêu đề tiếng Việt)")


class FileFormat(models.TextChoices):
    CSV = "csv", _("CSV")
    XLSX = "xlsx", _("Excel (XLSX)")
    JSONL = "jsonl", _("JSON Lines")


class BatchStatus(models.TextChoices):
    """A batch is previewed (nothing written but the batch itself), then committed once the officer confirms."""

    PREVIEWED = "previewed", _("Đã xem trước, chưa ghi")
    COMMITTED = "committed", _("Đã ghi")


class Outcome(models.TextChoices):
    """What became of one row of the file."""

    CREATED = "created", _("Tạo mới")
    PRESENT = "present", _("Đã có")
    EXPIRED = "expired", _("Hết hạn, bỏ qua")
    ERROR = "error", _("Lỗi")
