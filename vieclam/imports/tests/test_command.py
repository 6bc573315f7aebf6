"""`vieclam import_vacancies`: summary, exit status, dry run."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from vieclam.imports.models import ImportBatch
from vieclam.imports.services import import_batch_commit, import_batch_preview
from vieclam.imports.tests.conftest import DATA
from vieclam.vacancies.models import Vacancy

pytestmark = pytest.mark.django_db


def command(*args, **options) -> str:
    out = io.StringIO()
    call_command("import_vacancies", *args, stdout=out, **options)
    return out.getvalue()


def test_the_command_imports_a_file_and_prints_a_summary(cast, hanoi_employers):
    output = command(str(DATA / "topcv_listings.csv"), user="province_b")
    assert "Đã tạo / created: 6" in output and "Cần kiểm tra / flagged: 1" in output and "Lỗi / errors: 0" in output
    assert "⚑ Dòng 6: Cần kiểm tra mã nghề: 7223" in output and "Đã ghi lô số" in output
    assert Vacancy.objects.count() == 6


def test_a_second_run_reports_the_rows_already_present(cast, hanoi_employers):
    command(str(DATA / "topcv_listings.csv"), user="province_b")
    output = command(str(DATA / "topcv_listings.csv"), user="province_b", source="topcv")
    assert "Đã tạo / created: 0" in output and "Đã có / already present: 6" in output


def test_a_dry_run_prints_what_would_be_created_and_writes_nothing(cast, hanoi_employers):
    output = command(str(DATA / "topcv_listings.csv"), "--dry-run", user="province_b")
    assert "Sẽ tạo / would create: 6" in output and "Chạy thử: không ghi gì" in output
    assert not Vacancy.objects.exists()


def test_errors_are_listed_by_row_and_column_and_the_exit_status_is_not_zero(cast):
    out = io.StringIO()
    with pytest.raises(CommandError) as info:
        call_command("import_vacancies", str(DATA / "topcv_listings.csv"), user="province_b", stdout=out)
    assert info.value.returncode == 1 and "không ghi gì" in str(info.value)
    assert "✗ Dòng 2, cột “company”: Chưa có người sử dụng lao động “CÔNG TY TNHH DINH THỰ HÀ THÀNH”" in out.getvalue()
    assert not Vacancy.objects.exists()


def test_a_file_error_exits_not_zero(cast, tmp_path):
    empty = tmp_path / "tin.csv"
    empty.write_bytes(b"")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_vacancies", str(empty), user="province_a", stdout=out)
    assert "Tệp “tin.csv” rỗng" in out.getvalue()


@pytest.mark.parametrize(
    ("path", "user", "message"),
    [
        (str(DATA / "template.csv"), "nobody", "Không có người dùng đang hoạt động 'nobody'"),
        ("/no/such/file.csv", "province_a", "Không đọc được tệp /no/such/file.csv"),
        (str(DATA / "template.csv"), "worker", "Chỉ quản trị hệ thống, cán bộ cấp tỉnh và tư vấn viên"),
    ],
)
def test_a_wrong_user_or_file_is_refused(cast, path, user, message):
    with pytest.raises(CommandError, match=message):
        command(path, user=user)


def test_purge_deletes_only_previews_left_unconfirmed_too_long(cast, hanoi_employers):
    content = (DATA / "topcv_listings.csv").read_bytes()
    old, recent = (
        import_batch_preview(actor=cast["province_b"], filename="tin.csv", content=content) for _ in range(2)
    )
    ImportBatch.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    out = io.StringIO()
    call_command("purge_import_previews", "--days", "7", stdout=out)
    assert "Đã xóa 1 lô" in out.getvalue()
    assert list(ImportBatch.objects.values_list("pk", flat=True)) == [recent.pk]


def test_purge_empties_the_row_report_of_batches_committed_longer_ago_than_the_setting(cast, hanoi_employers, settings):
    settings.VIECLAM_IMPORT_REPORT_DAYS = 30
    content = (DATA / "topcv_listings.csv").read_bytes()
    old, recent = (
        import_batch_preview(actor=cast["province_b"], filename=name, content=content) for name in ("a.csv", "b.csv")
    )
    import_batch_commit(actor=cast["province_b"], batch=old)
    ImportBatch.objects.filter(pk=old.pk).update(committed_at=timezone.now() - dt.timedelta(days=31))
    out = io.StringIO()
    call_command("purge_import_previews", stdout=out)
    assert "Đã xóa chi tiết từng dòng của 1 lô nhập đã ghi quá 30 ngày" in out.getvalue()
    old.refresh_from_db()
    assert old.report["rows"] == [] and old.report["purged"] and old.created_count == 6
    assert ImportBatch.objects.get(pk=recent.pk).report["rows"]  # a preview within its 7 days is kept whole
    client = Client()
    client.force_login(cast["province_b"])
    body = client.get(f"/imports/vacancies/{old.pk}/").content.decode()
    assert "Chi tiết từng dòng đã được xóa sau thời hạn lưu giữ" in body
