"""Columns of the CSV/Excel export of the (filtered, scoped) fair list (core.exports)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.core.exports import Column, Exporter, choice

__all__ = ("FairExporter",)


class FairExporter(Exporter):
    filename = "phien-giao-dich-viec-lam"

    def columns(self) -> list[Column]:
        return [
            Column(_("Tên phiên"), "name"),
            choice(_("Loại phiên"), "kind"),
            Column(_("Ngày tổ chức"), "held_on"),
            Column(_("Giờ bắt đầu"), lambda row: row.starts_at.strftime("%H:%M")),
            Column(_("Giờ kết thúc"), lambda row: row.ends_at.strftime("%H:%M")),
            Column(_("Xã, phường, đặc khu"), "commune.name"),
            Column(_("Địa điểm"), "address"),
            Column(_("Số người lao động tối đa"), "capacity"),
            Column(_("Đối tượng tham gia"), "target_groups"),
            choice(_("Trạng thái"), "status"),
        ]
