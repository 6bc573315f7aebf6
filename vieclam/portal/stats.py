"""Counts on the home page, always within the viewer's scope."""

from __future__ import annotations

from django.utils.translation import gettext as _

from vieclam.accounts import selectors as account_selectors
from vieclam.accounts.scoping import AreaScope
from vieclam.core.dates import today
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit


def home_stats(*, user, scope: AreaScope) -> list[dict]:
    units = AdministrativeUnit.objects.valid_on(today())
    if not user.is_authenticated:
        return [
            {"label": _("Tỉnh, thành phố"), "value": units.filter(level=Level.PROVINCE).count()},
            {"label": _("Xã, phường, đặc khu"), "value": units.filter(level=Level.COMMUNE).count()},
        ]
    return [
        {"label": _("Xã, phường trong địa bàn"), "value": units.filter(scope.units_q(), level=Level.COMMUNE).count()},
        {"label": _("Người dùng trong địa bàn"), "value": account_selectors.user_list(viewer=user).count()},
    ]
