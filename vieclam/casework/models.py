"""Employment-service case work: individual counselling, group sessions (hội nghị tư vấn) and caseloads.

Counting (selectors.counselling_counts): "lượt" are attendances (each individual session, plus each group
session's head count); "người" are distinct persons (the persons of individual sessions and the named attendees
of group sessions). Writes go through casework.services, which check the actor's area and record an audit event.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from vieclam.casework.choices import CHANNELS_LIST, TOPICS_LIST, UNIT_KINDS_LIST
from vieclam.core.models import TimeStampedModel
from vieclam.places.choices import Level

__all__ = ("CaseAssignment", "CounsellingSession", "GroupAttendance", "GroupSession")


class CounsellingSession(TimeStampedModel):
    """One counselling of one person by a counsellor on a day: topics, channel, outcome and the next step."""

    person = models.ForeignKey(
        "people.Person", verbose_name=_("người lao động"), on_delete=models.PROTECT, related_name="counselling_sessions"
    )
    held_on = models.DateField(_("ngày tư vấn"))
    topics = models.ManyToManyField(
        "codelists.CodeItem",
        verbose_name=_("nội dung tư vấn"),
        related_name="+",
        limit_choices_to={"code_list__slug": TOPICS_LIST},
    )
    channel = models.ForeignKey(
        "codelists.CodeItem",
        verbose_name=_("hình thức tư vấn"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"code_list__slug": CHANNELS_LIST},
    )
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("tư vấn viên"), on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(_("kết quả"), max_length=300, blank=True)
    next_step = models.CharField(_("bước tiếp theo"), max_length=300, blank=True)
    next_action_on = models.DateField(_("ngày hẹn tiếp theo"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    # Scoping (accounts.scoping): staff see the sessions of people living in their areas.
    area_path = "person__residence_commune"

    class Meta:
        verbose_name = _("buổi tư vấn")
        verbose_name_plural = _("buổi tư vấn")
        ordering = ["-held_on", "-pk"]
        indexes = [
            models.Index(fields=["person", "held_on"], name="casework_session_person_date"),  # timeline, record
            models.Index(fields=["held_on", "id"], name="casework_session_list_order"),  # the list's order
            models.Index(fields=["counsellor", "held_on"], name="casework_session_counsellor"),
        ]

    def __str__(self) -> str:
        return f"{self.person.full_name} – {self.held_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("casework:session_detail", args=[self.pk])


class GroupSession(TimeStampedModel):
    """A group counselling or information session (hội nghị tư vấn, tuyên truyền) at a commune or a unit.

    `headcount` is the number of attendances (lượt) reported; `attendees` are the persons known by name, never
    more than the head count (checked by casework.services).
    """

    held_on = models.DateField(_("ngày tổ chức"))
    commune = models.ForeignKey(
        "places.AdministrativeUnit",
        verbose_name=_("xã, phường, đặc khu"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Level.COMMUNE},
    )
    unit_kind = models.ForeignKey(
        "codelists.CodeItem",
        verbose_name=_("nơi tổ chức"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"code_list__slug": UNIT_KINDS_LIST},
    )
    unit_name = models.CharField(_("tên đơn vị"), max_length=255, blank=True)
    topics = models.ManyToManyField(
        "codelists.CodeItem",
        verbose_name=_("nội dung tư vấn"),
        related_name="+",
        limit_choices_to={"code_list__slug": TOPICS_LIST},
    )
    headcount = models.PositiveIntegerField(_("số lượt tham dự"), default=0)
    attendees = models.ManyToManyField(
        "people.Person",
        verbose_name=_("người tham dự có tên"),
        through="GroupAttendance",
        related_name="group_sessions",
        blank=True,
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("ghi chú"), blank=True)

    area_path = "commune"

    class Meta:
        verbose_name = _("hội nghị tư vấn")
        verbose_name_plural = _("hội nghị tư vấn")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(headcount__gte=0), name="casework_group_headcount_not_negative"),
        ]
        indexes = [
            models.Index(fields=["held_on", "id"], name="casework_group_list_order"),
            models.Index(fields=["commune", "held_on"], name="casework_group_commune_date"),
        ]

    def __str__(self) -> str:
        return f"{self.unit_name or self.commune.name} – {self.held_on:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return reverse("casework:group_detail", args=[self.pk])


class GroupAttendance(models.Model):
    """A person known by name to have attended a group session. `held_on` repeats the session's date so that a
    person's attendances are read newest first from one index (the timeline, the service record)."""

    session = models.ForeignKey(GroupSession, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField(_("ngày tổ chức"))

    area_path = "person__residence_commune"

    class Meta:
        verbose_name = _("người tham dự")
        verbose_name_plural = _("người tham dự")
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="casework_attendance_unique_person"),
        ]
        indexes = [models.Index(fields=["person", "held_on"], name="casework_attend_person_date")]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.session_id}"


class CaseAssignment(TimeStampedModel):
    """A person in a counsellor's caseload, with the next action and its date (one counsellor per person)."""

    person = models.OneToOneField(
        "people.Person", verbose_name=_("người lao động"), on_delete=models.PROTECT, related_name="case_assignment"
    )
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("tư vấn viên phụ trách"), on_delete=models.PROTECT, related_name="+"
    )
    assigned_on = models.DateField(_("ngày giao"))
    next_action_on = models.DateField(_("ngày hẹn tiếp theo"), null=True, blank=True)
    next_action = models.CharField(_("việc tiếp theo"), max_length=300, blank=True)

    area_path = "person__residence_commune"

    class Meta:
        verbose_name = _("phân công tư vấn viên")
        verbose_name_plural = _("phân công tư vấn viên")
        ordering = ["next_action_on", "pk"]
        indexes = [
            # "Danh sách của tôi": a counsellor's caseload by next-action date (overdue first).
            models.Index(fields=["counsellor", "next_action_on", "id"], name="casework_case_counsellor_next"),
            models.Index(fields=["assigned_on", "id"], name="casework_case_list_order"),
        ]

    def __str__(self) -> str:
        return f"{self.person.full_name} → {self.counsellor}"

    def get_absolute_url(self) -> str:
        return reverse("casework:case_detail", args=[self.pk])
