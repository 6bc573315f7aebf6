"""Columns of the CSV/Excel export of the (filtered, scoped) application list, for core.exports.export_response.

Like the list, the export names the person but leaves out the ID number and contact details.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

__all__ = ("FILENAME", "FORMATS", "columns")

FILENAME = "ho-so-ung-tuyen"
FORMATS = ("csv", "xlsx")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value) -> str:
    """Free text as text: a leading =, +, -, @ gets a quote so no spreadsheet runs it as a formula."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _moment(value) -> str:
    return f"{timezone.localtime(value):%d/%m/%Y %H:%M}" if value else ""


def columns(contract_names: dict[str, str]) -> list[tuple[str, object]]:
    """(header, getter) pairs; `contract_names` maps a contract-type code to its name."""
    return [
        (_("Số hồ sơ"), lambda a: a.pk),
        (_("Người lao động"), lambda a: _text(a.person.full_name)),
        (_("Mã xã nơi ở"), lambda a: a.person.residence_commune.code),
        (_("Xã, phường nơi ở"), lambda a: a.person.residence_commune.name),
        (_("Số việc làm"), lambda a: a.vacancy_id),
        (_("Việc làm"), lambda a: _text(a.vacancy.title)),
        (_("Mã số thuế"), lambda a: a.vacancy.employer.tax_code),
        (_("Người sử dụng lao động"), lambda a: _text(a.vacancy.employer.name)),
        (_("Hình thức"), lambda a: a.get_channel_display()),
        (_("Cán bộ giới thiệu"), lambda a: a.referred_by.username if a.referred_by else ""),
        (_("Trạng thái"), lambda a: a.get_status_display()),
        (_("Đổi trạng thái lúc"), lambda a: _moment(a.status_changed_at)),
        (_("Thời gian phỏng vấn"), lambda a: _moment(a.interview_at)),
        (_("Loại hợp đồng"), lambda a: contract_names.get(a.contract_type, a.contract_type)),
        (_("Ngày bắt đầu làm việc"), lambda a: a.start_date),
        (_("Kết nối thành công"), lambda a: _("Có") if a.successful_connection else _("Không")),
        (_("Lý do không tuyển"), lambda a: a.get_refusal_reason_display()),
        (_("Nộp lúc"), lambda a: _moment(a.created_at)),
    ]
