"""Columns of the CSV/Excel export of the (filtered, scoped) loan list (core.exports)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.core.exports import Column, Exporter, choice

__all__ = ("LoanExporter",)


class LoanExporter(Exporter):
    filename = "vay-von-tao-viec-lam"

    def columns(self) -> list[Column]:
        return [
            choice(_("Đối tượng vay"), "borrower_kind"),
            Column(_("Người vay (hoặc chủ hộ kinh doanh)"), "person.full_name"),
            Column(_("Cơ sở sản xuất, kinh doanh"), "employer.name"),
            Column(_("Xã, phường"), "commune.name"),
            Column(_("Mục đích vay"), "purpose"),
            Column(_("Số tiền đề nghị vay (đồng)"), "amount_requested"),
            Column(_("Số lao động tạo việc làm mới"), "jobs_new"),
            Column(_("Số lao động duy trì, mở rộng việc làm"), "jobs_kept"),
            Column(_("Đối tượng ưu tiên"), "priority_group.name_vi"),
            Column(_("Ngày nộp hồ sơ"), "applied_on"),
            Column(_("Ngày UBND xã xác nhận"), "commune_confirmed_on"),
            choice(_("Trạng thái"), "status"),
            Column(_("Ngày của trạng thái"), "status_on"),
            Column(_("Số tiền được duyệt (đồng)"), "approved_amount"),
            Column(_("Thời hạn vay (tháng)"), "term_months"),
            Column(_("Lãi suất (%/năm)"), "interest_rate"),
            Column(_("Đã giải ngân (đồng)"), "disbursed_amount"),
            Column(_("Ngày giải ngân lần đầu"), "disbursed_on"),
            Column(_("Số lao động được tạo việc làm (đã kiểm tra)"), "jobs_created"),
            Column(_("Căn cứ pháp lý"), "policy.legal_source"),
        ]
