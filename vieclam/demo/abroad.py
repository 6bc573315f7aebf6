"""Working abroad under contract in the demo province's history (abroad app): two or three licensed service
enterprises, their programmes (đơn hàng) to Japan, Korea, Taiwan and a few other countries, and the journeys of
young adults through the steps in order (registered → selected → orientation and language → visa and contract →
departed → working abroad → returned on time or early → back in work), each step a dated event.

Most journeys end in a departure; some stop before it; of those who left, most are still abroad today, some came
back (a few early, with a reason) and a few of those are back in work at home. Some journeys started before the
history's three years (so that contracts of three years end within them). A departure is the journey's start of
work abroad (abroad.indicators): the history itself sends nobody abroad through a labour event, so a person is
counted once in "giải quyết việc làm" however many records they have.

Rates per 1.000.000 inhabitants and year: about 1.200 registrations (a province of 1,3 M sends 1.500–3.000 a year;
"165 lao động đi làm việc có thời hạn ở nước ngoài" in a district).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from random import Random

from vieclam.connections.rules import add_months
from vieclam.demo.journeys import Adult, Context, day_between, moment, per_year

START = dt.date(2024, 1, 1)
EARLIEST = dt.date(2021, 6, 1)  # journeys begun before the history: their contracts end within it
REGISTRATIONS_PER_YEAR = 1_200
BEFORE_SHARE = 0.2  # of the journeys, registered before START
WITHDRAWN_SHARE = 0.15
EARLY_RETURN_SHARE = 0.1  # of those who left
BACK_IN_WORK_SHARE = 0.4  # of those who returned
AGES = (18, 35)

ENTERPRISE_COLUMNS = ["id", "name", "tax_code", "licence_number", "licence_date", "licence_revoked_on", "employer_id",
                      "address", "phone", "created_at", "updated_at"]  # fmt: skip
PROGRAMME_COLUMNS = ["id", "name", "enterprise_id", "country_id", "occupation_id", "foreign_employer",
                     "contract_months", "worker_cost", "service_fee", "positions", "opened_on", "closed_on",
                     "created_at", "updated_at"]  # fmt: skip
JOURNEY_COLUMNS = ["id", "person_id", "programme_id", "enterprise_id", "country_id", "occupation_id",
                   "foreign_employer", "contract_months", "state", "registered_on", "contract_signed_on",
                   "departed_on", "expected_return_on", "returned_on", "return_kind", "return_reason",
                   "back_in_work_on", "note", "recorded_by_id", "created_at", "updated_at"]  # fmt: skip
EVENT_COLUMNS = ["id", "journey_id", "person_id", "state", "on", "note", "recorded_by_id", "recorded_at"]

ENTERPRISES = [
    ("Công ty Cổ phần Cung ứng Nhân lực Quốc tế Sao Nam", "Số 12 đường 30/4, TP. Hồ Chí Minh"),
    ("Công ty TNHH Hợp tác Lao động và Thương mại Đông Á", "Số 45 Lê Duẩn, Hà Nội"),
    ("Công ty Cổ phần Phát triển Nguồn nhân lực Tây Nam", "Số 8 Cách Mạng Tháng Tám, Tây Ninh"),
]
# (country, name, occupation code, foreign employer, contract months, worker cost, service fee, weight)
PROGRAMMES = [
    (
        "JP",
        "Thực tập sinh kỹ năng ngành chế biến thực phẩm",
        "7512",
        "Kabushiki Kaisha Sato Foods",
        36,
        130_000_000,
        25_000_000,
        5,
    ),
    ("JP", "Thực tập sinh kỹ năng ngành may", "7533", "Yamada Sewing Co., Ltd.", 36, 120_000_000, 22_000_000, 3),
    ("JP", "Kỹ năng đặc định ngành xây dựng", "7115", "Tanaka Kensetsu K.K.", 60, 140_000_000, 30_000_000, 2),
    ("KR", "Chương trình EPS ngành sản xuất chế tạo", "8153", "Hanil Industrial Co., Ltd.", 58, 28_000_000, 0, 2),
    ("KR", "Chương trình EPS ngành nông nghiệp", "6111", "Gangwon Farm Cooperative", 58, 28_000_000, 0, 1),
    ("TW", "Lao động nhà máy điện tử", "8153", "Formosa Electronic Corp.", 36, 110_000_000, 20_000_000, 3),
    ("TW", "Hộ lý tại viện dưỡng lão", "5142", "Kaohsiung Care Home", 36, 90_000_000, 15_000_000, 1),
    ("DE", "Điều dưỡng viên", "5142", "Klinikum Sachsen GmbH", 36, 150_000_000, 0, 1),
    ("AU", "Lao động nông nghiệp thời vụ", "6111", "Sunraysia Harvest Pty Ltd", 9, 60_000_000, 0, 1),
]
EARLY_REASONS = ["Không đủ sức khỏe", "Hoàn cảnh gia đình", "Chủ sử dụng phá sản, chấm dứt hợp đồng",
                 "Tai nạn lao động"]  # fmt: skip


@dataclass
class AbroadRows:
    enterprises: list[tuple] = field(default_factory=list)
    programmes: list[tuple] = field(default_factory=list)
    journeys: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)


@dataclass(frozen=True)
class _Programme:
    id: int
    enterprise_id: int
    country_id: int
    occupation_id: int | None
    employer: str
    months: int
    opened_on: dt.date
    weight: int


class AbroadGenerator:
    def __init__(self, ctx: Context, *, rng: Random, countries: dict[str, int], occupations: dict[str, int],
                 min_age: int, taken_tax_codes: set[str]) -> None:  # fmt: skip
        self.ctx, self.rng, self.countries, self.occupations = ctx, rng, countries, occupations
        self.min_age, self.taken = max(min_age, AGES[0]), taken_tax_codes
        self.out = AbroadRows()

    def generate(self) -> AbroadRows:
        ctx, rng = self.ctx, self.rng
        if not ctx.adults:
            return self.out
        programmes = self._programmes()
        if not programmes:
            return self.out
        years = (ctx.today - START).days / 365.25
        total = per_year(REGISTRATIONS_PER_YEAR, ctx.scale * years, least=3)
        low, high = self.min_age, AGES[1]
        young = [a for a in ctx.adults if low + 4 <= a.age_on(ctx.today) <= high + 4]
        people = rng.sample(young, min(total, len(young)))  # one journey a person
        for adult in people:
            first = EARLIEST if rng.random() < BEFORE_SHARE else START
            registered = day_between(rng, first, ctx.today - dt.timedelta(days=5))
            if adult.age_on(registered) < self.min_age:
                continue
            open_ = [p for p in programmes if p.opened_on <= registered]
            if not open_:
                continue
            self._journey(adult, rng.choices(open_, [p.weight for p in open_])[0], registered)
        return self.out

    def _programmes(self) -> list[_Programme]:
        ctx, rng = self.ctx, self.rng
        out = []
        for n, (name, address) in enumerate(ENTERPRISES[: 2 + (ctx.scale >= 0.05)], start=1):
            enterprise_id = ctx.next("enterprise")
            licensed = dt.date(2019 + n, rng.randint(1, 12), rng.randint(1, 28))
            at = moment(rng, licensed)
            phone = f"028{rng.randint(30_000_000, 39_999_999)}"
            self.out.enterprises.append((enterprise_id, name, self._tax_code(), f"{100 + n * 37}/LĐTBXH-GP", licensed,
                                         None, None, address, phone, at, at))  # fmt: skip
            opened = max(licensed, EARLIEST - dt.timedelta(days=60))
            for country, title, code, employer, months, cost, fee, weight in PROGRAMMES:
                country_id = self.countries.get(country)
                if country_id is None or rng.random() < 0.3:
                    continue
                day = opened + dt.timedelta(days=rng.randint(0, 60))
                programme_id = ctx.next("programme")
                occupation = self.occupations.get(code)
                self.out.programmes.append((programme_id, title, enterprise_id, country_id, occupation, employer,
                                            months, cost, fee, rng.choice([20, 30, 50, 100]), day, None,
                                            moment(rng, day), moment(rng, day)))  # fmt: skip
                out.append(_Programme(programme_id, enterprise_id, country_id, occupation, employer, months, day,
                                      weight))  # fmt: skip
        return out

    def _tax_code(self) -> str:
        while True:
            code = f"03{self.rng.randint(10_000_000, 99_999_999)}"
            if code not in self.taken:
                self.taken.add(code)
                return code

    def _journey(self, adult: Adult, programme: _Programme, registered: dt.date) -> None:
        ctx, rng = self.ctx, self.rng
        journey_id = ctx.next("journey")
        recorder = ctx.recorder(journey_id)
        steps: list[tuple[str, dt.date, str]] = [("registered", registered, "")]
        signed = departed = expected = returned = back = None
        kind = reason = ""
        stop_at = rng.choice(["selected", "training", "contract", "registered"]) if rng.random() < WITHDRAWN_SHARE \
            else ""  # fmt: skip
        day = registered
        for state, low, high in (("selected", 10, 45), ("training", 5, 20), ("contract", 60, 150),
                                 ("departed", 10, 45)):  # fmt: skip
            if stop_at and steps[-1][0] == stop_at:
                withdrawn = day + dt.timedelta(days=rng.randint(5, 40))
                if withdrawn <= ctx.today:
                    steps.append(("withdrawn", withdrawn, rng.choice(["Không đủ sức khỏe", "Gia đình không đồng ý",
                                                                      "Trượt phỏng vấn"])))  # fmt: skip
                break
            day = day + dt.timedelta(days=rng.randint(low, high))
            if day > ctx.today or (state == "departed" and adult.age_on(day) < self.min_age):
                break
            steps.append((state, day, ""))
            if state == "contract":
                signed = day
            elif state == "departed":
                departed = day
        if departed is not None:
            expected = add_months(departed, programme.months)
            working = departed + dt.timedelta(days=rng.randint(3, 20))
            if working <= ctx.today:
                steps.append(("working", working, ""))
                if rng.random() < EARLY_RETURN_SHARE:
                    early = working + dt.timedelta(days=rng.randint(60, max(61, (expected - working).days - 30)))
                    if early < expected and early <= ctx.today:
                        returned, kind, reason = early, "early", rng.choice(EARLY_REASONS)
                elif expected <= ctx.today:
                    returned, kind = expected + dt.timedelta(days=rng.randint(0, 10)), "on_time"
                    if returned > ctx.today:
                        returned, kind = None, ""
                if returned is not None:
                    steps.append(("returned", returned, reason))
                    if rng.random() < BACK_IN_WORK_SHARE:
                        back = returned + dt.timedelta(days=rng.randint(20, 120))
                        if back <= ctx.today:
                            steps.append(("back_in_work", back, ""))
                        else:
                            back = None
        state = steps[-1][0]
        created = moment(rng, registered)
        updated = max(created, moment(rng, steps[-1][1]))
        self.out.journeys.append((journey_id, adult.id, programme.id, programme.enterprise_id, programme.country_id,
                                  programme.occupation_id, programme.employer, programme.months, state, registered,
                                  signed, departed, expected, returned, kind, reason, back, "", recorder, created,
                                  updated))  # fmt: skip
        for step, on, note in steps:
            at = created if step == "registered" else max(created, moment(rng, on))
            self.out.events.append((ctx.next("journey_event"), journey_id, adult.id, step, on, note, recorder, at))
