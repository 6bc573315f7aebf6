"""imports.services.import_batch_run on the fixture files: what each row becomes, idempotence, all or nothing,
bad input with row and column, access by area, audit, flags."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook

from vieclam.core.models import AuditEvent
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import make_employer
from vieclam.imports.models import ImportBatch, ImportedPosting
from vieclam.imports.sources import TEMPLATE_HEADERS
from vieclam.imports.tests.conftest import HANOI, content
from vieclam.jobboard.models import JobIndex
from vieclam.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db

TAY_NINH = "25459"  # Phường Tân Ninh, Tây Ninh (80)


def writes() -> tuple[int, ...]:
    models = (Vacancy, Employer, ImportBatch, ImportedPosting, AuditEvent, JobIndex)
    return tuple(model.objects.count() for model in models)


def template(*rows: dict, headers: dict | None = None) -> bytes:
    """A CSV in our template's columns (Vietnamese headers); each row gives the fields it fills."""
    headers = headers or TEMPLATE_HEADERS
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(h) for h in headers.values()])
    for row in rows:
        writer.writerow([row.get(field, "") for field in headers])
    return buffer.getvalue().encode()


def row(**fields) -> dict:
    """A template row of an employer registered in Phường Tân Ninh (see `tay_ninh_employer`)."""
    return {
        "title": "Kế toán tổng hợp",
        "company": "Công ty TNHH Dệt Tân Ninh",
        "location": "Phường Tân Ninh, Tây Ninh",
        "salary": "8 - 12 triệu",
        **fields,
    }


@pytest.fixture
def tay_ninh_employer(cast):
    return make_employer(cast["admin"], name="Công ty TNHH Dệt Tân Ninh", commune_code=TAY_NINH)


def errors_of(report) -> list[str]:
    return report.error_lines()


#
# What rows become
#
@pytest.mark.parametrize(
    ("name", "source", "created"),
    [
        ("topcv_listings.csv", "topcv", 6),
        ("topcv_detailed.jsonl", "topcv", 2),
        ("vietnamworks.csv", "vietnamworks", 3),
        ("itviec.jsonl", "itviec", 3),
    ],
)
def test_each_board_export_becomes_open_vacancies_of_the_officers_exchange(run, hanoi_employers, name, source, created):
    report = run("province_b", name)
    assert report.committed and not report.has_errors
    assert report.source == source and report.counts["created"] == created
    vacancies = Vacancy.objects.filter(imported_posting__source=source).select_related("exchange_province")
    assert len(vacancies) == created
    assert {(v.status, v.exchange_province.code) for v in vacancies} == {("open", "01")}
    assert ImportBatch.objects.get().created_count == created


def test_a_listing_row_keeps_its_title_pay_occupation_employer_and_source(run, hanoi_employers):
    run("province_b", "topcv_listings.csv")
    posting = ImportedPosting.objects.select_related("vacancy__occupation", "vacancy__workplace_commune").get(
        external_id="1901263"
    )
    vacancy = posting.vacancy
    assert vacancy.title == "Nhân Viên Phục Vụ Nhà Hàng" and vacancy.occupation.code == "5131"
    assert (vacancy.pay_min, vacancy.pay_max, vacancy.pay_negotiable) == (9_000_000, 12_000_000, False)
    assert vacancy.employer == hanoi_employers["CÔNG TY TNHH DINH THỰ HÀ THÀNH"]
    assert vacancy.workplace_commune.code == HANOI  # the board gives only "Hà Nội": the employer's commune
    assert posting.url == "https://www.topcv.vn/viec-lam/nhan-vien-phuc-vu-nha-hang/1901263.html"
    assert posting.source == "topcv" and posting.line == 2 and posting.occupation_score == 1.0
    assert posting.raw["salary"] == "9 - 12 triệu" and posting.raw["search_keyword"] == "moi-nhat"


def test_pay_text_becomes_monthly_vnd_or_negotiable(run, hanoi_employers):
    run("province_b", "topcv_listings.csv")
    pay = {
        p.external_id: (p.vacancy.pay_min, p.vacancy.pay_max, p.vacancy.pay_negotiable)
        for p in ImportedPosting.objects.select_related("vacancy")
    }
    assert pay["1913490"] == (None, 20_000_000, False)  # "Tới 20 triệu"
    assert pay["1865976"] == (None, None, True)  # "Thoả thuận"


def test_a_detailed_topcv_posting_keeps_its_commune_headcount_deadline_and_description(run, hanoi_employers):
    run("province_b", "topcv_detailed.jsonl")
    vacancy = ImportedPosting.objects.select_related("vacancy__workplace_commune").get(external_id="1873950").vacancy
    assert vacancy.workplace_commune.name == "Phường Cầu Giấy" and vacancy.positions_count == 2
    assert vacancy.deadline == dt.date(2099, 12, 31)  # 2099-12-31T16:59:59+00:00 is the 31st in Vietnam too
    assert (vacancy.pay_min, vacancy.pay_max) == (40_000_000, 70_000_000)
    assert "Nghiên cứu và phát triển sản phẩm" in vacancy.description and "Yêu cầu ứng viên:" in vacancy.description
    assert "<p>" not in str(ImportedPosting.objects.get(external_id="1873950").raw)  # the HTML copies are not kept


def test_itviec_skills_are_kept_and_its_hidden_pay_is_negotiable_and_flagged(run, hanoi_employers):
    report = run("province_b", "itviec.jsonl")
    posting = ImportedPosting.objects.get(external_id="e0a10237-badf-4e73-94a1-fd1d8156444f")
    assert "ReactJS" in posting.vacancy.skills and posting.vacancy.pay_negotiable
    assert report.counts["flagged"] == 3
    assert "Không đọc được mức lương “Sign in to view salary”" in posting.flags[0]


def test_imported_vacancies_show_on_the_public_job_board(client, run, hanoi_employers):
    run("province_b", "topcv_listings.csv")
    body = client.get("/jobs/", {"q": "thu ngan ha noi"}).content.decode()
    assert "Nhân Viên Thu Ngân" in body and "6 – 8 triệu đồng/tháng" in body


def test_the_template_registers_employers_and_maps_the_old_province(run):
    report = run("province_a", "template.csv")
    assert report.committed and report.counts["created"] == 3 and not report.has_errors
    tanixa, tan_duong = (Employer.objects.get(tax_code=code) for code in ("9000000013", "9000000020"))
    assert tanixa.commune.name == "Xã Đức Hòa" and tan_duong.commune.code == "27712"
    vacancies = {p.external_id: p.vacancy for p in ImportedPosting.objects.select_related("vacancy__occupation")}
    assert vacancies["TN-1100949"].employer == tanixa  # a row without a tax code, linked by name to row 2
    assert vacancies["TN-1791183"].occupation.code == "2411"  # given in the file
    assert vacancies["TN-1853182"].exchange_province.code == "80"
    assert "Tỉnh Long An (trước 01/07/2025) nay thuộc Tỉnh Tây Ninh." in report.rows[0].notes
    assert report.rows[1].occupation_score is None and report.rows[0].employer_new


def test_an_xlsx_file_is_read_like_a_csv(run, cast):
    employer = make_employer(cast["admin"], name="Công ty Mẫu", tax_code="0100109106", commune_code=TAY_NINH)
    book = Workbook()
    sheet = book.active
    sheet.append([str(h) for h in TEMPLATE_HEADERS.values()])
    day = dt.datetime(2099, 12, 31)  # noqa: DTZ001 - a spreadsheet date has no time zone
    values = row(company="Công ty Mẫu", tax_code=100109106, positions=3, deadline=day)
    sheet.append([values.get(field) for field in TEMPLATE_HEADERS])
    buffer = io.BytesIO()
    book.save(buffer)
    report = run("province_a", buffer.getvalue(), filename="tin.xlsx")
    assert report.file_format == "xlsx" and report.counts["created"] == 1, report.error_lines()
    vacancy = Vacancy.objects.get()
    assert vacancy.employer == employer  # the tax code typed as a number lost its leading 0: put back
    assert vacancy.positions_count == 3 and vacancy.deadline == dt.date(2099, 12, 31)


def test_an_employer_is_matched_by_tax_code_and_a_different_name_is_flagged(run, tay_ninh_employer):
    report = run("province_a", template(row(company="Dệt Tân Ninh", tax_code=tay_ninh_employer.tax_code)))
    assert Vacancy.objects.get().employer == tay_ninh_employer
    assert "khác tên trong tệp “Dệt Tân Ninh”" in report.rows[0].flags[0]


def test_two_employers_of_the_same_name_need_a_tax_code(run, cast, tay_ninh_employer):
    make_employer(cast["admin"], name="CÔNG TY TNHH DỆT TÂN NINH", commune_code="25480")
    report = run("province_a", template(row()))
    assert errors_of(report) == [
        "Dòng 2, cột “Người sử dụng lao động”: Có 2 người sử dụng lao động tên “Công ty TNHH Dệt Tân Ninh” ở "
        "Tỉnh Tây Ninh: thêm cột “Mã số thuế” để chọn."
    ]


#
# Dry run and re-import
#
def test_a_dry_run_checks_everything_and_writes_nothing(run, hanoi_employers):
    before = writes()
    report = run("province_b", "topcv_listings.csv", dry_run=True)
    assert report.counts["created"] == 6 and not report.committed and report.batch_id is None
    assert all(r.vacancy_id is None and r.occupation_code for r in report.rows)
    assert writes() == before


def test_importing_the_same_file_again_reports_it_present_and_creates_nothing(run, hanoi_employers):
    run("province_b", "topcv_listings.csv")
    again = run("province_b", "topcv_listings.csv")
    assert again.counts == {"rows": 6, "created": 0, "present": 6, "expired": 0, "flagged": 0, "errors": 0}
    assert Vacancy.objects.count() == 6 and ImportedPosting.objects.count() == 6
    first = ImportedPosting.objects.get(external_id="1901263")
    assert again.rows[0].note.startswith("Đã có: nhập ở lô số") and again.rows[0].vacancy_id == first.vacancy_id


def test_a_posting_another_province_imported_is_present_without_its_batch_or_vacancy(run, hanoi_employers):
    run("province_b", "topcv_listings.csv")
    other = run("province_a", "topcv_listings.csv")
    assert other.counts["present"] == 6 and other.counts["created"] == 0
    assert {r.note for r in other.rows} == {"Đã có: sàn việc làm của tỉnh khác đã nhập tin này."}
    assert all(r.vacancy_id is None for r in other.rows)


def test_a_posting_twice_in_one_file_is_imported_once(run, hanoi_employers):
    lines = content("topcv_listings.csv").decode().splitlines()
    report = run("province_b", "\n".join([*lines, lines[1]]).encode(), filename="tin.csv")
    assert report.counts["created"] == 6 and report.counts["present"] == 1
    assert report.rows[-1].note == "Trùng tin ở dòng 2 (cùng mã tin 1901263): bỏ qua."


def test_an_expired_posting_is_skipped_not_an_error(run, hanoi_employers):
    report = run("province_b", "vietnamworks.csv")
    assert report.counts["expired"] == 1 and report.committed
    assert report.rows[-1].note == "Hạn nộp 09/10/2025 đã qua: tin đã hết hạn nên không nhập."
    assert not ImportedPosting.objects.filter(external_id="1955887").exists()


#
# All or nothing
#
def test_one_bad_row_stops_the_whole_batch(run, hanoi_employers):
    lines = content("topcv_listings.csv").decode().splitlines()
    lines[3] = lines[3].replace("Nhân Viên Video Editor", "<b>Nhân Viên Video Editor</b>")
    before = writes()
    report = run("province_b", "\n".join(lines).encode(), filename="tin.csv")
    assert not report.committed and report.counts["errors"] == 1 and report.counts["created"] == 5
    assert errors_of(report) == [
        "Dòng 4, cột “title”: Ô có mã HTML (<b>): chỉ nhận văn bản thuần, hãy bỏ các thẻ HTML."
    ]
    assert writes() == before


def test_with_skip_errors_the_good_rows_are_imported_and_the_bad_ones_listed(run, hanoi_employers):
    lines = content("topcv_listings.csv").decode().splitlines()
    lines[3] = lines[3].replace("Nhân Viên Video Editor", "<b>Nhân Viên Video Editor</b>")
    report = run("province_b", "\n".join(lines).encode(), filename="tin.csv", skip_errors=True)
    assert report.committed and report.counts["created"] == 5 and report.counts["errors"] == 1
    assert Vacancy.objects.count() == 5 and ImportBatch.objects.get().error_count == 1


def test_an_error_found_by_the_vacancy_service_names_the_column_too(run, tay_ninh_employer):
    report = run("province_a", template(row(), row(title="Kế toán thuế", occupation="24111")))
    assert errors_of(report) == [
        "Dòng 3, cột “Mã nghề”: Nghề phải là nghề cấp 4 (mã 4 chữ số) trong Danh mục nghề nghiệp Việt Nam; "
        "mã 24111 là cấp 5. Chọn nghề cấp 4 chứa nó, ví dụ 2411."
    ]
    assert not Vacancy.objects.exists()


#
# Bad input
#
@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("tin.pdf", b"%PDF-1.4 ...", "Tệp “tin.pdf” không phải CSV, Excel (.xlsx) hay JSON Lines (.jsonl)"),
        ("tin.csv", b"", "Tệp “tin.csv” rỗng: không có dữ liệu nào."),
        ("tin.csv", b" \r\n \n", "Tệp “tin.csv” rỗng"),
        ("tin.csv", "Tên vị trí,Người sử dụng lao động\n".encode(), "Tệp chỉ có dòng tiêu đề"),
        ("tin.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", "là Excel cũ (.xls)"),
        ("tin.xlsx", b"title,company\n", "Không đọc được tệp Excel “tin.xlsx”"),
        ("tin.csv", "Tên vị trí\nKế toán\n".encode("utf-16"), "không phải tệp văn bản"),
        ("tin.csv", b"Ten vi tri\nK\xea to\xe1n\n", "không mã hóa UTF-8"),
        ("tin.jsonl", b"[1, 2", "Không đọc được tệp JSON"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_with_the_reason(run, filename, data, message):
    before = writes()
    report = run("province_a", data, filename=filename)
    assert message in report.file_error and report.has_errors and not report.rows
    assert writes() == before


def test_missing_required_columns_are_named(run):
    report = run("province_a", "Tên vị trí,Ghi chú\nKế toán,x\n".encode(), filename="tin.csv")
    assert report.file_error == (
        "Thiếu cột bắt buộc: “Người sử dụng lao động”, “Mức lương”, “một trong Nơi làm việc / Địa chỉ / Mã xã”. "
        "Tệp Mẫu của sàn (tiêu đề tiếng Việt) cần có các cột Tên vị trí, Người sử dụng lao động, Mức lương, "
        "Nơi làm việc."
    )


def test_a_board_file_missing_a_column_names_it_as_the_board_does(run):
    data = b"job_id,title,company,location,url\n1,A,B,C,https://www.topcv.vn/x/1.html\n"
    report = run("province_a", data, filename="t.csv")
    assert report.source == "topcv" and report.file_error.startswith("Thiếu cột bắt buộc: “salary”.")


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"title": "Kế toán " * 125}, "cột “Tên vị trí”: Tên vị trí dài 999 ký tự; tối đa 255 ký tự."),
        ({"title": ""}, "cột “Tên vị trí”: Thiếu tên vị trí việc làm."),
        ({"company": "<script>alert(1)</script>"}, "cột “Người sử dụng lao động”: Ô có mã HTML (<script>)"),
        ({"description": "Lương&nbsp;cao"}, "cột “Mô tả công việc”: Ô có mã HTML (&nbsp;)"),
        ({"salary": "liên hệ"}, "cột “Mức lương”: Không đọc được mức lương “liên hệ”"),
        ({"salary": ""}, "cột “Mức lương”: Chưa ghi mức lương"),
        ({"salary": "$1,000,000"}, "cột “Mức lương”: Mức lương “$1,000,000” quá lớn"),
        ({"deadline": "31/02/2099"}, "cột “Hạn nộp hồ sơ”: Hạn nộp “31/02/2099” không phải ngày"),
        ({"positions": "hai"}, "cột “Số lượng”: Số lượng cần tuyển “hai” phải là số nguyên từ 1"),
        ({"occupation": "9999"}, "cột “Mã nghề”: Không có mã nghề “9999”"),
        ({"commune": "99999"}, "cột “Mã xã”: Không có đơn vị hành chính mã 99999"),
        ({"commune": "80"}, "cột “Mã xã”: Mã xã “80” phải là mã xã, phường có 5 chữ số."),
        ({"location": "Atlantis"}, "cột “Nơi làm việc”: Không nhận ra tỉnh, thành phố nơi làm việc trong “Atlantis”."),
        ({"location": ""}, "cột “Nơi làm việc”: Chưa ghi nơi làm việc."),
        ({"tax_code": "0100109107"}, "cột “Mã số thuế”: Mã số thuế 0100109107 sai chữ số kiểm tra"),
        ({"tax_code": "0100109106"}, "cột “Loại hình”: Chưa có người sử dụng lao động mã số thuế 0100109106"),
        ({"tax_code": "0100109106", "employer_type": "HTX"}, "cột “Loại hình”: Không có loại hình “HTX”"),
        ({"url": "javascript:alert(1)"}, "cột “Liên kết”: Liên kết phải bắt đầu bằng http://"),
        (
            {"company": "Công ty chưa đăng ký"},
            "cột “Người sử dụng lao động”: Chưa có người sử dụng lao động “Công ty chưa đăng ký” ở Tỉnh Tây Ninh",
        ),
    ],
)
def test_a_bad_cell_is_an_error_naming_the_row_and_column(run, tay_ninh_employer, fields, expected):
    report = run("province_a", template(row(), row(**fields)))
    errors = errors_of(report)  # the first error is the cell's; a bad company name is also not registered
    assert errors[0].startswith(f"Dòng 3, {expected}") and all(e.startswith("Dòng 3,") for e in errors), errors
    assert not report.committed and not Vacancy.objects.exists()


def test_a_jsonl_line_that_is_not_json_is_an_error_of_that_line_only(run, hanoi_employers):
    lines = content("itviec.jsonl").decode().splitlines()
    report = run("province_b", "\n".join([lines[0], "{oops", lines[1]]).encode(), filename="itviec.jsonl")
    assert errors_of(report) == ["Dòng 2: Không phải JSON hợp lệ (Expecting property name enclosed in double quotes)."]
    assert report.counts["created"] == 2 and not report.committed


#
# Access by area
#
@pytest.mark.parametrize("user", ["worker", "employer", "commune_a"])
def test_only_officers_who_hold_an_exchange_may_import(run, user):
    with pytest.raises(PermissionDenied):
        run(user, "template.csv")
    assert not ImportBatch.objects.exists()


def test_an_officer_of_another_province_is_refused_row_by_row(run, hanoi_employers):
    report = run("province_a", "topcv_listings.csv")
    assert report.counts["errors"] == 6 and not report.committed and not Vacancy.objects.exists()
    assert errors_of(report)[0] == (
        "Dòng 2, cột “location”: Nơi làm việc ở Thành phố Hà Nội, ngoài địa bàn bạn phụ trách, và không có người "
        "sử dụng lao động này trong địa bàn của bạn: tin thuộc sàn việc làm tỉnh khác."
    )


def test_an_employer_outside_the_officers_area_is_not_used_by_tax_code(run, hanoi_employers):
    employer = hanoi_employers["VSEC"]
    report = run("province_a", template(row(company="VSEC", tax_code=employer.tax_code)))
    assert errors_of(report) == [
        f"Dòng 2, cột “Mã số thuế”: Mã số thuế {employer.tax_code} đã được đăng ký cho một người sử dụng lao động "
        "ngoài địa bàn bạn phụ trách: tin thuộc sàn việc làm tỉnh khác."
    ]


def test_a_new_employer_outside_the_officers_area_is_refused(run):
    fields = {"tax_code": "9000000038", "employer_type": "dn_fdi", "location": "Phường Ba Đình, Hà Nội"}
    report = run("province_a", template(row(**fields)))
    assert "Nơi làm việc ở Thành phố Hà Nội, ngoài địa bàn bạn phụ trách" in errors_of(report)[0]
    assert not Employer.objects.filter(tax_code="9000000038").exists()


def test_an_unknown_employer_outside_the_officers_area_is_one_error_not_two(run):
    report = run("province_a", template(row(company="Công ty Lạ", location="Hà Nội")))
    assert len(errors_of(report)) == 1 and "ngoài địa bàn bạn phụ trách" in errors_of(report)[0]


def test_an_administrator_imports_into_the_exchange_of_the_workplace(run, hanoi_employers):
    report = run("admin", "topcv_listings.csv")
    assert report.committed and {v.exchange_province.code for v in Vacancy.objects.all()} == {"01"}


#
# Audit
#
def test_every_write_is_audited_with_channel_import(run, cast):
    report = run("province_a", "template.csv")
    events = AuditEvent.objects.filter(action="create", content_type__model__in=["vacancy", "employer", "importbatch"])
    kinds = sorted(e.content_type.model for e in events)
    assert kinds == ["employer", "employer", "importbatch", "vacancy", "vacancy", "vacancy"]
    assert {(e.channel, e.actor_id) for e in events} == {("import", cast["province_a"].pk)}
    batch_event = events.get(content_type__model="importbatch")
    assert batch_event.object_id == str(report.batch_id) and batch_event.changes["created_count"] == [None, 3]
    assert batch_event.area.code == "80"


#
# Flags
#
def test_a_low_confidence_occupation_is_imported_and_flagged_for_review(run, hanoi_employers):
    report = run("province_b", "topcv_listings.csv")
    assert report.counts["flagged"] == 1
    flagged = next(r for r in report.rows if r.flags)
    assert flagged.title == "SOC Tier 1" and flagged.occupation_score < 0.6
    assert flagged.flags[0].startswith("Cần kiểm tra mã nghề: 7223")
    assert ImportedPosting.objects.get(external_id="1916894").flags == flagged.flags
    assert report.flag_lines()[0].startswith("Dòng 6: Cần kiểm tra mã nghề")


@pytest.mark.parametrize(("threshold", "flagged"), [(0.0, 0), (1.01, 6)])
def test_the_review_threshold_can_be_set(run, hanoi_employers, threshold, flagged):
    report = run("province_b", "topcv_listings.csv", dry_run=True, review_below=threshold)
    assert report.counts["flagged"] == flagged


def test_usd_amounts_labelled_vnd_are_flagged(run, hanoi_employers):
    report = run("province_b", "vietnamworks.csv")
    assert report.rows[0].flags == [
        "Mức lương “Lên đến 1.200 VND” ghi VND nhưng quá nhỏ nên được hiểu là USD: cần kiểm tra."
    ]
    assert report.rows[0].pay_max == 30_224_000  # 1.200 × 25.187 (vieclam/coding/data/usd_vnd_rates.csv), to 1.000


def test_several_workplaces_keep_the_officers_province_and_are_flagged(run, hanoi_employers):
    data = template(row(company="VSEC", location="Hải Phòng, Hà Nội"))
    report = run("province_b", data)
    assert report.rows[0].flags == ["Tin ghi nhiều nơi làm việc (“Hải Phòng, Hà Nội”): đã lấy Thành phố Hà Nội."]
    assert Vacancy.objects.get().workplace_commune.province.code == "01"
