"""Forms of case work: they parse input (pickers, dd/mm/yyyy dates, items chosen by name); casework.services
checks every rule and its errors go back on the matching field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.casework import selectors
from vieclam.core.fields import DateField
from vieclam.core.forms import StyledFormMixin
from vieclam.people.forms import PersonPickerField
from vieclam.places.forms import CommunePickerField

__all__ = (
    "AttendeeForm",
    "CaseForm",
    "CountsForm",
    "CounsellorField",
    "GroupSessionForm",
    "ItemField",
    "SessionForm",
    "TopicsField",
)


class ItemField(forms.ModelChoiceField):
    """A code-list item chosen by name, posted by its code."""

    def __init__(self, queryset, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("empty_label", "—")
        kwargs.setdefault("error_messages", {"invalid_choice": _("Không có mục “%(value)s”: chọn trong danh sách.")})
        super().__init__(queryset=queryset, **kwargs)

    def label_from_instance(self, obj) -> str:
        return obj.name


class TopicsField(forms.ModelMultipleChoiceField):
    """Counselling topics as boxes to tick, posted by their codes."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Nội dung tư vấn: chọn ít nhất một nội dung."),
                "invalid_choice": _("Nội dung tư vấn: không có mục “%(value)s”."),
                "invalid_pk_value": _("Nội dung tư vấn: không có mục “%(pk)s”."),
            },
        )
        super().__init__(queryset=selectors.topic_list(), **kwargs)

    def label_from_instance(self, obj) -> str:
        return obj.name


class CounsellorField(forms.ModelChoiceField):
    """A counsellor or officer working in the viewer's areas, by name; posted by username."""

    def __init__(self, queryset=None, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "username")
        kwargs.setdefault("error_messages", {"invalid_choice": _("Tư vấn viên: không có người “%(value)s”.")})
        if queryset is None:
            queryset = selectors.counsellor_choices(viewer=None)
        super().__init__(queryset=queryset, **kwargs)

    def for_viewer(self, viewer) -> None:
        self.queryset = selectors.counsellor_choices(viewer=viewer)

    def label_from_instance(self, obj) -> str:
        return str(obj)


def _textarea() -> forms.Textarea:
    return forms.Textarea(attrs={"rows": 3})


class _ViewerForm(StyledFormMixin, forms.Form):
    """Pickers and user lists follow the viewer's areas; code lists are re-read per form (today's items)."""

    def __init__(self, *args, viewer=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if hasattr(field, "for_viewer"):
                field.for_viewer(viewer)
        if "topics" in self.fields:
            self.fields["topics"].queryset = selectors.topic_list()

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data if name in self.cleaned_data}


class SessionForm(_ViewerForm):
    person = PersonPickerField(label=_("Người lao động"), help_text=_("Gõ số CCCD hoặc họ tên."))
    held_on = DateField(label=_("Ngày tư vấn"))
    channel = ItemField(selectors.channel_list(), label=_("Hình thức tư vấn"))
    topics = TopicsField(label=_("Nội dung tư vấn"))
    counsellor = CounsellorField(label=_("Tư vấn viên"), required=False, help_text=_("Để trống: chính bạn."))
    outcome = forms.CharField(label=_("Kết quả"), max_length=300, required=False)
    next_step = forms.CharField(label=_("Bước tiếp theo"), max_length=300, required=False)
    next_action_on = DateField(label=_("Ngày hẹn tiếp theo"), required=False)
    note = forms.CharField(label=_("Ghi chú"), widget=_textarea(), required=False, max_length=5000)

    def __init__(self, *args, session=None, **kwargs) -> None:
        if session is not None:
            kwargs.setdefault("initial", self.initial_for(session))
        super().__init__(*args, **kwargs)
        self.fields["channel"].queryset = selectors.channel_list()
        if session is not None:
            del self.fields["person"]  # a session with someone else is another session

    @staticmethod
    def initial_for(session) -> dict:
        return {
            "held_on": session.held_on,
            "channel": session.channel.code,
            "topics": [item.code for item in session.topics.all()],
            "counsellor": session.counsellor.username,
            "outcome": session.outcome,
            "next_step": session.next_step,
            "next_action_on": session.next_action_on,
            "note": session.note,
        }

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        if not data.get("counsellor"):
            data.pop("counsellor", None)
        return data


class GroupSessionForm(_ViewerForm):
    held_on = DateField(label=_("Ngày tổ chức"))
    commune = CommunePickerField(
        label=_("Xã, phường, đặc khu"), help_text=_("Nơi tổ chức; gõ tên (có dấu hoặc không).")
    )
    unit_kind = ItemField(selectors.unit_kind_list(), label=_("Nơi tổ chức"))
    unit_name = forms.CharField(label=_("Tên đơn vị"), max_length=255, required=False)
    topics = TopicsField(label=_("Nội dung tư vấn"))
    headcount = forms.IntegerField(
        label=_("Số lượt tham dự"),
        error_messages={"invalid": _("Số lượt tham dự: nhập một số nguyên.")},
        help_text=_("Tổng số lượt người tham dự; người có tên thêm ở trang hội nghị."),
    )
    note = forms.CharField(label=_("Ghi chú"), widget=_textarea(), required=False, max_length=5000)

    def __init__(self, *args, group=None, viewer=None, **kwargs) -> None:
        if group is not None:
            kwargs.setdefault("initial", self.initial_for(group))
        super().__init__(*args, viewer=viewer, **kwargs)
        self.fields["unit_kind"].queryset = selectors.unit_kind_list()
        scope = scope_for(viewer)
        self.fields["commune"].limit_to(None if scope.unrestricted else scope.units_q())

    @staticmethod
    def initial_for(group) -> dict:
        return {
            "held_on": group.held_on,
            "commune": group.commune.code,
            "unit_kind": group.unit_kind.code,
            "unit_name": group.unit_name,
            "topics": [item.code for item in group.topics.all()],
            "headcount": group.headcount,
            "note": group.note,
        }


class AttendeeForm(_ViewerForm):
    person = PersonPickerField(label=_("Người tham dự"), help_text=_("Gõ số CCCD hoặc họ tên."))


class CaseForm(_ViewerForm):
    person = PersonPickerField(label=_("Người lao động"), help_text=_("Gõ số CCCD hoặc họ tên."))
    counsellor = CounsellorField(label=_("Tư vấn viên phụ trách"))
    assigned_on = DateField(label=_("Ngày giao"), required=False, help_text=_("Để trống: hôm nay."))
    next_action_on = DateField(label=_("Ngày hẹn tiếp theo"), required=False)
    next_action = forms.CharField(label=_("Việc tiếp theo"), max_length=300, required=False)

    def __init__(self, *args, case=None, **kwargs) -> None:
        if case is not None:
            kwargs.setdefault(
                "initial",
                {
                    "counsellor": case.counsellor.username,
                    "assigned_on": case.assigned_on,
                    "next_action_on": case.next_action_on,
                    "next_action": case.next_action,
                },
            )
        super().__init__(*args, **kwargs)
        if case is not None:
            del self.fields["person"]

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        if not data.get("assigned_on"):
            data.pop("assigned_on", None)
        return data


class CountsForm(StyledFormMixin, forms.Form):
    date_from = DateField(label=_("Từ ngày"))
    date_to = DateField(label=_("Đến ngày"))

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("Đến ngày: phải từ “Từ ngày” trở đi."))
        return data
