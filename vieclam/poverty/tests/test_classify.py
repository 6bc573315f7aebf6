"""POST /api/v1/poverty/classify: the rules as a signed-in user reaches them."""

import pytest

pytestmark = pytest.mark.django_db
URL = "/api/v1/poverty/classify"
THREE = ["employment", "nutrition", "health_insurance"]


@pytest.fixture
def classify(cast, api_as):
    client = api_as(cast["commune_a"])

    def post(status=200, **payload):
        response = client.post(URL, payload, format="json")
        assert response.status_code == status, response.content
        return response.json()

    return post


@pytest.mark.parametrize(
    ("as_of", "area", "income", "deprivations", "classification", "standard", "line"),
    [
        ("2026-06-01", "rural", 1_400_000, THREE, "poor", "nd07_2021", 1_500_000),
        ("2026-06-01", "rural", 1_500_000, THREE[:2], "near_poor", "nd07_2021", 1_500_000),
        ("2027-03-01", "urban", 2_700_000, [*THREE, "clean_water"], "poor", "nd351_2025", 2_800_000),
        ("2026-06-01", "urban", 2_600_000, [], "average", "nd07_2021", 2_000_000),
    ],
)
def test_reference_cases(classify, as_of, area, income, deprivations, classification, standard, line):
    body = classify(as_of=as_of, area_type=area, income_per_capita=income, deprivations=deprivations)
    assert set(body) == {"classification", "standard", "income_line", "deprivation_count", "reasons"}
    assert (body["classification"], body["standard"], body["income_line"]) == (classification, standard, line)
    assert body["deprivation_count"] == len(deprivations)
    assert body["reasons"] and all(isinstance(reason, str) for reason in body["reasons"])


def test_reasons_are_readable_vietnamese(classify):
    body = classify(as_of="2026-06-01", area_type="rural", income_per_capita=1_400_000, deprivations=THREE)
    text = "\n".join(body["reasons"])
    assert "NĐ 07/2021/NĐ-CP" in text
    assert "1.400.000 đồng/người/tháng không vượt chuẩn nghèo 1.500.000 đồng (nông thôn)" in text
    assert "Thiếu hụt 3 chỉ số" in text and "hộ nghèo" in text
    assert "Việc làm; Dinh dưỡng; Bảo hiểm y tế" in text


@pytest.mark.parametrize(
    ("income", "deprivations", "expected"),
    [(1_500_000, 3, "poor"), (1_500_000, 0, "near_poor"), (1_500_001, 3, "average"), (2_250_000, 0, "average"),
     (2_250_001, 0, "not_poor")],
)  # fmt: skip
def test_boundaries_at_the_line_and_the_average_band(classify, income, deprivations, expected):
    body = classify(as_of="2026-06-01", area_type="rural", income_per_capita=income, deprivations=THREE[:deprivations])
    assert body["classification"] == expected


def test_the_standard_switches_on_1_january_2027(classify):
    payload = {"area_type": "rural", "income_per_capita": 2_000_000, "deprivations": []}
    last_day = classify(as_of="2026-12-31", **payload)
    first_day = classify(as_of="2027-01-01", **payload)
    assert (last_day["standard"], last_day["income_line"], last_day["classification"]) == (
        "nd07_2021", 1_500_000, "average"
    )  # fmt: skip
    assert (first_day["standard"], first_day["income_line"], first_day["classification"]) == (
        "nd351_2025", 2_200_000, "near_poor"
    )  # fmt: skip


def test_from_2027_above_the_line_is_not_poor_because_the_average_band_is_not_in_the_data(classify):
    body = classify(as_of="2027-03-01", area_type="urban", income_per_capita=2_900_000, deprivations=THREE)
    assert body["classification"] == "not_poor"
    assert any("mức sống trung bình" in r and "chưa được xác định trong dữ liệu" in r for r in body["reasons"])


def test_a_phuong_is_urban(classify):
    body = classify(as_of="2026-06-01", commune="00004", income_per_capita=1_800_000)
    assert (body["income_line"], body["classification"]) == (2_000_000, "near_poor")
    assert any("Phường Ba Đình (00004)" in r and "thành thị" in r for r in body["reasons"])


def test_a_commune_that_became_a_phuong_changes_area_on_that_day(classify):
    """25270 (Đồng Nai) was Xã Lộc Ninh until 29/04/2026 and is Phường Lộc Ninh from 30/04/2026."""
    as_xa = classify(as_of="2026-04-29", commune="25270", income_per_capita=1_800_000)
    as_phuong = classify(as_of="2026-04-30", commune="25270", income_per_capita=1_800_000)
    assert (as_xa["income_line"], as_xa["classification"]) == (1_500_000, "average")
    assert (as_phuong["income_line"], as_phuong["classification"]) == (2_000_000, "near_poor")
    assert any("nông thôn" in r for r in as_xa["reasons"])
    assert any("Phường Lộc Ninh" in r and "thành thị" in r for r in as_phuong["reasons"])


def test_an_old_commune_code_is_mapped_and_the_mapping_is_a_reason(classify):
    body = classify(as_of="2026-06-01", commune="00001", income_per_capita=1_000_000)  # Phường Phúc Xá before 2025
    assert body["income_line"] == 2_000_000
    assert any("Mã cũ 00001" in r for r in body["reasons"])


@pytest.mark.parametrize(
    ("area", "score", "deprivations", "expected"),
    [("rural", 140, 3, "poor"), ("rural", 140, 2, "near_poor"), ("rural", 141, 5, "not_poor"),
     ("urban", 175, 3, "poor"), ("urban", "150.50", 0, "near_poor"), ("urban", 176, 0, "not_poor")],
)  # fmt: skip
def test_income_score_lower_is_poorer(classify, area, score, deprivations, expected):
    body = classify(as_of="2026-06-01", area_type=area, income_score=score, deprivations=THREE[:deprivations])
    assert body["classification"] == expected
    assert any("điểm A" in r for r in body["reasons"])


def test_income_score_is_refused_where_the_standard_has_no_scorecard(classify):
    body = classify(400, as_of="2027-03-01", area_type="rural", income_score=100)
    assert list(body) == ["income_score"]
    assert "nd351_2025" in body["income_score"][0]


def test_as_of_defaults_to_today(classify):
    assert classify(area_type="rural", income_per_capita=0)["classification"] == "near_poor"


def test_low_income_worker_is_a_reason_while_nd30_2025_is_in_force(classify):
    body = classify(as_of="2026-06-01", area_type="urban", income_per_capita=3_000_000)
    assert body["classification"] == "average"
    assert any("thu nhập thấp" in r for r in body["reasons"])
    above = classify(as_of="2026-06-01", area_type="urban", income_per_capita=3_000_001)
    assert not any("thu nhập thấp" in r for r in above["reasons"])


GOOD = {"as_of": "2026-06-01", "area_type": "rural", "income_per_capita": 1_000_000, "deprivations": []}


@pytest.mark.parametrize(
    ("change", "fields", "words"),
    [
        ({"deprivations": ["employment", "car"]}, ["deprivations"], ["car", "information_access_assets"]),
        ({"deprivations": ["nutrition", "nutrition"]}, ["deprivations"], ["nutrition", "lặp"]),
        ({"income_score": 100}, ["income_per_capita", "income_score"], ["một trong hai"]),
        ({"income_per_capita": None}, ["income_per_capita", "income_score"], ["một trong hai"]),
        ({"income_per_capita": -1}, ["income_per_capita"], ["không được âm"]),
        ({"income_per_capita": "nhiều"}, ["income_per_capita"], ["số nguyên"]),
        ({"income_per_capita": None, "income_score": -5}, ["income_score"], ["không được âm"]),
        ({"area_type": None}, ["area_type", "commune"], ["một trong hai"]),
        ({"commune": "00004"}, ["area_type", "commune"], ["một trong hai"]),
        ({"area_type": "suburban"}, ["area_type"], ["suburban", "rural", "urban"]),
        ({"area_type": None, "commune": "99999"}, ["commune"], ["99999"]),
        ({"area_type": None, "commune": "abc"}, ["commune"], ["không hợp lệ"]),
        ({"area_type": None, "commune": "75"}, ["commune"], ["không phải đơn vị cấp xã"]),
        ({"as_of": "2015-06-01"}, ["as_of"], ["Không có chuẩn nghèo nào có hiệu lực", "01/06/2015", "nd07_2021"]),
        ({"as_of": "2031-01-01"}, ["as_of"], ["Không có chuẩn nghèo nào có hiệu lực"]),
        ({"as_of": "31-12"}, ["as_of"], ["Ngày không hợp lệ"]),
    ],
)
def test_bad_input_is_a_400_naming_the_field_in_vietnamese(classify, change, fields, words):
    payload = {**GOOD, **change}
    payload = {key: value for key, value in payload.items() if value is not None}
    body = classify(400, **payload)
    assert sorted(body) == sorted(fields)
    message = body[fields[0]][0]
    for word in words:
        assert word in message


@pytest.mark.parametrize("user", [None, "worker", "employer"])
def test_only_signed_in_users_may_classify(cast, api_as, user):
    client = api_as(cast[user] if user else None)
    response = client.post(URL, GOOD, format="json")
    if user is None:
        assert response.status_code in (401, 403)
    else:
        assert response.status_code == 200, response.content


def test_a_score_is_shown_with_only_the_decimals_it_has(classify):
    whole = classify(as_of="2026-06-01", area_type="urban", income_score=150)
    half = classify(as_of="2026-06-01", area_type="urban", income_score="150.50")
    assert any("(điểm A) 150 không vượt ngưỡng 175 điểm" in r for r in whole["reasons"])
    assert any("(điểm A) 150,5 không vượt" in r for r in half["reasons"])
