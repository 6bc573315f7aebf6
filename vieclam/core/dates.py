from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone


def today() -> dt.date:
    """Today in Vietnam (Asia/Ho_Chi_Minh), the date every 'as of' defaults to (moved by the demo-only
    VIECLAM_CLOCK_SHIFT_DAYS)."""
    shift = getattr(settings, "VIECLAM_CLOCK_SHIFT_DAYS", 0)
    return timezone.localdate() + dt.timedelta(days=shift) if shift else timezone.localdate()
