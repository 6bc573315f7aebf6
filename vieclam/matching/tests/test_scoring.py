import datetime as dt

from vieclam.matching import scoring

VACANCY = scoring.VacancyFacts(occupation_code="7411", occupation_name="Thợ điện", commune_id=1, province_id=100)


def seeker(**kw):
    base = {"occupation_code": "7411", "commune_id": 1, "province_id": 100}
    return scoring.SeekerFacts(**{**base, **kw})


def test_same_occupation_and_commune_score_highest_and_say_why():
    match = scoring.score(VACANCY, seeker())
    assert match.score == 100
    assert "Cùng nghề 7411 – Thợ điện" in match.reasons and "Cùng xã" in match.reasons


def test_occupation_fit_falls_with_distance():
    points = [scoring.score(VACANCY, seeker(occupation_code=c)).score for c in ["7411", "7412", "7421", "7111", "5223"]]
    assert points == sorted(points, reverse=True) and len(set(points)) == 5


def test_place_fit_same_commune_over_province_over_willing():
    same = scoring.score(VACANCY, seeker()).score
    province = scoring.score(VACANCY, seeker(commune_id=2)).score
    willing = scoring.score(VACANCY, seeker(commune_id=3, province_id=200, workplace_ids=frozenset({100}))).score
    nowhere = scoring.score(VACANCY, seeker(commune_id=3, province_id=200)).score
    assert same > province > willing > nowhere


def test_unmet_working_condition_pushes_down_and_is_explained():
    loud = scoring.VacancyFacts(**{**VACANCY.__dict__, "demands_hearing": True})
    match = scoring.score(loud, seeker(hearing_speaking_ok=False))
    assert match.score < scoring.score(loud, seeker()).score - 30
    assert any("nghe, nói" in r for r in match.reasons)


def test_priority_group_gets_the_boost_and_the_reason():
    plain = scoring.score(VACANCY, seeker(commune_id=2)).score
    boosted = scoring.score(VACANCY, seeker(commune_id=2, priority=("near_poor", "ethnic_minority")), priority_boost=10)
    assert boosted.score == plain + 10
    assert "Hộ cận nghèo – ưu tiên" in boosted.reasons


def test_pay_and_availability():
    paid = scoring.VacancyFacts(**{**VACANCY.__dict__, "pay_max": 8_000_000, "deadline": dt.date(2026, 12, 1)})
    assert "Lương thấp hơn mong muốn" in scoring.score(paid, seeker(desired_pay_min=10_000_000)).reasons
    late = scoring.score(paid, seeker(available_from=dt.date(2027, 3, 1)))
    assert "Chỉ sẵn sàng làm việc sau hạn tuyển" in late.reasons


def test_coarse_score_is_occupation_plus_place():
    assert scoring.coarse_score(VACANCY, seeker()) == 60
    assert scoring.coarse_score(VACANCY, seeker(occupation_code="7412", commune_id=2)) == 28 + 12
