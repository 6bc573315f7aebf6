"""employers.taxcode: MST check digit, branch codes, personal IDs, one message per kind of mistake."""

import pytest

from vieclam.employers import taxcode
from vieclam.employers.taxcode import BRANCH13, MST10, PERSONAL12, TaxCodeError, parse


def reason(code: str) -> str:
    with pytest.raises(TaxCodeError) as info:
        parse(code)
    return info.value.reason


@pytest.mark.parametrize("code", ["0100109106", "0300588569", "0101248141"])
def test_real_enterprise_codes_are_valid(code):
    assert parse(code) == taxcode.TaxCode(code, MST10)


def test_wrong_check_digit_names_the_expected_digit():
    with pytest.raises(TaxCodeError) as info:
        parse("0100109107")
    assert info.value.reason == "check_digit"
    assert "phải là 6" in str(info.value) and "0100109107" in str(info.value)


def test_sum_divisible_by_11_has_no_valid_check_digit():
    assert taxcode.check_digit("100000008") is None
    for last in "0123456789":
        assert reason(f"100000008{last}") == "no_check_digit"


def test_remainder_10_gives_check_digit_0():
    assert taxcode.check_digit("100000004") == 0
    assert parse("1000000040").kind == MST10


def test_branch_code_with_or_without_hyphen_is_stored_with_it():
    assert parse("0100109106-001") == taxcode.TaxCode("0100109106-001", BRANCH13)
    assert parse(" 0100109106001 ").code == "0100109106-001"
    assert parse("0100109106-999").kind == BRANCH13


def test_branch_code_needs_a_valid_head_and_a_unit_number_from_001():
    assert reason("0100109107-001") == "check_digit"
    assert "chi nhánh" in str(pytest.raises(TaxCodeError, parse, "0100109107-001").value)
    assert reason("0100109106-000") == "branch_number"
    assert reason("0100-109106") == "hyphen"
    assert reason("0100109106-01") == "hyphen"
    assert reason("0100109106-001-1") == "hyphen"


def test_personal_id_of_12_digits_is_accepted_for_households_and_individuals():
    assert parse("079123456789") == taxcode.TaxCode("079123456789", PERSONAL12)
    assert parse("001099012345").kind == PERSONAL12


def test_personal_id_must_start_with_a_birth_province_code():
    assert reason("999123456789") == "birth_province"
    assert reason("003123456789") == "birth_province"  # 003 was never a province code


@pytest.mark.parametrize("code", ["12345", "010010910", "01001091061", "01001091061234"])
def test_wrong_length(code):
    assert reason(code) == "length"


@pytest.mark.parametrize("code", ["01001O9106", "0100109106a", "MST0100109106", "0100.109.106"])
def test_letters_and_other_characters(code):
    assert reason(code) == "characters"


def test_empty():
    assert reason("") == "empty" and reason("   ") == "empty" and reason(None) == "empty"


def test_every_mistake_has_its_own_message():
    samples = ["", "01001O9106", "12345", "0100109107", "1000000080", "0100109106-000", "0100-109106", "999123456789"]
    messages = set()
    for code in samples:
        with pytest.raises(TaxCodeError) as info:
            parse(code)
        messages.add(str(info.value).replace(code, "…") if code else str(info.value))
    assert len(messages) == len(samples)


def test_the_63_birth_province_codes_are_known():
    assert len(taxcode.BIRTH_PROVINCE_CODES) == 63
    assert {"001", "079", "096"} <= taxcode.BIRTH_PROVINCE_CODES
