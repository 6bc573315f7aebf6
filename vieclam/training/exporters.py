"""Columns of the CSV/Excel exports of the (filtered, scoped) class and enrolment lists (core.exports)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.core.exports import Column, Exporter, choice

__all__ = ("ClassExporter", "EnrolmentExporter")


class ClassExporter(Exporter):
    filename = "lop-dao-tao-nghe"

    def columns(self) -> list[Column]:
        return [
            Column(_("Số hiệu lớp"), "code"),
            Column(_("Khóa đào tạo"), "course.name"),
            Column(_("Nghề (VSCO 2020)"), "course.occupation.name_vi"),
            choice(_("Trình độ"), "course.level"),
            choice(_("Lĩnh vực"), "course.field"),
            Column(_("Cơ sở đào tạo"), "provider.name"),
            Column(_("Nơi mở lớp"), "venue_commune.name"),
            Column(_("Ngày khai giảng"), "start_date"),
            Column(_("Ngày kết thúc"), "end_date"),
            Column(_("Số chỗ"), "capacity"),
            Column(_("Số học viên"), "taken"),
            choice(_("Nguồn kinh phí"), "funding"),
        ]


class EnrolmentExporter(Exporter):
    filename = "hoc-vien-dao-tao-nghe"

    def columns(self) -> list[Column]:
        return [
            Column(_("Họ và tên"), "person.full_name"),
            Column(_("Năm sinh"), lambda row: row.person.date_of_birth.year),
            Column(_("Xã, phường cư trú"), "person.residence_commune.name"),
            Column(_("Khóa đào tạo"), "training_class.course.name"),
            Column(_("Cơ sở đào tạo"), "training_class.provider.name"),
            Column(_("Ngày khai giảng"), "training_class.start_date"),
            Column(_("Nhóm ưu tiên"), "priority_group.name_vi"),
            choice(_("Nguồn kinh phí"), "funding"),
            Column(_("Tiền hỗ trợ (đồng)"), "support_amount"),
            choice(_("Trạng thái"), "status"),
            Column(_("Ngày ghi danh"), "enrolled_on"),
            Column(_("Ngày hoàn thành"), "completed_on"),
            Column(_("Số chứng chỉ"), "certificate_number"),
            Column(_("Ngày bỏ học"), "dropped_on"),
        ]
