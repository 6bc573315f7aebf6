from __future__ import annotations

from django.db.models import QuerySet

from vieclam.accounts.models import User
from vieclam.accounts.scoping import scope_queryset


def user_list(*, viewer: User) -> QuerySet[User]:
    """Users the viewer may see: those working in the viewer's areas, and the viewer."""
    return scope_queryset(User.objects.all(), viewer).prefetch_related("areas").order_by("username")
