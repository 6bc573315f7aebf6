"""Columns of the CSV/Excel export of the (filtered, scoped) job-seeker list, for core.exports.export_response.

Like the list, the export masks personal data: name, birth year and the last four digits of the ID only, and
it leaves out the working-condition tolerances (they can reveal a disability); those are on the audited detail.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

__all__ = ("COLUMNS", "FILENAME", "columns")

FILENAME = "nguoi-tim-viec"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    """Free text as text: a leading =, +, -, @ gets a quote so no spreadsheet runs it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def columns() -> list[tuple[str, object]]:
    """The columns with their headers translated into the active language."""
    return [(str(header), getter) for header, getter in COLUMNS]


def _unit(unit) -> str:
    return f"{unit.code} – {unit.name}" if unit is not None else ""


def _availability(profile) -> str:
    if profile.available_now:
        return str(_("Ngay"))
    return profile.available_from.strftime("%d/%m/%Y") if profile.available_from else ""


COLUMNS = [
    (_("Mã hồ sơ"), lambda p: p.pk),
    (_("Họ và tên"), lambda p: _text(p.person.full_name)),
    (_("Năm sinh"), lambda p: p.person.date_of_birth.year),
    (_("Số CCCD (che)"), lambda p: p.person.masked_national_id),
    (_("Mã xã nơi ở"), lambda p: p.person.residence_commune.code),
    (_("Xã/phường nơi ở"), lambda p: p.person.residence_commune.name),
    (_("Công việc cần tìm"), lambda p: _text(p.title)),
    (_("Mã nghề"), lambda p: p.occupation.code if p.occupation_id else ""),
    (_("Nghề"), lambda p: p.occupation.display_name if p.occupation_id else ""),
    (_("Chức vụ"), lambda p: p.position),
    (_("Nơi làm việc ưu tiên 1"), lambda p: _unit(p.workplace_1)),
    (_("Nơi làm việc ưu tiên 2"), lambda p: _unit(p.workplace_2)),
    (_("Loại hợp đồng"), lambda p: p.contract_type),
    (_("Hình thức làm việc"), lambda p: p.working_time),
    (_("Lương mong muốn tối thiểu (đồng/tháng)"), lambda p: p.desired_pay_min),
    (_("Mức lương"), lambda p: p.pay_band),
    (_("Sẵn sàng làm việc"), _availability),
    (_("Trạng thái"), lambda p: p.get_status_display()),
    (_("Ngày đăng ký"), lambda p: p.registered_on),
]
