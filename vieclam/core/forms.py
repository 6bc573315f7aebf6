"""One form-styling helper for every registry form and list filter: Bootstrap 5 classes on each widget.

Forms inherit `StyledFormMixin` (first in the bases); a FilterSet's form, built by django-filter, goes through
`style_form()`. Styling happens when a field is rendered, so fields added in a form's `__init__` are styled too.
"""

from __future__ import annotations

from django import forms

__all__ = ("StyledFormMixin", "style_form", "style_widget")

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


class StyledFormMixin:
    """Every rendered field gets its Bootstrap class: `class MyForm(StyledFormMixin, forms.Form)`."""

    def __getitem__(self, name: str):
        bound = super().__getitem__(name)  # type: ignore[misc]
        style_widget(bound.field.widget)
        return bound
