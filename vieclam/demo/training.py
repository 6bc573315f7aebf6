"""Vocational training in the demo province's history (training app): a public centre in each former district, a
college and an enterprise, licensed for the occupations of their courses; classes each year (An Phú's shape: about
two thirds outside agriculture, about 30 trainees a class, about half the trainees self-funded, "tự học"); the
adults living near the venue enrolled with the priority group the training services find from their record
(training.rules.best_group) and the support the norm in force allows; their status events to completed (most) or
dropped; and for some completers a job found within six months, written as the history writes a connection
through the centre.

Rates per 1.000.000 inhabitants and year (An Phú 2023: 35 classes, 1.050 trainees, 546 self-funded, for about
150.000 inhabitants): `CLASSES_PER_YEAR`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from random import Random
from types import SimpleNamespace
from typing import Any, cast

from vieclam.connections.rules import add_months
from vieclam.demo.history import Worker
from vieclam.demo.journeys import Adult, Context, day_between, moment, per_year
from vieclam.training.rules import Book, best_group, book_on, employment_check_until

START = dt.date(2024, 1, 1)
CLASSES_PER_YEAR = 200
NON_AGRICULTURE_SHARE = 2 / 3
SELF_FUNDED_SHARE = 0.5  # of the classes (so about half the trainees)
DROP_SHARE = 0.07
EMPLOYED_SHARE = 0.15  # of the completers: a job through the centre within six months (the others' through other
# channels, not recorded here)
TRAINEE_AGES = (16, 55)

PROVIDER_COLUMNS = ["id", "name", "kind", "commune_id", "licence_number", "created_at", "updated_at"]
PROVIDER_OCCUPATION_COLUMNS = ["id", "provider_id", "occupation_id"]
COURSE_COLUMNS = ["id", "name", "occupation_id", "level", "field", "duration_days", "cost_norm", "created_at",
                  "updated_at"]  # fmt: skip
CLASS_COLUMNS = ["id", "code", "course_id", "provider_id", "venue_commune_id", "start_date", "end_date", "capacity",
                 "funding", "recorded_by_id", "created_at", "updated_at"]  # fmt: skip
ENROLMENT_COLUMNS = ["id", "training_class_id", "person_id", "priority_group_id", "funding", "support_norm_id",
                     "support_amount", "status", "enrolled_on", "completed_on", "certificate_number", "dropped_on",
                     "drop_reason", "employment_check_until", "recorded_by_id", "created_at",
                     "updated_at"]  # fmt: skip
EVENT_COLUMNS = ["id", "enrolment_id", "status", "on", "note", "recorded_by_id", "recorded_at"]

# (name, occupation code, level, field, days, cost norm đồng per trainee, weight)
COURSES = [
    ("May công nghiệp", "7533", "so_cap", "phi_nong_nghiep", 90, 4_500_000, 6),
    ("Kỹ thuật chế biến món ăn", "5120", "thuong_xuyen", "phi_nong_nghiep", 60, 3_000_000, 4),
    ("Sửa chữa xe máy", "7231", "so_cap", "phi_nong_nghiep", 90, 4_000_000, 4),
    ("Điện dân dụng", "7411", "so_cap", "phi_nong_nghiep", 90, 4_000_000, 3),
    ("Hàn điện", "7212", "so_cap", "phi_nong_nghiep", 75, 4_500_000, 2),
    ("Kỹ thuật làm tóc", "5141", "thuong_xuyen", "phi_nong_nghiep", 60, 3_500_000, 2),
    ("Chăm sóc sắc đẹp", "5142", "thuong_xuyen", "phi_nong_nghiep", 45, 3_000_000, 2),
    ("Mộc dân dụng", "7115", "so_cap", "phi_nong_nghiep", 90, 4_000_000, 1),
    ("Trồng rau an toàn", "6111", "thuong_xuyen", "nong_nghiep", 45, 2_000_000, 3),
    ("Trồng cây ăn quả", "6113", "thuong_xuyen", "nong_nghiep", 60, 2_000_000, 2),
    ("Chăn nuôi gia súc, phòng trị bệnh", "6121", "so_cap", "nong_nghiep", 75, 2_500_000, 2),
    ("Chăn nuôi gia cầm", "6122", "thuong_xuyen", "nong_nghiep", 45, 2_000_000, 2),
    ("Nuôi trồng thủy sản nước ngọt", "6221", "thuong_xuyen", "nong_nghiep", 60, 2_500_000, 1),
    ("Công nghệ ô tô (trung cấp)", "7231", "trung_cap", "phi_nong_nghiep", 540, 9_000_000, 1),
    ("Điện công nghiệp (cao đẳng)", "7411", "cao_dang", "phi_nong_nghiep", 900, 14_000_000, 1),
]
DROP_REASONS = ["Đi làm xa", "Hoàn cảnh gia đình khó khăn", "Không sắp xếp được thời gian", "Chuyển nơi ở"]


@dataclass
class TrainingRows:
    providers: list[tuple] = field(default_factory=list)
    provider_occupations: list[tuple] = field(default_factory=list)
    courses: list[tuple] = field(default_factory=list)
    classes: list[tuple] = field(default_factory=list)
    enrolments: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)


@dataclass(frozen=True)
class _Course:
    id: int
    name: str
    occupation_id: int
    level: str
    field: str
    days: int
    cost: int


class TrainingGenerator:
    def __init__(self, ctx: Context, *, rng: Random, occupations: dict[str, int],
                 districts: dict[int, tuple[str, list[int]]], employers: list[tuple]) -> None:  # fmt: skip
        """occupations: VSCO code -> id; districts: former district id -> (name, new communes in it);
        employers: the demo's employers (the enterprise provider is one of them in the province)."""
        self.ctx, self.rng, self.occupations = ctx, rng, occupations
        self.districts, self.employers = districts, employers
        self.books: dict[dt.date, Book] = {}
        self.of_age: dict[tuple[int, int], list[Adult]] = {}
        self.out = TrainingRows()

    def generate(self) -> TrainingRows:
        ctx, rng = self.ctx, self.rng
        if not ctx.adults or not ctx.communes:
            return self.out
        courses = self._courses()
        if not courses:
            return self.out
        providers = self._providers(courses)
        last = ctx.today
        number = 0
        for year in range(START.year, ctx.today.year + 1):
            for _ in range(per_year(CLASSES_PER_YEAR, ctx.scale)):
                start = day_between(rng, dt.date(year, 1, 5), dt.date(year, 12, 20))
                if start > last:
                    continue
                number += 1
                self._class(providers, courses, start, number)
        return self.out

    # The province's lists
    def _courses(self) -> list[_Course]:
        out = []
        at = moment(self.rng, START - dt.timedelta(days=60))
        for name, code, level, field_, days, cost, _weight in COURSES:
            occupation = self.occupations.get(code)
            if occupation is None:
                continue
            course = _Course(self.ctx.next("course"), name, occupation, level, field_, days, cost)
            self.out.courses.append((course.id, name, occupation, level, field_, days, cost, at, at))
            out.append(course)
        return out

    def _providers(self, courses: list[_Course]) -> list[tuple[int, int, str, set[int]]]:
        """(id, commune, kind, courses it may teach) for a public centre per former district, a college and an
        enterprise."""
        ctx, rng = self.ctx, self.rng
        short = {c.id for c in courses if c.level in ("so_cap", "thuong_xuyen")}
        longer = {c.id for c in courses if c.level not in ("so_cap", "thuong_xuyen")}
        sewing = {c.id for c in courses if c.occupation_id == self.occupations.get("7533")}
        wanted: list[tuple[str, str, int, set[int]]] = []
        for name, communes in self.districts.values():
            if communes:
                wanted.append((f"Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên {name}", "public_centre",
                               communes[0], short))  # fmt: skip
        seat = sorted(ctx.communes)[0]
        wards = [pk for pk in sorted(ctx.communes) if ctx.communes[pk].startswith("Phường")]
        seat = (wards or [seat])[0]
        if not wanted:
            wanted.append(("Trung tâm Giáo dục nghề nghiệp tỉnh", "public_centre", seat, short))
        wanted.append(("Trường Cao đẳng nghề của tỉnh", "college", seat, short | longer))
        local = [e for e in self.employers if e[6] in ctx.communes]
        if local and sewing:
            employer = rng.choice(local)
            wanted.append((f"{employer[1][:150]} (cơ sở đào tạo tại doanh nghiệp)", "enterprise", employer[6], sewing))
        by_course = {c.id: c for c in courses}
        out = []
        at = moment(rng, START - dt.timedelta(days=90))
        for n, (name, kind, commune, teaches) in enumerate(wanted, start=1):
            provider_id = ctx.next("provider")
            self.out.providers.append((provider_id, name[:200], kind, commune, f"{n:02d}/GCNĐKHĐ-GDNN", at, at))
            for occupation in sorted({by_course[c].occupation_id for c in teaches}):
                self.out.provider_occupations.append((ctx.next("provider_occupation"), provider_id, occupation))
            out.append((provider_id, commune, kind, teaches))
        return out

    # A class and its trainees
    def _class(self, providers, courses: list[_Course], start: dt.date, number: int) -> None:
        ctx, rng = self.ctx, self.rng
        agriculture = rng.random() >= NON_AGRICULTURE_SHARE
        field_ = "nong_nghiep" if agriculture else "phi_nong_nghiep"
        pool = [c for c in courses if c.field == field_] or courses
        weights = {c[0]: c[6] for c in COURSES}
        course = rng.choices(pool, [weights.get(c.name, 1) for c in pool])[0]
        able = [p for p in providers if course.id in p[3]]
        provider_id, seat, kind, _teaches = rng.choice(able)
        venue = seat if kind != "public_centre" else self._venue_near(seat)
        end = start + dt.timedelta(days=course.days)
        short = course.level in ("so_cap", "thuong_xuyen")
        funding = "self_funded" if not short or rng.random() < SELF_FUNDED_SHARE else "supported"
        capacity = rng.choice([30, 30, 35, 35, 40])
        class_id = ctx.next("class")
        at = moment(rng, start - dt.timedelta(days=rng.randint(10, 30)))
        recorder = ctx.recorder(class_id)
        code = f"{number:03d}/{start.year}"
        ctx_class = (class_id, code, course.id, provider_id, venue, start, end, capacity, funding, recorder, at, at)
        self.out.classes.append(ctx_class)
        trainees = self._trainees(venue, start, capacity - rng.randint(0, 8))
        book = self._book(start)
        for adult in trainees:
            self._enrolment(class_id, course, funding, start, end, adult, book, recorder)

    def _venue_near(self, seat: int) -> int:
        """A public centre opens classes in the communes of its former district ("đào tạo tại xã")."""
        for _name, communes in self.districts.values():
            if seat in communes:
                return self.rng.choice(communes)
        return seat

    def _trainees(self, venue: int, start: dt.date, count: int) -> list[Adult]:
        near = self._of_age(venue, start.year)
        if len(near) < count:  # the neighbouring communes of the same former district
            for _name, communes in self.districts.values():
                if venue in communes:
                    near = near + [a for other in communes if other != venue for a in self._of_age(other, start.year)]
                    break
        return self.rng.sample(near, min(count, len(near)))

    def _of_age(self, commune: int, year: int) -> list[Adult]:
        """Adults of the commune of the trainees' ages on 1 January (so at least 15 on any day of the year)."""
        key = (commune, year)
        if key not in self.of_age:
            low, high = TRAINEE_AGES
            first = dt.date(year, 1, 1)
            self.of_age[key] = [a for a in self.ctx.living_in(commune) if low <= a.age_on(first) <= high]
        return self.of_age[key]

    def _book(self, day: dt.date) -> Book:
        if day not in self.books:
            self.books[day] = book_on(day)
        return self.books[day]

    def _group(self, adult: Adult, level: str, book: Book):
        """The priority group and norm the training services find for the person (training.rules.best_group)."""
        ctx = self.ctx
        household = ctx.households.get(adult.household_id) if adult.household_id else None
        code = ctx.ethnic_codes.get(adult.ethnicity_id) if adult.ethnicity_id else None
        person = SimpleNamespace(
            priority_groups=list(adult.groups), household=household, ethnicity_id=adult.ethnicity_id,
            ethnicity=SimpleNamespace(code=code), residence_commune=SimpleNamespace(area_class=ctx.area_class.get(
                adult.commune_id, "")),
        )  # fmt: skip
        return best_group(cast(Any, person), level=level, book=book)

    def _enrolment(self, class_id: int, course: _Course, funding: str, start: dt.date, end: dt.date, adult: Adult,
                   book: Book, recorder) -> None:  # fmt: skip
        ctx, rng = self.ctx, self.rng
        group, norm = self._group(adult, course.level, book)
        amount = 0
        if funding == "supported" and norm is not None:
            amount = min(norm.amount, course.cost) if course.cost else norm.amount
        enrolled = max(start - dt.timedelta(days=rng.randint(0, 14)), START)
        enrolled = min(enrolled, start)
        enrolment_id = ctx.next("enrolment")
        steps = [("enrolled", enrolled, "")]
        status, completed, certificate, dropped, reason, until = "enrolled", None, "", None, "", None
        if start <= ctx.today:
            steps.append(("attending", start, ""))
            status = "attending"
            if rng.random() < DROP_SHARE:
                day = day_between(rng, start, min(end, ctx.today))
                reason = rng.choice(DROP_REASONS)
                steps.append(("dropped", day, reason))
                status, dropped = "dropped", day
            elif end <= ctx.today:
                certificate = f"{enrolment_id:06d}/CC-{end.year}"
                steps.append(("completed", end, ""))
                status, completed, until = "completed", end, employment_check_until(end)
        created = moment(rng, enrolled)
        updated = moment(rng, steps[-1][1]) if len(steps) > 1 else created
        updated = max(updated, created)
        self.out.enrolments.append((enrolment_id, class_id, adult.id, group.pk if group else None, funding,
                                    norm.pk if funding == "supported" and norm else None, amount, status, enrolled,
                                    completed, certificate, dropped, reason, until, recorder, created,
                                    updated))  # fmt: skip
        for state, day, note in steps:
            at = created if state == "enrolled" else max(created, moment(rng, day))
            self.out.events.append((ctx.next("enrolment_event"), enrolment_id, state, day, note, recorder, at))
        if completed is not None and rng.random() < EMPLOYED_SHARE:
            self._job_after(adult, completed)

    def _job_after(self, adult: Adult, completed: dt.date) -> None:
        """A job found through the centre within the six months after the course (a connection as the history
        writes one, with its follow-ups)."""
        h, past, ctx = self.ctx.history, self.ctx.past, self.ctx
        if h is None or past is None or not self.employers:
            return
        start = day_between(self.rng, completed + dt.timedelta(days=7), add_months(completed, 5))
        if start > ctx.today - dt.timedelta(days=3):
            return
        household = ctx.households.get(adult.household_id) if adult.household_id else None
        poverty = household.poverty_class if household else ""
        worker = Worker(adult.id, adult.commune_id, adult.household_id, poverty, bool(adult.groups))
        local = [e for e in self.employers if e[6] in ctx.communes] or self.employers
        h._centre_connection(past, worker, self.rng.choice(local), start=start)
