from __future__ import annotations

import datetime as dt

from django.db import models

from vieclam.core.dated import valid_on_q


class DatedQuerySet(models.QuerySet):
    def valid_on(self, day: dt.date) -> DatedQuerySet:
        return self.filter(valid_on_q(day))
