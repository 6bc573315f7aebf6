"""Header rows of commune sheets mapped to the registry's fields, with what does not map reported."""

from __future__ import annotations

import pytest

from vieclam.intake.headers import find_header, map_headers, normalise
from vieclam.intake.tests.samples import to_tcvn3, to_vni


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Họ và tên", "full_name"),
        ("Họ tên", "full_name"),
        ("HO TEN", "full_name"),
        ("  Họ   và\ntên  ", "full_name"),
        ("(1) Họ và tên", "full_name"),
        ("1. Họ và tên (*)", "full_name"),
        ("Ngày tháng năm sinh", "date_of_birth"),
        ("Ngày, tháng, năm sinh", "date_of_birth"),
        ("Ngày sinh (dd/mm/yyyy)", "date_of_birth"),
        ("NGÀY SINH", "date_of_birth"),
        ("Số CCCD/CMND", "national_id"),
        ("Số CMND / CCCD", "national_id"),
        ("Số định danh cá nhân", "national_id"),
        ("Giới tính", "sex"),
        ("Nam/Nữ", "sex"),
        ("Dân tộc", "ethnicity"),
        ("Trình độ CMKT", "technical_level"),
        ("Trình độ chuyên môn kỹ thuật cao nhất đạt được", "technical_level"),
        ("Trình độ giáo dục phổ thông", "education_level"),
        ("Tình trạng việc làm", "activity_status"),
        ("Tình trạng hoạt động kinh tế", "activity_status"),
        ("Vị thế việc làm", "employment_status"),
        ("Nơi thường trú", "permanent_commune"),
        ("Nơi ở hiện tại", "residence_commune"),
        ("Nơi làm việc", "workplace_type"),
        ("Loại biến động", "change_kind"),
        ("Quan hệ với chủ hộ", "relationship"),
        ("Mã hộ", "household_code"),
    ],
)
def test_form_wording_and_variants_map_to_their_field(header, field):
    assert map_headers([header]).fields == {field: 0}


def test_normalise_drops_numbering_marks_and_punctuation():
    assert normalise("(2) Ngày, tháng,\nnăm sinh (*)") == "ngay thang nam sinh"
    assert normalise("Cột 3: Dân tộc") == "dan toc"


def test_a_full_mau_03_header_maps_every_column():
    row = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Dân tộc", "Nơi thường trú", "Nơi ở hiện tại",
           "Trình độ phổ thông", "Trình độ CMKT", "Tình trạng hoạt động kinh tế", "Vị thế việc làm", "Nghề nghiệp",
           "Nơi làm việc", "Loại biến động"]  # fmt: skip

    mapping = map_headers(row)

    assert mapping.ok
    assert mapping.unknown == [] and mapping.missing == []
    assert len(mapping.fields) == 14
    assert [c.status for c in mapping.columns][0] == "ignored"


def test_unknown_columns_are_reported_not_dropped():
    mapping = map_headers(["Họ và tên", "Ngày sinh", "Giới tính", "Sở thích", None, "Màu áo"])

    assert mapping.ok  # an unknown column does not stop the import...
    assert [(c.index, c.header) for c in mapping.unknown] == [(3, "Sở thích"), (5, "Màu áo")]
    assert mapping.messages == [  # ...but the officer is told it will not be imported
        "Cột D “Sở thích” không khớp thông tin nào của sổ lao động: cột này sẽ không được nhập.",
        "Cột F “Màu áo” không khớp thông tin nào của sổ lao động: cột này sẽ không được nhập.",
    ]


def test_two_columns_for_one_field_are_a_duplicate():
    mapping = map_headers(["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số định danh cá nhân"])

    assert not mapping.ok
    assert "national_id" not in mapping.fields
    assert mapping.messages == [
        "Các cột D “Số CCCD”, E “Số định danh cá nhân” đều là “Số CCCD/CMND”: mỗi thông tin chỉ một cột, "
        "xóa hoặc đổi tên cột thừa."
    ]


def test_missing_required_columns_are_named():
    mapping = map_headers(["Họ và tên", "Dân tộc"])

    assert not mapping.ok
    assert mapping.missing == ["date_of_birth", "sex"]
    assert mapping.messages[:2] == [
        "Thiếu cột bắt buộc “Ngày tháng năm sinh”: thêm cột này vào dòng tiêu đề.",
        "Thiếu cột bắt buộc “Giới tính”: thêm cột này vào dòng tiêu đề.",
    ]


@pytest.mark.parametrize(("encode", "decode", "encoding"), [(to_tcvn3, "latin-1", "tcvn3"), (to_vni, "cp1252", "vni")])
def test_a_header_typed_in_a_legacy_font_is_read(encode, decode, encoding):
    row = [encode(h).decode(decode) for h in ["Họ và tên", "Ngày tháng năm sinh", "Giới tính", "Dân tộc", "Số CCCD"]]

    mapping = map_headers(row)

    assert mapping.encoding == encoding
    assert set(mapping.fields) == {"full_name", "date_of_birth", "sex", "ethnicity", "national_id"}


def test_the_header_is_found_below_a_title_and_a_merged_two_row_header_is_read():
    rows = [
        ["UBND XÃ AN BÌNH", None, None],
        ["DANH SÁCH THÔNG TIN NGƯỜI LAO ĐỘNG (Mẫu 03)"],
        ["STT", "Họ và tên", "Ngày tháng năm sinh", None, "Nơi thường trú", "Dân tộc"],
        [None, None, "Nam", "Nữ", "Xã/phường", None],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        [1, "Nguyễn Văn An", "01/02/1990", None, "Xã An Bình", "Kinh"],
    ]

    mapping = find_header(rows)

    assert mapping is not None
    assert mapping.header_rows == (3, 4)
    assert mapping.first_data_row == 6  # the numbering row (5) is skipped
    assert mapping.fields == {
        "full_name": 1,
        "birth_male": 2,
        "birth_female": 3,
        "permanent_commune": 4,
        "ethnicity": 5,
    }
    assert mapping.missing == []  # a birth date under Nam / Nữ gives the sex too
    assert mapping.columns[2].header == "Ngày tháng năm sinh / Nam"


def test_no_header_is_found_in_a_sheet_without_one():
    assert find_header([["Báo cáo tháng"], [1, 2, 3]]) is None


def test_a_title_line_above_a_one_row_header_is_not_part_of_it():
    rows = [
        ["DANH SÁCH NGƯỜI LAO ĐỘNG"],
        ["Họ và tên", "Ngày sinh", "Giới tính"],
        ["Nguyễn Văn An", "05/03/1990", "Nam"],
    ]

    mapping = find_header(rows)

    assert mapping is not None
    assert (mapping.header_rows, mapping.first_data_row) == ((2,), 3)
    assert [c.header for c in mapping.columns] == ["Họ và tên", "Ngày sinh", "Giới tính"]
