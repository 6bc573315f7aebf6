"""CSV/Excel exports of the (scoped, filtered) case-work lists, rendered by core.exports."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.casework.selectors import topic_names
from vieclam.core.exports import Column, Exporter

__all__ = ("CaseExporter", "GroupSessionExporter", "SessionExporter")


class SessionExporter(Exporter):
    filename = "tu-van"

    def columns(self) -> list[Column]:
        return [
            Column(_("Ngày tư vấn"), "held_on"),
            Column(_("Người lao động"), "person.full_name"),
            Column(_("Số CCCD (che bớt)"), "person.masked_national_id"),
            Column(_("Xã nơi ở"), "person.residence_commune.name"),
            Column(_("Nội dung tư vấn"), topic_names),
            Column(_("Hình thức tư vấn"), "channel.name"),
            Column(_("Tư vấn viên"), lambda row: str(row.counsellor)),
            Column(_("Kết quả"), "outcome"),
            Column(_("Bước tiếp theo"), "next_step"),
            Column(_("Ngày hẹn tiếp theo"), "next_action_on"),
            Column(_("Ghi chú"), "note"),
        ]


class GroupSessionExporter(Exporter):
    filename = "hoi-nghi-tu-van"

    def columns(self) -> list[Column]:
        return [
            Column(_("Ngày tổ chức"), "held_on"),
            Column(_("Tỉnh"), "commune.province.name"),
            Column(_("Xã, phường, đặc khu"), "commune.name"),
            Column(_("Nơi tổ chức"), "unit_kind.name"),
            Column(_("Tên đơn vị"), "unit_name"),
            Column(_("Nội dung tư vấn"), topic_names),
            Column(_("Số lượt tham dự"), "headcount"),
            Column(_("Người tổ chức"), lambda row: str(row.organiser)),
            Column(_("Ghi chú"), "note"),
        ]


class CaseExporter(Exporter):
    filename = "phan-cong-tu-van"

    def columns(self) -> list[Column]:
        return [
            Column(_("Người lao động"), "person.full_name"),
            Column(_("Số CCCD (che bớt)"), "person.masked_national_id"),
            Column(_("Xã nơi ở"), "person.residence_commune.name"),
            Column(_("Tư vấn viên phụ trách"), lambda row: str(row.counsellor)),
            Column(_("Ngày giao"), "assigned_on"),
            Column(_("Ngày hẹn tiếp theo"), "next_action_on"),
            Column(_("Việc tiếp theo"), "next_action"),
        ]
