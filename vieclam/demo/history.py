"""Three years (2024 to today) of the centre's work with people, for the demo province: counselling (one to one
and group sessions), caseloads, past vacancies and the applications and referrals to them with every dated
transition, the successful connections that followed and their follow-up checks.

Rates follow the seeds (per 1.000.000 inhabitants and year, see `RATES`): about 15.000 counselling sessions and
150 group sessions ("hội nghị tư vấn"), about 2.500 job introductions, each after a counselling, of which about a
third end in a hire with a labour contract, twice as many workers applying by themselves, a tenth more jobs
confirmed by the centre outside the board, and about one follow-up in seven missed. Rows are tuples in the column
order of the models, ids given here so foreign keys link without reading back (as the rest of the generator).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from random import Random

from django.utils import timezone

from vieclam.core.dated import in_window
from vieclam.demo import fairs
from vieclam.demo.jobs import VACANCY_COLUMNS

START = dt.date(2024, 1, 1)

# Per 1.000.000 inhabitants and year (Thái Nguyên: "hơn 3.000 người được giới thiệu việc làm; gần 1.000 người được
# kết nối, giới thiệu việc làm thành công" for ≈1,3 M inhabitants).
RATES = {"past_vacancies": 5_000, "referrals": 2_500, "self_applications": 5_000, "counselling": 12_500,
         "group_sessions": 150, "centre_connections": 100}  # fmt: skip
FOLLOW_UP_MONTHS = (1, 3, 6, 12)
MISSED_SHARE = 0.15
GRACE_DAYS = 30  # a check not recorded this long after it fell due is missed
# P(still with the employer), P(another job), P(not working) at each check; the rest are unreachable.
KEPT = {1: (0.9, 0.04, 0.03), 3: (0.8, 0.08, 0.07), 6: (0.7, 0.12, 0.1), 12: (0.6, 0.15, 0.15)}
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
    priority: bool = False


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


COUNSELLING_COLUMNS = ["id", "person_id", "held_on", "channel_id", "counsellor_id", "outcome", "next_step",
                       "next_action_on", "note", "created_at", "updated_at"]  # fmt: skip
SESSION_TOPIC_COLUMNS = ["id", "counsellingsession_id", "codeitem_id"]
GROUP_COLUMNS = ["id", "held_on", "commune_id", "unit_kind_id", "unit_name", "headcount", "organiser_id", "note",
                 "created_at", "updated_at"]  # fmt: skip
GROUP_TOPIC_COLUMNS = ["id", "groupsession_id", "codeitem_id"]
ATTENDANCE_COLUMNS = ["id", "session_id", "person_id", "held_on"]
CASE_COLUMNS = ["id", "person_id", "counsellor_id", "assigned_on", "next_action_on", "next_action", "created_at",
                "updated_at"]  # fmt: skip
CONNECTION_COLUMNS = ["id", "person_id", "employer_id", "application_id", "occupation_id", "contract_type",
                      "contract_number", "start_date", "monthly_pay", "social_insurance", "evidence_note", "source",
                      "funding_source", "norm_id", "norm_amount", "double_funding_flag", "double_funding_reason",
                      "counsellor_id", "recorded_by_id", "created_at", "updated_at"]  # fmt: skip
FOLLOW_UP_COLUMNS = ["id", "connection_id", "person_id", "counsellor_id", "priority", "offset_months", "due_on",
                     "status", "result", "has_contract", "has_social_insurance", "checked_on", "note",
                     "recorded_by_id", "recorded_at"]  # fmt: skip
OUTCOMES = {
    "tim_viec_lam": ("Đã nắm nhu cầu, có việc phù hợp", "Giới thiệu việc làm"),
    "hoc_nghe": ("Muốn học nghề ngắn hạn", "Đăng ký lớp sơ cấp nghề"),
    "dinh_huong_nghe_nghiep": ("Đã trao đổi về nghề phù hợp", "Hẹn tư vấn lại"),
    "phap_luat_chinh_sach": ("Đã giải thích chính sách hỗ trợ", ""),
    "bao_hiem_that_nghiep": ("Hướng dẫn hồ sơ hưởng trợ cấp thất nghiệp", "Nộp hồ sơ BHTN"),
    "di_lam_viec_nuoc_ngoai": ("Quan tâm chương trình EPS Hàn Quốc", "Học tiếng, chờ thi"),
    "tu_tao_viec_lam_vay_von": ("Muốn vay vốn chăn nuôi", "Giới thiệu Ngân hàng Chính sách xã hội"),
}
UNIT_NAMES = {"truong_hoc": "Trường THPT {n}", "don_vi_quan_doi": "Ban Chỉ huy Quân sự {n}",
              "co_so_cai_nghien_trai_giam": "Cơ sở cai nghiện ma túy {n}", "doanh_nghiep": "Khu công nghiệp {n}",
              "xa_phuong": "Hội trường UBND {n}", "khac": "Nhà văn hóa {n}"}  # fmt: skip


@dataclass(frozen=True)
class Codes:
    """Ids of the reference rows the history points to."""

    topics: dict[str, int]
    channels: dict[str, int]
    unit_kinds: dict[str, int]
    norms: list[tuple[int, int, dt.date | None, dt.date | None]]  # (id, amount, valid_from, valid_to)
    communes: dict[int, str]  # id -> name


@dataclass
class History:
    vacancies: list[tuple] = field(default_factory=list)
    applications: list[tuple] = field(default_factory=list)
    application_events: list[tuple] = field(default_factory=list)
    hires: list[Hire] = field(default_factory=list)
    counselling: list[tuple] = field(default_factory=list)
    counselling_topics: list[tuple] = field(default_factory=list)
    groups: list[tuple] = field(default_factory=list)
    group_topics: list[tuple] = field(default_factory=list)
    attendance: list[tuple] = field(default_factory=list)
    cases: list[tuple] = field(default_factory=list)
    connections: list[tuple] = field(default_factory=list)
    follow_ups: list[tuple] = field(default_factory=list)
    # Job fairs (demo.fairs): their applications and hires are in the lists above.
    fairs: list[tuple] = field(default_factory=list)
    booths: list[tuple] = field(default_factory=list)
    booth_vacancies: list[tuple] = field(default_factory=list)
    registrations: list[tuple] = field(default_factory=list)
    registration_booths: list[tuple] = field(default_factory=list)
    interests: list[tuple] = field(default_factory=list)


class HistoryGenerator:
    def __init__(
        self,
        *,
        rng: Random,
        today: dt.date,
        first_ids: dict[str, int],
        counsellors: list[tuple[int, str]],
        codes: Codes,
        new_vacancy: Callable[[tuple], tuple],
        fair_rng: Random | None = None,
    ) -> None:
        self.rng, self.today, self.codes, self.new_vacancy = rng, today, codes, new_vacancy
        self.fair_rng = fair_rng  # the fairs' own stream (demo.fairs); none: no fairs
        self.counsellors = counsellors or [(None, "")]
        self.ids: dict[str, Iterator[int]] = {name: itertools.count(first) for name, first in first_ids.items()}
        self.paid_until: dict[int, dt.date] = {}  # person -> end of the 12 months after a paid connection

    def generate(self, *, workers: list[Worker], employers: list[tuple], inhabitants: int,
                 open_vacancies: list[tuple] = ()) -> History:  # fmt: skip
        out = History()
        if not workers or not employers:
            return out
        scale = inhabitants / 1_000_000
        years = max((self.today - START).days / 365.25, 0.1)

        def count(rate: str) -> int:
            return round(RATES[rate] * scale * years)

        for _ in range(count("past_vacancies") or 1):
            out.vacancies.append(self._past_vacancy(self.rng.choice(employers)))
        counselled: dict[int, dt.date] = {}
        for _ in range(count("counselling")):
            worker = self.rng.choice(workers)
            day = self._day(START, self.today)
            self._counselling(out, worker, day, self.rng.choice(list(OUTCOMES)))
            counselled[worker.id] = max(day, counselled.get(worker.id, day))
        for _ in range(count("referrals")):
            worker, vacancy = self.rng.choice(workers), self.rng.choice(out.vacancies)
            posted = timezone.localtime(vacancy[_V["created_at"]]).date()
            self._counselling(out, worker, posted, "tim_viec_lam")  # a referral follows a counselling
            counselled[worker.id] = max(posted, counselled.get(worker.id, posted))
            self._application(out, worker, vacancy, "referred")
        for _ in range(count("self_applications")):
            self._application(out, self.rng.choice(workers), self.rng.choice(out.vacancies), "applied")
        by_id = {w.id: w for w in workers}
        for _ in range(count("group_sessions") or 1):
            self._group(out, workers)
        for person_id, last in counselled.items():
            self._case(out, by_id[person_id], last)
        if self.fair_rng is not None:  # before the connections: hires at fairs become connections as any other
            fairs.FairGenerator(self, rng=self.fair_rng).generate(
                out, workers=workers, employers=employers, open_vacancies=list(open_vacancies), inhabitants=inhabitants
            )
        for hire in out.hires:
            self._connection(out, by_id[hire.person_id], hire)
        for _ in range(count("centre_connections")):
            self._centre_connection(out, self.rng.choice(workers), self.rng.choice(employers))
        return out

    def _counsellor(self, worker: Worker) -> tuple[int | None, str]:
        return self.counsellors[worker.id % len(self.counsellors)]

    def _counselling(self, out: History, worker: Worker, day: dt.date, topic: str) -> None:
        rng, codes = self.rng, self.codes
        session_id = next(self.ids["counselling"])
        held_on = max(START, day - dt.timedelta(days=rng.randint(0, 14)))
        outcome, next_step = OUTCOMES[topic]
        next_on = held_on + dt.timedelta(days=rng.randint(7, 30)) if next_step else None
        channel = rng.choices(list(codes.channels.values()), [45, 35, 15, 5][: len(codes.channels)])[0]
        at = self._moment(held_on)
        out.counselling.append((session_id, worker.id, held_on, channel, self._counsellor(worker)[0], outcome,
                                next_step, next_on, "", at, at))  # fmt: skip
        topics = {topic} | ({rng.choice(list(OUTCOMES))} if rng.random() < 0.3 else set())
        for code in sorted(topics):
            if code in codes.topics:
                out.counselling_topics.append((next(self.ids["counselling_topic"]), session_id, codes.topics[code]))

    def _group(self, out: History, workers: list[Worker]) -> None:
        rng, codes = self.rng, self.codes
        group_id = next(self.ids["group"])
        commune_id = rng.choice(list(codes.communes))
        kind = rng.choices(list(codes.unit_kinds), [40, 25, 10, 5, 15, 5][: len(codes.unit_kinds)])[0]
        held_on = self._day(START, self.today)
        headcount = rng.randint(40, 250)
        name = UNIT_NAMES.get(kind, "{n}").format(n=codes.communes[commune_id])
        at = self._moment(held_on)
        out.groups.append((group_id, held_on, commune_id, codes.unit_kinds[kind], name[:255], headcount,
                           self.counsellors[group_id % len(self.counsellors)][0], "", at, at))  # fmt: skip
        for code in rng.sample(sorted(codes.topics), min(2, len(codes.topics))):
            out.group_topics.append((next(self.ids["group_topic"]), group_id, codes.topics[code]))
        local = [w for w in rng.sample(workers, min(len(workers), 400)) if w.commune_id == commune_id]
        for worker in local[: rng.randint(0, 15)]:
            out.attendance.append((next(self.ids["attendance"]), group_id, worker.id, held_on))

    def _case(self, out: History, worker: Worker, last: dt.date) -> None:
        next_on = last + dt.timedelta(days=self.rng.randint(7, 60)) if self.rng.random() < 0.5 else None
        next_action = "Gọi điện hỏi kết quả phỏng vấn" if next_on else ""
        at = self._moment(last)
        out.cases.append((next(self.ids["case"]), worker.id, self._counsellor(worker)[0], last, next_on, next_action,
                          at, at))  # fmt: skip

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
        counsellor = self._counsellor(worker) if channel == "referred" else None
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
            # Keyed by the application's field names, as application_transition stores them.
            data = {"contract_type": contract, "start_date": start.isoformat()} if new == "hired" and start else {}
            if new == "refused":
                data = {"refusal_reason": reason}
            if new == "interview_scheduled" and interview_at:
                data = {"interview_at": interview_at.isoformat()}
            out.application_events.append(
                (next(self.ids["application_event"]), app_id, old, new, moment, actor_id, username, "", data)
            )
        if hired and start is not None:
            pay = vacancy[_V["pay_min"]]
            out.hires.append(Hire(app_id, worker.id, vacancy[_V["employer_id"]], vacancy[_V["occupation_id"]],
                                  contract, start, pay, channel == "referred", done_at))  # fmt: skip

    def _connection(self, out: History, worker: Worker, hire: Hire) -> None:
        insured = self.rng.random() < 0.75
        self._write_connection(out, worker, employer_id=hire.employer_id, application_id=hire.application_id,
                               occupation_id=hire.occupation_id, contract=hire.contract_type, start=hire.start_date,
                               pay=hire.pay, insured=insured, source="board", at=hire.at)  # fmt: skip

    def _centre_connection(self, out: History, worker: Worker, employer: tuple, *,
                           start: dt.date | None = None) -> None:  # fmt: skip
        start = start or self._day(START, self.today - dt.timedelta(days=7))
        contract = self.rng.choices(*CONTRACTS)[0]
        pay = self.rng.choice([5_500_000, 6_500_000, 7_500_000, 9_000_000])
        self._write_connection(out, worker, employer_id=employer[0], application_id=None, occupation_id=None,
                               contract=contract, start=start, pay=pay, insured=self.rng.random() < 0.6,
                               source="centre", at=self._moment(start))  # fmt: skip

    def _write_connection(self, out: History, worker: Worker, *, employer_id, application_id, occupation_id,
                          contract: str, start: dt.date, pay, insured: bool, source: str, at) -> None:  # fmt: skip
        connection_id = next(self.ids["connection"])
        counsellor = self._counsellor(worker)[0]
        funding, norm_id, amount, flagged, reason = self._funding(worker, start)
        number = f"{self.rng.randint(1, 999):03d}/{start.year}/HĐLĐ"
        evidence = "Bản sao hợp đồng lao động" if source == "centre" else ""
        out.connections.append((connection_id, worker.id, employer_id, application_id, occupation_id, contract,
                                number, start, pay, insured, evidence, source, funding, norm_id, amount, flagged,
                                reason, counsellor, counsellor, at, at))  # fmt: skip
        for months in FOLLOW_UP_MONTHS:
            out.follow_ups.append(self._follow_up(connection_id, worker, counsellor, start, months, insured))

    def _funding(self, worker: Worker, start: dt.date) -> tuple[str, int | None, int, bool, str]:
        """Programme money for workers of poor, near-poor or recently escaped households (TT 11/2022 Art. 3.4),
        once in 12 months; nothing for the others."""
        if worker.poverty_class not in ("poor", "near_poor") and not worker.priority:
            return "none", None, 0, False, ""
        norm = next((n for n in self.codes.norms if in_window(start, n[2], n[3])), None)
        if self.paid_until.get(worker.id, START) > start:
            return "mtqg", norm[0] if norm else None, 0, True, "Đã được chi kết nối trong 12 tháng trước"
        self.paid_until[worker.id] = start + dt.timedelta(days=365)
        return "mtqg", norm[0] if norm else None, norm[1] if norm else 0, False, ""

    def _follow_up(self, connection_id: int, worker: Worker, counsellor, start: dt.date, months: int,
                   insured: bool) -> tuple:  # fmt: skip
        rng = self.rng
        due = _add_months(start, months)
        priority = 0 if worker.poverty_class in ("poor", "near_poor") or worker.priority else 1
        status, result, contract, social, checked, recorded_at = "due", "", None, None, None, None
        if due + dt.timedelta(days=GRACE_DAYS) < self.today:
            if rng.random() < MISSED_SHARE:
                status = "missed"
            else:
                status = "done"
                checked = due + dt.timedelta(days=rng.randint(0, GRACE_DAYS - 5))
                kept, other, idle = KEPT[months] if months in KEPT else KEPT[12]
                result = rng.choices(["same_employer", "other_job", "not_working", "unreachable"],
                                     [kept, other, idle, max(0.0, 1 - kept - other - idle)])[0]  # fmt: skip
                working = result in ("same_employer", "other_job")
                contract = working and (result == "same_employer" or rng.random() < 0.7)
                social = working and (insured if result == "same_employer" else rng.random() < 0.5)
                recorded_at = self._moment(checked)
        recorder = counsellor if status == "done" else None
        return (next(self.ids["follow_up"]), connection_id, worker.id, counsellor, priority, months, due, status,
                result, contract, social, checked, "", recorder, recorded_at)  # fmt: skip

    def _day(self, first: dt.date, last: dt.date) -> dt.date:
        span = max((last - first).days, 0)
        return first + dt.timedelta(days=self.rng.randint(0, span))

    def _moment(self, day: dt.date) -> dt.datetime:
        hour = self.rng.randint(7, 16)
        return dt.datetime.combine(day, dt.time(hour, self.rng.randint(0, 59)), tzinfo=timezone.get_current_timezone())


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the last day of a shorter month)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
