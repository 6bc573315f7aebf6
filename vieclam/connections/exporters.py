"""Columns of the CSV/Excel exports of the (filtered, scoped) connection and follow-up lists (core.exports)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.connections.selectors import contract_type_names
from vieclam.core.exports import Column, Exporter, choice, coded, yes_no

__all__ = ("ConnectionExporter", "FollowUpExporter")


def _user(path: str):
    def name(row) -> str:
        user = row
        for part in path.split("."):
            user = getattr(user, part, None)
        return (user.get_full_name() or user.username) if user is not None else ""

    return name


class ConnectionExporter(Exporter):
    filename = "ket-noi-viec-lam"

    def columns(self) -> list[Column]:
        names = contract_type_names()
        return [
            Column(_("Họ và tên"), "person.full_name"),
            Column(_("Năm sinh"), lambda row: row.person.date_of_birth.year),
            Column(_("Xã, phường cư trú"), "person.residence_commune.name"),
            Column(_("Người sử dụng lao động"), "employer.name"),
            Column(_("Mã số thuế"), "employer.tax_code"),
            Column(_("Nghề (VSCO 2020)"), "occupation.name"),
            coded(_("Loại hợp đồng lao động"), "contract_type", names),
            Column(_("Số hợp đồng"), "contract_number"),
            Column(_("Ngày bắt đầu làm việc"), "start_date"),
            Column(_("Tiền lương (đồng/tháng)"), "monthly_pay"),
            yes_no(_("Tham gia BHXH bắt buộc"), "social_insurance"),
            choice(_("Nguồn"), "source"),
            choice(_("Nguồn kinh phí"), "funding_source"),
            Column(_("Định mức áp dụng"), "norm.name_vi"),
            Column(_("Mức chi (đồng)"), "norm_amount"),
            yes_no(_("Không chi trùng"), "double_funding_flag"),
            Column(_("Lý do không chi"), "double_funding_reason"),
            Column(_("Căn cứ xác nhận"), "evidence_note"),
            Column(_("Cán bộ theo dõi"), _user("counsellor")),
        ]


class FollowUpExporter(Exporter):
    filename = "theo-doi-sau-ket-noi"

    def columns(self) -> list[Column]:
        return [
            Column(_("Họ và tên"), "person.full_name"),
            Column(_("Người sử dụng lao động"), "connection.employer.name"),
            Column(_("Ngày bắt đầu làm việc"), "connection.start_date"),
            Column(_("Sau (tháng)"), "offset_months"),
            Column(_("Ngày đến hạn"), "due_on"),
            yes_no(_("Nhóm ưu tiên"), lambda row: row.priority == 0),
            choice(_("Trạng thái"), "status"),
            choice(_("Kết quả"), "result"),
            yes_no(_("Có HĐLĐ"), "has_contract"),
            yes_no(_("Có BHXH bắt buộc"), "has_social_insurance"),
            Column(_("Ngày kiểm tra"), "checked_on"),
            Column(_("Ghi chú"), "note"),
            Column(_("Cán bộ theo dõi"), _user("counsellor")),
        ]
