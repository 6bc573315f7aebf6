"""Users, their role and the areas they work in."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import HISTORY_ROLES, STAFF_ROLES, Role

__all__ = ("User",)


class User(AbstractUser):
    """A person who signs in. What they see is decided by `role` and `areas` (see accounts.scoping)."""

    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.WORKER)
    areas = models.ManyToManyField(
        "places.AdministrativeUnit",
        verbose_name=_("địa bàn phụ trách"),
        blank=True,
        related_name="+",
        help_text=_("Tỉnh hoặc xã; một tỉnh bao gồm mọi xã thuộc tỉnh."),
    )
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)

    # Scoping (accounts.scoping): staff see the users who work in their areas, everyone sees themselves.
    area_path = "areas"
    area_path_is_many = True
    owner_path = "pk"

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_admin_role(self) -> bool:
        return self.role == Role.ADMIN or self.is_superuser

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES or self.is_superuser

    @property
    def can_view_history(self) -> bool:
        return self.role in HISTORY_ROLES or self.is_superuser
