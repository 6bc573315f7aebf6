"""Vacancies with real titles (from scraped postings) and job-seeker profiles for the demo province."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from dataclasses import dataclass
from pathlib import Path
from random import Random

from vieclam.coding.normalize import names_place
from vieclam.core.refdata import read_csv
from vieclam.core.text import fold

DATA = Path(__file__).resolve().parent / "data"
VACANCY_COLUMNS = [
    "id",
    "employer_id",
    "title",
    "occupation_id",
    "position",
    "positions_count",
    "description",
    "education_level",
    "technical_level",
    "experience",
    "languages",
    "skills",
    "age_min",
    "age_max",
    "sex_required",
    "restriction_reason",
    "workplace_commune_id",
    "contract_type",
    "working_time",
    "pay_min",
    "pay_max",
    "pay_band",
    "pay_negotiable",
    "benefits",
    "deadline",
    "status",
    "exchange_province_id",
    "search_text",
    "created_at",
    "updated_at",
    "demands_outdoor",
    "demands_lifting",
    "demands_standing",
    "demands_hearing",
    "demands_vision",
    "demands_fine_hands",
    "demands_both_hands",
]
PROFILE_COLUMNS = [
    "id",
    "person_id",
    "status",
    "title",
    "description",
    "occupation_id",
    "position",
    "experience_band",
    "workplace_1_id",
    "workplace_2_id",
    "contract_type",
    "working_time",
    "work_purpose",
    "desired_pay_min",
    "pay_band",
    "available_now",
    "available_from",
    "experience",
    "worked_abroad",
    "languages",
    "skills",
    "work_environment",
    "lifting",
    "can_stand_or_walk",
    "hearing_speaking_ok",
    "vision_ok",
    "fine_hand_work_ok",
    "hands",
    "recruitment_modes",
    "registered_on",
    "search_text",
    "created_at",
    "updated_at",
    "commune_id",
    "birth_date",
    "sex",
    "technical_level",
]
BENEFITS = [
    "BHXH, BHYT, BHTN",
    "Ăn trưa",
    "Xe đưa đón",
    "Thưởng tháng 13",
    "Phụ cấp chuyên cần",
    "Ký túc xá",
    "Đào tạo tại chỗ",
    "Nghỉ phép năm",
]
STATUS_MIX = (["open", "filled", "closed", "expired"], [75, 10, 8, 7])
MILLION = re.compile(r"(\d+(?:[.,]\d+)?)")


@dataclass
class Title:
    title: str
    occupation_code: str
    province_code: str
    pay: tuple[int | None, int | None, bool]


def load_titles(province_by_old_name: dict[str, str]) -> list[Title]:
    """Real titles (TopCV, VietnamWorks) with the new province of their old-name location and parsed pay."""
    titles = []
    for row in read_csv(DATA / "job_titles.csv"):
        province = province_by_old_name.get(place_key(row["location"]), "")
        titles.append(Title(row["title"], row["occupation"], province, parse_pay(row["salary"])))
    return titles


def place_key(name: str) -> str:
    """'Tỉnh Bà Rịa - Vũng Tàu', 'Bà Rịa-Vũng Tàu' → 'bariavungtau'."""
    folded = fold(name)
    for prefix in ("tinh ", "thanh pho "):
        folded = folded.removeprefix(prefix)
    return re.sub(r"[^a-z0-9]", "", folded)


def parse_pay(text: str) -> tuple[int | None, int | None, bool]:
    """'8 - 12 triệu' → (8.000.000, 12.000.000, False); 'Thoả thuận' → (None, None, True)."""
    low = fold(text)
    numbers = [float(n.replace(",", ".")) for n in MILLION.findall(low)]
    if "trieu" not in low or not numbers:
        return None, None, True
    values = [int(n * 1_000_000) for n in numbers[:2]]
    if low.startswith("toi"):
        return None, values[0], False
    if len(values) == 1:
        return values[0], None, False
    return min(values), max(values), False


def demands_for(major: str, rng: Random) -> tuple:
    """Working-condition demands typical of the occupation's major group (manual work demands more)."""
    manual = major in "6789"
    return (
        major in "69" and rng.random() < 0.6,
        rng.choice(["5_to_20", "over_20"]) if manual and rng.random() < 0.7 else "",
        manual,
        major in "45" and rng.random() < 0.5,
        major in "38" and rng.random() < 0.4,
        major in "7" and rng.random() < 0.5,
        manual and rng.random() < 0.5,
    )


class JobGenerator:
    def __init__(
        self,
        *,
        rng: Random,
        now: dt.datetime,
        today: dt.date,
        titles: list[Title],
        occupation_ids: dict[str, int],
        occupation_names: dict[int, str],
        first_ids: dict[str, int],
    ):
        self.rng, self.now, self.today = rng, now, today
        self.titles = [t for t in titles if t.occupation_code in occupation_ids]
        self.occupation_ids = occupation_ids
        self.code_by_id = {pk: code for code, pk in occupation_ids.items()}
        self.occupation_names = occupation_names
        self.ids = {k: itertools.count(v) for k, v in first_ids.items()}
        # A title that names its place ('… tại Long Biên, Hà Nội') goes only to employers of that province.
        by_occupation: dict[str, list[Title]] = {}
        for t in self.titles:
            if not names_place(t.title):
                by_occupation.setdefault(t.occupation_code, []).append(t)
        # Scraped postings over-represent accountants: sample occupations by the square root of their count.
        self.occupations = list(by_occupation)
        self.weights = [math.sqrt(len(by_occupation[o])) for o in self.occupations]
        self.by_occupation = by_occupation
        self.by_province: dict[str, list[Title]] = {}
        for t in self.titles:
            self.by_province.setdefault(t.province_code, []).append(t)

    def _title(self, province_code: str, home: bool) -> Title:
        local = self.by_province.get(province_code)
        if not home and local and self.rng.random() < 0.8:
            return self.rng.choice(local)
        occupation = self.rng.choices(self.occupations, self.weights)[0]
        return self.rng.choice(self.by_occupation[occupation])

    def vacancy(self, employer: tuple, *, employer_province: str, home_province: str, exchange_id: int) -> tuple:
        rng = self.rng
        employer_id, employer_name, commune_id = employer[0], employer[1], employer[6]
        t = self._title(employer_province, employer_province == home_province)
        major = t.occupation_code[0]
        status = rng.choices(*STATUS_MIX)[0]
        days = -rng.randint(1, 60) if status == "expired" else rng.randint(7, 60)
        pay_min, pay_max, negotiable = t.pay
        technical = {"1": "dai_hoc", "2": "dai_hoc", "3": "cao_dang", "4": "trung_cap"}.get(major, "")
        count = rng.randint(5, 60) if major in "789" else rng.randint(1, 5)
        description = f"Tuyển {t.title} làm việc tại {employer_name}."
        search = fold(f"{t.title} {employer_name}")
        return (
            next(self.ids["vacancy"]),
            employer_id,
            t.title[:200],
            self.occupation_ids[t.occupation_code],
            "",
            count,
            description,
            "thpt" if major in "2345" else "",
            technical,
            rng.choice(["khong_co", "duoi_1_nam", "tu_1_den_2_nam", "tu_2_den_5_nam"]),
            [],
            [],
            None,
            None,
            "",
            "",
            commune_id,
            rng.choice(["khong_xac_dinh_thoi_han", "xac_dinh_12_den_36_thang"]),
            "toan_thoi_gian" if rng.random() < 0.9 else "ban_thoi_gian",
            pay_min,
            pay_max,
            "",
            negotiable,
            rng.sample(BENEFITS, rng.randint(1, 4)),
            self.today + dt.timedelta(days=days),
            status,
            exchange_id,
            search,
            self.now,
            self.now,
            *demands_for(major, rng),
        )

    def profile(self, seeker: tuple, *, province_id: int, elsewhere_id: int | None) -> tuple:
        rng = self.rng
        person_id, name, commune_id, occupation_id, disabled, employed, born, sex, technical = seeker
        if occupation_id is None:
            code = rng.choices(self.occupations, self.weights)[0]
            occupation_id = self.occupation_ids[code]
        title = self._title_for(occupation_id)
        second = elsewhere_id if rng.random() < 0.3 else None
        hearing, vision, hands_ok = True, True, True
        lifting, hands = "over_20", "any"
        if disabled:
            limitation = rng.choice(["hearing", "vision", "hands", "lifting"])
            hearing, vision = limitation != "hearing", limitation != "vision"
            hands_ok = limitation != "hands"
            lifting = "under_5" if limitation == "lifting" else "5_to_20"
            hands = "one_right" if limitation == "hands" else "any"
        return (
            next(self.ids["profile"]),
            person_id,
            "active",
            title,
            "",
            occupation_id,
            "",
            rng.choice(["khong_co", "duoi_1_nam", "tu_1_den_2_nam", "tu_2_den_5_nam"]),
            commune_id,
            second or province_id,
            rng.choice(["khong_xac_dinh_thoi_han", "xac_dinh_12_den_36_thang", ""]),
            "toan_thoi_gian",
            "",
            rng.choice([None, 5_000_000, 7_000_000, 9_000_000, 12_000_000]),
            "",
            not employed,
            None if not employed else self.today + dt.timedelta(days=30),
            [],
            "",
            [],
            [],
            rng.choice(["indoor", "mixed", "any"]),
            lifting,
            True,
            hearing,
            vision,
            hands_ok,
            hands,
            ["in_person", "phone"],
            self.today - dt.timedelta(days=rng.randint(0, 120)),
            " " + fold(f"{name} {title}"),
            self.now,
            self.now,
            commune_id,
            born,
            sex,
            technical,
        )

    def _title_for(self, occupation_id: int) -> str:
        options = self.by_occupation.get(self.code_by_id.get(occupation_id, ""))
        if options:
            return self.rng.choice(options).title[:200]
        return self.occupation_names.get(occupation_id, "Lao động phổ thông")[:200]
