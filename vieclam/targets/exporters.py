"""Columns of the target list's CSV/Excel file (core.exports): the filtered, scoped targets."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.core.exports import Column, Exporter, choice

__all__ = ("TargetExporter",)


class TargetExporter(Exporter):
    filename = "chi-tieu-ke-hoach"

    def columns(self) -> list[Column]:
        return [
            Column(_("Chỉ tiêu"), "indicator.name_vi"),
            Column(_("Đơn vị tính"), lambda row: row.indicator.get_unit_display()),
            Column(_("Địa bàn"), "area.name"),
            choice(_("Loại"), "kind"),
            Column(_("Năm"), "years_label"),
            Column(_("Giá trị"), "value"),
            Column(_("Giá trị ban đầu"), "original_value"),
            Column(_("Phân bổ từ"), lambda row: row.parent.area.name if row.parent_id else ""),
            Column(_("Ghi chú"), "note"),
        ]
