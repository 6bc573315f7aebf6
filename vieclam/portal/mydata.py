""" "Dữ liệu của tôi": everything the system holds on a worker, for the page and its JSON and Excel downloads.

Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (in force 1/1/2026) gives a person the right to see and obtain the data
held on them and to know who processed it. `my_data()` gathers, through the worker's own scope (Person.account):
their person record, household, job-seeker profiles, applications and what happened to them, labour-market
events, consents, and the audit trail of their records — who opened them (the read audit) and who changed them.
Every value is in words (core.display), as on the officers' pages; the worker's own CCCD is shown in full.

Other members of the household are not listed: their data is theirs.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from vieclam.accounts.scoping import scope_queryset
from vieclam.applications.models import Application, ApplicationEvent
from vieclam.applications.selectors import own_record_shown
from vieclam.core.audit import snapshot
from vieclam.core.choices import AuditAction
from vieclam.core.display import EMPTY, Labeller, field_label
from vieclam.core.exports import CELL_MAX, neutralise
from vieclam.core.models import AuditEvent
from vieclam.core.privacy import IDENTIFIER_FIELDS
from vieclam.core.text import clean_text
from vieclam.people.consents import consent_history
from vieclam.people.models import LabourEvent, Person
from vieclam.seekers.choices import LanguageLevel, RecruitmentMode
from vieclam.seekers.models import JobSeekerProfile

__all__ = ("MyData", "Section", "my_data", "my_data_json", "my_data_pdf", "my_data_xlsx")

SKIPPED = {"id", "person", "account", "search_text"}  # keys and internal copies, not data about the person


@dataclass
class Section:
    """One kind of record: its title and its records, each a list of (label, value in words)."""

    key: str
    title: str | Promise
    records: list[list[tuple[str, str]]] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        """Every label of the section's records, in first-seen order (the columns of its sheet)."""
        return list(dict.fromkeys(label for record in self.records for label, _value in record))

    @property
    def rows(self) -> list[list[str]]:
        """The records as rows under `labels` ("" where a record has no such value)."""
        labels = self.labels
        return [[dict(record).get(label, "") for label in labels] for record in self.records]

    @property
    def single(self) -> bool:
        """One record read top to bottom (the person, the household) rather than a table."""
        return self.key in ("person", "household")


@dataclass
class MyData:
    person: Person | None
    sections: list[Section]
    made_at: dt.datetime


def my_data(*, viewer) -> MyData:
    """What the system holds on the signed-in worker (empty sections when the account has no person record)."""
    person = scope_queryset(Person.objects.select_related("household"), viewer).filter(account=viewer).first()
    person = own_record_shown(person)
    words = Labeller()
    sections = [
        Section("person", gettext_lazy("Hồ sơ người lao động")),
        Section("household", gettext_lazy("Hộ gia đình")),
        Section("profiles", gettext_lazy("Hồ sơ tìm việc")),
        Section("applications", gettext_lazy("Đơn ứng tuyển")),
        Section("application_events", gettext_lazy("Diễn biến đơn ứng tuyển")),
        Section("labour_events", gettext_lazy("Biến động lao động")),
        Section("fair_registrations", gettext_lazy("Phiên giao dịch việc làm")),
        Section("consents", gettext_lazy("Sự đồng ý")),
        Section("reads", gettext_lazy("Ai đã xem hồ sơ của tôi")),
        Section("changes", gettext_lazy("Ai đã thay đổi hồ sơ của tôi")),
    ]
    if person is not None:
        by_key = {section.key: section for section in sections}
        by_key["person"].records = [_record(words, person)]
        if person.household is not None:
            by_key["household"].records = [_record(words, person.household)]
        profiles = list(JobSeekerProfile.objects.filter(person=person).order_by("-registered_on", "-pk"))
        by_key["profiles"].records = [_record(words, profile) for profile in profiles]
        applications = list(Application.objects.filter(person=person).select_related("vacancy").order_by("-pk"))
        by_key["applications"].records = [_record(words, application) for application in applications]
        events = ApplicationEvent.objects.filter(application__person=person).select_related("application__vacancy")
        by_key["application_events"].records = [
            [(_("Việc làm"), event.application.vacancy.title), *_record(words, event, skip={"actor", "application"})]
            for event in events.order_by("at", "pk")
        ]
        by_key["labour_events"].records = [_labour_event(words, event) for event in person.events.all()]
        by_key["fair_registrations"].records = _fair_registrations(words, person)
        by_key["consents"].records = [_record(words, consent) for consent in consent_history(person=person)]
        reads, changes = _audit(words, person, profiles, applications)
        by_key["reads"].records, by_key["changes"].records = reads, changes
    return MyData(person=person, sections=sections, made_at=timezone.now())


def _fair_registrations(words: Labeller, person: Person) -> list[list[tuple[str, str]]]:
    """The job fairs the person registered for (fairs app), in words: fair, day, venue, channel, check-in."""
    from vieclam.fairs.models import Fair, FairRegistration

    rows = FairRegistration.objects.filter(person=person).select_related("fair__commune").order_by("-fair__held_on")
    records = []
    for row in rows:
        fair = row.fair
        record = [
            (_("Phiên"), fair.name),
            (field_label(Fair, "held_on"), words.value(Fair, "held_on", snapshot(fair, ["held_on"])["held_on"])),
            (_("Địa điểm"), ", ".join(part for part in (fair.address, fair.commune.name) if part)),
            (field_label(FairRegistration, "channel"), row.get_channel_display()),
        ]
        if row.checked_in_at is not None:
            at = words.value(FairRegistration, "checked_in_at", snapshot(row, ["checked_in_at"])["checked_in_at"])
            record.append((field_label(FairRegistration, "checked_in_at"), at))
        records.append(record)
    return records


def _record(words: Labeller, instance: models.Model, skip: set[str] = frozenset()) -> list[tuple[str, str]]:
    """The record's fields in words: editable ones and when it was written (keys and internal copies left out)."""
    model = type(instance)
    names = [
        f.attname
        for f in instance._meta.concrete_fields
        if f.name not in SKIPPED | skip and (f.editable or f.name in ("created_at", "updated_at"))
    ]
    rows = []
    for name, value in snapshot(instance, names).items():
        if value in (None, "", [], {}):
            continue
        special = _SPECIAL.get((model, name))
        rows.append((field_label(model, name), special(value) if special else words.value(model, name, value)))
    return rows


def _choices(choices: type[models.TextChoices]):
    """A JSON list of choice values in words (the display of core.display knows the choices of plain fields only)."""
    labels = dict(choices.choices)
    return lambda values: "; ".join(str(labels.get(value, value)) for value in values)


def _languages(rows: list[dict]) -> str:
    levels = dict(LanguageLevel.choices)
    return "; ".join(f"{row.get('language', '')} ({levels.get(row.get('level'), '—')})" for row in rows)


def _event_data(data: dict) -> str:
    """What a status move recorded (interview time, contract, reason…), by the application's field labels."""
    return "; ".join(f"{label}: {value}" for label, value in Labeller().values(Application, data))


_SPECIAL = {
    (JobSeekerProfile, "recruitment_modes"): _choices(RecruitmentMode),
    (JobSeekerProfile, "languages"): _languages,
    (ApplicationEvent, "data"): _event_data,
}


def _labour_event(words: Labeller, event: LabourEvent) -> list[tuple[str, str]]:
    changed = _changed(words, Person, event.changes)
    label = {name: str(LabourEvent._meta.get_field(name).verbose_name) for name in ("effective", "kind", "changes")}
    return [
        (label["effective"], words.value(LabourEvent, "effective", event.effective)),
        (label["kind"], event.get_kind_display()),
        (label["changes"], changed),
    ]


def _audit(words: Labeller, person: Person, profiles, applications) -> tuple[list, list]:
    """(who opened the records, who changed them): audit events on the person, their profiles and applications."""
    targets = Q(content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk))
    for model, rows in ((JobSeekerProfile, profiles), (Application, applications)):
        if rows:
            targets |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=[str(r.pk) for r in rows])
    reads, changes = [], []
    for event in AuditEvent.objects.filter(targets).select_related("actor", "content_type").order_by("-at", "-pk"):
        who = _who(event)
        when = words.value(AuditEvent, "at", event.at)
        what = event.content_type.model_class()._meta.verbose_name if event.content_type.model_class() else ""
        if event.action == AuditAction.READ:
            reads.append([(_("Thời điểm"), when), (_("Người xem"), who), (_("Hồ sơ"), str(what)),
                          (_("Kênh"), event.get_channel_display())])  # fmt: skip
        else:
            changed = _changed(words, event.content_type.model_class(), event.changes)
            changes.append([(_("Thời điểm"), when), (_("Người thực hiện"), who), (_("Hồ sơ"), str(what)),
                            (_("Hành động"), event.get_action_display()), (_("Thay đổi"), changed)])  # fmt: skip
    return reads, changes


def _changed(words: Labeller, model, changes: dict) -> str:
    """'Field: new value; …' for the fields that were given a value. Identifiers (CCCD, tax code, insurance
    number) are shown once, in the record itself, not repeated through its history."""
    if model is None:
        return ""
    changes = {name: value for name, value in changes.items() if name not in IDENTIFIER_FIELDS}
    return "; ".join(f"{label}: {new}" for label, _old, new in words.changes(model, changes) if new != EMPTY)


def _who(event: AuditEvent) -> str:
    """The account that acted and its role, as staff accounts are named for the person to ask about."""
    actor = event.actor
    if actor is None:
        return event.actor_username or _("Hệ thống")
    name = actor.get_full_name() or actor.username
    return f"{name} ({actor.get_role_display()})"


#
# Downloads
#
def my_data_json(data: MyData) -> bytes:
    """All sections as JSON: {section title: [{label: value}, …]}, with the time it was made."""
    body = {
        _("Xuất lúc"): Labeller().value(AuditEvent, "at", data.made_at),
        **{str(section.title): [dict(record) for record in section.records] for section in data.sections},
    }
    return json.dumps(body, ensure_ascii=False, indent=2).encode()


def my_data_xlsx(data: MyData) -> bytes:
    """One sheet per section, a labelled bold header; text through the exports' formula guard."""
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for section in data.sections:
        sheet = book.create_sheet(title=str(section.title)[:31])
        labels = section.labels
        header = []
        for label in labels:
            cell = _cell(sheet, label)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in section.rows:
            sheet.append([neutralise(value)[:CELL_MAX] for value in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell(sheet, value):
    return WriteOnlyCell(sheet, value=neutralise(value))


# DejaVu Sans covers every Vietnamese letter; the PDF core fonts do not (core/fonts/SOURCES.md).
FONTS = Path(__file__).resolve().parent.parent / "core" / "fonts"


def my_data_pdf(data: MyData) -> bytes:
    """The same sections as a PDF to read or print: a record per block, each value under its label.

    A table of twenty columns does not fit a page, so every record is written top to bottom ("Label: value"), as
    the page shows the person's own record. Text is cleaned of control characters; a glyph the font lacks (an
    emoji) is left out rather than failing the download."""
    pdf = FPDF(format="A4")
    pdf.set_title(_("Dữ liệu của tôi"))
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    _pdf_line(pdf, _("Dữ liệu của tôi"), height=9)
    pdf.set_font("DejaVu", "", 9)
    made = Labeller().value(AuditEvent, "at", data.made_at)
    _pdf_line(pdf, f"{_('Xuất lúc')}: {made}")
    for section in data.sections:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 12)
        _pdf_line(pdf, f"{section.title} ({len(section.records)})", height=7)
        pdf.set_font("DejaVu", "", 9)
        if not section.records:
            _pdf_line(pdf, _("Không có."))
        for number, record in enumerate(section.records):
            if number:
                pdf.ln(2)
            for label, value in record:
                _pdf_line(pdf, f"{label[:1].upper()}{label[1:]}: {value}")
    return bytes(pdf.output())


def _pdf_line(pdf: FPDF, text: str, *, height: float = 5) -> None:
    pdf.multi_cell(0, height, clean_text(str(text), multiline=True), new_x="LMARGIN", new_y="NEXT")
