"""Widgets that let people type what they know: a day as dd/mm/yyyy, money as "7 triệu", a name instead of an id.

A picker is a text box showing a label and a hidden input carrying the value (a code or an id). Typing asks the
picker's endpoint (HTMX, vendored) for up to a few options; clicking one, or choosing it with the arrow keys and
Enter (static/js/picker.js, an ARIA combobox), fills both inputs; Escape closes the list. A form sent back with
errors shows the label as it was typed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

__all__ = (
    "DATE_PATTERN",
    "DateInput",
    "MoneyInput",
    "Option",
    "Picked",
    "PickerWidget",
    "picker_query",
    "picker_response",
)

DATE_PATTERN = r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{2}-\d{2}"
PICKER_QUERY_MAX = 100
_TARGET = re.compile(r"^[A-Za-z0-9_\-]{1,100}$")


class DateInput(forms.DateInput):
    """A text box for dd/mm/yyyy whatever the browser's locale (a type=date box shows mm/dd/yyyy in en-US)."""

    def __init__(self, attrs=None) -> None:
        defaults = {"placeholder": "dd/mm/yyyy", "pattern": DATE_PATTERN, "inputmode": "numeric", "autocomplete": "off"}
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d/%m/%Y")


class MoneyInput(forms.TextInput):
    """A text box for an amount of đồng: "7.000.000", "7 triệu", "7tr" (a number box refuses the dots)."""

    def __init__(self, attrs=None) -> None:
        defaults = {"placeholder": _("ví dụ 7.000.000 hoặc 7 triệu"), "autocomplete": "off", "maxlength": 30}
        super().__init__(attrs={**defaults, **(attrs or {})})


@dataclass(frozen=True)
class Picked:
    """What a picker posted: the hidden value (may be empty when nothing was chosen) and the typed label."""

    value: str
    label: str

    def __bool__(self) -> bool:
        return bool(self.value or self.label)


@dataclass(frozen=True)
class Option:
    """One row of a picker's list: the value posted, the label shown in the box, a grey note after it."""

    value: str
    label: str
    note: str = ""


class PickerWidget(forms.Widget):
    """A label text box + a hidden value + the HTMX option list. `label_for(value)` gives an initial's label."""

    def __init__(self, *, url_name: str = "", label_for=None, attrs=None) -> None:
        super().__init__(attrs)
        self.url_name = url_name
        self.label_for = label_for
        self.url_params: dict[str, str] = {}

    def value_from_datadict(self, data, files, name) -> Picked:
        return Picked(str(data.get(name, "")).strip(), str(data.get(f"{name}_label", "")).strip())

    def value_omitted_from_data(self, data, files, name) -> bool:
        return name not in data and f"{name}_label" not in data

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_label" if id_ else id_

    def format_value(self, value) -> Picked:
        if isinstance(value, Picked):
            return value
        if value in (None, ""):
            return Picked("", "")
        if self.label_for is not None:
            return self.label_for(value)
        return Picked(str(value), str(value))

    def render(self, name, value, attrs=None, renderer=None):
        picked = self.format_value(value)
        attrs = self.build_attrs(self.attrs, attrs)
        id_ = attrs.pop("id", f"id_{name}")
        css = attrs.pop("class", "form-control form-control-sm")
        placeholder = attrs.pop("placeholder", _("Gõ vài chữ rồi chọn…"))
        url = reverse(self.url_name) if self.url_name else ""
        vals = json.dumps({"target": id_, **self.url_params})
        return format_html(
            '<div class="picker position-relative">'
            '<input type="hidden" name="{name}" id="{id}" value="{value}">'
            '<input type="text" name="{name}_label" id="{id}_label" value="{label}" class="{css}" autocomplete="off"'
            ' placeholder="{placeholder}" role="combobox" aria-autocomplete="list" aria-controls="{id}_options"'
            ' aria-expanded="false" data-picker-value="{id}"'
            ' hx-get="{url}" hx-trigger="input changed delay:250ms, focus" hx-target="#{id}_options" hx-vals="{vals}"'
            " oninput=\"document.getElementById('{id}').value=''\"{required}>"
            '<div id="{id}_options" class="list-group position-absolute w-100 shadow-sm picker-options"'
            ' role="listbox" aria-label="{list_label}" style="z-index: 1050"></div></div>',
            name=name,
            id=id_,
            value=picked.value,
            label=picked.label,
            css=css,
            placeholder=placeholder,
            url=url,
            vals=vals,
            list_label=_("Gợi ý"),
            required=mark_safe(" required") if attrs.get("required") else "",
        )


def picker_response(request, options: list[Option], *, query: str):
    """The option list fragment a picker's endpoint answers with (nothing before anything is typed); `target` is
    the picker's hidden input id."""
    if not query:
        return HttpResponse("")
    target = request.GET.get("target", "")
    if not _TARGET.match(target):
        target = ""
    return render(request, "includes/picker_options.html", {"options": options, "target": target})


def picker_query(request) -> str:
    """What was typed in a picker: its `<name>_label` parameter, or `q`."""
    for key, value in request.GET.items():
        if key.endswith("_label"):
            return value.strip()[:PICKER_QUERY_MAX]
    return request.GET.get("q", "").strip()[:PICKER_QUERY_MAX]
