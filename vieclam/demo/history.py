"""Three years (2024 to today) of the centre's work with people, for the demo province: past vacancies and the
applications and referrals to them, with every dated transition.

Rates follow the seeds (per 1.000.000 inhabitants and year, see `RATES`): about 2.500 job introductions, of which
about a third end in a hire with a labour contract, and about twice as many workers applying by themselves. Rows
are tuples in the column order of the models, ids given here so foreign keys link without reading back (as the
rest of the generator).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from random import Random

from django.utils import timezone

from vieclam.demo.jobs import VACANCY_COLUMNS

START = dt.date(2024, 1, 1)

# Per 1.000.000 inhabitants and year (Thái Nguyên: "hơn 3.000 người được giới thiệu việc làm; gần 1.000 người được
# kết nối, giới thiệu việc làm thành công" for ≈1,3 M inhabitants).
RATES = {"past_vacancies": 5_000, "referrals": 2_500, "self_applications": 5_000}
HIRE_SHARE = {"referred": 0.34, "applied": 0.2}

APPLICATION_COLUMNS = [
    "id",
    "vacancy_id",
    "person_id",
    "channel",
    "referred_by_id",
    "status",
    "status_changed_at",
    "interview_at",
    "contract_type",
    "start_date",
    "refusal_reason",
    "refusal_note",
    "created_at",
    "updated_at",
]
APPLICATION_EVENT_COLUMNS = ["id", "application_id", "from_status", "to_status", "at", "actor_id", "actor_username",
                             "note", "data"]  # fmt: skip
REFUSALS = (["did_not_attend", "lacking_skills", "not_mobile", "pay", "hired_elsewhere", "other"],
            [20, 30, 10, 20, 15, 5])  # fmt: skip
CONTRACTS = (["khong_xac_dinh_thoi_han", "xac_dinh_12_den_36_thang", "xac_dinh_duoi_12_thang"], [30, 55, 15])
_V = {name: i for i, name in enumerate(VACANCY_COLUMNS)}


@dataclass(frozen=True)
class Worker:
    """What the history needs of a generated person."""

    id: int
    commune_id: int
    household_id: int | None
    poverty_class: str


@dataclass(frozen=True)
class Hire:
    """A hire with a labour contract, for the services that follow it (connections, follow-ups)."""

    application_id: int
    person_id: int
    employer_id: int
    occupation_id: int
    contract_type: str
    start_date: dt.date
    pay: int | None
    referred: bool
    at: dt.datetime


@dataclass
class History:
    vacancies: list[tuple] = field(default_factory=list)
    applications: list[tuple] = field(default_factory=list)
    application_events: list[tuple] = field(default_factory=list)
    hires: list[Hire] = field(default_factory=list)


class HistoryGenerator:
    def __init__(
        self,
        *,
        rng: Random,
        today: dt.date,
        first_ids: dict[str, int],
        staff: dict[str, tuple[int, str]],
        new_vacancy: Callable[[tuple], tuple],
    ) -> None:
        self.rng, self.today, self.staff, self.new_vacancy = rng, today, staff, new_vacancy
        self.ids: dict[str, Iterator[int]] = {name: itertools.count(first) for name, first in first_ids.items()}

    def generate(self, *, workers: list[Worker], employers: list[tuple], inhabitants: int) -> History:
        out = History()
        if not workers or not employers:
            return out
        scale = inhabitants / 1_000_000
        years = max((self.today - START).days / 365.25, 0.1)
        for _ in range(round(RATES["past_vacancies"] * scale * years) or 1):
            out.vacancies.append(self._past_vacancy(self.rng.choice(employers)))
        for channel, rate in (("referred", RATES["referrals"]), ("applied", RATES["self_applications"])):
            for _ in range(round(rate * scale * years)):
                self._application(out, self.rng.choice(workers), self.rng.choice(out.vacancies), channel)
        return out

    def _past_vacancy(self, employer: tuple) -> tuple:
        row = list(self.new_vacancy(employer))
        posted = self._day(START, self.today - dt.timedelta(days=45))
        row[_V["deadline"]] = posted + dt.timedelta(days=self.rng.randint(20, 45))
        row[_V["status"]] = self.rng.choices(["filled", "closed", "expired"], [50, 30, 20])[0]
        row[_V["created_at"]] = row[_V["updated_at"]] = self._moment(posted)
        return tuple(row)

    def _application(self, out: History, worker: Worker, vacancy: tuple, channel: str) -> None:
        rng = self.rng
        app_id = next(self.ids["application"])
        posted = vacancy[_V["created_at"]]
        at = posted + dt.timedelta(days=rng.randint(0, 20), hours=rng.randint(0, 9))
        counsellor = self.staff["counsellor"] if channel == "referred" else None
        nobody = (None, "")  # generated workers and employers have no accounts
        steps = [("", "submitted", at, counsellor or nobody)]
        at += dt.timedelta(days=rng.randint(1, 5))
        steps.append(("submitted", "seen", at, nobody))
        hired = rng.random() < HIRE_SHARE[channel]
        interview_at = None
        if hired or rng.random() < 0.5:
            interview_at = at + dt.timedelta(days=rng.randint(2, 7))
            steps.append(("seen", "interview_scheduled", at, nobody))
            steps.append(("interview_scheduled", "interviewed", interview_at, nobody))
        last, done_at = steps[-1][1], steps[-1][2] + dt.timedelta(days=rng.randint(1, 6))
        contract, start, reason = "", None, ""
        if hired:
            contract = rng.choices(*CONTRACTS)[0]
            start = timezone.localtime(done_at).date() + dt.timedelta(days=rng.randint(3, 15))
            steps.append((last, "hired", done_at, nobody))
        else:
            reason = rng.choices(*REFUSALS)[0]
            steps.append((last, "refused", done_at, nobody))
        status = steps[-1][1]
        referrer_id = counsellor[0] if counsellor else None
        out.applications.append((app_id, vacancy[0], worker.id, channel, referrer_id, status, done_at, interview_at,
                                 contract, start, reason, "", steps[0][2], done_at))  # fmt: skip
        for old, new, moment, (actor_id, username) in steps:
            data = {"contract_type": contract, "start_date": start.isoformat()} if new == "hired" and start else {}
            if new == "refused":
                data = {"reason": reason}
            out.application_events.append(
                (next(self.ids["application_event"]), app_id, old, new, moment, actor_id, username, "", data)
            )
        if hired and start is not None:
            pay = vacancy[_V["pay_min"]]
            out.hires.append(Hire(app_id, worker.id, vacancy[_V["employer_id"]], vacancy[_V["occupation_id"]],
                                  contract, start, pay, channel == "referred", done_at))  # fmt: skip

    def _day(self, first: dt.date, last: dt.date) -> dt.date:
        span = max((last - first).days, 0)
        return first + dt.timedelta(days=self.rng.randint(0, span))

    def _moment(self, day: dt.date) -> dt.datetime:
        hour = self.rng.randint(7, 16)
        return dt.datetime.combine(day, dt.time(hour, self.rng.randint(0, 59)), tzinfo=timezone.get_current_timezone())
