from __future__ import annotations

import datetime as dt

from django.db import models

from vieclam.core.dated import valid_on_q
from vieclam.core.dates import today
from vieclam.core.text import fold


class UnitQuerySet(models.QuerySet):
    def valid_on(self, day: dt.date) -> UnitQuerySet:
        return self.filter(valid_on_q(day))

    def search(self, text: str) -> UnitQuerySet:
        """Diacritics- and case-insensitive phrase at a word start: 'phuc xa' finds 'Phường Phúc Xá'."""
        phrase = fold(text)
        return self.filter(search_text__contains=f" {phrase}") if phrase else self

    def current(self) -> UnitQuerySet:
        return self.valid_on(today())
