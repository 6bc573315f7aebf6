"""Columns of the CSV/Excel export of the (filtered, scoped) vacancy list, rendered by core.exports."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.codelists.selectors import code_item_names
from vieclam.core.exports import Column, Exporter, choice, coded, yes_no
from vieclam.vacancies.choices import CODED_FIELDS

__all__ = ("VacancyExporter",)


class VacancyExporter(Exporter):
    filename = "viec-tim-nguoi"

    def columns(self) -> list[Column]:
        names = code_item_names(slugs=CODED_FIELDS.values())

        def item(label, field: str) -> Column:
            return coded(label, field, names[CODED_FIELDS[field]])

        return [
            Column(_("Số"), "pk"),
            Column(_("Tên vị trí việc làm"), "title"),
            choice(_("Trạng thái"), "status"),
            Column(_("Mã số thuế"), "employer.tax_code"),
            Column(_("Người sử dụng lao động"), "employer.name"),
            Column(_("Mã nghề"), "occupation.code"),
            Column(_("Nghề"), "occupation.name"),
            item(_("Chức vụ"), "position"),
            Column(_("Số lượng cần tuyển"), "positions_count"),
            item(_("Trình độ CMKT"), "technical_level"),
            item(_("Kinh nghiệm"), "experience"),
            Column(_("Mã xã nơi làm việc"), "workplace_commune.code"),
            Column(_("Xã, phường nơi làm việc"), "workplace_commune.name"),
            Column(_("Tỉnh nơi làm việc"), "workplace_commune.province.name"),
            item(_("Loại hợp đồng"), "contract_type"),
            item(_("Hình thức làm việc"), "working_time"),
            Column(_("Lương từ (đồng/tháng)"), "pay_min"),
            Column(_("Lương đến (đồng/tháng)"), "pay_max"),
            item(_("Khoảng lương"), "pay_band"),
            yes_no(_("Lương thỏa thuận"), "pay_negotiable"),
            Column(_("Hạn nộp hồ sơ"), "deadline"),
            Column(_("Sàn việc làm"), "exchange_province.name"),
            Column(_("Cập nhật lúc"), "updated_at"),
        ]
