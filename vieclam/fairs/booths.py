"""What happens at a booth, and what the booth page reads.

Hiring at a booth is not a record of its own (fairs.models): every action goes through the services of the job
exchange and of case work, so the fair report (fairs.selectors.fair_report) and the exchange's own numbers count
it the same way:

- booth_apply: "đăng ký tìm việc tại gian hàng" — staff refer a registered worker to one of the booth's vacancies
  (applications.services.application_refer);
- booth_interview_now: "phỏng vấn tại chỗ" — the application is given an interview now and marked interviewed
  (the exchange records an on-the-spot interview as scheduled, then interviewed);
- a later interview date, an offer and a hire (with its labour contract, which makes a successful connection)
  are the exchange's own status buttons (applications.services.application_transition);
- booth_counsel: counselling given at the fair (casework.services.session_create) on the fair's day;
- interests in training or labour export: fairs.services.interest_record.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import get_scoped_or_404, scope_for, scope_queryset
from vieclam.applications.choices import ApplicationStatus
from vieclam.applications.models import Application
from vieclam.applications.services import application_refer, application_transition
from vieclam.casework.choices import CHANNELS_LIST
from vieclam.casework.services import session_create
from vieclam.codelists.models import CodeItem
from vieclam.core.dates import today as local_today
from vieclam.fairs.choices import FairKind, FairStatus
from vieclam.fairs.models import Fair, FairBooth, FairInterviewSlot, FairRegistration
from vieclam.fairs.selectors import OUTCOME_DAYS
from vieclam.people.validation import Errors

if TYPE_CHECKING:
    from vieclam.accounts.models import User
    from vieclam.people.models import Person
    from vieclam.vacancies.models import Vacancy

__all__ = (
    "booth_applications",
    "booth_apply",
    "booth_counsel",
    "booth_get",
    "booth_interested",
    "booth_interview_now",
    "booth_slots",
    "registration_of",
)

# The counselling channel of a fair by its kind (code list "counselling-channels").
CHANNEL_OF_KIND = {
    FairKind.CENTRE: "tai_trung_tam",
    FairKind.MOBILE: "tai_xa_phuong",
    FairKind.ONLINE: "truc_tuyen",
    FairKind.HYBRID: "tai_trung_tam",
}
# Statuses from which an on-the-spot interview can be recorded.
INTERVIEW_FROM = (ApplicationStatus.SUBMITTED, ApplicationStatus.SEEN, ApplicationStatus.INTERVIEW_SCHEDULED)

ONLY_STAFF = _("Chỉ cán bộ phụ trách địa bàn của phiên được ghi việc này tại gian hàng.")
FAIR_NOT_RUNNING = _("Phiên: phiên “{name}” đang ở trạng thái “{status}”; chỉ ghi được khi phiên đang diễn ra.")
FAIR_NOT_YET = _("Phiên: phiên diễn ra ngày {day}; chưa ghi được hồ sơ tại gian hàng trước ngày đó.")
FAIR_PAST = _("Phiên: đã quá {days} ngày sau phiên ({day}); hồ sơ mới không còn tính là của phiên.")
NOT_REGISTERED = _("Người lao động: {name} chưa đăng ký phiên này; hãy đăng ký tại cửa trước.")
VACANCY_REQUIRED = _("Việc làm: chọn một việc làm của gian hàng.")
VACANCY_NOT_AT_BOOTH = _("Việc làm: “{title}” không được đưa lên gian hàng này.")
NOT_THIS_BOOTH = _("Hồ sơ này không ứng tuyển việc làm của gian hàng này.")
CANNOT_INTERVIEW = _("Hồ sơ đang ở trạng thái “{status}”; không ghi phỏng vấn tại chỗ được.")
NO_CHANNEL = _("Hình thức tư vấn: danh mục chưa có “{code}”; hãy báo quản trị.")
PERSON_REQUIRED = _("Người lao động: trường này bắt buộc.")


#
# Reads
#
def booth_get(*, viewer, pk: int) -> FairBooth:
    """A booth seen by staff of the fair's area or by its employer's account; Http404 for anyone else."""
    rows = FairBooth.objects.select_related("fair__commune", "employer", "registered_by")
    return get_scoped_or_404(rows, viewer, pk=pk)


def booth_interested(*, booth: FairBooth) -> QuerySet[FairRegistration]:
    """The registrations that named this booth as one of interest, with their person and booked slot."""
    return (
        booth.interested.filter(person__isnull=False)
        .select_related("person__residence_commune")
        .prefetch_related(Prefetch("interview_slot", queryset=FairInterviewSlot.objects.select_related("booth")))
        .order_by("person__full_name", "pk")
    )


def booth_applications(*, viewer, booth: FairBooth) -> QuerySet[Application]:
    """Applications to the booth's vacancies of the fair (created from the fair day to OUTCOME_DAYS after), those
    the viewer may see (staff: people of their areas; the employer: all to its vacancies)."""
    day = booth.fair.held_on
    rows = Application.objects.filter(
        vacancy__in=booth.vacancies.all(),
        created_at__date__gte=day,
        created_at__date__lte=day + dt.timedelta(days=OUTCOME_DAYS),
    )
    rows = rows.select_related("vacancy__employer", "person__residence_commune", "person__account")
    return scope_queryset(rows, viewer).order_by(F("status_changed_at").desc(nulls_last=True), "-pk")


def booth_slots(*, booth: FairBooth) -> QuerySet[FairInterviewSlot]:
    return booth.slots.select_related("vacancy", "registration__person").order_by("starts_at")


def registration_of(*, fair: Fair, person: Person) -> FairRegistration:
    """The person's registration at the fair, or a ValidationError naming `person`."""
    found = FairRegistration.objects.filter(fair=fair, person=person).select_related("person").first()
    if found is None:
        raise ValidationError({"person": NOT_REGISTERED.format(name=person.full_name)})
    return found


#
# Writes
#
def _check_staff(actor, fair: Fair) -> None:
    staff = getattr(actor, "is_authenticated", False) and actor.is_staff_role
    if not staff or not scope_for(actor).covers_unit(fair.commune):
        raise PermissionDenied(ONLY_STAFF)


def _check_running(fair: Fair, errors: Errors) -> None:
    """Applications of a fair are those made from its day to OUTCOME_DAYS after (selectors): record them then."""
    day, today = fair.held_on, local_today()
    if fair.status not in (FairStatus.OPEN, FairStatus.HELD):
        errors.add("fair", FAIR_NOT_RUNNING.format(name=fair.name, status=FairStatus(fair.status).label))
    elif today < day:
        errors.add("fair", FAIR_NOT_YET.format(day=day.strftime("%d/%m/%Y")))
    elif today > day + dt.timedelta(days=OUTCOME_DAYS):
        errors.add("fair", FAIR_PAST.format(days=OUTCOME_DAYS, day=day.strftime("%d/%m/%Y")))


@transaction.atomic
def booth_apply(
    *, actor: User, booth: FairBooth, person: Person | None, vacancy: Vacancy | None, note: str = ""
) -> Application:
    """A registered worker's application at the booth: staff refer them to one of the booth's vacancies."""
    booth = FairBooth.objects.select_related("fair__commune").get(pk=booth.pk)
    _check_staff(actor, booth.fair)
    errors = Errors()
    _check_running(booth.fair, errors)
    if person is None:
        errors.add("person", str(PERSON_REQUIRED))
    if vacancy is None:
        errors.add("vacancy", str(VACANCY_REQUIRED))
    elif not booth.vacancies.filter(pk=vacancy.pk).exists():
        errors.add("vacancy", VACANCY_NOT_AT_BOOTH.format(title=vacancy.title))
    if errors:
        raise ValidationError(errors)
    assert person is not None and vacancy is not None  # for mypy: checked above
    registration_of(fair=booth.fair, person=person)
    return application_refer(actor=actor, vacancy=vacancy, person=person, note=note)


@transaction.atomic
def booth_interview_now(*, actor: User, booth: FairBooth, application: Application) -> Application:
    """An interview held at the booth now: scheduled for now (unless already scheduled), then interviewed; the
    actor must be one who may move the application (its employer, or staff of the person's area)."""
    booth = FairBooth.objects.select_related("fair").get(pk=booth.pk)
    if not booth.vacancies.filter(pk=application.vacancy_id).exists():
        raise ValidationError({"application": str(NOT_THIS_BOOTH)})
    application = Application.objects.select_related("person", "vacancy__employer").get(pk=application.pk)
    if application.status not in INTERVIEW_FROM:
        status = ApplicationStatus(application.status).label
        raise ValidationError({"application": CANNOT_INTERVIEW.format(status=status)})
    note = str(_("Phỏng vấn tại gian hàng, phiên “{name}”")).format(name=booth.fair.name)
    if application.status != ApplicationStatus.INTERVIEW_SCHEDULED:
        application = application_transition(
            actor=actor,
            application=application,
            to_status=ApplicationStatus.INTERVIEW_SCHEDULED,
            interview_at=timezone.now(),
            note=note,
        )
    return application_transition(
        actor=actor, application=application, to_status=ApplicationStatus.INTERVIEWED, note=note
    )


@transaction.atomic
def booth_counsel(
    *, actor: User, fair: Fair, person: Person | None, topics: list[CodeItem], outcome: str = "", note: str = ""
):
    """Counselling given at the fair to a registered worker: a counselling session on the fair's day, by the fair's
    channel (at the centre, at the commune, online)."""
    fair = Fair.objects.select_related("commune").get(pk=fair.pk)
    _check_staff(actor, fair)
    if person is None:
        raise ValidationError({"person": str(PERSON_REQUIRED)})
    registration_of(fair=fair, person=person)
    code = CHANNEL_OF_KIND[FairKind(fair.kind)]
    channel = CodeItem.objects.filter(code_list__slug=CHANNELS_LIST, code=code).first()
    if channel is None:
        raise ValidationError({"channel": NO_CHANNEL.format(code=code)})
    text = str(_("Tư vấn tại phiên giao dịch việc làm “{name}”")).format(name=fair.name)
    data = {
        "person": person,
        "held_on": fair.held_on,
        "topics": list(topics),
        "channel": channel,
        "outcome": outcome,
        "note": f"{text}. {note}".strip() if note else text,
    }
    return session_create(actor=actor, data=data)
