"""Cells to field values: dates, sex, CCCD and coded fields, with the messages bad input gets."""

from __future__ import annotations

import datetime as dt

import pytest

from vieclam.intake.values import CellError, CodedFields, parse_date, parse_national_id, parse_sex

D = dt.date


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("05/03/1990", D(1990, 3, 5)),
        ("5/3/1990", D(1990, 3, 5)),
        ("05-03-1990", D(1990, 3, 5)),
        ("05.03.1990", D(1990, 3, 5)),
        (" 5 / 3 / 1990 ", D(1990, 3, 5)),
        ("1990-03-05", D(1990, 3, 5)),
        ("1990-03-05 00:00:00", D(1990, 3, 5)),  # a date cell saved to CSV as a date-time
        (D(1990, 3, 5), D(1990, 3, 5)),
        (dt.datetime(1990, 3, 5, 0, 0), D(1990, 3, 5)),  # noqa: DTZ001 (spreadsheet date-times are naive)
        (32937, D(1990, 3, 5)),  # Excel serial
        (32937.75, D(1990, 3, 5)),  # with a time of day
        ("32937", D(1990, 3, 5)),  # a serial saved to CSV as text
        (1, D(1900, 1, 1)),
        (59, D(1900, 2, 28)),
        (61, D(1900, 3, 1)),  # past Excel's phantom 29/02/1900
    ],
)
def test_dates_in_every_form_communes_send(cell, day):
    parsed = parse_date(cell)

    assert parsed.day == day
    assert parsed.precision == "day"


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (60, "Số ngày Excel 60 là ngày 29/02/1900, một ngày không có thật: nhập lại ngày đúng."),
        ("31/02/1990", "Ngày “31/02/1990” không có thật trong lịch."),
        ("02/31/1990", "“02/31/1990”: tháng 31 không có; ngày tháng ghi theo thứ tự ngày/tháng/năm (dd/mm/yyyy)."),
        ("5/3/90", "Năm “90” trong “5/3/90” phải đủ 4 chữ số (ví dụ 05/03/1990)."),
        ("3/1990", "“3/1990” chỉ có tháng và năm: ghi đủ ngày/tháng/năm (dd/mm/yyyy)."),
        ("1990", "Chỉ có năm 1990, thiếu ngày và tháng: ghi đủ ngày/tháng/năm (dd/mm/yyyy)."),
        (1990, "Chỉ có năm 1990, thiếu ngày và tháng: ghi đủ ngày/tháng/năm (dd/mm/yyyy)."),
        ("mùng 5 tháng 3", "“mùng 5 tháng 3” không phải ngày tháng: ghi theo dạng dd/mm/yyyy, ví dụ 05/03/1990."),
        ("", "Ô ngày tháng đang trống."),
        (None, "Ô ngày tháng đang trống."),
        (-5, "Số -5 không phải một ngày: nhập theo dạng dd/mm/yyyy."),
    ],
)
def test_bad_dates_say_what_is_wrong(cell, message):
    with pytest.raises(CellError) as error:
        parse_date(cell)

    assert str(error.value) == message


def test_a_year_alone_is_a_flagged_partial_date_when_allowed():
    parsed = parse_date("1990", year_only=True)

    assert (parsed.day, parsed.precision) == (D(1990, 1, 1), "year")
    assert parse_date(1985.0, year_only=True).precision == "year"


@pytest.mark.parametrize(
    ("cell", "sex"),
    [
        ("Nam", "male"),
        ("NAM", "male"),
        (" nam ", "male"),
        ("Nữ", "female"),
        ("NỮ", "female"),
        ("nu", "female"),
        (1, "male"),
        (1.0, "male"),
        ("1", "male"),
        (0, "female"),
        (2, "female"),
        ("male", "male"),
        ("Female", "female"),
    ],
)
def test_sex_from_words_and_codes(cell, sex):
    assert parse_sex(cell) == sex


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("", "Ô giới tính đang trống: ghi Nam hoặc Nữ."),
        ("Khác", "Giới tính “Khác” không đọc được: ghi Nam hoặc Nữ (hoặc 1 = Nam, 0 = Nữ)."),
        (3, "Giới tính “3” không đọc được: ghi Nam hoặc Nữ (hoặc 1 = Nam, 0 = Nữ)."),
    ],
)
def test_unreadable_sex_is_refused(cell, message):
    with pytest.raises(CellError) as error:
        parse_sex(cell)

    assert str(error.value) == message


@pytest.mark.parametrize(
    ("cell", "number", "kind", "restored"),
    [
        ("001090000123", "001090000123", "cccd12", False),
        ("001 090 000 123", "001090000123", "cccd12", False),
        ("001.090.000.123", "001090000123", "cccd12", False),
        ("012345678", "012345678", "cmnd9", False),
        (1090000123, "001090000123", "cccd12", True),  # Hà Nội (001): Excel dropped two zeros
        (1090000123.0, "001090000123", "cccd12", True),
        (79090000123, "079090000123", "cccd12", True),  # TP Hồ Chí Minh (079): one zero
    ],
)
def test_national_ids_keep_or_get_back_their_leading_zeros(cell, number, kind, restored):
    parsed = parse_national_id(cell)

    assert (parsed.number, parsed.kind, parsed.restored) == (number, kind, restored)


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (
            9990000123,  # two zeros back give province 009, which does not exist: no guess
            "Số CCCD 9990000123 đã mất các số 0 ở đầu (Excel lưu thành số) và không khôi phục được chắc chắn: định "
            "dạng cột là Văn bản (Text) rồi nhập lại đủ 12 chữ số.",
        ),
        (
            12345678,  # a CMND of 9 digits less a zero, or a mistake: cannot tell
            "Số CCCD phải có 12 chữ số (hoặc CMND cũ 9 chữ số); đã nhập 8. Nếu số bắt đầu bằng 0, Excel đã bỏ số 0: "
            "định dạng cột là Văn bản (Text) rồi nhập lại.",
        ),
        (
            "1.09E+11",
            "Số CCCD/CMND “1.09E+11” đã bị Excel rút gọn thành dạng số mũ và mất chữ số: định dạng cột là Văn bản "
            "(Text) rồi nhập lại đủ 12 chữ số.",
        ),
        ("00109000012a", "Số CCCD/CMND “00109000012a” chỉ được gồm chữ số."),
        ("12345", "Số CCCD phải có 12 chữ số (hoặc CMND cũ 9 chữ số); đã nhập 5."),
        ("999090000123", "Ba số đầu 999 không phải mã tỉnh nơi đăng ký khai sinh."),
        (None, "Ô số CCCD/CMND đang trống."),
    ],
)
def test_bad_national_ids_are_refused_never_guessed(cell, message):
    with pytest.raises(CellError) as error:
        parse_national_id(cell)

    assert str(error.value) == message


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "cell", "code"),
    [
        ("technical_level", "trung_cap", "trung_cap"),
        ("technical_level", "Trung cấp", "trung_cap"),
        ("technical_level", "TRUNG CAP", "trung_cap"),
        ("technical_level", "CNKT không có bằng", "cnkt_khong_bang"),  # the form's wording, noted on the item
        ("education_level", "Chưa học xong Tiểu học", "chua_tot_nghiep_tieu_hoc"),
        ("education_level", "Tốt nghiệp Trung học phổ thông", "thpt"),
        ("activity_status", "Thất nghiệp", "that_nghiep"),
        ("activity_status", "Người có việc làm", "co_viec_lam"),
        ("activity_status", "Đi học", "khong_tham_gia_di_hoc"),
        ("employment_status", "Làm công ăn lương", "lam_cong_an_luong"),
        ("unemployment_duration", "Dưới 3 tháng", "duoi_3_thang"),
        ("ethnicity", "Kinh", "01"),
        ("ethnicity", "01", "01"),
        ("ethnicity", "1", "01"),
        ("ethnicity", "Tày", "02"),
        ("relationship", "Chủ hộ", "head"),
        ("occupation", 2411, "2411"),
        ("occupation", "2411", "2411"),
        ("change_kind", "Đăng ký mới", "registered"),
    ],
)
def test_coded_fields_take_a_code_or_a_label(field, cell, code):
    assert CodedFields().parse(field, cell) == code


@pytest.mark.django_db
def test_priority_groups_take_several():
    assert CodedFields().parse("priority_groups", "Người khuyết tật; Thuộc hộ nghèo") == [
        "nguoi_khuyet_tat",
        "ho_ngheo",
    ]


@pytest.mark.django_db
def test_an_unknown_label_names_the_list_and_gives_examples():
    with pytest.raises(CellError) as error:
        CodedFields().parse("technical_level", "Tiến sĩ khoa học")

    message = str(error.value)
    assert message.startswith(
        "“Tiến sĩ khoa học” không có trong danh mục Trình độ chuyên môn kỹ thuật: ghi mã hoặc tên"
    )
    assert "chua_qua_dao_tao = Chưa qua đào tạo" in message


@pytest.mark.django_db
def test_the_codes_are_those_the_people_services_accept():
    from vieclam.people.validation import Errors, check_coded

    coded = CodedFields()
    data = {
        "education_level": coded.parse("education_level", "Chưa học xong Tiểu học"),
        "technical_level": coded.parse("technical_level", "Đại học"),
        "activity_status": coded.parse("activity_status", "Có việc làm"),
        "employment_status": coded.parse("employment_status", "Tự làm"),
        "priority_groups": coded.parse("priority_groups", "Dân tộc thiểu số"),
    }
    errors = Errors()

    check_coded(data, errors)

    assert errors == {}


@pytest.mark.django_db
def test_an_occupation_by_its_exact_name():
    from vieclam.codelists.models import Occupation

    occupation = Occupation.objects.filter(code="2411").first()

    assert CodedFields().parse("occupation", occupation.name_vi.upper()) == "2411"


def test_messages_follow_the_active_language():
    from django.utils import translation

    with translation.override("en"), pytest.raises(CellError) as error:
        parse_date("31/02/1990")

    assert str(error.value) == "The date “31/02/1990” does not exist in the calendar."
