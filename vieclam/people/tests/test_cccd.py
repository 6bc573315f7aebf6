import datetime as dt

import pytest

from vieclam.people import cccd


def test_decodes_province_century_sex_and_year():
    decoded = cccd.decode("079085012345")
    assert (decoded.province_code, decoded.sex, decoded.birth_year) == ("079", "male", 1985)
    assert "Hồ Chí Minh" in decoded.province_name
    assert cccd.decode("001304012345").sex == "female" and cccd.decode("001304012345").birth_year == 2004


def test_legacy_nine_digit_cmnd_is_accepted_and_flagged():
    assert cccd.decode("123456789").kind == cccd.CMND


@pytest.mark.parametrize(
    ("nid", "message"),
    [("07908501234", "12 chữ số"), ("0790850123AB", "chỉ gồm chữ số"), ("003085012345", "mã tỉnh")],
)
def test_malformed_ids_each_have_their_own_message(nid, message):
    with pytest.raises(ValueError, match=message):
        cccd.decode(nid)


def test_year_digits_must_match_the_birth_year():
    errors = cccd.check_against("079085012345", date_of_birth=dt.date(1995, 1, 1), sex="male")
    assert len(errors) == 1 and "1985" in errors[0] and "1995" in errors[0]


def test_century_digit_must_match_the_birth_century():
    errors = cccd.check_against("079285012345", date_of_birth=dt.date(1985, 1, 1), sex="male")
    assert len(errors) == 1 and "2000–2099" in errors[0]


def test_sex_digit_must_match_the_sex():
    errors = cccd.check_against("079085012345", date_of_birth=dt.date(1985, 3, 1), sex="female")
    assert len(errors) == 1 and "giới tính" in errors[0]


def test_a_consistent_id_has_no_errors():
    assert cccd.check_against("079085012345", date_of_birth=dt.date(1985, 3, 1), sex="male") == []
