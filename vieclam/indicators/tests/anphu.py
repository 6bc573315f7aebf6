"""An Phú's 2023, built through the services: the records behind the district's yearly report (issue #12).

Huyện An Phú (An Giang, code 886 before 1 July 2025) reported for 2023: 41.504 households, of which 2.354 poor
(5,67%) and 3.092 near-poor (7,45%) after the periodic review; 7.125 persons who got work (24 of them went abroad
under contract), "đạt 142,1% kế hoạch" (plan 5.014), "125,4% so cùng kỳ" (5.682 in 2022) and 169,6% of the
five-year plan.

The five-year plan reading (decided here, for the targets app to confirm): the district's plan 2021–2025 is 21.005
persons, 4.201 a year; 2023's 7.125 is 169,6% of that yearly share (7.125 / 4.201). No other reading of the
published figures gives 169,6% without 2021's figure, which the report does not give.

Every record goes through the service an officer's screen calls: household_create and household_review_record
(the periodic review of November 2023), person_create, person_update (a dated change of labour status) and
person_go_abroad. The records live in the communes in force the old district became (the crosswalk:
areas.area_for of old An Phú), spread evenly over them. Persons are adults (born 1970–2004).

Who started work when: 5.682 persons got a job in 2022 and lost it before the year ended (seasonal work); in 2023
they and 1.419 others got work again, and 24 more went abroad: 7.125 persons in 2023, each counted once.
SCALED (always run) keeps every percentage of the report with fewer records; FULL (VIECLAM_SLOW=1) is the report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from vieclam.accounts.choices import Role
from vieclam.accounts.services import user_create
from vieclam.indicators.areas import Area, area_for
from vieclam.people.reviews import household_review_record
from vieclam.people.services import household_create, person_create, person_go_abroad, person_update
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Edition

OLD_DISTRICT_CODE = "886"
REVIEWED_ON = dt.date(2023, 11, 15)  # the periodic review runs 01/09–14/12 (QĐ 24/2021/QĐ-TTg)
THREE_DEPRIVATIONS = ("employment", "health_insurance", "clean_water")
EMPLOYED, UNEMPLOYED = "co_viec_lam", "that_nghiep"
COUNTRIES = ("Hàn Quốc", "Nhật Bản", "Đài Loan")


@dataclass(frozen=True)
class Facts:
    households: int
    poor: int
    near_poor: int
    starts_2023: int
    abroad_2023: int
    starts_2022: int
    plan_2023: int
    plan_2021_2025: int  # a fifth of it a year

    @property
    def plan_yearly_share(self) -> Decimal:
        return Decimal(self.plan_2021_2025) / 5


# The report's figures.
FULL = Facts(
    households=41_504, poor=2_354, near_poor=3_092, starts_2023=7_125, abroad_2023=24, starts_2022=5_682,
    plan_2023=5_014, plan_2021_2025=21_005,
)  # fmt: skip
# Always run: 1.128 households (≈ 1/37) and a tenth of the persons and plans, chosen so that every percentage
# the report prints is the report's (5,67%, 7,45%, 142,1%, 125,4%, 169,6%); the 24 departures abroad are exact.
# At full size the services take ≈ 15–20 ms a household and ≈ 8 ms a start: ≈ 16 minutes of CPU on SQLite (measured).
SCALED = Facts(
    households=1_128, poor=64, near_poor=84, starts_2023=715, abroad_2023=24, starts_2022=570,
    plan_2023=503, plan_2021_2025=2_108,
)  # fmt: skip


def old_an_phu() -> AdministrativeUnit:
    return AdministrativeUnit.objects.get(code=OLD_DISTRICT_CODE, edition=Edition.PRE_2025, level=Level.DISTRICT)


def an_giang_officer():
    """A province officer of An Giang (91 since 1 July 2025), who records what the communes report."""
    return user_create(actor=None, username="can_bo_an_giang", role=Role.PROVINCE_OFFICER, area_codes=["91"])


def build(facts: Facts, *, actor) -> Area:
    """Write the year's records through the services; returns the old district's area (its communes in force)."""
    area = area_for(old_an_phu())
    codes = sorted(AdministrativeUnit.objects.filter(pk__in=area.commune_ids).values_list("code", flat=True))
    households_build(facts, actor=actor, codes=codes)
    starts_build(facts, actor=actor, codes=codes)
    return area


def households_build(facts: Facts, *, actor, codes: list[str]) -> None:
    """Every household, reviewed in November 2023: poor (low income, 3 deprivations), near-poor (low income, no
    deprivation), the rest well above the line."""
    for i in range(facts.households):
        household = household_create(actor=actor, commune=codes[i % len(codes)], head_name=f"Chủ hộ {i + 1}")
        poor, near_poor = i < facts.poor, facts.poor <= i < facts.poor + facts.near_poor
        household_review_record(
            actor=actor,
            household=household,
            kind="periodic",
            reviewed_on=REVIEWED_ON,
            income_per_capita=1_000_000 if poor or near_poor else 5_000_000,
            deprivations=THREE_DEPRIVATIONS if poor else (),
        )


def starts_build(facts: Facts, *, actor, codes: list[str]) -> None:
    for i in range(facts.starts_2023):
        person, _warnings = person_create(actor=actor, data=_person_data(i, codes))
        if i < facts.abroad_2023:
            person_go_abroad(actor=actor, person=person, on=_day(2023, i), country=COUNTRIES[i % len(COUNTRIES)])
            continue
        if i < facts.abroad_2023 + facts.starts_2022:
            _status(actor, person, EMPLOYED, _day(2022, i))
            _status(actor, person, UNEMPLOYED, dt.date(2022, 12, 20))
        _status(actor, person, EMPLOYED, _day(2023, i))


def _person_data(i: int, codes: list[str]) -> dict:
    return {
        "full_name": f"Người lao động {i + 1}",
        "date_of_birth": dt.date(1970 + i % 35, 1 + i % 12, 1 + i % 28),
        "sex": "female" if i % 2 else "male",
        "residence_commune": codes[i % len(codes)],
        "activity_status": UNEMPLOYED,
    }


def _status(actor, person, status: str, day: dt.date) -> None:
    person_update(actor=actor, person=person, data={"activity_status": status}, effective=day)


def _day(year: int, i: int) -> dt.date:
    """Spread over the year, before the 20 December job losses."""
    return dt.date(year, 1 + i % 12, 1 + i % 19)
