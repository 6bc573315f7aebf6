"""Columns of the CSV/Excel exports of the (filtered, scoped) person and household lists, rendered by core.exports.

The person export masks the ID number like the list; coded answers are exported by name.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.codelists.selectors import code_item_names
from vieclam.core.exports import Column, Exporter, choice, coded, yes_no
from vieclam.people.reviews import recently_exited
from vieclam.people.validation import CODED_FIELDS

__all__ = ("HouseholdExporter", "PersonExporter")


class PersonExporter(Exporter):
    filename = "nguoi-lao-dong"

    def columns(self) -> list[Column]:
        names = code_item_names(slugs=CODED_FIELDS.values())
        return [
            Column(_("Số CCCD (che)"), "masked_national_id"),
            Column(_("Họ và tên"), "full_name"),
            Column(_("Năm sinh"), "date_of_birth.year"),
            choice(_("Giới tính"), "sex"),
            Column(_("Xã/phường"), "residence_commune.name"),
            Column(_("Mã xã"), "residence_commune.code"),
            Column(_("Hộ"), "household.code"),
            choice(_("Quan hệ với chủ hộ"), "relationship"),
            coded(_("Tình trạng hoạt động kinh tế"), "activity_status", names[CODED_FIELDS["activity_status"]]),
            coded(_("Trình độ CMKT"), "technical_level", names[CODED_FIELDS["technical_level"]]),
            Column(_("Nghề"), "occupation.name"),
        ]

    def prepare(self, rows):
        # Only what the columns read: a person row carries timestamps and a dozen fields more, and its related
        # rows all theirs; building them was a third of a 5.000-row export.
        return rows.select_related(None).select_related("residence_commune", "household", "occupation").only(
            "national_id", "full_name", "date_of_birth", "sex", "relationship", "activity_status", "technical_level",
            "residence_commune__name", "residence_commune__code", "household__code",
            "occupation__code", "occupation__name_vi", "occupation__name_en",
        )  # fmt: skip


class HouseholdExporter(Exporter):
    filename = "ho-gia-dinh"

    def columns(self) -> list[Column]:
        return [
            Column(_("Mã hộ"), "code"),
            Column(_("Chủ hộ"), "head_name"),
            Column(_("Địa chỉ"), "address"),
            Column(_("Xã/phường"), "commune.name"),
            Column(_("Mã xã"), "commune.code"),
            Column(_("Số thành viên"), "member_count"),
            choice(_("Phân loại hộ"), "poverty_class"),
            Column(_("Ngày phân loại"), "poverty_class_on"),
            Column(_("Ngày thoát nghèo"), "poverty_exit_on"),
            yes_no(_("Hộ mới thoát nghèo"), recently_exited),
        ]
