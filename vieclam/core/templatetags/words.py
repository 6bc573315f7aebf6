"""Template tags that show stored values as words (see core.display)."""

from __future__ import annotations

from django import template
from django.contrib.contenttypes.models import ContentType

from vieclam.core.display import Labeller, field_label, object_label, value_label
from vieclam.core.privacy import IDENTIFIER_FIELDS, mask_identifier, mask_text, masked_changes

register = template.Library()


@register.simple_tag
def audit_rows(events) -> list[tuple]:
    """[(event, [(field label, old, new), …]), …] for audit events of any models (one Labeller for all).

    Identifiers are masked (core.privacy, as the audit API does): a history shows who changed what, and the
    full values are on the record's own page. Masking comes after labelling, because a relation audited by an
    identifier (a vacancy's employer by tax code) is looked up by it and shown by name."""
    labeller = Labeller()
    rows = []
    for event in events:
        model = ContentType.objects.get_for_id(event.content_type_id).model_class()
        rows.append((event, _masked_rows(labeller, model, event.changes) if model else []))
    return rows


def _masked_rows(labeller: Labeller, model, changes) -> list[tuple[str, str, str]]:
    if not isinstance(changes, dict):
        return labeller.changes(model, masked_changes(changes))
    rows = []
    for name, pair in changes.items():
        mask = mask_identifier if name in IDENTIFIER_FIELDS else mask_text
        for label, old, new in labeller.changes(model, {name: pair}):
            rows.append((label, mask(old), mask(new)))
    return rows


@register.filter
def masked(text: str) -> str:
    """`text` with its long numbers (CCCDs, tax codes) masked: an audit event's object name."""
    return mask_text(text)


@register.simple_tag
def value_rows(instance, values: dict) -> list[tuple[str, str]]:
    """[(field label, value label), …] of a snapshot {field: value} of `instance`'s model (empty values left out)."""
    return Labeller().values(type(instance), values)


@register.simple_tag
def value_of(instance, name: str) -> str:
    """The current value of `instance.<name>` in words ('—' when empty)."""
    field = instance._meta.get_field(name)
    if field.many_to_one or field.one_to_one:
        return object_label(getattr(instance, name))
    raw = getattr(instance, field.attname)
    return value_label(type(instance), name, raw)


@register.filter
def label_of(instance, name: str) -> str:
    """The label of field `name` of `instance`'s model."""
    return field_label(type(instance), name)


@register.filter
def month_year(value) -> str:
    """'2020-01' (a stored year-month) → '01/2020'; anything else unchanged."""
    text = str(value or "")
    if len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit():
        return f"{text[5:]}/{text[:4]}"
    return text
