"""Columns of the fairs' CSV/Excel files (core.exports): the fair list, and the organisers' documents of one fair.

- `FairExporter`: the (filtered, scoped) fair list.
- `AttendeeExporter`: one fair's registrations. Like every list, the CCCD is masked (core.privacy: last four
  digits); a registration a visitor typed on the public page (no person record yet) shows what was typed.
- `BoothExporter`: one fair's booths with their vacancies and positions.
- `report_xlsx`: the outcome report of a fair or of a set of fairs, the same lines as the screen (views.report_context).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vieclam.core.exports import Column, Exporter, choice, xlsx_bytes
from vieclam.core.privacy import mask_identifier
from vieclam.fairs.models import FairBooth, FairRegistration
from vieclam.people.choices import Sex
from vieclam.vacancies.models import Vacancy

__all__ = ("AttendeeExporter", "BoothExporter", "FairExporter", "attendee_name", "report_xlsx")


class FairExporter(Exporter):
    filename = "phien-giao-dich-viec-lam"

    def columns(self) -> list[Column]:
        return [
            Column(_("Tên phiên"), "name"),
            choice(_("Loại phiên"), "kind"),
            Column(_("Ngày tổ chức"), "held_on"),
            Column(_("Giờ bắt đầu"), lambda row: row.starts_at.strftime("%H:%M")),
            Column(_("Giờ kết thúc"), lambda row: row.ends_at.strftime("%H:%M")),
            Column(_("Xã, phường, đặc khu"), "commune.name"),
            Column(_("Địa điểm"), "address"),
            Column(_("Số người lao động tối đa"), "capacity"),
            Column(_("Đối tượng tham gia"), "target_groups"),
            choice(_("Trạng thái"), "status"),
        ]


#
# One fair's registrations
#
def attendee_name(registration: FairRegistration) -> str:
    """The person's name, or the name a visitor typed before the door (no person record yet)."""
    person = registration.person
    return person.full_name if person is not None else registration.applicant_name


def _birth_year(row: FairRegistration) -> int | None:
    born = row.person.date_of_birth if row.person is not None else row.applicant_birth_date
    return born.year if born else None


def _national_id(row: FairRegistration) -> str | None:
    value = row.person.national_id if row.person is not None else row.applicant_national_id
    return mask_identifier(value) or None


def _phone(row: FairRegistration) -> str | None:
    return (row.person.phone if row.person is not None else row.applicant_phone) or None


def _commune(row: FairRegistration) -> str | None:
    unit = row.person.residence_commune if row.person is not None else None
    return unit.name if unit is not None else None


def _booths(row: FairRegistration) -> str | None:
    return "; ".join(_booth_name(booth) for booth in row.booths.all()) or None


def _booth_name(booth: FairBooth) -> str:
    return f"{booth.number} – {booth.employer.name}" if booth.number else booth.employer.name


def _interests(row: FairRegistration) -> str | None:
    return "; ".join(str(interest.get_kind_display()) for interest in row.interests.all()) or None


class AttendeeExporter(Exporter):
    """The registrations of one fair, for the organisers: who, how registered, which booths, came when, wishes."""

    filename = "nguoi-dang-ky-phien"

    def prepare(self, rows: Any) -> Any:
        booths = FairBooth.objects.select_related("employer").order_by("number", "pk")
        return rows.select_related("person__residence_commune").prefetch_related(
            Prefetch("booths", queryset=booths), "interests"
        )

    def columns(self) -> list[Column]:
        sexes = {value: str(label) for value, label in Sex.choices}
        return [
            Column(_("Họ và tên"), attendee_name),
            Column(_("Năm sinh"), _birth_year),
            Column(_("Giới tính"), lambda row: sexes.get(row.person.sex) if row.person is not None else None),
            Column(_("Số CCCD (che)"), _national_id),
            Column(_("Xã/phường nơi ở"), _commune),
            Column(_("Điện thoại"), _phone),
            choice(_("Hình thức đăng ký"), "channel"),
            Column(_("Gian hàng quan tâm"), _booths),
            Column(_("Đến phiên lúc"), "checked_in_at"),
            Column(_("Nhu cầu ghi nhận tại phiên"), _interests),
        ]


#
# One fair's booths
#
def _vacancy_lines(booth: FairBooth) -> str:
    return "; ".join(f"{v.title} ({v.positions_count})" for v in booth.vacancies.all())


class BoothExporter(Exporter):
    """The booths of one fair: number, employer, contact, the vacancies recruited there and their positions."""

    filename = "gian-hang-phien"

    def prepare(self, rows: Any) -> Any:
        vacancies = Vacancy.objects.only("pk", "title", "positions_count").order_by("title", "pk")
        return rows.select_related("employer").prefetch_related(Prefetch("vacancies", queryset=vacancies))

    def columns(self) -> list[Column]:
        return [
            Column(_("Số gian hàng"), "number"),
            Column(_("Người sử dụng lao động"), "employer.name"),
            Column(_("Người liên hệ"), "contact_name"),
            Column(_("Điện thoại liên hệ"), "contact_phone"),
            Column(_("Việc làm tuyển tại phiên (chỉ tiêu)"), _vacancy_lines),
            Column(_("Tổng chỉ tiêu"), lambda booth: sum(v.positions_count for v in booth.vacancies.all())),
            Column(_("Đường dẫn phỏng vấn trực tuyến"), "meeting_link"),
        ]


#
# The outcome report
#
def report_xlsx(*, heading: Sequence[tuple[str, str]], rows: Sequence[tuple[str, int]], line: str) -> bytes:
    """The report as a two-column sheet: what the report covers (`heading`), then each line of the screen with its
    number (real number cells), then the sentence of the centres' reports."""
    columns = [Column(_("Nội dung"), lambda row: row[0]), Column(_("Số liệu"), lambda row: row[1])]
    data: list[tuple[str, Any]] = [(str(label), value) for label, value in heading]
    data += [(str(label), value) for label, value in rows]
    data.append((gettext("Tóm tắt"), line))
    return xlsx_bytes(columns, data, gettext("Báo cáo phiên"))
