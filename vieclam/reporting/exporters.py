"""Columns of the report list's CSV/Excel (core.exports). A report itself downloads through core.reportdoc."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.core.exports import Column, Exporter, choice

__all__ = ("ReportExporter",)


class ReportExporter(Exporter):
    filename = "bao-cao"

    def columns(self) -> list[Column]:
        return [
            Column(_("Loại báo cáo"), "kind_title"),
            Column(_("Đơn vị báo cáo"), "area.name"),
            Column(_("Kỳ báo cáo"), lambda row: row.period.label),
            choice(_("Trạng thái"), "status"),
            Column(_("Nộp lúc"), "submitted_at"),
            Column(_("Duyệt lúc"), "reviewed_at"),
        ]
