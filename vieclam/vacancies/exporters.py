"""Columns of the CSV/Excel export of the (filtered, scoped) vacancy list, rendered by core.exports."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from vieclam.vacancies.models import Vacancy

__all__ = ("FORMATS", "export_columns", "safe_text")

FORMATS = ("csv", "xlsx")
# A cell starting with one of these is read as a formula by spreadsheet programs (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value) -> str:
    """Free text as text: a leading =, +, -, @ gets a quote so no spreadsheet runs it."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def export_columns(names: dict[tuple[str, str], str]) -> list[tuple[str, Callable[[Vacancy], object]]]:
    """(header, getter) pairs; `names` maps (field, item code) to the item's name (selectors.item_names)."""

    def item(field: str) -> Callable[[Vacancy], str]:
        return lambda v: names.get((field, getattr(v, field)), getattr(v, field))

    return [
        (_("Số"), lambda v: v.pk),
        (_("Tên vị trí việc làm"), lambda v: safe_text(v.title)),
        (_("Trạng thái"), lambda v: v.get_status_display()),
        (_("Mã số thuế"), lambda v: v.employer.tax_code),
        (_("Người sử dụng lao động"), lambda v: safe_text(v.employer.name)),
        (_("Mã nghề"), lambda v: v.occupation.code),
        (_("Nghề"), lambda v: v.occupation.display_name),
        (_("Chức vụ"), item("position")),
        (_("Số lượng cần tuyển"), lambda v: v.positions_count),
        (_("Trình độ CMKT"), item("technical_level")),
        (_("Kinh nghiệm"), item("experience")),
        (_("Mã xã nơi làm việc"), lambda v: v.workplace_commune.code),
        (_("Xã, phường nơi làm việc"), lambda v: v.workplace_commune.name),
        (_("Tỉnh nơi làm việc"), lambda v: v.workplace_commune.province.name),
        (_("Loại hợp đồng"), item("contract_type")),
        (_("Hình thức làm việc"), item("working_time")),
        (_("Lương từ (đồng/tháng)"), lambda v: v.pay_min),
        (_("Lương đến (đồng/tháng)"), lambda v: v.pay_max),
        (_("Khoảng lương"), item("pay_band")),
        (_("Lương thỏa thuận"), lambda v: _("Có") if v.pay_negotiable else _("Không")),
        (_("Hạn nộp hồ sơ"), lambda v: v.deadline),
        (_("Sàn việc làm"), lambda v: v.exchange_province.name),
        (_("Cập nhật lúc"), lambda v: f"{timezone.localtime(v.updated_at):%d/%m/%Y %H:%M}"),
    ]
