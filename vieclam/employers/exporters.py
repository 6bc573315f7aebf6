"""CSV and Excel export of the (filtered, scoped) employer list, in the shape of pretix's ListExporter.

The exporter never sees a request: the view hands it a queryset that already went through the viewer's scope
and the list's FilterSet, so the file holds exactly the rows the list shows.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from vieclam.core.dates import today

__all__ = ("FORMATS", "EmployerExporter", "ListExporter")

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A cell starting with one of these is read as a formula by spreadsheet programs (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ListExporter:
    """A header and rows; `render()` turns them into (filename, content_type, bytes) for any of FORMATS."""

    identifier = "export"
    columns: list[tuple[Any, Callable[[Any], Any]]] = []

    def header(self) -> list[str]:
        return [str(label) for label, _value in self.columns]

    def iterate_list(self, queryset: QuerySet) -> Iterator[list]:
        for obj in queryset.iterator(chunk_size=2000):
            yield [_safe(value(obj)) for _label, value in self.columns]

    def render(self, queryset: QuerySet, fmt: str) -> tuple[str, str, bytes]:
        rows = self.iterate_list(queryset)
        content = _csv(self.header(), rows) if fmt == "csv" else _xlsx(self.header(), rows, self.identifier)
        return f"{self.identifier}-{today():%Y-%m-%d}.{fmt}", FORMATS[fmt], content


class EmployerExporter(ListExporter):
    identifier = "nguoi-su-dung-lao-dong"
    columns = [
        (_("Mã số thuế / số định danh"), lambda e: e.tax_code),
        (_("Loại mã"), lambda e: e.get_id_kind_display()),
        (_("Tên người sử dụng lao động"), lambda e: e.name),
        (_("Loại hình"), lambda e: e.employer_type.name_vi),
        (_("Mã ngành (VSIC)"), lambda e: e.industry.code if e.industry_id else ""),
        (_("Ngành kinh tế"), lambda e: e.industry.name_vi if e.industry_id else ""),
        (_("Mã tỉnh"), lambda e: e.commune.province.code),
        (_("Tỉnh"), lambda e: e.commune.province.name),
        (_("Mã xã"), lambda e: e.commune.code),
        (_("Xã, phường, đặc khu"), lambda e: e.commune.name),
        (_("Số nhà, đường, thôn/ấp"), lambda e: e.street_address),
        (_("Trong KCN/KKT"), lambda e: _("Có") if e.in_industrial_zone else _("Không")),
        (_("Tên KCN/KKT"), lambda e: e.zone_name),
        (_("Quy mô lao động"), lambda e: e.get_size_band_display()),
        (_("Người liên hệ"), lambda e: e.contact_person),
        (_("Điện thoại"), lambda e: e.phone),
        (_("Thư điện tử"), lambda e: e.email),
        (_("Cập nhật lúc"), lambda e: f"{timezone.localtime(e.updated_at):%d/%m/%Y %H:%M}"),
    ]


def _safe(value: Any) -> Any:
    """Text as text: a leading =, +, -, @ gets a quote so no spreadsheet runs it (phone numbers like +84 stay)."""
    value = "" if value is None else str(value)
    if value.startswith(FORMULA_STARTS) and not value.lstrip("+").replace(" ", "").replace(".", "").isdigit():
        return "'" + value
    return value


def _csv(header: list[str], rows: Iterable[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read Vietnamese correctly


def _xlsx(header: list[str], rows: Iterable[list], title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
