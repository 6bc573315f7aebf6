"""`vieclam demo`: migrate, load reference data and create the demo province's users."""

from __future__ import annotations

from django.core.management import call_command
from django.core.management.base import BaseCommand

from vieclam.core.demo import DEMO_PASSWORD, demo_users_create


class Command(BaseCommand):
    help = "Prepare the database and load the demo province (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--province", default=None, help="Province code (default: VIECLAM_DEMO_PROVINCE, 80)")
        parser.add_argument("--password", default=DEMO_PASSWORD)

    def handle(self, *args, province=None, password=DEMO_PASSWORD, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_reference", stdout=self.stdout)
        users = demo_users_create(province_code=province, password=password)
        self.stdout.write(self.style.SUCCESS("Demo users (tên đăng nhập / mật khẩu):"))
        for user, created in users:
            areas = ", ".join(a.name for a in user.areas.all()) or "—"
            state = "" if created else " (đã có)"
            self.stdout.write(f"  {user.username:<16} {password:<20} {user.get_role_display()} · {areas}{state}")
