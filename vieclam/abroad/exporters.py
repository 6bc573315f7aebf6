"""Columns of the CSV/Excel exports of the (filtered, scoped) journey, programme and enterprise lists."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.core.exports import Column, Exporter, choice

__all__ = ("EnterpriseExporter", "JourneyExporter", "ProgrammeExporter")


class JourneyExporter(Exporter):
    filename = "di-lam-viec-o-nuoc-ngoai"

    def columns(self) -> list[Column]:
        return [
            Column(_("Họ và tên"), "person.full_name"),
            Column(_("Năm sinh"), lambda row: row.person.date_of_birth.year),
            Column(_("Xã, phường cư trú"), "person.residence_commune.name"),
            choice(_("Bước"), "state"),
            Column(_("Đơn hàng"), "programme.name"),
            Column(_("Doanh nghiệp dịch vụ"), "enterprise.name"),
            Column(_("Nước đến"), "country.name_vi"),
            Column(_("Nghề (VSCO 2020)"), "occupation.name"),
            Column(_("Người sử dụng lao động ở nước ngoài"), "foreign_employer"),
            Column(_("Thời hạn hợp đồng (tháng)"), "contract_months"),
            Column(_("Ngày đăng ký"), "registered_on"),
            Column(_("Ngày ký hợp đồng"), "contract_signed_on"),
            Column(_("Ngày xuất cảnh"), "departed_on"),
            Column(_("Ngày hết hạn hợp đồng"), "expected_return_on"),
            Column(_("Ngày về nước"), "returned_on"),
            choice(_("Về nước"), "return_kind"),
            Column(_("Lý do về trước hạn"), "return_reason"),
            Column(_("Ngày có việc làm sau khi về"), "back_in_work_on"),
        ]


class ProgrammeExporter(Exporter):
    filename = "don-hang-di-lam-viec-o-nuoc-ngoai"

    def columns(self) -> list[Column]:
        return [
            Column(_("Tên đơn hàng"), "name"),
            Column(_("Doanh nghiệp dịch vụ"), "enterprise.name"),
            Column(_("Nước đến"), "country.name_vi"),
            Column(_("Nghề (VSCO 2020)"), "occupation.name"),
            Column(_("Người sử dụng lao động ở nước ngoài"), "foreign_employer"),
            Column(_("Thời hạn hợp đồng (tháng)"), "contract_months"),
            Column(_("Chi phí người lao động trả (đồng)"), "worker_cost"),
            Column(_("Tiền dịch vụ (đồng)"), "service_fee"),
            Column(_("Số người cần tuyển"), "positions"),
            Column(_("Ngày bắt đầu tuyển"), "opened_on"),
            Column(_("Ngày kết thúc tuyển"), "closed_on"),
        ]


class EnterpriseExporter(Exporter):
    filename = "doanh-nghiep-dich-vu-xkld"

    def columns(self) -> list[Column]:
        return [
            Column(_("Tên doanh nghiệp"), "name"),
            Column(_("Mã số thuế"), "tax_code"),
            Column(_("Số giấy phép"), "licence_number"),
            Column(_("Ngày cấp giấy phép"), "licence_date"),
            Column(_("Ngày thu hồi giấy phép"), "licence_revoked_on"),
            Column(_("Địa chỉ"), "address"),
            Column(_("Điện thoại"), "phone"),
        ]
