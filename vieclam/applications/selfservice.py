"""Self-service sign-up: a worker or an employer creates an account and its own registry record in one go.

The account comes from accounts.services.user_create; the record from the owning app's self-service service
(people.services.person_register_self, employers.services.employer_register_self), which runs the same checks
and audit trail as the staff services, under the new account's own name. Everything commits in one transaction:
a failing step leaves no half-made account behind.

Posting a vacancy for approval is vacancies.services.vacancy_submit_for_approval, called by the view directly.
"""

from __future__ import annotations

from django.db import transaction

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.accounts.services import user_create
from vieclam.employers.services import employer_register_self
from vieclam.people.services import person_register_self
from vieclam.places.models import AdministrativeUnit

__all__ = ("employer_register", "worker_register")


@transaction.atomic
def worker_register(*, username: str, password: str, commune: AdministrativeUnit, data: dict) -> User:
    """A worker account (role worker) and its own Person record in `commune`, linked by Person.account.

    `data`: full_name, national_id, date_of_birth, sex, phone (see people.services.person_register_self).
    """
    user = user_create(actor=None, username=username, role=Role.WORKER, password=password, first_name=data["full_name"])
    _set_phone(user, data.get("phone", ""))
    person_register_self(account=user, commune=commune, data=data)
    return user


@transaction.atomic
def employer_register(*, username: str, password: str, data: dict) -> User:
    """An employer account (role employer) and its Employer record, linked by Employer.account.

    `data` is what employers.services.employer_register_self takes (name, tax_code, employer_type, commune, phone…).
    """
    user = user_create(actor=None, username=username, role=Role.EMPLOYER, password=password, first_name=data["name"])
    _set_phone(user, data.get("phone", ""))
    employer_register_self(account=user, data=data)
    return user


def _set_phone(user: User, phone: str) -> None:
    if phone:
        user.phone = phone
        user.save(update_fields=["phone"])
