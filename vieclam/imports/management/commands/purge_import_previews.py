"""`vieclam purge_import_previews [--days 7]`: delete import previews never confirmed (run daily)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from vieclam.imports.services import import_batch_purge


class Command(BaseCommand):
    help = "Xóa các lô nhập đã xem trước mà không xác nhận quá N ngày. Delete unconfirmed import previews."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="age in days of the previews to delete (default 7)")

    def handle(self, *args, days: int, **options):
        if days < 0:
            self.stderr.write("--days phải là số ngày không âm.")
            raise SystemExit(2)
        deleted = import_batch_purge(older_than_days=days)
        self.stdout.write(f"Đã xóa {deleted} lô nhập chưa xác nhận quá {days} ngày.")
