"""Synthetic households, persons and poverty reviews for the demo province (deterministic for a seed).

Rates follow the seeds' figures: about 1–6 % poor and 7 % near-poor households, higher in rural communes;
labour-force shares roughly as in Vietnam's labour-force survey. Nothing here touches the database: the
caller passes the reference rows it needs and writes the tuples this module yields.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from dataclasses import dataclass, field
from random import Random

from vieclam.core.text import fold
from vieclam.demo.names import FAMILY, GIVEN, KHMER_FAMILY, MIDDLE
from vieclam.people.ages import born_on_or_before
from vieclam.poverty import rules

REVIEW_DAY = dt.date(2025, 10, 15)  # inside the periodic review season (1/9–14/12)
EARLIER_REVIEW_DAY = dt.date(2023, 10, 16)
HOUSEHOLD_SIZES = ([1, 2, 3, 4, 5, 6, 7], [10, 18, 22, 25, 14, 7, 4])
DEPRIVATIONS = [
    "employment",
    "dependent_person",
    "nutrition",
    "health_insurance",
    "adult_education",
    "child_school_attendance",
    "housing_quality",
    "housing_area",
    "clean_water",
    "hygienic_toilet",
    "telecommunication",
    "information_access_assets",
]
# (class, weight in rural communes, weight in urban communes)
POVERTY_MIX = [("poor", 4.0, 1.5), ("near_poor", 8.0, 5.0), ("average", 12.0, 8.0), ("not_poor", 76.0, 85.5)]
EXITED_SHARE = 0.03  # households that left the lists since the earlier review


@functools.lru_cache(maxsize=65536)
def _classify(line: rules.Line, income: int, count: int) -> rules.Verdict:
    """Incomes are rounded to 10.000 đồng, so the same inputs recur: ask the rule once for each."""
    return rules.classify_by_income(line=line, income_per_capita=income, deprivation_count=count)


PERSON_COLUMNS = [
    "id",
    "national_id",
    "id_kind",
    "social_insurance_code",
    "full_name",
    "date_of_birth",
    "sex",
    "ethnicity_id",
    "residence_commune_id",
    "permanent_commune_id",
    "address",
    "household_id",
    "relationship",
    "priority_groups",
    "education_level",
    "technical_level",
    "training_field",
    "activity_status",
    "employment_status",
    "occupation_id",
    "contract_type",
    "social_insurance",
    "workplace_type",
    "workplace_commune_id",
    "unemployment_duration",
    "phone",
    "search_text",
    "created_at",
    "updated_at",
    "state_since",
]
HOUSEHOLD_COLUMNS = [
    "id",
    "code",
    "commune_id",
    "address",
    "head_name",
    "poverty_class",
    "poverty_class_on",
    "poverty_exit_on",
    "search_text",
    "created_at",
    "updated_at",
]
REVIEW_COLUMNS = [
    "id",
    "household_id",
    "kind",
    "reviewed_on",
    "standard_id",
    "classification",
    "income_per_capita",
    "income_score",
    "deprivations",
    "causes",
    "reasons",
    "decided_by",
    "decision_number",
    "recorded_by_id",
    "recorded_at",
]
EVENT_COLUMNS = ["id", "person_id", "effective", "kind", "changes", "recorded_at", "recorded_by_id"]


@dataclass
class Commune:
    id: int
    code: str
    name: str
    area_class: str
    birth_province: str  # 3-digit CCCD code of the old province most of its people were born in


@dataclass
class Reference:
    """What the generator needs from the database, read once by the caller."""

    communes: list[Commune]
    ethnic_mix: list[tuple[int, float, str]]  # (ethnic group id, weight, "kinh"|"khmer"|"other")
    occupations: dict[str, list[int]]  # major group digit -> occupation ids (level 4)
    lines: dict[str, rules.Line]  # area class -> income line of the standard in force on REVIEW_DAY
    standard_id: int
    birth_provinces: list[str]
    taken_ids: set[str] = field(default_factory=set)


@dataclass
class Output:
    households: list[tuple] = field(default_factory=list)
    persons: list[tuple] = field(default_factory=list)
    reviews: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    # (person id, name, commune id, occupation id, disabled, employed, born, sex) of people who look for work
    seekers: list[tuple] = field(default_factory=list)


class PopulationGenerator:
    def __init__(self, ref: Reference, *, seed: int, today: dt.date, now: dt.datetime, first_ids: dict[str, int]):
        self.ref, self.rng, self.today, self.now = ref, Random(seed), today, now
        self.ids = {name: itertools.count(start) for name, start in first_ids.items()}
        self.serials: dict[str, itertools.count] = {}
        self.household_seq: dict[str, itertools.count] = {}
        self.family_names, self.family_weights = list(FAMILY), list(FAMILY.values())
        self.ethnic_ids = [e[0] for e in ref.ethnic_mix]
        self.ethnic_weights = [e[1] for e in ref.ethnic_mix]
        self.ethnic_kind = {e[0]: e[2] for e in ref.ethnic_mix}

    def generate(self, persons_wanted: int) -> Output:
        out = Output()
        while len(out.persons) < persons_wanted:
            commune = self.rng.choice(self.ref.communes)
            self._household(out, commune, min(self._size(), persons_wanted - len(out.persons)))
        return out

    #
    # Households
    #
    def _size(self) -> int:
        return self.rng.choices(*HOUSEHOLD_SIZES)[0]

    def _household(self, out: Output, commune: Commune, size: int) -> None:
        rng = self.rng
        household_id = next(self.ids["household"])
        seq = self.household_seq.setdefault(commune.code, itertools.count(1))
        ethnicity = rng.choices(self.ethnic_ids, self.ethnic_weights)[0]
        family = self._family_name(ethnicity)
        klass, exited = self._poverty(out, household_id, commune)
        address = f"Số {rng.randint(1, 450)}, ấp {rng.randint(1, 12)}"
        members = self._members(size)
        head_name = ""
        for position, (relationship, sex, age) in enumerate(members):
            name = self._person_name(
                family if position == 0 or relationship in ("child", "grandchild") else None, sex, ethnicity
            )
            head_name = head_name or name
            self._person(out, household_id, commune, relationship, sex, age, name, ethnicity, klass, address)
        exit_on = REVIEW_DAY if exited else None
        out.households.append(
            (
                household_id,
                f"{commune.code}-{next(seq):05d}",
                commune.id,
                address,
                head_name,
                klass,
                REVIEW_DAY,
                exit_on,
                " " + fold(head_name),
                self.now,
                self.now,
            )
        )

    def _members(self, size: int) -> list[tuple[str, str, int]]:
        rng = self.rng
        head_sex = "male" if rng.random() < 0.72 else "female"
        head_age = int(rng.triangular(22, 88, 46))
        members = [("head", head_sex, head_age)]
        if size >= 2 and head_age < 80 and rng.random() < 0.85:
            other = "female" if head_sex == "male" else "male"
            members.append(("spouse", other, max(18, head_age + rng.randint(-6, 4))))
        if size - len(members) >= 2 and head_age < 60 and rng.random() < 0.3:
            members.append(("parent", rng.choice(["male", "female"]), min(100, head_age + rng.randint(22, 32))))
        while len(members) < size:
            if head_age > 55 and rng.random() < 0.4:
                age = max(0, head_age - rng.randint(45, 60))
                members.append(("grandchild", rng.choice(["male", "female"]), age))
            else:
                age = max(0, head_age - rng.randint(20, 38))
                members.append(("child", rng.choice(["male", "female"]), age))
        return members

    def _family_name(self, ethnicity: int) -> str:
        if self.ethnic_kind[ethnicity] == "khmer":
            return self.rng.choices(list(KHMER_FAMILY), list(KHMER_FAMILY.values()))[0]
        return self.rng.choices(self.family_names, self.family_weights)[0]

    def _person_name(self, family: str | None, sex: str, ethnicity: int) -> str:
        family = family or self._family_name(ethnicity)
        middle = self.rng.choices(list(MIDDLE[sex]), list(MIDDLE[sex].values()))[0]
        return f"{family} {middle} {self.rng.choice(GIVEN[sex])}"

    #
    # Poverty
    #
    def _poverty(self, out: Output, household_id: int, commune: Commune) -> tuple[str, bool]:
        rng = self.rng
        column = 1 if commune.area_class == "rural" else 2
        target = rng.choices([m[0] for m in POVERTY_MIX], [m[column] for m in POVERTY_MIX])[0]
        line = self.ref.lines[commune.area_class or "rural"]
        exited = target in ("average", "not_poor") and rng.random() < EXITED_SHARE / 0.88
        if exited:
            earlier_income, earlier_dep = self._inputs_for("poor" if rng.random() < 0.5 else "near_poor", line)
            self._review(out, household_id, EARLIER_REVIEW_DAY, line, earlier_income, earlier_dep)
        income, deprivations = self._inputs_for(target, line)
        verdict = self._review(out, household_id, REVIEW_DAY, line, income, deprivations)
        return verdict, exited

    def _inputs_for(self, target: str, line: rules.Line) -> tuple[int, list[str]]:
        rng = self.rng
        money = int(line.income_line)
        upper = int(line.average_upper or money * 1.5)
        if target in ("poor", "near_poor"):
            income = int(money * rng.uniform(0.45, 1.0)) // 10_000 * 10_000
            count = rng.randint(3, 6) if target == "poor" else rng.randint(0, 2)
        elif target == "average":
            income = rng.randint(money + 10_000, upper) // 10_000 * 10_000
            count = rng.randint(0, 3)
        else:
            income = int(upper * rng.uniform(1.05, 4.0)) // 10_000 * 10_000
            count = rng.choice([0, 0, 0, 1, 1, 2])
        return income, rng.sample(DEPRIVATIONS, count)

    def _review(
        self, out: Output, household_id: int, day: dt.date, line: rules.Line, income: int, deprivations: list[str]
    ) -> str:
        """The class comes from the real rule (poverty.rules), not from the generator's target."""
        verdict = _classify(line, income, len(deprivations))
        out.reviews.append(
            (
                next(self.ids["review"]),
                household_id,
                "periodic",
                day,
                self.ref.standard_id,
                verdict.classification,
                income,
                None,
                deprivations,
                [],
                [],
                "Chủ tịch UBND xã",
                "",
                None,
                self.now,
            )
        )
        return verdict.classification

    #
    # Persons
    #
    def _national_id(self, commune: Commune, sex: str, born: dt.date) -> str:
        rng = self.rng
        province = commune.birth_province if rng.random() < 0.85 else rng.choice(self.ref.birth_provinces)
        digit = (born.year // 100 - 19) * 2 + (0 if sex == "male" else 1)
        prefix = f"{province}{digit}{born.year % 100:02d}"
        counter = self.serials.setdefault(prefix, itertools.count(rng.randint(1, 5000)))
        while True:
            nid = f"{prefix}{next(counter):06d}"
            if nid not in self.ref.taken_ids:
                return nid

    def _person(self, out, household_id, commune, relationship, sex, age, name, ethnicity, klass, address):
        rng = self.rng
        person_id = next(self.ids["person"])
        # Born between (age + 1) years and age years ago, so the person is exactly `age` today.
        anniversary = born_on_or_before(self.today, age)
        born = anniversary - dt.timedelta(days=rng.randint(0, 364))
        labour = self._labour(age, sex, commune) if age >= 15 else {}
        priority = self._priority(klass, ethnicity, labour)
        row = (
            person_id,
            self._national_id(commune, sex, born),
            "cccd12",
            "",
            name,
            born,
            sex,
            ethnicity,
            commune.id,
            commune.id,
            address,
            household_id,
            relationship,
            priority,
            labour.get("education", ""),
            labour.get("technical", ""),
            "",
            labour.get("activity", ""),
            labour.get("employment", ""),
            labour.get("occupation"),
            labour.get("contract", ""),
            labour.get("insurance", ""),
            labour.get("workplace", ""),
            None,
            labour.get("unemployed_for", ""),
            "",
            " " + fold(name),
            self.now,
            self.now,
            REVIEW_DAY,  # in the books since the review: an adult's registered event below is of that day
        )
        out.persons.append(row)
        if labour:
            changes = {"activity_status": labour.get("activity", ""), "occupation_id": labour.get("occupation")}
            out.events.append((next(self.ids["event"]), person_id, REVIEW_DAY, "registered", changes, self.now, None))
        looking = labour.get("activity") == "that_nghiep" or (
            labour.get("activity") == "co_viec_lam" and 18 <= age <= 40 and rng.random() < 0.04
        )
        if looking:
            out.seekers.append(
                (
                    person_id,
                    name,
                    commune.id,
                    labour.get("occupation"),
                    labour["disabled"],
                    labour.get("activity") == "co_viec_lam",
                    born,
                    sex,
                    labour.get("technical", ""),
                )
            )

    def _priority(self, klass: str, ethnicity: int, labour: dict) -> list[str]:
        groups = []
        if klass == "poor":
            groups.append("ho_ngheo")
        elif klass == "near_poor":
            groups.append("ho_can_ngheo")
        if self.ethnic_kind[ethnicity] != "kinh":
            groups.append("dan_toc_thieu_so")
        if labour.get("disabled"):
            groups.append("nguoi_khuyet_tat")
        return groups

    def _labour(self, age: int, sex: str, commune: Commune) -> dict:
        rng = self.rng
        young = age < 35
        education = rng.choices(
            ["chua_tot_nghiep_tieu_hoc", "tieu_hoc", "thcs", "thpt"], [2, 8, 30, 60] if young else [8, 25, 37, 30]
        )[0]
        technical = "chua_qua_dao_tao"
        if age >= 18:
            technical = rng.choices(
                ["chua_qua_dao_tao", "so_cap", "trung_cap", "cao_dang", "dai_hoc", "thac_si"],
                [70, 7, 5, 4, 13, 1] if education == "thpt" else [93, 5, 2, 0, 0, 0],
            )[0]
        labour = {"education": education, "technical": technical, "disabled": rng.random() < 0.02}
        labour.update(self._activity(age, sex, commune, technical))
        return labour

    def _activity(self, age: int, sex: str, commune: Commune, technical: str) -> dict:
        rng = self.rng
        if age < 23 and rng.random() < 0.55:
            return {"activity": "khong_tham_gia_di_hoc"}
        if age >= 60 and rng.random() < 0.6:
            return {"activity": rng.choice(["khong_tham_gia_huu_tri", "khong_tham_gia_khac"])}
        if 23 <= age < 60 and sex == "female" and rng.random() < 0.08:
            return {"activity": "khong_tham_gia_noi_tro"}
        if age < 60 and rng.random() < 0.028:
            return {
                "activity": "that_nghiep",
                "unemployed_for": rng.choices(["duoi_3_thang", "tu_3_thang_den_1_nam", "tren_1_nam"], [45, 35, 20])[0],
            }
        return {"activity": "co_viec_lam", **self._job(commune, technical)}

    def _job(self, commune: Commune, technical: str) -> dict:
        rng = self.rng
        rural = commune.area_class == "rural"
        status = rng.choices(
            ["lam_cong_an_luong", "tu_lam", "lao_dong_gia_dinh", "chu_co_so", "xa_vien_htx"],
            [48, 34, 14, 3, 1] if rural else [62, 28, 6, 3, 1],
        )[0]
        trained = technical not in ("chua_qua_dao_tao", "so_cap")
        weights = (
            {"2": 10, "3": 8, "4": 5, "5": 20, "6": 3, "7": 15, "8": 16, "9": 23}
            if trained is False
            else {"2": 30, "3": 22, "4": 12, "5": 14, "6": 2, "7": 8, "8": 7, "9": 5}
        )
        if rural:
            weights["6"] += 20
            weights["9"] += 10
        groups = [g for g in weights if self.ref.occupations.get(g)]
        group = rng.choices(groups, [weights[g] for g in groups])[0]
        job = {"employment": status, "occupation": rng.choice(self.ref.occupations[group])}
        if status == "lam_cong_an_luong":
            job["contract"] = rng.choices(
                ["khong_xac_dinh_thoi_han", "xac_dinh_12_den_36_thang", "xac_dinh_duoi_12_thang", ""], [35, 25, 10, 30]
            )[0]
            job["insurance"] = "bat_buoc" if job["contract"] else ""
            job["workplace"] = rng.choices(
                ["dn_ngoai_nha_nuoc", "dn_fdi", "khu_vuc_nha_nuoc", "dn_nha_nuoc", "co_so_kinh_doanh_ca_the"],
                [45, 20, 15, 5, 15],
            )[0]
        else:
            job["workplace"] = "ho_nong_lam_thuy_san" if group == "6" else "co_so_kinh_doanh_ca_the"
        return job
