from django.db import models
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Đã xong")
    FAILED = "failed", _("Thất bại")
    CANCELLED = "cancelled", _("Đã hủy")
    INTERRUPTED = "interrupted", _("Bị gián đoạn")


# States a job can be resumed from (continuing after its last whole batch).
RESUMABLE = frozenset({JobState.FAILED, JobState.CANCELLED, JobState.INTERRUPTED})
FINISHED = frozenset({JobState.DONE, JobState.FAILED, JobState.CANCELLED, JobState.INTERRUPTED})
