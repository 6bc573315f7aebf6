"""`vieclam import_vacancies FILE --user USERNAME [--source …] [--dry-run] [--skip-errors]`.

Imports the postings of a TopCV, VietnamWorks or ITviec export (CSV, XLSX or JSON Lines) or of our template as
vacancies of the user's provincial exchange, prints a summary (created, already present, expired, flagged,
errors) with every error and flag by row and column, and exits with status 1 when any row has an error.
All or nothing unless --skip-errors; --dry-run checks everything and writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from vieclam.accounts.models import User
from vieclam.imports.choices import Source
from vieclam.imports.prepare import OCCUPATION_REVIEW_BELOW
from vieclam.imports.report import ImportReport
from vieclam.imports.services import import_batch_run


class Command(BaseCommand):
    help = (
        "Nhập việc tìm người từ tệp tin tuyển dụng của TopCV, VietnamWorks, ITviec hoặc mẫu của sàn "
        "(CSV, XLSX, JSONL). Import vacancies from another job board's export."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV, XLSX or JSONL file")
        parser.add_argument("--user", required=True, help="the importing officer (their province's exchange)")
        parser.add_argument("--source", choices=Source.values, default="", help="default: detected from the file")
        parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
        parser.add_argument("--skip-errors", action="store_true", help="import the good rows, list the bad ones")
        parser.add_argument(
            "--review-below",
            type=float,
            default=OCCUPATION_REVIEW_BELOW,
            help=f"flag occupation suggestions below this confidence (default {OCCUPATION_REVIEW_BELOW})",
        )

    def handle(self, *args, file: str, user: str, source: str, dry_run: bool, skip_errors: bool, **options):
        actor = User.objects.filter(username=user, is_active=True).first()
        if actor is None:
            raise CommandError(f"Không có người dùng đang hoạt động '{user}' (no such active user).")
        path = Path(file)
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp {path} (cannot read the file): {exc.strerror}.") from exc
        try:
            report = import_batch_run(
                actor=actor,
                filename=path.name,
                content=content,
                source=source,
                dry_run=dry_run,
                skip_errors=skip_errors,
                review_below=options["review_below"],
            )
        except (PermissionDenied, ValidationError) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)]))) from exc
        self._print(report)
        if report.has_errors:
            raise CommandError(self._verdict(report), returncode=1)

    def _print(self, report: ImportReport) -> None:
        counts = report.counts
        self.stdout.write(f"Tệp / file: {report.filename} ({report.file_format or '?'}, {report.source or '?'})")
        if not report.file_error:
            created = "Sẽ tạo / would create" if not report.committed else "Đã tạo / created"
            self.stdout.write(f"  Số dòng / rows: {counts['rows']}")
            self.stdout.write(f"  {created}: {counts['created']}")
            self.stdout.write(f"  Đã có / already present: {counts['present']}")
            self.stdout.write(f"  Hết hạn, bỏ qua / expired, skipped: {counts['expired']}")
            self.stdout.write(f"  Cần kiểm tra / flagged: {counts['flagged']}")
        self.stdout.write(f"  Lỗi / errors: {counts['errors']}")
        for line in report.error_lines():
            self.stdout.write(f"    ✗ {line}")
        for line in report.flag_lines():
            self.stdout.write(f"    ⚑ {line}")
        if not report.has_errors:
            self.stdout.write(self._verdict(report))

    @staticmethod
    def _verdict(report: ImportReport) -> str:
        if report.committed:
            return f"Đã ghi lô số {report.batch_id} / batch {report.batch_id} committed."
        if report.dry_run:
            return "Chạy thử: không ghi gì / dry run: nothing written."
        return "Có lỗi: không ghi gì (dùng --skip-errors để nhập các dòng đúng) / errors: nothing written."
