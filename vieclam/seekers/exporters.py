"""Columns of the CSV/Excel export of the (filtered, scoped) job-seeker list, rendered by core.exports.

Like the list, the export masks personal data: name, birth year and the last four digits of the ID only, and
it leaves out the working-condition tolerances (they can reveal a disability); those are on the audited detail.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.codelists.selectors import code_item_names
from vieclam.core.exports import Column, Exporter, choice, coded
from vieclam.seekers.validation import CODED_FIELDS

__all__ = ("JobSeekerExporter",)


def _unit(unit) -> str:
    return f"{unit.code} – {unit.name}" if unit is not None else ""


def _availability(profile):
    return _("Ngay") if profile.available_now else profile.available_from


class JobSeekerExporter(Exporter):
    filename = "nguoi-tim-viec"

    def columns(self) -> list[Column]:
        names = code_item_names(slugs=CODED_FIELDS.values())

        def item(label, field: str) -> Column:
            return coded(label, field, names[CODED_FIELDS[field]])

        return [
            Column(_("Mã hồ sơ"), "pk"),
            Column(_("Họ và tên"), "person.full_name"),
            Column(_("Năm sinh"), "person.date_of_birth.year"),
            Column(_("Số CCCD (che)"), "person.masked_national_id"),
            Column(_("Mã xã nơi ở"), "person.residence_commune.code"),
            Column(_("Xã/phường nơi ở"), "person.residence_commune.name"),
            Column(_("Công việc cần tìm"), "title"),
            Column(_("Mã nghề"), "occupation.code"),
            Column(_("Nghề"), "occupation.name"),
            item(_("Chức vụ"), "position"),
            Column(_("Nơi làm việc ưu tiên 1"), lambda p: _unit(p.workplace_1)),
            Column(_("Nơi làm việc ưu tiên 2"), lambda p: _unit(p.workplace_2)),
            item(_("Loại hợp đồng"), "contract_type"),
            item(_("Hình thức làm việc"), "working_time"),
            Column(_("Lương mong muốn tối thiểu (đồng/tháng)"), "desired_pay_min"),
            item(_("Mức lương"), "pay_band"),
            Column(_("Sẵn sàng làm việc"), _availability),
            choice(_("Trạng thái"), "status"),
            Column(_("Ngày đăng ký"), "registered_on"),
        ]
