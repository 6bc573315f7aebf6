"""Batches of postings imported from other job boards, and the link from each vacancy to the posting it came from."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vieclam.core.models import TimeStampedModel
from vieclam.imports.choices import BatchStatus, FileFormat, Source

__all__ = ("ImportBatch", "ImportedPosting")


class ImportBatch(TimeStampedModel):
    """One file of postings uploaded by an officer: previewed first, committed when confirmed.

    `content` keeps the uploaded bytes only while the batch waits for confirmation (the commit re-reads the file,
    so it is checked against the registry as it is then); `report` holds the row-by-row result shown on the page.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    filename = models.CharField(_("tên tệp"), max_length=255)
    source = models.CharField(_("nguồn"), max_length=20, choices=Source.choices)
    file_format = models.CharField(_("định dạng"), max_length=10, choices=FileFormat.choices, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=BatchStatus.choices)
    skip_errors = models.BooleanField(_("bỏ qua dòng lỗi"), default=False)
    content = models.BinaryField(_("nội dung tệp"), blank=True, default=b"")
    report = models.JSONField(_("kết quả từng dòng"), default=dict, blank=True)
    row_count = models.PositiveIntegerField(_("số dòng"), default=0)
    created_count = models.PositiveIntegerField(_("tạo mới"), default=0)
    present_count = models.PositiveIntegerField(_("đã có"), default=0)
    expired_count = models.PositiveIntegerField(_("hết hạn"), default=0)
    flagged_count = models.PositiveIntegerField(_("cần kiểm tra"), default=0)
    error_count = models.PositiveIntegerField(_("lỗi"), default=0)
    committed_at = models.DateTimeField(_("ghi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lô nhập việc tìm người")
        verbose_name_plural = _("lô nhập việc tìm người")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_source_display()})"

    def get_absolute_url(self) -> str:
        return reverse("imports:batch_detail", args=[self.pk])


class ImportedPosting(models.Model):
    """A vacancy created from a posting of another board: which board, its id and address there, the row as read.

    (source, external_id) is unique, so importing the same posting again finds it ("đã có") instead of
    creating a second vacancy.
    """

    batch = models.ForeignKey(ImportBatch, verbose_name=_("lô nhập"), on_delete=models.PROTECT, related_name="postings")
    vacancy = models.OneToOneField(
        "vacancies.Vacancy",
        verbose_name=_("việc tìm người"),
        on_delete=models.CASCADE,
        related_name="imported_posting",
    )
    source = models.CharField(_("nguồn"), max_length=20, choices=Source.choices)
    external_id = models.CharField(_("mã tin ở nguồn"), max_length=200)
    url = models.URLField(_("liên kết ở nguồn"), max_length=500, blank=True)
    line = models.PositiveIntegerField(_("dòng trong tệp"))
    raw = models.JSONField(_("dòng gốc"), default=dict)
    flags = models.JSONField(_("cần kiểm tra"), default=list, blank=True)
    occupation_score = models.FloatField(_("độ tin cậy mã nghề"), null=True, blank=True)

    # Scoping (accounts.scoping): the exchange holding the vacancy.
    area_path = "vacancy__exchange_province"

    class Meta:
        verbose_name = _("tin nhập từ sàn khác")
        verbose_name_plural = _("tin nhập từ sàn khác")
        ordering = ["batch", "line"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="imports_importedposting_unique_external_id"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.external_id}"
