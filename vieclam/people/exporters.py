"""Columns of the CSV/Excel exports of the (filtered, scoped) person and household lists, rendered by core.exports.

The person export masks the ID number like the list; coded answers are exported by name.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vieclam.codelists.models import Occupation
from vieclam.codelists.selectors import code_item_names
from vieclam.core.exports import Column, Exporter, choice, coded, yes_no
from vieclam.core.privacy import mask_identifier
from vieclam.people.choices import Relationship, Sex
from vieclam.people.reviews import recently_exited
from vieclam.people.validation import CODED_FIELDS

__all__ = ("HouseholdExporter", "PersonExporter")


class PersonExporter(Exporter):
    filename = "nguoi-lao-dong"
    # Only what the columns read, as plain rows: a person row carries timestamps and a dozen fields more, and
    # model instances for it and its related rows were a third of a 5.000-row export.
    values = ("national_id", "full_name", "date_of_birth", "sex", "relationship", "activity_status", "technical_level",
              "residence_commune__name", "residence_commune__code", "household__code",
              "occupation_id", "occupation__code", "occupation__name_vi", "occupation__name_en")  # fmt: skip

    def columns(self) -> list[Column]:
        names = code_item_names(slugs=CODED_FIELDS.values())
        return [
            Column(_("Số CCCD (che)"), lambda row: mask_identifier(row["national_id"] or "")),
            Column(_("Họ và tên"), "full_name"),
            Column(_("Năm sinh"), lambda row: row["date_of_birth"].year),
            choice(_("Giới tính"), "sex", Sex.choices),
            Column(_("Xã/phường"), "residence_commune.name"),
            Column(_("Mã xã"), "residence_commune.code"),
            Column(_("Hộ"), "household.code"),
            choice(_("Quan hệ với chủ hộ"), "relationship", Relationship.choices),
            coded(_("Tình trạng hoạt động kinh tế"), "activity_status", names[CODED_FIELDS["activity_status"]]),
            coded(_("Trình độ CMKT"), "technical_level", names[CODED_FIELDS["technical_level"]]),
            Column(_("Nghề"), _occupation_name()),
        ]


def _occupation_name():
    """The occupation's name as its page shows it (Occupation.name: the reader's language), once per occupation."""
    names: dict[int, str] = {}

    def name_of(row: dict) -> str | None:
        pk = row["occupation_id"]
        if pk is None:
            return None
        if pk not in names:
            occupation = Occupation(code=row["occupation__code"], name_vi=row["occupation__name_vi"],
                                    name_en=row["occupation__name_en"])  # fmt: skip
            names[pk] = occupation.name
        return names[pk]

    return name_of


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
