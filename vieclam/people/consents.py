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
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vieclam.core.audit import audit_record, snapshot
from vieclam.core.choices import AuditAction
from vieclam.people.choices import ConsentPurpose
from vieclam.people.models import Consent, Person

if TYPE_CHECKING:
    from vieclam.accounts.models import User

__all__ = ("consent_history", "consents_in_force", "person_consents_set")

NOT_YOURS = _("Chỉ chính người lao động được đồng ý hoặc rút lại sự đồng ý của mình.")
UNKNOWN_PURPOSE = _("Không có mục đích “{purpose}”.")


def consents_in_force(*, person: Person) -> set[str]:
    return set(person.consents.filter(withdrawn_at__isnull=True).values_list("purpose", flat=True))


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
    current = {c.purpose: c for c in person.consents.select_for_update().filter(withdrawn_at__isnull=True)}
    now = timezone.now()
    given, withdrawn = wanted - set(current), set(current) - wanted
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
