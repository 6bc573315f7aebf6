"""Job fairs (phiên giao dịch việc làm) in the demo province's history: per year a few fairs of each kind (định kỳ
at the centre, lưu động at communes, trực tuyến, kết hợp), every one past closed with its booths of demo employers
and their vacancies, its registrations (online beforehand and walk-in), check-ins, interests in training and labour
export, and the applications to booth vacancies on the fair day (interviewed on the spot, given a later date, hired
or not). Hires go into the history's list of hires, so they become successful connections with their follow-ups the
way every other hire of the history does. One fair a fortnight ahead is open for registration (a user can try it)
and one later is still being prepared.

Counts per fair follow An Phú's line in issue 11 at a province of 1.000.000 inhabitants (about 32 employers; of
about 530 workers registered, a few percent online, 96 % applying at a booth, one in six interviewed on the spot,
one in seven given an interview date, four in ten registering for vocational training, 3 % for labour export),
scaled down with the square root of the population for smaller demos. A separate random stream (seeded from the
demo's seed) keeps the rest of the history as it was.
"""

from __future__ import annotations

import base64
import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from random import Random
from typing import TYPE_CHECKING

from django.utils import timezone

from vieclam.demo.jobs import VACANCY_COLUMNS

if TYPE_CHECKING:
    from vieclam.demo.history import History, HistoryGenerator, Worker

FAIR_COLUMNS = ["id", "name", "kind", "held_on", "starts_at", "ends_at", "commune_id", "address", "organiser_id",
                "capacity", "target_groups", "status", "note", "created_at", "updated_at"]  # fmt: skip
BOOTH_COLUMNS = ["id", "fair_id", "employer_id", "number", "contact_name", "contact_phone", "meeting_link",
                 "registered_by_id", "created_at", "updated_at"]  # fmt: skip
BOOTH_VACANCY_COLUMNS = ["id", "fairbooth_id", "vacancy_id"]
REGISTRATION_COLUMNS = ["id", "fair_id", "person_id", "applicant_name", "applicant_national_id", "applicant_phone",
                        "applicant_birth_date", "channel", "token", "client_key", "checked_in_at", "checked_in_by_id",
                        "registered_by_id", "created_at", "updated_at"]  # fmt: skip
REGISTRATION_BOOTH_COLUMNS = ["id", "fairregistration_id", "fairbooth_id"]
INTEREST_COLUMNS = ["id", "registration_id", "kind", "note", "recorded_by_id", "created_at", "updated_at"]

# Fairs of each kind per year at 1.000.000 inhabitants (fewer, at least one, below 100.000).
PER_YEAR = {"centre": 6, "mobile": 4, "online": 2, "hybrid": 2}
OUTCOME_DAYS = 30  # fairs.selectors.OUTCOME_DAYS: a past fair's window is complete in the demo
ONLINE_SHARE = {"centre": 0.06, "mobile": 0.03, "online": 1.0, "hybrid": 0.4}
CHECK_IN_ONLINE = 0.8  # of those registered online beforehand, the share who came (walk-ins all came)
APPLY_SHARE = 0.96  # of those who came, applied at a booth ("đăng ký tìm việc trực tiếp tại doanh nghiệp")
SPOT_INTERVIEW, APPOINTMENT = 0.17, 0.15  # of those who applied
HIRED_ON_SPOT, HIRED_LATER = 0.35, 0.2  # of those interviewed on the spot: on the day, within the month
APPOINTMENT_KEPT, HIRED_AFTER_APPOINTMENT = 0.85, 0.4
TRAINING, LABOUR_EXPORT = 0.4, 0.03  # interests, of those who came
REFUSALS = (["lacking_skills", "pay", "not_mobile", "hired_elsewhere", "other"], [35, 25, 15, 20, 5])
CONTRACTS = (["khong_xac_dinh_thoi_han", "xac_dinh_12_den_36_thang", "xac_dinh_duoi_12_thang"], [30, 55, 15])
TARGET_GROUPS = {
    "centre": "Người lao động có nhu cầu tìm việc, học nghề; sinh viên mới tốt nghiệp",
    "mobile": "Người lao động nông thôn, thanh niên, người thuộc hộ nghèo, cận nghèo",
    "online": "Người lao động ở xa trung tâm, sinh viên; phỏng vấn qua mạng",
    "hybrid": "Người lao động, học sinh, sinh viên; tham gia trực tiếp hoặc trực tuyến",
}
_V = {name: i for i, name in enumerate(VACANCY_COLUMNS)}


@dataclass
class FairRows:
    fairs: list[tuple] = field(default_factory=list)
    booths: list[tuple] = field(default_factory=list)
    booth_vacancies: list[tuple] = field(default_factory=list)
    registrations: list[tuple] = field(default_factory=list)
    registration_booths: list[tuple] = field(default_factory=list)
    interests: list[tuple] = field(default_factory=list)


@dataclass(frozen=True)
class _Booth:
    id: int
    employer: tuple
    vacancies: list[tuple]


class FairGenerator:
    """Writes the fairs into `out` (a history.History) using the history generator's ids and vacancy maker."""

    def __init__(self, history: HistoryGenerator, *, rng: Random) -> None:
        self.h, self.rng, self.today = history, rng, history.today
        self.ids: dict[str, Iterator[int]] = history.ids

    def generate(self, out: History, *, workers: list[Worker], employers: list[tuple], open_vacancies: list[tuple],
                 inhabitants: int) -> None:  # fmt: skip
        from vieclam.demo.history import START

        communes = sorted(self.h.codes.communes)
        staff = [pk for pk, _username in self.h.counsellors if pk is not None]
        local = [e for e in employers if e[6] in self.h.codes.communes]
        if not (communes and staff and local and workers):
            return
        self.staff, self.local_employers, self.workers = staff, local, workers
        self.by_commune: dict[int, list[Worker]] = {}
        for worker in workers:
            self.by_commune.setdefault(worker.commune_id, []).append(worker)
        scale = inhabitants / 1_000_000
        self.size = math.sqrt(scale)
        wards = [pk for pk in communes if self.h.codes.communes[pk].startswith("Phường")]
        self.centre = (wards or communes)[0]  # the centre's seat: the province's first ward
        last = self.today - dt.timedelta(days=OUTCOME_DAYS + 5)
        for year in range(START.year, self.today.year + 1):
            for kind, per_year in PER_YEAR.items():
                count = max(1, round(per_year * min(1.0, scale * 10)))
                for n in range(count):
                    month = 1 + (12 * n) // count + self.rng.randint(0, max(0, 12 // count - 1))
                    day = dt.date(year, month, self.rng.randint(1, 28))
                    if START <= day <= last:
                        self._past_fair(out, kind, day)
        self._upcoming(out, open_vacancies)

    # The fair and its booths
    def _commune(self, kind: str) -> int:
        """The centre's seat, or for a mobile fair a commune where workers live."""
        if kind != "mobile":
            return self.centre
        return self.rng.choice(sorted(pk for pk in self.by_commune if pk in self.h.codes.communes) or [self.centre])

    def _fair(self, out: History, kind: str, day: dt.date, *, commune: int, capacity: int, status: str) -> int:
        rng, names = self.rng, self.h.codes.communes
        fair_id = next(self.ids["fair"])
        place = names[commune]
        name, address = {
            "centre": (f"Phiên giao dịch việc làm định kỳ tháng {day.month:02d}/{day.year}",
                       f"Trung tâm Dịch vụ việc làm tỉnh, {place}"),
            "mobile": (f"Phiên giao dịch việc làm lưu động tại {place}",
                       rng.choice([f"Hội trường UBND {place}", f"Nhà văn hóa {place}", f"Trường THPT {place}"])),
            "online": (f"Phiên giao dịch việc làm trực tuyến tháng {day.month:02d}/{day.year}",
                       "Sàn giao dịch việc làm trực tuyến của tỉnh"),
            "hybrid": (f"Ngày hội việc làm kết hợp trực tiếp và trực tuyến tháng {day.month:02d}/{day.year}",
                       f"Trung tâm Dịch vụ việc làm tỉnh, {place} và trực tuyến"),
        }[kind]  # fmt: skip
        created = self._moment(day - dt.timedelta(days=rng.randint(20, 40)))
        out.fairs.append((fair_id, name, kind, day, dt.time(7, 30), dt.time(11, 30), commune, address,
                          self.staff[fair_id % len(self.staff)], capacity, TARGET_GROUPS[kind], status, "", created,
                          max(created, self._moment(day)) if status == "closed" else created))  # fmt: skip
        return fair_id

    def _booths(self, out: History, fair_id: int, kind: str, day: dt.date, *, past: bool,
                open_vacancies: dict[int, list[tuple]] | None = None) -> list[_Booth]:  # fmt: skip
        rng = self.rng
        wanted = max(3, round(rng.randint(15, 35) * self.size))
        pool = self.local_employers if past else [e for e in self.local_employers if open_vacancies.get(e[0])]
        booths = []
        for number, employer in enumerate(rng.sample(pool, min(wanted, len(pool))), start=1):
            booth_id = next(self.ids["booth"])
            if past:
                count = rng.choices([1, 2, 3], [50, 35, 15])[0]
                vacancies = [self._booth_vacancy(out, employer, day) for _ in range(count)]
            else:
                vacancies = open_vacancies[employer[0]][:3]
            link = f"https://meet.jit.si/vieclam-phien-{fair_id}-gian-{number}" if kind in ("online", "hybrid") else ""
            at = self._moment(day - dt.timedelta(days=rng.randint(5, 15)))
            out.booths.append((booth_id, fair_id, employer[0], f"{number:02d}", "Phòng Hành chính – Nhân sự",
                               f"0{rng.choice('389')}{rng.randint(10_000_000, 99_999_999)}", link,
                               self.staff[booth_id % len(self.staff)], at, at))  # fmt: skip
            for vacancy in vacancies:
                out.booth_vacancies.append((next(self.ids["booth_vacancy"]), booth_id, vacancy[0]))
            booths.append(_Booth(booth_id, employer, vacancies))
        return booths

    def _booth_vacancy(self, out: History, employer: tuple, day: dt.date) -> tuple:
        """A vacancy posted for the fair, no longer recruiting now (as the history's past vacancies)."""
        row = list(self.h.new_vacancy(employer))
        row[_V["deadline"]] = day + dt.timedelta(days=self.rng.randint(5, OUTCOME_DAYS))
        row[_V["status"]] = self.rng.choices(["filled", "closed", "expired"], [50, 30, 20])[0]
        row[_V["created_at"]] = row[_V["updated_at"]] = self._moment(day - dt.timedelta(days=self.rng.randint(5, 30)))
        out.vacancies.append(tuple(row))
        return tuple(row)

    # A past fair with everything that happened at it
    def _past_fair(self, out: History, kind: str, day: dt.date) -> None:
        rng = self.rng
        wanted = max(10, round(rng.randint(400, 650) * self.size))
        commune = self._commune(kind)
        people = self._attendees(kind, commune, min(wanted, len(self.workers) // 2 or 1))
        capacity = 50 * math.ceil(len(people) * rng.uniform(1.05, 1.4) / 50)
        fair_id = self._fair(out, kind, day, commune=commune, capacity=capacity, status="closed")
        booths = self._booths(out, fair_id, kind, day, past=True)
        for worker in people:
            online = rng.random() < ONLINE_SHARE[kind]
            came = not online or rng.random() < CHECK_IN_ONLINE
            arrived = self._moment(day, first=7, last=10)
            registered = self._moment(day - dt.timedelta(days=rng.randint(1, 14))) if online else arrived
            staff = self.staff[worker.id % len(self.staff)]
            registration_id = next(self.ids["registration"])
            out.registrations.append((registration_id, fair_id, worker.id, "", "", "", None,
                                      "online" if online else "walk_in", self._token(), "",
                                      arrived if came else None, staff if came else None, None if online else staff,
                                      registered, arrived if came else registered))  # fmt: skip
            chosen = rng.sample(booths, min(len(booths), rng.randint(1, 2))) if online else []
            for booth in chosen:
                out.registration_booths.append((next(self.ids["registration_booth"]), registration_id, booth.id))
            if not came:
                continue
            for kind_, share in (("training", TRAINING), ("labour_export", LABOUR_EXPORT)):
                if rng.random() < share:
                    at = arrived + dt.timedelta(minutes=rng.randint(5, 90))
                    out.interests.append((next(self.ids["interest"]), registration_id, kind_, "", staff, at, at))
            if rng.random() < APPLY_SHARE:
                targets = chosen or rng.sample(booths, 1)
                for booth in targets[: rng.choices([1, 2], [85, 15])[0]]:
                    self._application(out, worker, rng.choice(booth.vacancies), arrived)

    def _attendees(self, kind: str, commune: int, count: int) -> list[Worker]:
        """Workers of the province; at a mobile fair first those living in its commune."""
        local = self.by_commune.get(commune, []) if kind == "mobile" else []
        first = self.rng.sample(local, min(len(local), count * 2 // 3))
        taken = {w.id for w in first}
        others = self.rng.sample(self.workers, min(len(self.workers), count + len(first)))
        rest = [w for w in others if w.id not in taken]
        return first + rest[: count - len(first)]

    def _application(self, out: History, worker: Worker, vacancy: tuple, arrived: dt.datetime) -> None:
        """An application at the booth on the fair day, with every dated step (as history._application)."""
        from vieclam.demo.history import Hire

        rng = self.rng
        app_id = next(self.ids["application"])
        at = arrived + dt.timedelta(minutes=rng.randint(5, 60))
        steps: list[tuple[str, str, dt.datetime, dict]] = [("", "submitted", at, {})]
        at += dt.timedelta(minutes=rng.randint(2, 10))
        steps.append(("submitted", "seen", at, {}))
        roll, interview_at, hired, reason = rng.random(), None, False, ""
        if roll < SPOT_INTERVIEW:
            interview_at = at + dt.timedelta(minutes=rng.randint(10, 40))
            steps.append(("seen", "interview_scheduled", at, {"interview_at": interview_at.isoformat()}))
            steps.append(("interview_scheduled", "interviewed", interview_at, {}))
            if rng.random() < HIRED_ON_SPOT:
                done = interview_at + dt.timedelta(minutes=rng.randint(10, 60))
                hired = True
            else:
                hired = rng.random() < HIRED_LATER / (1 - HIRED_ON_SPOT)
                done = self._moment(timezone.localtime(interview_at).date() + dt.timedelta(days=rng.randint(2, 20)))
        elif roll < SPOT_INTERVIEW + APPOINTMENT:
            interview_at = self._moment(timezone.localtime(at).date() + dt.timedelta(days=rng.randint(2, 10)))
            steps.append(("seen", "interview_scheduled", at, {"interview_at": interview_at.isoformat()}))
            if rng.random() < APPOINTMENT_KEPT:
                steps.append(("interview_scheduled", "interviewed", interview_at, {}))
                hired = rng.random() < HIRED_AFTER_APPOINTMENT
            else:
                reason = "did_not_attend"
            done = interview_at + dt.timedelta(days=rng.randint(1, 5))
        else:
            done = self._moment(timezone.localtime(at).date() + dt.timedelta(days=rng.randint(3, 20)))
        last = steps[-1][1]
        contract, start = "", None
        if hired:
            contract = rng.choices(*CONTRACTS)[0]
            start = timezone.localtime(done).date() + dt.timedelta(days=rng.randint(3, 15))
            steps.append((last, "hired", done, {"contract_type": contract, "start_date": start.isoformat()}))
        else:
            reason = reason or rng.choices(*REFUSALS)[0]
            steps.append((last, "refused", done, {"refusal_reason": reason}))
        out.applications.append((app_id, vacancy[0], worker.id, "applied", None, steps[-1][1], done, interview_at,
                                 contract, start, reason, "", steps[0][2], done))  # fmt: skip
        for old, new, moment, data in steps:
            out.application_events.append((next(self.ids["application_event"]), app_id, old, new, moment, None, "",
                                           "", data))  # fmt: skip
        if hired and start is not None:
            out.hires.append(Hire(app_id, worker.id, vacancy[_V["employer_id"]], vacancy[_V["occupation_id"]],
                                  contract, start, vacancy[_V["pay_min"]], False, done))  # fmt: skip

    # The fairs still ahead
    def _upcoming(self, out: History, open_vacancies: list[tuple]) -> None:
        """A fair in a fortnight, open for registration with a part of its places taken, and one still being
        prepared. Their booths offer vacancies open today."""
        rng = self.rng
        by_employer: dict[int, list[tuple]] = {}
        for vacancy in open_vacancies:
            if vacancy[_V["status"]] == "open":
                by_employer.setdefault(vacancy[_V["employer_id"]], []).append(vacancy)
        for kind, days, status in (("centre", 14, "open"), ("hybrid", 45, "planned")):
            day = self.today + dt.timedelta(days=days)
            capacity = 50 * max(2, round(rng.randint(6, 10) * self.size))
            fair_id = self._fair(out, kind, day, commune=self._commune(kind), capacity=capacity, status=status)
            booths = self._booths(out, fair_id, kind, day, past=False, open_vacancies=by_employer)
            if status != "open" or not booths:
                continue
            taken = min(len(self.workers) // 2, capacity * rng.randint(25, 45) // 100)
            for worker in rng.sample(self.workers, taken):
                registration_id = next(self.ids["registration"])
                at = self._moment(self.today - dt.timedelta(days=rng.randint(0, 10)))
                out.registrations.append((registration_id, fair_id, worker.id, "", "", "", None, "online",
                                          self._token(), "", None, None, None, at, at))  # fmt: skip
                for booth in rng.sample(booths, min(len(booths), rng.randint(1, 2))):
                    out.registration_booths.append((next(self.ids["registration_booth"]), registration_id, booth.id))

    def _token(self) -> str:
        """A 43-character token as secrets.token_urlsafe(32) makes, from the demo's seed."""
        return base64.urlsafe_b64encode(self.rng.randbytes(32)).rstrip(b"=").decode()

    def _moment(self, day: dt.date, *, first: int = 7, last: int = 16) -> dt.datetime:
        hour = self.rng.randint(first, last)
        return dt.datetime.combine(day, dt.time(hour, self.rng.randint(0, 59)), tzinfo=timezone.get_current_timezone())
