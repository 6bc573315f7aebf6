from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Case, Value, When

from vieclam.core.dated import valid_on_q
from vieclam.core.text import fold


class CodeQuerySet(models.QuerySet):
    """Filters shared by every dated code table."""

    def valid_on(self, day: dt.date) -> CodeQuerySet:
        return self.filter(valid_on_q(day))

    def search(self, text: str) -> CodeQuerySet:
        """Case- and diacritics-insensitive: 'ke toan' finds 'Kế toán viên'; '2411' finds codes starting 2411.

        Every word must match. A word of digits matches the start of the code, so '24' does not find 1241.
        Rows holding the words as one phrase come first: for 'ke toan', 'Kế toán viên' before 'thống kê, toán học'.
        """
        phrase = fold(text)
        result = self
        for word in phrase.split():
            if word.isdigit() and hasattr(self.model, "code"):
                result = result.filter(code__startswith=word)
            else:
                result = result.filter(search_text__contains=word)
        if " " not in phrase:
            return result
        rank = Case(When(search_text__contains=phrase, then=Value(0)), default=Value(1))
        return result.alias(phrase_rank=rank).order_by("phrase_rank", *self.model._meta.ordering)
