"""One form-styling helper for every registry form and list filter: Bootstrap 5 classes on each widget.

Forms inherit `StyledFormMixin` (first in the bases); a FilterSet's form, built by django-filter, goes through
`style_form()`. Styling happens when a field is rendered, so fields added in a form's `__init__` are styled too.

Every such form also drops control characters from what was typed before its fields are checked (`CleanTextMixin`,
core.text.clean_text): a text area keeps its line breaks and tabs, a one-line field turns them into spaces, and a
password is left exactly as typed.
"""

from __future__ import annotations

from django import forms

from vieclam.core.text import clean_text

__all__ = ("CleanTextMixin", "StyledFormMixin", "style_form", "style_widget")

# Widgets drawn as a list of boxes or hidden keep their own look.
UNSTYLED = (forms.CheckboxSelectMultiple, forms.RadioSelect, forms.HiddenInput)


def _css(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select form-select-sm"
    return "form-control form-control-sm"


def style_widget(widget: forms.Widget) -> None:
    """Add the widget's Bootstrap class once (a class already set by the form is kept)."""
    if isinstance(widget, UNSTYLED):
        return
    if isinstance(widget, forms.MultiWidget):
        for part in widget.widgets:
            style_widget(part)
        return
    css = _css(widget)
    classes = widget.attrs.get("class", "")
    if css.split()[0] not in classes.split():
        widget.attrs["class"] = f"{classes} {css}".strip()


def style_form(form: forms.BaseForm) -> forms.BaseForm:
    for field in form.fields.values():
        style_widget(field.widget)
    return form


class CleanTextMixin:
    """Control characters are dropped from the submitted data before the fields are checked, so the length and
    the other rules see the text that will be stored."""

    def full_clean(self) -> None:
        if self.is_bound:  # type: ignore[attr-defined]
            self.data = _cleaned(self)
        super().full_clean()  # type: ignore[misc]


def _cleaned(form):
    data = form.data.copy()
    lines = {form.add_prefix(name): _kind(field) for name, field in form.fields.items()}
    for key in list(data.keys()):
        kind = lines.get(key, "multi")  # a part of a multi-field widget (name_0…): lenient
        if kind == "raw":
            continue
        if hasattr(data, "getlist"):
            data.setlist(key, [_clean(value, kind) for value in data.getlist(key)])
        else:
            data[key] = _clean(data[key], kind)
    return data


def _kind(field: forms.Field) -> str:
    if isinstance(field.widget, forms.PasswordInput):
        return "raw"
    return "multi" if isinstance(field.widget, forms.Textarea) else "one"


def _clean(value, kind: str):
    return clean_text(value, multiline=kind == "multi") if isinstance(value, str) else value


class StyledFormMixin(CleanTextMixin):
    """Every rendered field gets its Bootstrap class: `class MyForm(StyledFormMixin, forms.Form)`."""

    def __getitem__(self, name: str):
        bound = super().__getitem__(name)  # type: ignore[misc]
        style_widget(bound.field.widget)
        return bound
