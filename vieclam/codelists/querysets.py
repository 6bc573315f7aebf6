from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q

from vieclam.core.text import fold


def valid_on_q(day: dt.date, prefix: str = "") -> Q:
    """Rows in force on `day`; an empty bound is open."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )


class CodeQuerySet(models.QuerySet):
    """Filters shared by every dated code table."""

    def valid_on(self, day: dt.date) -> CodeQuerySet:
        return self.filter(valid_on_q(day))

    def search(self, text: str) -> CodeQuerySet:
        """Case- and diacritics-insensitive: 'ke toan' finds 'Kế toán viên'; '2411' finds codes starting 2411.

        Every word must match. A word of digits matches the start of the code, so '24' does not find 1241.
        """
        for word in fold(text).split():
            if word.isdigit() and hasattr(self.model, "code"):
                self = self.filter(code__startswith=word)  # noqa: PLW0642
            else:
                self = self.filter(search_text__contains=word)  # noqa: PLW0642
        return self
