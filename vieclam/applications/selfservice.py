"""Self-service writes: a worker or an employer signs up, an employer posts a vacancy for approval.

Each one calls the owning app's service (people, employers, vacancies) through applications.delegation, so the
same validation and audit trail apply as for staff, and commits everything in one transaction: a failing step
leaves no half-made account behind.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.accounts.services import user_create
from vieclam.applications.delegation import on_behalf
from vieclam.core.audit import audit_record
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today
from vieclam.employers.models import Employer
from vieclam.employers.services import employer_create
from vieclam.people.models import LABOUR_AGE, Person
from vieclam.people.services import person_create
from vieclam.places.models import AdministrativeUnit
from vieclam.vacancies.choices import VacancyStatus
from vieclam.vacancies.models import Vacancy
from vieclam.vacancies.services import vacancy_create

__all__ = ("employer_register", "employer_vacancy_create", "worker_register")

PERSON_FIELDS = ("full_name", "national_id", "date_of_birth", "sex", "phone")
NATIONAL_ID_TAKEN = _(
    "Số CCCD này đã có trong sổ đăng ký lao động. Hãy liên hệ UBND xã hoặc trung tâm dịch vụ việc làm "
    "để được gắn tài khoản với hồ sơ đã có."
)
UNDER_AGE = _("Người lao động đăng ký tài khoản phải đủ {age} tuổi.")
NOT_EMPLOYER = _("Chỉ tài khoản người sử dụng lao động được đăng tin tuyển dụng.")
NOT_YOUR_EMPLOYER = _("Chọn một doanh nghiệp của tài khoản bạn.")


@transaction.atomic
def worker_register(*, username: str, password: str, commune: AdministrativeUnit, data: dict) -> User:
    """A worker account (role worker) and its own Person record in `commune`, linked by Person.account.

    `data`: full_name, national_id, date_of_birth, sex, phone. A CCCD already in the registry is refused
    without saying whose it is: the existing record is linked by staff, not claimed by whoever knows the number.
    """
    nid = (data.get("national_id") or "").strip()
    if nid and Person.objects.filter(national_id=nid).exists():
        raise ValidationError({"national_id": str(NATIONAL_ID_TAKEN)})
    dob = data.get("date_of_birth")
    if dob and Person(date_of_birth=dob).age_on(today()) < LABOUR_AGE:
        raise ValidationError({"date_of_birth": UNDER_AGE.format(age=LABOUR_AGE)})
    user = user_create(actor=None, username=username, role=Role.WORKER, password=password, first_name=data["full_name"])
    _set_phone(user, data.get("phone", ""))
    values = {field: data[field] for field in PERSON_FIELDS if data.get(field)}
    values["residence_commune"] = commune.code
    person, _warnings = person_create(actor=on_behalf(user, units=[commune]), data=values)
    person.account = user
    person.save(update_fields=["account", "updated_at"])
    changes = {"account": [None, user.username]}
    audit_record(actor=user, action=AuditAction.UPDATE, instance=person, changes=changes, area=commune)
    return user


@transaction.atomic
def employer_register(*, username: str, password: str, data: dict) -> User:
    """An employer account (role employer) and its Employer record, linked by Employer.account.

    `data` is what employers.services.employer_create takes (name, tax_code, employer_type, commune, phone…).
    """
    user = user_create(actor=None, username=username, role=Role.EMPLOYER, password=password, first_name=data["name"])
    _set_phone(user, data.get("phone", ""))
    employer = employer_create(actor=on_behalf(user, units=[data.get("commune")]), data=data)
    employer.account = user
    employer.save(update_fields=["account", "updated_at"])
    changes = {"account": [None, user.username]}
    audit_record(actor=user, action=AuditAction.UPDATE, instance=employer, changes=changes, area=employer.commune)
    return user


@transaction.atomic
def employer_vacancy_create(*, actor, employer: Employer, data: dict) -> Vacancy:
    """A vacancy posted by the employer's own account: always a draft, waiting for a counsellor's approval.

    It is held by the exchange of the employer's province, whose counsellors approve it (applications:approvals).
    `data` is what vacancies.services.vacancy_create takes, without employer, status and exchange_province.
    """
    if not getattr(actor, "is_authenticated", False) or actor.role != Role.EMPLOYER:
        raise PermissionDenied(NOT_EMPLOYER)
    if employer.account_id != actor.pk:
        raise ValidationError({"employer": str(NOT_YOUR_EMPLOYER)})
    exchange = employer.commune.province
    values = {**data, "employer": employer, "exchange_province": exchange, "status": VacancyStatus.DRAFT}
    return vacancy_create(actor=on_behalf(actor, units=[exchange]), data=values)


def _set_phone(user: User, phone: str) -> None:
    if phone:
        user.phone = phone
        user.save(update_fields=["phone"])
