"""`vieclam demo`: migrate, load reference data, create the demo users and a synthetic demo province."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from vieclam.core.dates import today
from vieclam.demo.generate import demo_already_loaded, demo_generate, persons_for
from vieclam.demo.users import DEMO_PASSWORD, demo_accounts_link, demo_users_create
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit


class Command(BaseCommand):
    help = "Prepare the database and load the demo province (idempotent: a loaded province is left as it is)."

    def add_arguments(self, parser):
        parser.add_argument("--province", default=None, help="Province code (default: VIECLAM_DEMO_PROVINCE, 80)")
        parser.add_argument("--size", default="small", help="small (≈5.000 persons), province (≈1.000.000) or N")
        parser.add_argument("--seed", type=int, default=2026, help="Same seed, same province")
        parser.add_argument("--password", default=DEMO_PASSWORD)

    def handle(self, *args, province=None, size="small", seed=2026, password=DEMO_PASSWORD, **options):
        try:
            persons = persons_for(size)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        code = province or settings.VIECLAM_DEMO_PROVINCE
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_reference", stdout=self.stdout)
        unit = AdministrativeUnit.objects.valid_on(today()).filter(level=Level.PROVINCE, code=code).first()
        if unit is None:
            raise CommandError(f"Không có tỉnh mã {code} (no province with code {code}).")
        users = demo_users_create(province_code=code, password=password)
        self._generate(unit, persons, seed)
        call_command("jobs_reindex", stdout=self.stdout)  # the generator writes with COPY: no signals fired
        demo_accounts_link(province=unit)
        self.stdout.write(self.style.SUCCESS("Demo users (tên đăng nhập / mật khẩu):"))
        for user, created in users:
            areas = ", ".join(a.name for a in user.areas.all()) or "—"
            state = "" if created else " (đã có)"
            self.stdout.write(f"  {user.username:<16} {password:<20} {user.get_role_display()} · {areas}{state}")

    def _generate(self, unit, persons: int, seed: int) -> None:
        if demo_already_loaded(unit):
            self.stdout.write(f"{unit.name}: demo data already loaded, left as it is.")
            return
        stats = demo_generate(province=unit, persons=persons, seed=seed)
        rows = sum(v for k, v in stats.items() if not k.endswith("seconds"))
        seconds = stats["generate_seconds"] + stats["write_seconds"]
        detail = ", ".join(f"{k} {v}" for k, v in stats.items() if not k.endswith("seconds"))
        self.stdout.write(f"{unit.name}: {detail}")
        self.stdout.write(
            f"  {rows} rows in {seconds:.1f} s ({rows / seconds:,.0f} rows/s; "
            f"generate {stats['generate_seconds']:.1f} s, write {stats['write_seconds']:.1f} s)"
        )
