"""Downloads of a dashboard's tables: the communes by achievement and the monthly trend (house exporters)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext_lazy as _

from vieclam.core.exports import Column, Exporter


class AreaTableExporter(Exporter):
    filename = "chi-tieu-theo-xa"

    def columns(self) -> Sequence[Column]:
        return [
            Column(_("Xã, phường"), "name"),
            Column(_("Thực hiện"), "value"),
            Column(_("Kế hoạch"), "target"),
            Column(_("Đạt (% kế hoạch)"), "achievement"),
        ]


class TrendExporter(Exporter):
    filename = "chi-tieu-theo-thang"

    def columns(self) -> Sequence[Column]:
        return [
            Column(_("Tháng"), "month"),
            Column(_("Năm nay"), "this_year"),
            Column(_("Cùng kỳ năm trước"), "last_year"),
        ]


class ValuesExporter(Exporter):
    """The table of an indicator page: the total first, then each group (suppressed small cells read "<5")."""

    filename = "chi-tieu"

    def __init__(self, filename: str = "") -> None:
        self.filename = filename or self.filename

    def columns(self) -> Sequence[Column]:
        return [
            Column(_("Nhóm"), "label"),
            Column(_("Tử số"), "numerator"),
            Column(_("Mẫu số"), "denominator"),
            Column(_("Giá trị"), lambda row: row.display if row.suppressed else row.value),
            Column(_("Kế hoạch"), "target"),
            Column(_("Đạt (% kế hoạch)"), "achievement"),
            Column(_("Cùng kỳ năm trước"), lambda row: row.last_display if row.last_value is None else row.last_value),
            Column(_("So cùng kỳ (%)"), "change"),
        ]
