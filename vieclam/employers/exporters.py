"""Columns of the CSV/Excel export of the (filtered, scoped) employer list, rendered by core.exports.

The exporter never sees a request: the view hands it a queryset that already went through the viewer's scope
and the list's FilterSet, so the file holds exactly the rows the list shows.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.core.exports import Column, Exporter, choice, yes_no

__all__ = ("EmployerExporter",)


class EmployerExporter(Exporter):
    filename = "nguoi-su-dung-lao-dong"

    def columns(self) -> list[Column]:
        return [
            Column(_("Mã số thuế / số định danh"), "tax_code"),
            choice(_("Loại mã"), "id_kind"),
            Column(_("Tên người sử dụng lao động"), "name"),
            Column(_("Loại hình"), "employer_type.name"),
            Column(_("Mã ngành (VSIC)"), "industry.code"),
            Column(_("Ngành kinh tế"), "industry.name"),
            Column(_("Mã tỉnh"), "commune.province.code"),
            Column(_("Tỉnh"), "commune.province.name"),
            Column(_("Mã xã"), "commune.code"),
            Column(_("Xã, phường, đặc khu"), "commune.name"),
            Column(_("Số nhà, đường, thôn/ấp"), "street_address"),
            yes_no(_("Trong KCN/KKT"), "in_industrial_zone"),
            Column(_("Tên KCN/KKT"), "zone_name"),
            choice(_("Quy mô lao động"), "size_band"),
            Column(_("Người liên hệ"), "contact_person"),
            Column(_("Điện thoại"), "phone"),
            Column(_("Thư điện tử"), "email"),
            Column(_("Cập nhật lúc"), "updated_at"),
        ]
