"""The demo province: one user per role in a real province (default Tây Ninh, which absorbed Long An)."""

from __future__ import annotations

from django.conf import settings

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.accounts.services import user_create
from vieclam.core.dates import today
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit

DEMO_PASSWORD = "vieclam-demo-2026"


def demo_users_create(*, province_code: str | None = None, password: str = DEMO_PASSWORD) -> list[tuple[User, bool]]:
    """Create the six demo users (idempotent); returns (user, created) pairs."""
    province_code = province_code or settings.VIECLAM_DEMO_PROVINCE
    province = AdministrativeUnit.objects.valid_on(today()).get(level=Level.PROVINCE, code=province_code)
    commune = AdministrativeUnit.objects.valid_on(today()).filter(level=Level.COMMUNE, province=province).first()
    cast = [
        ("demo-admin", Role.ADMIN, [], "Quản trị", "hệ thống"),
        ("demo-province", Role.PROVINCE_OFFICER, [province.code], "Cán bộ", "Sở Nội vụ"),
        ("demo-counsellor", Role.COUNSELLOR, [province.code], "Tư vấn viên", "Trung tâm DVVL"),
        ("demo-commune", Role.COMMUNE_OFFICER, [commune.code], "Cán bộ", commune.short_name),
        ("demo-employer", Role.EMPLOYER, [], "Nhà tuyển dụng", "mẫu"),
        ("demo-worker", Role.WORKER, [], "Người lao động", "mẫu"),
    ]
    result = []
    for username, role, areas, first, last in cast:
        existing = User.objects.filter(username=username).first()
        if existing:
            result.append((existing, False))
            continue
        user = user_create(actor=None, username=username, role=role, password=password, area_codes=areas,
                           first_name=first, last_name=last)  # fmt: skip
        if role == Role.ADMIN:
            User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
        result.append((user, True))
    return result


def demo_accounts_link(*, province) -> None:
    """Give demo-employer a company with vacancies and demo-worker a person with a job-seeker profile."""
    from vieclam.employers.models import Employer
    from vieclam.people.models import Person

    employer_user = User.objects.filter(username="demo-employer").first()
    if employer_user and not employer_user.employers.exists():
        employer = Employer.objects.filter(commune__province=province, vacancies__isnull=False).order_by("pk").first()
        if employer:
            Employer.objects.filter(pk=employer.pk).update(account=employer_user)
    worker_user = User.objects.filter(username="demo-worker").first()
    if worker_user and not Person.objects.filter(account=worker_user).exists():
        person = Person.objects.filter(residence_commune__province=province, job_seeker_profiles__isnull=False)
        person = person.order_by("pk").first()
        if person:
            Person.objects.filter(pk=person.pk).update(account=worker_user)
