"""`vieclam purge_import_previews [--days N] [--report-days M]`: enforce the retention of import files (run daily).

Previews never confirmed are deleted after N days (settings VIECLAM_IMPORT_PREVIEW_DAYS, 7 by default); the
row-by-row report of a committed batch is emptied M days after the commit (VIECLAM_IMPORT_REPORT_DAYS, 90).
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from vieclam.imports.services import import_batch_purge


class Command(BaseCommand):
    help = (
        "Xóa các lô nhập đã xem trước mà không xác nhận quá N ngày và chi tiết từng dòng của lô đã ghi quá M ngày. "
        "Enforce the retention of import previews and reports."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="age in days of the previews to delete")
        parser.add_argument("--report-days", type=int, default=None, help="age in days of the reports to empty")

    def handle(self, *args, days: int | None, report_days: int | None, **options):
        days = settings.VIECLAM_IMPORT_PREVIEW_DAYS if days is None else days
        report_days = settings.VIECLAM_IMPORT_REPORT_DAYS if report_days is None else report_days
        if days < 0 or report_days < 0:
            raise CommandError("--days và --report-days phải là số ngày không âm.")
        deleted, emptied = import_batch_purge(older_than_days=days, report_days=report_days)
        self.stdout.write(f"Đã xóa {deleted} lô nhập chưa xác nhận quá {days} ngày.")
        self.stdout.write(f"Đã xóa chi tiết từng dòng của {emptied} lô nhập đã ghi quá {report_days} ngày.")
