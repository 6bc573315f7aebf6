"""Self-service sign-up: a worker or an employer creates an account and its own registry record in one go.

The account comes from accounts.services.user_create; the record from the owning app's self-service service
(people.services.person_register_self, employers.services.employer_register_self), which runs the same checks
and audit trail as the staff services, under the new account's own name. Everything commits in one transaction:
a failing step leaves no half-made account behind.

No enumeration: the answer to a sign-up never depends on what else is in the registry. The username is
generated (accounts.services.username_generate), and a CCCD or tax code already registered is not refused: the
account is created all the same and an AccountClaim asks the staff of that record's area to link the two once they
have checked the person's papers (account_claim_confirm) or to refuse (account_claim_reject, which closes the
account). The account also gets its own record at once, a Person made without the CCCD or an Employer made without
the tax code, so that nothing on its own pages differs from a new number's; confirming merges that record into the
registered one, refusing leaves it as it is.

Posting a vacancy for approval is vacancies.services.vacancy_submit_for_approval, called by the view directly.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.accounts.scoping import scope_for
from vieclam.accounts.services import user_create, username_generate
from vieclam.applications.choices import ClaimStatus
from vieclam.applications.models import AccountClaim, Application
from vieclam.core.audit import audit_record
from vieclam.core.choices import AuditAction
from vieclam.employers.models import Employer
from vieclam.employers.services import employer_register_self_check, employer_register_self_unverified
from vieclam.people.models import Consent, Person
from vieclam.people.services import (
    person_register_self,
    person_register_self_check,
    person_register_self_unverified,
)
from vieclam.places.models import AdministrativeUnit
from vieclam.seekers.choices import ProfileStatus
from vieclam.seekers.models import JobSeekerProfile

__all__ = ("account_claim_confirm", "account_claim_reject", "employer_register", "worker_register")

CLAIM_DECIDED = _("Yêu cầu này đã được xử lý.")
CLAIM_OUTSIDE_AREA = _("Yêu cầu này nằm ngoài địa bàn bạn phụ trách.")
RECORD_HAS_ACCOUNT = _("Hồ sơ này đã gắn với một tài khoản khác.")
ACCOUNT_HAS_RECORD = _("Tài khoản này đã gắn với một hồ sơ khác.")


@transaction.atomic
def worker_register(
    *, password: str, commune: AdministrativeUnit, data: dict, email: str = "", username: str | None = None
) -> User:
    """A worker account (role worker) and its own Person record in `commune`, linked by Person.account; when the
    CCCD is already registered, the account and a pending claim on that record instead.

    `data`: full_name, national_id, date_of_birth, sex, phone (see people.services.person_register_self). With a
    CCCD already registered, the account's own record is made without it (person_register_self_unverified).
    `username` is for the demo data and tests; the sign-up page leaves it to username_generate.
    """
    phone = data.get("phone", "")
    user = _account(Role.WORKER, name=data["full_name"], password=password, email=email, phone=phone, username=username)
    existing = person_register_self_check(account=user, commune=commune, data=data)
    if existing is None:
        person_register_self(account=user, commune=commune, data=data)
    else:
        # The account gets its own record all the same, made from what was typed, less the CCCD (it is the other
        # record's): its pages then behave exactly as for a new number. Staff confirm (the records are merged) or
        # refuse (the account is closed).
        person_register_self_unverified(account=user, commune=commune, data=data)
        declared = {**_declared(data, secret="national_id"), "residence_commune": commune.name}
        _claim_create(account=user, person=existing, area=existing.residence_commune, declared=declared)
    return user


@transaction.atomic
def employer_register(*, password: str, data: dict, email: str = "", username: str | None = None) -> User:
    """An employer account (role employer) and its Employer record, linked by Employer.account; when the tax
    code is already registered, the record is made without it and a pending claim on that employer waits for staff.

    `data` is what employers.services.employer_register_self takes (name, tax_code, employer_type, commune, phone…).
    """
    phone = data.get("phone", "")
    user = _account(Role.EMPLOYER, name=data["name"], password=password, email=email, phone=phone, username=username)
    _checked, existing = employer_register_self_check(account=user, data=data)
    # As for workers: the account's own employer is made all the same (without a tax code another employer holds),
    # so its pages behave as for a new tax code; confirming the claim merges it into the registered employer.
    employer_register_self_unverified(account=user, data=data)
    if existing is not None:
        _claim_create(
            account=user, employer=existing, area=existing.commune, declared=_declared(data, secret="tax_code")
        )
    return user


def _account(role: str, *, name: str, password: str, email: str, phone: str, username: str | None) -> User:
    username = username or username_generate(name=name)
    user = user_create(actor=None, username=username, role=role, password=password, first_name=name, email=email)
    if phone:
        user.phone = phone
        user.save(update_fields=["phone"])
    return user


def _declared(data: dict, *, secret: str) -> dict:
    """What the person stated, as the officer will read it (the matched number itself is not repeated)."""
    values = {}
    for key, value in data.items():
        if key == secret or value in (None, "") or isinstance(value, bool):
            continue
        values[key] = date_format(value, "SHORT_DATE_FORMAT") if isinstance(value, dt.date) else str(value)
    return values


def _claim_create(*, account: User, area: AdministrativeUnit, declared: dict, **record) -> AccountClaim:
    claim = AccountClaim.objects.create(account=account, area=area, declared=declared, **record)
    changes = {"account": [None, account.username], **{k: [None, str(v.pk)] for k, v in record.items()}}
    audit_record(actor=account, action=AuditAction.CREATE, instance=claim, changes=changes, area=area)
    return claim


@transaction.atomic
def account_claim_confirm(*, actor: User, claim: AccountClaim) -> AccountClaim:
    """Link the claiming account to the record (after the officer has checked the person's papers)."""
    claim = _claim_for_decision(actor, claim)
    record = claim.record
    model = type(record)
    record = model.objects.select_for_update().get(pk=record.pk)
    if record.account_id is not None:
        raise ValidationError(RECORD_HAS_ACCOUNT)
    if isinstance(record, Person):
        own = Person.objects.select_for_update().filter(account=claim.account).first()
        if own is not None and own.national_id:
            raise ValidationError(ACCOUNT_HAS_RECORD)
        if own is not None:  # the record made at sign-up without the CCCD (person_register_self_unverified)
            _person_merge(actor=actor, source=own, target=record, area=claim.area)
    if isinstance(record, Employer):
        owned = list(Employer.objects.select_for_update().filter(account=claim.account).order_by("pk"))
        if any(employer.tax_code for employer in owned):
            raise ValidationError(ACCOUNT_HAS_RECORD)
        for own_employer in owned:  # made at sign-up without the tax code (employer_register_self_unverified)
            _employer_merge(actor=actor, source=own_employer, target=record, area=claim.area)
    record.account = claim.account
    record.save(update_fields=["account", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        instance=record,
        changes={"account": [None, claim.account.username]},
        area=claim.area,
    )
    return _claim_decide(actor, claim, ClaimStatus.CONFIRMED)


MERGE_OPEN_TWICE = _("Cả hai hồ sơ đều đang ứng tuyển “{title}”: hãy cho rút một đơn trước khi gắn tài khoản.")


def _person_merge(*, actor: User, source: Person, target: Person, area: AdministrativeUnit) -> None:
    """What the worker did under the record made at sign-up moves to the registered record, then that record goes.

    Applications, job-seeker profiles and consents move; the sign-up's own "registered" labour event goes with its
    record (the registered record has its own). A consent the target already has in force is kept as it is. When
    both have an active job-seeker profile, the worker's own (newer) one stays active and the target's is closed.
    """
    open_here = set(Application.objects.open().filter(person=target).values_list("vacancy_id", flat=True))
    for application in Application.objects.open().filter(person=source, vacancy_id__in=open_here):
        raise ValidationError(MERGE_OPEN_TWICE.format(title=application.vacancy.title))
    moved = {"applications": Application.objects.filter(person=source).update(person=target)}
    if JobSeekerProfile.objects.filter(person=source, status=ProfileStatus.ACTIVE).exists():
        for profile in JobSeekerProfile.objects.filter(person=target, status=ProfileStatus.ACTIVE):
            profile.status = ProfileStatus.CLOSED
            profile.save(update_fields=["status", "updated_at"])
            changes = {"status": [ProfileStatus.ACTIVE.value, ProfileStatus.CLOSED.value]}
            audit_record(actor=actor, action=AuditAction.UPDATE, instance=profile, changes=changes, area=area)
    profiles = list(JobSeekerProfile.objects.filter(person=source))
    for profile in profiles:
        profile.person = target
        profile.copy_person_facts()
        profile.save()
    moved["profiles"] = len(profiles)
    in_force = set(Consent.objects.filter(person=target, withdrawn_at=None).values_list("purpose", flat=True))
    Consent.objects.filter(person=source, withdrawn_at=None, purpose__in=in_force).delete()
    moved["consents"] = Consent.objects.filter(person=source).update(person=target)
    changes = {"account": [source.account.username if source.account else None, None], "merged_into": [None, target.pk]}
    audit_record(actor=actor, action=AuditAction.DELETE, instance=source, changes={**changes, **moved}, area=area)
    source.delete()


MERGE_CLASH = _(
    "Không gắn được: cả hai người sử dụng lao động đều có {kind} trùng nhau. Hãy sửa một bên trước khi gắn tài khoản."
)


def _employer_merge(*, actor: User, source: Employer, target: Employer, area: AdministrativeUnit) -> None:
    """What the account did under the employer made at sign-up moves to the registered employer, then that record
    goes (audited, with what moved).

    Vacancies are saved one by one, so their search text and the job board's index take the registered employer's
    name; every other record pointing at an employer (connections, fair booths…, read from the model's relations so
    a new kind is not forgotten) moves in one update. One that would then be there twice (two booths at the same
    fair) refuses the whole confirmation with a message naming the kind of record."""
    from vieclam.vacancies.models import Vacancy  # vacancies reads employers: imported late, as in the selectors

    moved: dict[str, int] = {}
    vacancies = list(Vacancy.objects.filter(employer=source).select_related("occupation", "workplace_commune"))
    for vacancy in vacancies:
        vacancy.employer = target
        vacancy.save(update_fields=["employer", "search_text", "updated_at"])
        changes = {"employer": [source.name, target.tax_code]}  # as vacancies.services audits it: by the tax code
        audit_record(
            actor=actor, action=AuditAction.UPDATE, instance=vacancy, changes=changes, area=vacancy.workplace_commune
        )
    moved["vacancies"] = len(vacancies)
    for relation in Employer._meta.get_fields(include_hidden=True):  # hidden too: booths point here with "+"
        if not relation.auto_created or relation.concrete or relation.many_to_many:
            continue
        if relation.related_model is Vacancy:
            continue
        model, name = relation.related_model, relation.field.name
        try:
            with transaction.atomic():
                count = model._default_manager.filter(**{name: source}).update(**{name: target})
        except IntegrityError as exc:
            raise ValidationError(MERGE_CLASH.format(kind=model._meta.verbose_name_plural)) from exc
        if count:
            moved[model._meta.model_name] = count
    changes = {"account": [source.account.username if source.account else None, None], "merged_into": [None, target.pk]}
    audit_record(actor=actor, action=AuditAction.DELETE, instance=source, changes={**changes, **moved}, area=area)
    source.delete()


CLOSED_SUBJECT = _("Tài khoản trên sàn việc làm đã bị khoá")
CLOSED_BODY = _(
    "Tài khoản {username} trên sàn việc làm đã bị khoá vì thông tin đăng ký chưa được xác minh. "
    "Nếu đây là nhầm lẫn, xin mang giấy tờ tùy thân đến trung tâm dịch vụ việc làm hoặc UBND xã, phường gần nhất."
)


@transaction.atomic
def account_claim_reject(*, actor: User, claim: AccountClaim) -> AccountClaim:
    """Refuse the link: the officer found that the account is not the record's owner, so the account is closed
    (is_active False, audited) and, when it gave an email, told so in neutral words (nothing about the record).

    The record is left alone; a real owner can still be registered or linked by staff. The email goes out once the
    transaction commits, so a failed decision sends nothing."""
    claim = _claim_decide(actor, _claim_for_decision(actor, claim), ClaimStatus.REJECTED)
    account = User.objects.select_for_update().get(pk=claim.account_id)
    if account.is_active:
        account.is_active = False
        account.save(update_fields=["is_active"])
        changes = {"is_active": [True, False]}
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=account, changes=changes, area=claim.area)
    if account.email:
        subject, body = str(CLOSED_SUBJECT), str(CLOSED_BODY).format(username=account.username)
        address = account.email
        transaction.on_commit(lambda: send_mail(subject, body, None, [address], fail_silently=True))
    return claim


def _claim_for_decision(actor: User, claim: AccountClaim) -> AccountClaim:
    if not getattr(actor, "is_staff_role", False) or not scope_for(actor).covers_unit(claim.area):
        raise PermissionDenied(CLAIM_OUTSIDE_AREA)
    claim = AccountClaim.objects.select_for_update().select_related("account", "area").get(pk=claim.pk)
    if claim.status != ClaimStatus.PENDING:
        raise ValidationError(CLAIM_DECIDED)
    return claim


def _claim_decide(actor: User, claim: AccountClaim, status: str) -> AccountClaim:
    claim.status, claim.decided_by, claim.decided_at = status, actor, timezone.now()
    claim.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    changes = {"status": [ClaimStatus.PENDING.value, status]}
    audit_record(actor=actor, action=AuditAction.UPDATE, instance=claim, changes=changes, area=claim.area)
    return claim
