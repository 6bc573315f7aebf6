from __future__ import annotations

import datetime as dt

from django.utils import timezone


def today() -> dt.date:
    """Today in Vietnam (Asia/Ho_Chi_Minh), the date every 'as of' defaults to."""
    return timezone.localdate()
