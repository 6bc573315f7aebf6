"""Chainable, side-effect-free filters on applications."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from vieclam.applications.choices import OPEN_STATUSES, ApplicationStatus

# "Kết nối việc làm thành công" (TT 11/2022 Art. 3.4): hired with a concluded labour contract.
SUCCESSFUL_CONNECTION_Q = Q(status=ApplicationStatus.HIRED) & ~Q(contract_type="")


class ApplicationQuerySet(models.QuerySet):
    def open(self) -> ApplicationQuerySet:
        """Still in progress (not hired, refused, withdrawn or expired)."""
        return self.filter(status__in=OPEN_STATUSES)

    def successful_connections(self) -> ApplicationQuerySet:
        return self.filter(SUCCESSFUL_CONNECTION_Q)
