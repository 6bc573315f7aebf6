"""Let a self-service user make the one staff-only write a self-service step needs, and nothing more.

Why: people.services.person_create, employers.services.employer_create, vacancies.services.vacancy_create and
seekers.services.profile_set_status accept staff actors only and check the area against the actor's scope. A
worker registering themself, an employer posting a vacancy for approval and an employer hiring (which marks the
person's job-seeker profile placed) are legitimate writes by non-staff users. Rather than bypass those services
(and their validation and audit trail), `on_behalf()` hands them a copy of the real user:

1. same pk and username, so every audit event and labour event names the real person who acted;
2. a staff role on the copy only (the database row is not touched), so the services' staff check passes;
3. a scope of exactly the units the write needs (one commune or one province), so it cannot reach further.

The proper fix belongs in those apps (see the report): a `*_register_self` / `vacancy_submit_for_approval`
service, or a `system` argument, would make this module unnecessary.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from vieclam.accounts.choices import Role
from vieclam.accounts.scoping import AreaScope, scope_for
from vieclam.places.choices import Level

__all__ = ("on_behalf",)


def on_behalf(actor, *, units: Iterable) -> object:
    """`actor` itself when it is staff covering every unit; otherwise a staff-like copy limited to `units`."""
    units = [unit for unit in units if unit is not None]
    if getattr(actor, "is_staff_role", False) and all(scope_for(actor).covers_unit(u) for u in units):
        return actor
    delegate = copy.copy(actor)
    delegate.role = Role.COUNSELLOR
    delegate._vieclam_scope = AreaScope(
        province_ids=frozenset(u.pk for u in units if u.level == Level.PROVINCE),
        commune_ids=frozenset(u.pk for u in units if u.level == Level.COMMUNE),
    )
    return delegate
