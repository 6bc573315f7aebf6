"""A worker's consents (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): read what is in force, give or withdraw them.

Kept apart from people.services (the registry's writes by staff): only the person themselves gives or withdraws a
consent, from "Dữ liệu của tôi". Every change is dated on the Consent rows and audited on the person's record.

    person_consents_set(actor=worker, person=person, purposes={"publish_contact"})
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vieclam.core.audit import audit_record, snapshot
from vieclam.core.choices import AuditAction
from vieclam.people.choices import ConsentPurpose
from vieclam.people.models import Consent, Person

if TYPE_CHECKING:
    from vieclam.accounts.models import User

__all__ = (
    "CONTACT_HIDDEN",
    "consent_history",
    "consents_in_force",
    "contact_published",
    "contact_visible",
    "matching_refused",
    "matching_refused_q",
    "person_consents_set",
)

NOT_YOURS = _("Chỉ chính người lao động được đồng ý hoặc rút lại sự đồng ý của mình.")
UNKNOWN_PURPOSE = _("Không có mục đích “{purpose}”.")


CONTACT_HIDDEN = _("Đã ẩn (người lao động chưa đồng ý công khai liên hệ)")


#
# What a consent changes. The defaults, where a person has no row for a purpose (a person registered by staff, or a
# sign-up that left the box empty), follow the lawful basis of each purpose (Luật 91/2025/QH15, NĐ 356/2025):
# - publish_contact: showing a person's phone to an employer is not the centre's duty, so it needs consent; without
#   one in force the employer reads CONTACT_HIDDEN and the centre stays the contact.
# - job_matching: matching job seekers to vacancies is the public task of the employment services (Luật Việc làm),
#   a legal duty that needs no consent; a person who withdrew it has objected, and is left out of matching.
#
def contact_published(path: str = "pk") -> Exists:
    """An expression: the person at `path` (from the queried model) has publish_contact in force."""
    in_force = Consent.objects.filter(
        person=OuterRef(path), purpose=ConsentPurpose.PUBLISH_CONTACT, withdrawn_at__isnull=True
    )
    return Exists(in_force)


def contact_visible(*, viewer, person: Person, published: bool | None = None) -> bool:
    """May `viewer` read the person's phone and email: staff (whose scope already let them open the record), the
    person themself, or anyone else once the person published them. `published` is contact_published() read
    with the rows, to spare a query per row."""
    if getattr(viewer, "is_staff_role", False) or (person.account_id and person.account_id == viewer.pk):
        return True
    if published is None:
        published = ConsentPurpose.PUBLISH_CONTACT in consents_in_force(person=person)
    return published


def matching_refused_q(path: str = "") -> Q:
    """A filter for persons (at `path`, "" for Person itself) who withdrew job_matching and have not given it again."""
    prefix = f"{path}__" if path else ""
    withdrawn = Consent.objects.filter(purpose=ConsentPurpose.JOB_MATCHING, withdrawn_at__isnull=False)
    in_force = Consent.objects.filter(purpose=ConsentPurpose.JOB_MATCHING, withdrawn_at__isnull=True)
    refused = withdrawn.exclude(person__in=in_force.values("person")).values("person")
    return Q(**{f"{prefix}pk__in": refused})


def matching_refused(*, person: Person) -> bool:
    return Person.objects.filter(matching_refused_q(), pk=person.pk).exists()


# Purposes in force for a person who never said anything about them (see above).
IN_FORCE_BY_DEFAULT = frozenset({ConsentPurpose.JOB_MATCHING.value})


def consents_in_force(*, person: Person) -> set[str]:
    """The purposes in force: rows not withdrawn, and a purpose in force by default that has no row at all."""
    rows = list(person.consents.values_list("purpose", "withdrawn_at"))
    said = {purpose for purpose, _withdrawn in rows}
    return {purpose for purpose, withdrawn in rows if withdrawn is None} | (IN_FORCE_BY_DEFAULT - said)


def consent_history(*, person: Person) -> QuerySet[Consent]:
    """Every consent the person gave, in force or withdrawn, newest first."""
    return person.consents.order_by("-given_at", "-pk")


@transaction.atomic
def person_consents_set(*, actor: User, person: Person, purposes: Iterable[str]) -> tuple[set[str], set[str]]:
    """The person's consents become exactly `purposes`: new ones are given now, missing ones withdrawn now.

    Each consent given or withdrawn is an audit event of its own. Returns (given, withdrawn)."""
    if not getattr(actor, "is_authenticated", False) or person.account_id != actor.pk:
        raise PermissionDenied(NOT_YOURS)
    wanted = set(purposes)
    unknown = wanted - set(ConsentPurpose.values)
    if unknown:
        raise ValidationError({"purposes": [UNKNOWN_PURPOSE.format(purpose=p) for p in sorted(unknown)]})
    rows = list(person.consents.select_for_update())
    current = {c.purpose: c for c in rows if c.withdrawn_at is None}
    by_default = IN_FORCE_BY_DEFAULT - {c.purpose for c in rows}
    now = timezone.now()
    # A purpose in force by default with no row yet: keeping it writes nothing; unticking it is an objection,
    # recorded as a consent withdrawn the moment it is written, so its date is kept like any other withdrawal.
    for purpose in sorted(by_default - wanted):
        current[purpose] = Consent.objects.create(person=person, purpose=purpose, given_at=now)
    given, withdrawn = wanted - set(current) - by_default, set(current) - wanted
    area = person.residence_commune
    for purpose in sorted(given):
        consent = Consent.objects.create(person=person, purpose=purpose, given_at=now)
        changes = {"purpose": [None, purpose], "given_at": [None, snapshot(consent, ["given_at"])["given_at"]]}
        audit_record(actor=actor, action=AuditAction.CREATE, instance=consent, area=area, changes=changes)
    for purpose in sorted(withdrawn):
        consent = current[purpose]
        consent.withdrawn_at = now
        consent.save(update_fields=["withdrawn_at"])
        changes = {"withdrawn_at": [None, snapshot(consent, ["withdrawn_at"])["withdrawn_at"]]}
        audit_record(actor=actor, action=AuditAction.UPDATE, instance=consent, area=area, changes=changes)
    return given, withdrawn
