"""The public job board's search index: one denormalised row per vacancy, and the vocabulary of its words.

Derived data only. `vieclam jobs_reindex` rebuilds both from the registries; a post_save signal on Vacancy and
Employer keeps them current between runs (jobboard.indexing). Nothing here is ever edited by hand.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ("DocumentVector", "JobIndex", "JobWord", "TextSearchVectorField")


class TextSearchVectorField(models.TextField):
    """A tsvector column on PostgreSQL, plain text elsewhere (SQLite searches the document with LIKE)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class DocumentVector(models.Func):
    """to_tsvector('simple', document) on PostgreSQL (the document is already folded: no language rules wanted);
    an empty string on SQLite, where nothing reads it."""

    output_field = TextSearchVectorField()

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"to_tsvector('simple'::regconfig, {sql})", params

    def as_sqlite(self, compiler, connection, **extra_context):
        return "''", []


class JobIndex(models.Model):
    """What the public search needs of one vacancy, in one row.

    `document` is the folded text the words of a query are matched against, with a space before every word
    (" ke toan tong hop ... tan ninh tay ninh long an ..."), so a word matches as a prefix of any word in it:
    title, employer, occupation, the workplace commune and province, and the old (pre-2025) province and
    district names of that commune. `title_text` is the folded title alone, for relevance.
    `is_live` is status == open; the deadline is checked at query time because it changes with the date.
    `document_vector` is the document as a tsvector, which the PostgreSQL search matches against.
    """

    vacancy = models.OneToOneField(
        "vacancies.Vacancy", primary_key=True, on_delete=models.CASCADE, related_name="job_index"
    )
    document = models.TextField(_("nội dung tìm kiếm"))
    # Stored so a match needs no re-parsing of the document (a GIN index on it: migration 0002, PostgreSQL).
    document_vector = models.GeneratedField(
        expression=DocumentVector("document"), output_field=TextSearchVectorField(), db_persist=True
    )
    title_text = models.CharField(_("tên việc (không dấu)"), max_length=300)
    province = models.ForeignKey(
        "places.AdministrativeUnit", verbose_name=_("tỉnh"), on_delete=models.CASCADE, related_name="+"
    )
    commune = models.ForeignKey(
        "places.AdministrativeUnit", verbose_name=_("xã, phường"), on_delete=models.CASCADE, related_name="+"
    )
    occupation_code = models.CharField(_("mã nghề"), max_length=5)
    contract_type = models.CharField(_("loại hợp đồng"), max_length=40, blank=True)
    pay_min = models.PositiveIntegerField(_("lương từ"), null=True, blank=True)
    pay_max = models.PositiveIntegerField(_("lương đến"), null=True, blank=True)
    # The most the job can pay a month (top of the range, its floor when open-ended, or the ceiling of a Mẫu 01
    # band): what "pays at least X" filters and "highest pay first" sorts on. None: negotiable only.
    pay_top = models.PositiveIntegerField(_("lương cao nhất"), null=True, blank=True)
    posted_at = models.DateTimeField(_("ngày đăng"))
    deadline = models.DateField(_("hạn nộp hồ sơ"), null=True, blank=True)
    is_live = models.BooleanField(_("đang tuyển"), default=False)

    class Meta:
        verbose_name = _("chỉ mục việc làm")
        verbose_name_plural = _("chỉ mục việc làm")
        indexes = [
            models.Index(fields=["is_live", "-posted_at"], name="jobboard_live_posted"),
            models.Index(fields=["is_live", "province", "-posted_at"], name="jobboard_live_province"),
            models.Index(fields=["is_live", "occupation_code"], name="jobboard_live_occupation"),
            models.Index(fields=["is_live", "-pay_top"], name="jobboard_live_pay"),
        ]
        # PostgreSQL also gets trigram GIN indexes on document and title_text (migration 0002).

    def __str__(self) -> str:
        return f"{self.vacancy_id}: {self.title_text.strip()}"


class JobWord(models.Model):
    """A word of the live documents, with how many documents hold it: what typo correction may suggest."""

    word = models.CharField(_("từ"), max_length=60, unique=True)
    doc_count = models.PositiveIntegerField(_("số việc làm"), default=0)

    class Meta:
        verbose_name = _("từ tìm kiếm")
        verbose_name_plural = _("từ tìm kiếm")

    def __str__(self) -> str:
        return self.word
