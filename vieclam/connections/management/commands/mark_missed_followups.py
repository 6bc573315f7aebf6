"""Daily: `vieclam mark_missed_followups [--date YYYY-MM-DD]` marks missed the follow-ups not recorded in time."""

from vieclam.connections.services import followups_mark_missed
from vieclam.core.management.daily import DailyCommand


class Command(DailyCommand):
    help = "Mark missed the follow-up checks not recorded VIECLAM_FOLLOWUP_MISSED_DAYS after they fell due."
    job = staticmethod(followups_mark_missed)
    done = "Follow-ups marked missed"
