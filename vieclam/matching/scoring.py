"""How well a job seeker fits a vacancy: a score out of 100 (plus a priority boost) and reasons to read out.

Pure: no ORM. facts.py turns rows into the facts below; candidates.py and recommend.py rank in SQL by the same
points (tests compare the two) and call `score` on the best few only, to explain them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from vieclam.poverty.choices import Classification
from vieclam.seekers.choices import LIFTING_ORDER, Hands, Lifting, WorkEnvironment

# Points per part; together 100. The priority boost comes on top (settings.VIECLAM_MATCHING_PRIORITY_BOOST).
OCCUPATION_POINTS = {4: 40, 3: 28, 2: 15, 1: 5}  # digits of VSCO code shared


class Place(StrEnum):
    """How a vacancy's workplace fits a seeker: in their commune (or a commune they chose), in their province, or
    in a province they chose."""

    COMMUNE = "commune"
    PROVINCE = "province"
    WILLING = "willing"


PLACE_POINTS = {Place.COMMUNE: 20, Place.PROVINCE: 12, Place.WILLING: 10}
QUALIFICATION_POINTS = 10
EXPERIENCE_POINTS = 5
PAY_POINTS = {"meets": 10, "negotiable": 6}
CONDITIONS_POINTS = 10
AVAILABILITY_POINTS = 5
CONDITION_PENALTY = 30  # a demand the person cannot meet pushes the job far down, without hiding it
# The most that qualification, experience, pay, working conditions and availability can add together: a vacancy
# whose occupation and place give `coarse_score` points scores at most coarse_score + REST_MAX (before the boost).
REST_MAX = QUALIFICATION_POINTS + EXPERIENCE_POINTS + max(PAY_POINTS.values()) + CONDITIONS_POINTS + AVAILABILITY_POINTS

# Codes of the TT 11/2022 code lists "technical-qualification-levels" and "experience-bands", lowest first.
TECHNICAL_ORDER = ["chua_qua_dao_tao", "cnkt_khong_bang", "chung_chi_nghe_duoi_3_thang", "so_cap", "trung_cap",
                   "cao_dang", "dai_hoc", "tren_dai_hoc", "thac_si", "tien_si"]  # fmt: skip
EXPERIENCE_ORDER = ["khong_co", "duoi_1_nam", "tu_1_den_2_nam", "tu_2_den_5_nam", "tren_5_nam"]
ONE_HANDED = (Hands.ONE_LEFT, Hands.ONE_RIGHT)
MAJORITY_ETHNIC_CODE = "01"  # Kinh, in the ethnic-group list: every other group is an ethnic minority
DISABILITY_GROUP = "nguoi_khuyet_tat"  # the code of people with disabilities in the "priority-groups" code list


class Priority(StrEnum):
    """The priority groups that earn the boost (one boost, however many groups)."""

    POOR = Classification.POOR.value
    NEAR_POOR = Classification.NEAR_POOR.value
    EXITED = "exited"
    ETHNIC_MINORITY = "ethnic_minority"
    DISABILITY = "disability"


PRIORITY_LABELS = {Priority.POOR: N_("Hộ nghèo"), Priority.NEAR_POOR: N_("Hộ cận nghèo"),
                   Priority.EXITED: N_("Hộ mới thoát nghèo"), Priority.ETHNIC_MINORITY: N_("Người dân tộc thiểu số"),
                   Priority.DISABILITY: N_("Người khuyết tật")}  # fmt: skip


@dataclass(frozen=True)
class VacancyFacts:
    occupation_code: str
    occupation_name: str
    commune_id: int
    province_id: int
    technical_level: str = ""
    experience: str = ""
    pay_min: int | None = None
    pay_max: int | None = None
    pay_negotiable: bool = False
    deadline: dt.date | None = None
    demands_outdoor: bool = False
    demands_lifting: str = ""
    demands_standing: bool = False
    demands_hearing: bool = False
    demands_vision: bool = False
    demands_fine_hands: bool = False
    demands_both_hands: bool = False


@dataclass(frozen=True)
class SeekerFacts:
    occupation_code: str
    commune_id: int
    province_id: int
    workplace_ids: frozenset[int] = frozenset()  # preferred communes or provinces (Mẫu 02: up to two)
    technical_level: str = ""
    experience_band: str = ""
    desired_pay_min: int | None = None
    available_from: dt.date | None = None
    work_environment: str = WorkEnvironment.ANY
    lifting: str = Lifting.OVER_20
    can_stand_or_walk: bool = True
    hearing_speaking_ok: bool = True
    vision_ok: bool = True
    fine_hand_work_ok: bool = True
    hands: str = Hands.ANY
    priority: tuple[str, ...] = ()


@dataclass
class Match:
    """The score, and the reasons when asked for (they cost a translation each, so ranking skips them)."""

    score: float
    reasons: list[str] = field(default_factory=list)
    explain: bool = True

    def say(self, template: str, **values) -> None:
        if self.explain:
            self.reasons.append(_(template).format(**{k: _(v) if k == "group" else v for k, v in values.items()}))


def shared_digits(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        count += 1
    return count


def occupation_points(v: VacancyFacts, s: SeekerFacts) -> int:
    return OCCUPATION_POINTS.get(shared_digits(v.occupation_code, s.occupation_code), 0)


def place_kind(v: VacancyFacts, s: SeekerFacts) -> str:
    if v.commune_id == s.commune_id or v.commune_id in s.workplace_ids:
        return Place.COMMUNE
    if v.province_id == s.province_id:
        return Place.PROVINCE
    if v.province_id in s.workplace_ids:
        return Place.WILLING
    return ""


def coarse_score(v: VacancyFacts, s: SeekerFacts) -> int:
    """Occupation and place points: what a vacancy's tier (recommend.py) or a profile's group (candidates.py)
    is made of; SQL computes the same."""
    return occupation_points(v, s) + PLACE_POINTS.get(place_kind(v, s), 0)


def score(v: VacancyFacts, s: SeekerFacts, *, priority_boost: float = 10.0, explain: bool = True) -> Match:
    match = Match(0.0, explain=explain)
    _occupation(v, s, match)
    _place(v, s, match)
    _qualification(v, s, match)
    _experience(v, s, match)
    _pay(v, s, match)
    _conditions(v, s, match)
    _availability(v, s, match)
    for group in s.priority:
        match.score += priority_boost
        match.say(N_("{group} – ưu tiên"), group=PRIORITY_LABELS[group])
        break  # one boost, however many groups: the programme prioritises, it does not stack
    match.score = round(max(match.score, 0.0), 1)
    return match


def _occupation(v, s, match) -> None:
    digits = shared_digits(v.occupation_code, s.occupation_code)
    match.score += OCCUPATION_POINTS.get(digits, 0)
    if digits == 4:
        match.say(N_("Cùng nghề {code} – {name}"), code=v.occupation_code, name=v.occupation_name)
    elif digits == 3:
        match.say(N_("Nghề gần (cùng nhóm {code})"), code=v.occupation_code[:3])
    elif digits == 2:
        match.say(N_("Nghề liên quan (cùng nhóm {code})"), code=v.occupation_code[:2])


def _place(v, s, match) -> None:
    kind = place_kind(v, s)
    match.score += PLACE_POINTS.get(kind, 0)
    text = {Place.COMMUNE: N_("Cùng xã"), Place.PROVINCE: N_("Cùng tỉnh"),
            Place.WILLING: N_("Sẵn sàng làm việc ở tỉnh này")}  # fmt: skip
    if kind:
        match.say(text[kind])


def _rank(order: list[str], value: str) -> int:
    return order.index(value) if value in order else -1


def _qualification(v, s, match) -> None:
    if not v.technical_level or _rank(TECHNICAL_ORDER, s.technical_level) >= _rank(TECHNICAL_ORDER, v.technical_level):
        match.score += QUALIFICATION_POINTS
        if v.technical_level:
            match.say(N_("Đủ trình độ chuyên môn yêu cầu"))
    else:
        match.say(N_("Chưa đủ trình độ chuyên môn yêu cầu"))


def _experience(v, s, match) -> None:
    if not v.experience or _rank(EXPERIENCE_ORDER, s.experience_band) >= _rank(EXPERIENCE_ORDER, v.experience):
        match.score += EXPERIENCE_POINTS


def _pay(v, s, match) -> None:
    offer = v.pay_max or v.pay_min
    if s.desired_pay_min is None:
        match.score += PAY_POINTS["meets"]
    elif offer is not None and offer >= s.desired_pay_min:
        match.score += PAY_POINTS["meets"]
        match.say(N_("Mức lương đáp ứng mong muốn"))
    elif v.pay_negotiable:
        match.score += PAY_POINTS["negotiable"]
        match.say(N_("Lương thỏa thuận"))
    else:
        match.say(N_("Lương thấp hơn mong muốn"))


def unmet_demands(v: VacancyFacts, s: SeekerFacts) -> list[str]:
    unmet = []
    if v.demands_outdoor and s.work_environment == WorkEnvironment.INDOOR:
        unmet.append(_("làm ngoài trời"))
    # A lifting limit the person did not state is no limit.
    if (
        v.demands_lifting
        and s.lifting in LIFTING_ORDER
        and _rank(LIFTING_ORDER, s.lifting) < _rank(LIFTING_ORDER, v.demands_lifting)
    ):
        unmet.append(_("mang vác nặng"))
    if v.demands_standing and not s.can_stand_or_walk:
        unmet.append(_("đứng, đi lại nhiều"))
    if v.demands_hearing and not s.hearing_speaking_ok:
        unmet.append(_("nghe, nói"))
    if v.demands_vision and not s.vision_ok:
        unmet.append(_("thị lực"))
    if v.demands_fine_hands and not s.fine_hand_work_ok:
        unmet.append(_("thao tác tay tinh xảo"))
    if v.demands_both_hands and s.hands in ONE_HANDED:
        unmet.append(_("dùng cả hai tay"))
    return unmet


def _conditions(v, s, match) -> None:
    unmet = unmet_demands(v, s)
    if unmet:
        match.score -= CONDITION_PENALTY
        match.say(N_("Điều kiện làm việc không phù hợp: {what}"), what=", ".join(str(u) for u in unmet))
    else:
        match.score += CONDITIONS_POINTS


def _availability(v, s, match) -> None:
    if s.available_from is None or v.deadline is None or s.available_from <= v.deadline:
        match.score += AVAILABILITY_POINTS
    else:
        match.say(N_("Chỉ sẵn sàng làm việc sau hạn tuyển"))
