"""Writes on applications: submit, refer, move along the transition table, expire.

Every write is one transaction: the application, its ApplicationEvent (time + actor) and an AuditEvent commit
together, and nothing is written when a ValidationError (keyed by the input field, in Vietnamese) is raised.
An actor who cannot see the application (another employer, another worker) gets Http404, as if it did not exist.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import scope_for, scope_queryset
from vieclam.applications.choices import (
    OPEN_STATUSES,
    ApplicationChannel,
    ApplicationStatus,
    RefusalReason,
    Side,
    allowed_transitions,
)
from vieclam.applications.models import Application, ApplicationEvent
from vieclam.codelists.models import CodeItem
from vieclam.core.audit import audit_record
from vieclam.core.choices import AuditAction
from vieclam.core.dates import today as local_today
from vieclam.people.models import LABOUR_AGE, Person
from vieclam.people.validation import Errors
from vieclam.seekers.services import profile_place_on_hire
from vieclam.vacancies.choices import CODED_FIELDS, OBSOLETE_CONTRACT_TYPES, VacancyStatus
from vieclam.vacancies.models import Vacancy

if TYPE_CHECKING:
    from vieclam.accounts.models import User

__all__ = (
    "TRANSITION_FIELDS",
    "application_refer",
    "application_submit",
    "application_transition",
    "applications_expire",
)

# What application_transition accepts besides to_status (the API and the forms use the same names).
TRANSITION_FIELDS = ("contract_type", "start_date", "reason", "note", "interview_at")
NOTE_MAX = 1000
# An expired vacancy's open applications stay open this long after its deadline, so the employer can still
# decide on the candidates who applied in time.
EXPIRED_VACANCY_GRACE_DAYS = 30

ONLY_WORKER = _("Chỉ tài khoản người lao động được tự ứng tuyển; cán bộ hãy dùng “Giới thiệu việc làm”.")
NO_PERSON = _("Tài khoản của bạn chưa gắn với hồ sơ người lao động: hãy liên hệ trung tâm dịch vụ việc làm.")
NOT_YOURSELF = _("Bạn chỉ được ứng tuyển cho chính mình.")
ONLY_STAFF = _("Chỉ cán bộ (quản trị, cấp tỉnh, tư vấn viên, cấp xã) được giới thiệu việc làm.")
PERSON_OUTSIDE = _("{name} cư trú ngoài địa bàn bạn phụ trách.")
PERSON_UNDER_AGE = _("{name} chưa đủ {min_age} tuổi.")
VACANCY_NOT_OPEN = _("Việc làm “{title}” không nhận hồ sơ ({status}).")
DEADLINE_PASSED = _("Việc làm “{title}” đã hết hạn nộp hồ sơ ngày {day}.")
ALREADY_APPLIED = _("Bạn đã ứng tuyển việc làm này (hồ sơ #{pk} đang được xét).")
ALREADY_REFERRED = _("{name} đã có hồ sơ đang được xét cho việc làm này (#{pk}).")
NOTE_TOO_LONG = _("Ghi chú tối đa {max} ký tự.")
UNKNOWN_FIELD = _("Không có trường này.")
UNKNOWN_STATUS = _("Không có trạng thái “{status}”: dùng một trong {choices}.")
SAME_STATUS = _("Hồ sơ đã ở trạng thái “{status}”.")
BAD_TRANSITION = _("Không chuyển được từ “{old}” sang “{new}”. {hint}")
ALLOWED = _("Bạn chỉ được chuyển sang: {statuses}.")
NOTHING_ALLOWED = _("Hồ sơ ở trạng thái này bạn không chuyển tiếp được.")
REQUIRED = _("Trường này bắt buộc.")
BAD_CONTRACT = _("Không có loại hợp đồng “{code}” trong danh mục đang có hiệu lực.")
OBSOLETE_CONTRACT = _(
    "Bộ luật Lao động 2019 không còn hợp đồng mùa vụ: chọn hợp đồng xác định hoặc không xác định thời hạn."
)
BAD_DATE = _("Ngày không hợp lệ (dd/mm/yyyy).")
BAD_DATETIME = _("Thời gian không hợp lệ.")
BAD_REASON = _("Không có lý do “{reason}”: dùng một trong {choices}.")


#
# Submit and refer
#
@transaction.atomic
def application_submit(*, actor: User, vacancy: Vacancy, person: Person) -> Application:
    """A worker applies to an open vacancy for themself (their own Person, linked through Person.account)."""
    if not getattr(actor, "is_authenticated", False) or actor.role != Role.WORKER:
        raise PermissionDenied(ONLY_WORKER)
    own = Person.objects.filter(account=actor).values_list("pk", flat=True).first()
    if own is None:
        raise ValidationError({"person": str(NO_PERSON)})
    if person is None or person.pk != own:
        raise ValidationError({"person": str(NOT_YOURSELF)})
    return _create(actor=actor, vacancy=vacancy, person=person, channel=ApplicationChannel.APPLIED)


@transaction.atomic
def application_refer(*, actor: User, vacancy: Vacancy, person: Person, note: str = "") -> Application:
    """A counsellor (or other staff) refers a person living in their areas to an open vacancy."""
    if not getattr(actor, "is_authenticated", False) or not actor.is_staff_role:
        raise PermissionDenied(ONLY_STAFF)
    errors = Errors()
    if not scope_for(actor).covers_unit(person.residence_commune):
        errors.add("person", PERSON_OUTSIDE.format(name=person.full_name))
    if len(note or "") > NOTE_MAX:
        errors.add("note", NOTE_TOO_LONG.format(max=NOTE_MAX))
    if errors:
        raise ValidationError(errors)
    return _create(actor=actor, vacancy=vacancy, person=person, channel=ApplicationChannel.REFERRED, note=note)


def _create(*, actor: User, vacancy: Vacancy, person: Person, channel: str, note: str = "") -> Application:
    # Re-read the vacancy under a row lock: it must still be open when the application is saved.
    vacancy = Vacancy.objects.select_for_update(of=("self",)).get(pk=vacancy.pk)
    errors = Errors()
    _check_vacancy_open(vacancy, errors)
    if person.age_on(local_today()) < LABOUR_AGE:
        errors.add("person", PERSON_UNDER_AGE.format(name=person.full_name, min_age=LABOUR_AGE))
    if "vacancy" not in errors:
        _check_not_applied(vacancy, person, channel, errors)
    if errors:
        raise ValidationError(errors)
    referrer = actor if channel == ApplicationChannel.REFERRED else None
    application = Application(vacancy=vacancy, person=person, channel=channel, referred_by=referrer)
    _save_new(application, channel)
    _event(application, actor=actor, old="", note=note or "")
    changes = {"vacancy": [None, vacancy.pk], "person": [None, person.pk], "channel": [None, channel],
               "status": [None, application.status]}  # fmt: skip
    audit_record(actor=actor, action=AuditAction.CREATE, instance=application, changes=changes, area=_area(person))
    return application


def _check_vacancy_open(vacancy: Vacancy, errors: Errors) -> None:
    if vacancy.status != VacancyStatus.OPEN:
        status = VacancyStatus(vacancy.status).label
        errors.add("vacancy", VACANCY_NOT_OPEN.format(title=vacancy.title, status=status))
    elif vacancy.deadline is not None and vacancy.deadline < local_today():
        day = date_format(vacancy.deadline, "SHORT_DATE_FORMAT")
        errors.add("vacancy", DEADLINE_PASSED.format(title=vacancy.title, day=day))


def _check_not_applied(vacancy: Vacancy, person: Person, channel: str, errors: Errors) -> None:
    existing = _open_application(vacancy.pk, person.pk)
    if existing is not None:
        errors.add("vacancy", _already(channel, person, existing))


def _open_application(vacancy_id: int, person_id: int) -> int | None:
    rows = Application.objects.filter(vacancy_id=vacancy_id, person_id=person_id, status__in=OPEN_STATUSES)
    return rows.values_list("pk", flat=True).first()


def _already(channel: str, person: Person, pk: int) -> str:
    if channel == ApplicationChannel.APPLIED:
        return ALREADY_APPLIED.format(pk=pk)
    return ALREADY_REFERRED.format(name=person.full_name, pk=pk)


def _save_new(application: Application, channel: str) -> None:
    """Save; two clicks at once surface as the same "already applied" error, not a 500."""
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError as exc:
        existing = _open_application(application.vacancy_id, application.person_id)
        if existing is not None:
            raise ValidationError({"vacancy": _already(channel, application.person, existing)}) from exc
        raise


#
# Transitions
#
@transaction.atomic
def application_transition(*, actor: User, application: Application, to_status: str, **data) -> Application:
    """Move an application along the transition table (choices.allowed_transitions) for the actor's side.

    `data` may hold contract_type + start_date (hired, both required), reason (+ note) (refused, reason
    required), interview_at (interview_scheduled, required) and a note for any move. Hiring marks the person's
    active job-seeker profile placed.
    """
    sides = _sides(actor, application)
    unknown = [field for field in data if field not in TRANSITION_FIELDS]
    if unknown:
        raise ValidationError({field: str(UNKNOWN_FIELD) for field in unknown})
    # Re-read the status under a row lock: two clicks at once must not both pass the check.
    old = Application.objects.select_for_update().values_list("status", flat=True).get(pk=application.pk)
    application.status = old
    _check_transition(sides, old, to_status)
    values = _clean_data(to_status, data)
    for field, value in values.items():
        setattr(application, field, value)
    application.status = to_status
    application.status_changed_at = timezone.now()
    application.save()
    event = _event(application, actor=actor, old=old, note=data.get("note") or "", data=_json(values))
    changes = {"status": [old, to_status], **{k: [None, v] for k, v in event.data.items()}}
    audit_record(
        actor=actor, action=AuditAction.UPDATE, instance=application, changes=changes, area=_area(application.person)
    )
    if to_status == ApplicationStatus.HIRED:
        profile_place_on_hire(actor=actor, application=application)
        # A hire with a labour contract is a successful connection (TT 11/2022 Art. 3.4), recorded in this
        # transaction; imported here because connections depends on applications.
        from vieclam.connections.services import connection_create_from_hire

        connection_create_from_hire(actor=actor, application=application)
    return application


def sides_of(actor: User, application: Application) -> set[str]:
    """Every side the actor acts on for this application (empty when it is not theirs to act on)."""
    sides: set[str] = set()
    if getattr(actor, "is_staff_role", False) and scope_for(actor).covers_unit(application.person.residence_commune):
        sides.add(Side.STAFF)
    if getattr(actor, "is_authenticated", False):
        if application.person.account_id == actor.pk:
            sides.add(Side.WORKER)
        if application.vacancy.employer.account_id == actor.pk:
            sides.add(Side.EMPLOYER)
    return sides


def transitions_for(actor: User, application: Application) -> list[str]:
    """The statuses the actor may move this application to now (for buttons and the API)."""
    return _allowed(sides_of(actor, application), application.status)


def _allowed(sides: set[str], status: str) -> list[str]:
    allowed = {new for side in sides for new in allowed_transitions(side, status)}
    return [s for s in ApplicationStatus.values if s in allowed]


def _sides(actor: User, application: Application) -> set[str]:
    """The actor's sides (staff, employer, worker); Http404 for anyone who cannot see the application."""
    visible = scope_queryset(Application.objects.filter(pk=application.pk), actor).exists()
    sides = sides_of(actor, application) if visible else set()
    if not sides:
        raise Http404
    return sides


def _check_transition(sides: set[str], old: str, new: str) -> None:
    if new not in ApplicationStatus.values:
        choices = ", ".join(ApplicationStatus.values)
        raise ValidationError({"to_status": UNKNOWN_STATUS.format(status=new, choices=choices)})
    allowed = _allowed(sides, old)
    if new in allowed:
        return
    if new == old:
        raise ValidationError({"to_status": SAME_STATUS.format(status=ApplicationStatus(old).label)})
    labels = ", ".join(str(ApplicationStatus(s).label) for s in allowed)
    hint = ALLOWED.format(statuses=labels) if allowed else NOTHING_ALLOWED
    old_label, new_label = ApplicationStatus(old).label, ApplicationStatus(new).label
    raise ValidationError({"to_status": BAD_TRANSITION.format(old=old_label, new=new_label, hint=hint)})


def _clean_data(to_status: str, data: dict) -> dict:
    """The model fields the move sets, from `data`; every missing or wrong value is reported at once."""
    errors, values = Errors(), dict[str, object]()
    if len(data.get("note") or "") > NOTE_MAX:
        errors.add("note", NOTE_TOO_LONG.format(max=NOTE_MAX))
    if to_status == ApplicationStatus.INTERVIEW_SCHEDULED:
        values["interview_at"] = _datetime(data.get("interview_at"), "interview_at", errors)
    elif to_status == ApplicationStatus.HIRED:
        values["contract_type"] = _contract_type(data.get("contract_type"), errors)
        values["start_date"] = _date(data.get("start_date"), "start_date", errors)
    elif to_status == ApplicationStatus.REFUSED:
        values["refusal_reason"] = _reason(data.get("reason"), errors)
        values["refusal_note"] = (data.get("note") or "").strip()
    if errors:
        raise ValidationError(errors)
    return values


def _contract_type(code, errors: Errors) -> str:
    code = (code or "").strip()
    if not code:
        errors.add("contract_type", str(REQUIRED))
    elif code in OBSOLETE_CONTRACT_TYPES:
        errors.add("contract_type", str(OBSOLETE_CONTRACT))
    elif not _contract_items().filter(code=code).exists():
        errors.add("contract_type", BAD_CONTRACT.format(code=code))
    return code


def _contract_items():
    return CodeItem.objects.valid_on(local_today()).filter(code_list__slug=CODED_FIELDS["contract_type"])


def _date(value, field: str, errors: Errors) -> dt.date | None:
    if value in (None, ""):
        errors.add(field, str(REQUIRED))
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        errors.add(field, str(BAD_DATE))
        return None
    return value


def _datetime(value, field: str, errors: Errors) -> dt.datetime | None:
    if value in (None, ""):
        errors.add(field, str(REQUIRED))
        return None
    if not isinstance(value, dt.datetime):
        errors.add(field, str(BAD_DATETIME))
        return None
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _reason(value, errors: Errors) -> str:
    value = (value or "").strip()
    if not value:
        errors.add("reason", str(REQUIRED))
    elif value not in RefusalReason.values:
        errors.add("reason", BAD_REASON.format(reason=value, choices=", ".join(RefusalReason.values)))
    return value


#
# Expiry (daily command: `vieclam expire_applications`)
#
@transaction.atomic
def applications_expire(today: dt.date | None = None, *, actor: User | None = None) -> int:
    """Expire the open applications of vacancies that stopped recruiting; returns how many.

    Filled and closed vacancies end their open applications at once; an expired vacancy's open applications
    end EXPIRED_VACANCY_GRACE_DAYS after its deadline (the employer may still decide on those who applied in
    time). Each gets an event and an audit event (actor None: the system).
    """
    day = today or local_today()
    cutoff = day - dt.timedelta(days=EXPIRED_VACANCY_GRACE_DAYS)
    stopped = Q(vacancy__status__in=[VacancyStatus.FILLED, VacancyStatus.CLOSED])
    overdue = Q(vacancy__status=VacancyStatus.EXPIRED) & (
        Q(vacancy__deadline__isnull=True) | Q(vacancy__deadline__lt=cutoff)
    )
    ended = stopped | overdue
    rows = list(
        Application.objects.select_for_update(of=("self",))
        .filter(ended, status__in=OPEN_STATUSES)
        .select_related("person__residence_commune", "vacancy")
        .order_by("pk")
    )
    now = timezone.now()
    for application in rows:
        old = application.status
        application.status, application.status_changed_at = ApplicationStatus.EXPIRED, now
        application.save(update_fields=["status", "status_changed_at", "updated_at"])
        _event(application, actor=actor, old=old, note="", data={"vacancy_status": application.vacancy.status})
        changes = {"status": [old, ApplicationStatus.EXPIRED]}
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            instance=application,
            changes=changes,
            area=_area(application.person),
        )
    return len(rows)


#
# Helpers
#
def _event(
    application: Application, *, actor: User | None, old: str, note: str, data: dict | None = None
) -> ApplicationEvent:
    user = actor if getattr(actor, "is_authenticated", False) else None
    return ApplicationEvent.objects.create(
        application=application,
        from_status=old,
        to_status=application.status,
        at=application.status_changed_at,
        actor=user,
        actor_username=getattr(user, "username", "") or "",
        note=(note or "").strip(),
        data=data or {},
    )


def _json(values: dict) -> dict:
    """Event data as JSON: dates in ISO form, empty values left out."""
    out = {}
    for key, value in values.items():
        if value in (None, ""):
            continue
        out[key] = value.isoformat() if isinstance(value, dt.date | dt.datetime) else value
    return out


def _area(person: Person):
    return person.residence_commune
