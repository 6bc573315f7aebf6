"""Import vacancies from a file of postings of another job board (or our template): preview, then commit.

    import_batch_run(actor=officer, filename="topcv.csv", content=data)            # the command line
    batch = import_batch_preview(actor=officer, filename=…, content=…)              # the web page: upload …
    import_batch_commit(actor=officer, batch=batch)                                 # … then confirm

Steps of a run:
1. Read the file and check every row (prepare.py): nothing is written.
2. In one transaction, each row that is not already present (same board and posting id), expired or wrong goes
   through employers.services.employer_create (only for an employer the file registers) and
   vacancies.services.vacancy_create, so the rules, the area check and the audit trail are those of a vacancy
   typed in by hand; the channel of their audit events is "import". Each row runs in its own savepoint, so the
   errors the services find are collected for every row too.
3. All or nothing by default: when any row has an error, or on a dry run, the transaction is rolled back and
   nothing stays written. With skip_errors the good rows are kept and the wrong ones listed.
The vacancies are open at once and show on /jobs/: the job board indexes them all together when the rows are
written, in the same transaction (jobboard.indexing.deferred), and vacancy_create reads what its checks need of
the registries (employer in the officer's areas, the rows referenced) once per batch (vacancies.services
.vacancy_batch) — the same checks and messages as one vacancy typed in by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for, scope_queryset
from vieclam.core.audit import audit_record
from vieclam.core.choices import AuditAction, Channel
from vieclam.core.context import channel
from vieclam.core.dates import today
from vieclam.employers.models import Employer
from vieclam.employers.services import employer_create
from vieclam.imports import selectors
from vieclam.imports.choices import BatchStatus, FileFormat, Outcome
from vieclam.imports.models import ImportBatch, ImportedPosting
from vieclam.imports.prepare import OCCUPATION_REVIEW_BELOW, BatchPreparer, PreparedRow
from vieclam.imports.readers import ImportFileError, Record, Table, read_table
from vieclam.imports.report import ImportReport
from vieclam.imports.sources import SPECS, SourceSpec, detect_source, norm, resolve_columns
from vieclam.jobboard import indexing
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.services import default_exchange_province, vacancy_batch, vacancy_create

if TYPE_CHECKING:
    from vieclam.accounts.models import User

__all__ = ("can_import", "import_batch_commit", "import_batch_preview", "import_batch_purge", "import_batch_run")

NOT_ALLOWED = _(
    "Chỉ quản trị hệ thống, cán bộ cấp tỉnh và tư vấn viên (những người ghi nhận việc tìm người của sàn việc làm "
    "tỉnh) được nhập việc tìm người."
)
# A web request checks, then writes, every row while the officer waits (≈ 2 ms a row on SQLite, 3 ms on PostgreSQL;
# bench/import_vacancies.py): larger files go through the command, which takes up to readers.MAX_ROWS.
WEB_MAX_ROWS = 1_000
UNKNOWN_SOURCE = _("Không có nguồn “{source}”: dùng topcv, vietnamworks, itviec hoặc template.")
ALREADY_COMMITTED = _("Lô nhập này đã được ghi; muốn nhập lại hãy tải tệp lên lần nữa.")
NOT_YOURS = _("Chỉ người tải tệp lên được xác nhận lô nhập này.")
DUPLICATE_IN_FILE = _("Trùng tin ở dòng {line} (cùng mã tin {id}): bỏ qua.")
ALREADY_PRESENT = _("Đã có: nhập ở lô số {batch} ngày {day}, việc tìm người số {vacancy}.")
PRESENT_ELSEWHERE = _("Đã có: sàn việc làm của tỉnh khác đã nhập tin này.")
PRESENT_MEANWHILE = _("Tin này vừa được nhập ở một lô khác.")
NO_EMPLOYER = _("Không xác định được người sử dụng lao động của dòng này.")
# Which column a service's field error belongs to.
FIELD_COLUMNS = {
    "employer": "company", "name": "company", "title": "title", "occupation": "occupation",
    "pay_min": "salary", "pay_max": "salary", "pay_negotiable": "salary", "deadline": "deadline",
    "workplace_commune": "location", "commune": "location", "exchange_province": "location",
    "positions_count": "positions", "description": "description", "skills": "skills",
    "tax_code": "tax_code", "employer_type": "employer_type", "street_address": "address",
}  # fmt: skip


def can_import(user) -> bool:
    """Administrators, and staff whose areas include a whole province: the ones who hold an exchange's vacancies.

    A commune officer is staff but holds no exchange (vacancies.services refuses them), so cannot import either.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_staff_role:
        return False
    scope = scope_for(user)
    return scope.unrestricted or bool(scope.province_ids)


def import_batch_run(
    *,
    actor: User,
    filename: str,
    content: bytes,
    source: str = "",
    dry_run: bool = False,
    skip_errors: bool = False,
    review_below: float = OCCUPATION_REVIEW_BELOW,
    batch: ImportBatch | None = None,
    max_rows: int | None = None,
) -> ImportReport:
    """Import the postings of a file: see the module docstring. `batch` is a previewed batch being confirmed."""
    if not can_import(actor):
        raise PermissionDenied(NOT_ALLOWED)
    if source and source not in SPECS:
        raise ValidationError({"source": UNKNOWN_SOURCE.format(source=source)})
    report = ImportReport(filename=filename, source=source, dry_run=dry_run, skip_errors=skip_errors)
    with channel(Channel.IMPORT):
        try:
            table = read_table(filename=filename, content=content, max_rows=max_rows)
            rows, spec, columns = _prepare(actor=actor, table=table, report=report, review=review_below)
        except ImportFileError as exc:
            report.file_error = str(exc)
            return report
        _write_all(actor=actor, rows=rows, target=_Target(spec, columns, report), batch=batch)
    return report


def import_batch_preview(
    *, actor: User, filename: str, content: bytes, source: str = "", skip_errors: bool = False
) -> ImportBatch:
    """Check a file without writing any vacancy and keep it as a batch waiting for confirmation.

    A file that cannot be read at all raises ValidationError with the reason (nothing is kept).
    """
    report = import_batch_run(
        actor=actor,
        filename=filename,
        content=content,
        source=source,
        dry_run=True,
        skip_errors=skip_errors,
        max_rows=WEB_MAX_ROWS,
    )
    if report.file_error:
        raise ValidationError(report.file_error)
    batch = ImportBatch(
        created_by=actor,
        filename=filename[:255],
        source=report.source,
        file_format=report.file_format,
        status=BatchStatus.PREVIEWED,
        skip_errors=skip_errors,
        content=content,
    )
    _store_report(batch, report)
    batch.save()
    return batch


def import_batch_commit(*, actor: User, batch: ImportBatch) -> ImportReport:
    """Run a previewed batch for real, re-reading its file (the registry may have changed since the preview)."""
    if batch.created_by_id != getattr(actor, "pk", None):
        raise PermissionDenied(NOT_YOURS)
    if batch.status != BatchStatus.PREVIEWED:
        raise ValidationError(ALREADY_COMMITTED)
    report = import_batch_run(
        actor=actor,
        filename=batch.filename,
        content=bytes(batch.content),
        source=batch.source,
        skip_errors=batch.skip_errors,
        batch=batch,
    )
    if not report.committed:  # rolled back: keep the batch waiting, with what this attempt found
        _store_report(batch, report)
        batch.save(update_fields=["report", *_COUNT_FIELDS, "updated_at"])
    return report


#
# 1. Read and check
#
def _prepare(*, actor: User, table: Table, report: ImportReport, review: float):
    report.file_format = table.file_format
    urls = [str(r.values.get(h) or "") for r in table.records[:5] for h in r.values if norm(h) in ("url", "link")]
    report.source = report.source or detect_source(table.headers, urls)
    spec = SPECS[report.source]
    flat = [_flatten(spec, table.file_format, record) for record in table.records]
    headers = table.headers
    if table.file_format == FileFormat.JSONL:
        headers = list(dict.fromkeys(key for values in flat for key in values))
    columns = resolve_columns(spec, headers)
    preparer = BatchPreparer(actor=actor, spec=spec, columns=columns, today=today(), review_below=review)
    rows = [preparer.read(record, values) for record, values in zip(table.records, flat, strict=True)]
    _mark_present(rows, spec.source, viewer=actor)
    for row in rows:  # a row with an error in its cells is checked in full too, so all its errors are listed
        if row.values and row.report.outcome in (Outcome.CREATED, Outcome.ERROR):
            preparer.complete(row)
    preparer.link_new_employers([row for row in rows if row.report.outcome != Outcome.PRESENT])
    report.rows = [row.report for row in rows]
    return rows, spec, columns


def _flatten(spec: SourceSpec, file_format: str, record: Record) -> dict[str, Any]:
    if spec.flatten is not None and file_format == FileFormat.JSONL and not record.error:
        return spec.flatten(record.values)
    return record.values


def _mark_present(rows: list[PreparedRow], source: str, *, viewer) -> None:
    """Rows whose posting is already in the registry, or earlier in the file, are 'present' and skipped.

    A posting another province's exchange imported is named only as such: its batch and vacancy are not the
    viewer's to read."""
    first_line: dict[str, int] = {}
    candidates = [r for r in rows if r.report.outcome in (Outcome.CREATED, Outcome.EXPIRED) and r.report.external_id]
    for row in candidates:
        line = first_line.setdefault(row.report.external_id, row.report.line)
        if line != row.report.line:
            row.report.outcome = Outcome.PRESENT
            row.report.note = str(DUPLICATE_IN_FILE.format(line=line, id=row.report.external_id))
    present = selectors.postings_present(source=source, external_ids=[r.report.external_id for r in candidates])
    visible = set(
        scope_queryset(Vacancy.objects.filter(pk__in=[p.vacancy_id for p in present.values()]), viewer).values_list(
            "pk", flat=True
        )
    )
    for row in candidates:
        posting = present.get(row.report.external_id)
        if posting is not None and row.report.outcome != Outcome.PRESENT and posting.vacancy_id not in visible:
            row.report.outcome, row.report.note = Outcome.PRESENT, str(PRESENT_ELSEWHERE)
        elif posting is not None and row.report.outcome != Outcome.PRESENT:
            day = date_format(timezone.localtime(posting.batch.created_at), "SHORT_DATE_FORMAT")
            row.report.outcome, row.report.vacancy_id = Outcome.PRESENT, posting.vacancy_id
            row.report.note = str(ALREADY_PRESENT.format(batch=posting.batch_id, day=day, vacancy=posting.vacancy_id))


#
# 2. Write
#
@dataclass(frozen=True)
class _Target:
    """What the writing step needs to know of the file: its source, its columns, the report being filled."""

    spec: SourceSpec
    columns: dict[str, str]
    report: ImportReport

    def column(self, field_name: str) -> str:
        return self.columns.get(field_name) or self.spec.label(field_name)


@transaction.atomic
def _write_all(*, actor: User, rows: list[PreparedRow], target: _Target, batch: ImportBatch | None) -> None:
    report = target.report
    if batch is not None:
        batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
        if batch.status != BatchStatus.PREVIEWED:
            raise ValidationError(ALREADY_COMMITTED)
    else:
        batch = ImportBatch(created_by=actor, filename=report.filename[:255], skip_errors=report.skip_errors)
    batch.source, batch.file_format, batch.status = report.source, report.file_format, BatchStatus.COMMITTED
    batch.save()
    registered: dict[str, Employer] = {}
    # The checks of vacancy_create read the registries once per employer, commune… (vacancy_batch), and the job
    # board indexes every vacancy once, when the rows are written (deferred), all in this transaction.
    with vacancy_batch(), indexing.deferred():
        for row in rows:
            if row.report.outcome == Outcome.CREATED:
                _write_row(actor=actor, row=row, target=target, batch=batch, registered=registered)
        report.committed = not report.dry_run and (report.skip_errors or not report.has_errors)
        if not report.committed:  # rolled back, so deferred() indexes nothing
            transaction.set_rollback(True)
    if not report.committed:
        for row in rows:
            if row.report.outcome != Outcome.PRESENT:
                row.report.vacancy_id = None
        return
    report.batch_id = batch.pk
    batch.content, batch.committed_at = b"", timezone.now()
    _store_report(batch, report)
    batch.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        instance=batch,
        changes={key: [None, value] for key, value in _audit_values(batch).items()},
        area=default_exchange_province(actor=actor, commune=None),
    )


def _write_row(*, actor: User, row: PreparedRow, target: _Target, batch: ImportBatch, registered: dict) -> None:
    """One row in its own savepoint: its employer (if the file registers it), vacancy and posting link."""
    new_employer = None
    if row.employer is None and row.new_employer is None:  # prepare.py gives such a row an error; never trust it
        row.report.error(target.column("company"), NO_EMPLOYER)
        return
    try:
        with transaction.atomic():
            employer = row.employer or registered.get(row.employer_tax_code)
            if employer is None and row.new_employer is not None:
                employer = new_employer = employer_create(actor=actor, data=row.new_employer)
            vacancy = vacancy_create(actor=actor, data={**row.vacancy, "employer": employer})
            ImportedPosting.objects.create(
                batch=batch,
                vacancy=vacancy,
                source=target.spec.source,
                external_id=row.report.external_id,
                url=row.report.url,
                line=row.report.line,
                raw=row.raw,
                flags=row.report.flags,
                occupation_score=row.report.occupation_score,
            )
    except ValidationError as exc:
        _service_errors(row, exc, target)
    except PermissionDenied as exc:
        row.report.error("", str(exc))
    except IntegrityError:
        row.report.error("", PRESENT_MEANWHILE)
    else:
        row.report.vacancy_id = vacancy.pk
        if new_employer is not None:
            registered[row.employer_tax_code] = new_employer


def _service_errors(row: PreparedRow, exc: ValidationError, target: _Target) -> None:
    """A service's field errors, each under the column of the file it came from."""
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    for field_name, messages in errors.items():
        row_field = FIELD_COLUMNS.get(field_name, "")
        if row_field == "occupation" and "occupation" not in target.columns:
            row_field = "title"  # the code was suggested from the title
        column = target.column(row_field) if row_field else ""
        for message in messages:
            row.report.error(column, message)


#
# Batch bookkeeping
#
_COUNT_FIELDS = ("row_count", "created_count", "present_count", "expired_count", "flagged_count", "error_count")


def _store_report(batch: ImportBatch, report: ImportReport) -> None:
    counts = report.counts
    batch.report = report.as_dict()
    batch.row_count, batch.created_count, batch.present_count = counts["rows"], counts["created"], counts["present"]
    batch.expired_count, batch.flagged_count, batch.error_count = counts["expired"], counts["flagged"], counts["errors"]


def _audit_values(batch: ImportBatch) -> dict[str, Any]:
    values = {"filename": batch.filename, "source": batch.source, "file_format": batch.file_format}
    values |= {field: getattr(batch, field) for field in _COUNT_FIELDS}
    return values


def import_batch_purge(*, older_than_days: int | None = None, report_days: int | None = None) -> tuple[int, int]:
    """Enforce the retention of import files (settings VIECLAM_IMPORT_PREVIEW_DAYS and VIECLAM_IMPORT_REPORT_DAYS).

    Previews never confirmed for `older_than_days` are deleted: the uploaded file and its row report hold names,
    phone numbers and tax codes (a person's CCCD for an individual employer), kept only while an officer decides.
    Committed batches stay (their postings link the vacancies), but their row report is emptied `report_days`
    after the commit. Returns (batches deleted, reports emptied)."""
    preview_days = settings.VIECLAM_IMPORT_PREVIEW_DAYS if older_than_days is None else older_than_days
    report_days = settings.VIECLAM_IMPORT_REPORT_DAYS if report_days is None else report_days
    now = timezone.now()
    stale = ImportBatch.objects.filter(status=BatchStatus.PREVIEWED, created_at__lt=now - dt.timedelta(preview_days))
    deleted, _by_model = stale.delete()
    old = ImportBatch.objects.filter(status=BatchStatus.COMMITTED, committed_at__lt=now - dt.timedelta(report_days))
    emptied = 0
    for batch in old.only("pk", "report").iterator():
        if not batch.report.get("rows"):
            continue
        batch.report = {**batch.report, "rows": [], "purged": True}
        batch.save(update_fields=["report", "updated_at"])
        emptied += 1
    return deleted, emptied
