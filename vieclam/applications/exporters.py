"""Columns of the CSV/Excel export of the (filtered, scoped) application list, rendered by core.exports.

Like the list, the export names the person but leaves out the ID number and contact details.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.applications.selectors import contract_type_names
from vieclam.core.exports import Column, Exporter, choice, coded, yes_no

__all__ = ("ApplicationExporter",)


class ApplicationExporter(Exporter):
    filename = "ho-so-ung-tuyen"

    def columns(self) -> list[Column]:
        return [
            Column(_("Số hồ sơ"), "pk"),
            Column(_("Người lao động"), "person.full_name"),
            Column(_("Mã xã nơi ở"), "person.residence_commune.code"),
            Column(_("Xã, phường nơi ở"), "person.residence_commune.name"),
            Column(_("Số việc làm"), "vacancy_id"),
            Column(_("Việc làm"), "vacancy.title"),
            Column(_("Mã số thuế"), "vacancy.employer.tax_code"),
            Column(_("Người sử dụng lao động"), "vacancy.employer.name"),
            choice(_("Hình thức"), "channel"),
            Column(_("Cán bộ giới thiệu"), "referred_by.username"),
            choice(_("Trạng thái"), "status"),
            Column(_("Đổi trạng thái lúc"), "status_changed_at"),
            Column(_("Thời gian phỏng vấn"), "interview_at"),
            coded(_("Loại hợp đồng"), "contract_type", contract_type_names()),
            Column(_("Ngày bắt đầu làm việc"), "start_date"),
            yes_no(_("Kết nối thành công"), "successful_connection"),
            choice(_("Lý do không tuyển"), "refusal_reason"),
            Column(_("Nộp lúc"), "created_at"),
        ]
