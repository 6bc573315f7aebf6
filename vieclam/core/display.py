"""Words for stored values: (model, field, stored value) → what a person reads.

Used by the history column, the audit page and the labour-event log, and by detail pages for coded fields.
It works from Django model meta only (core imports no app of the project):

- a field's label is its verbose_name;
- a value with choices shows the choice label; a foreign key shows the related object's name;
- dates read dd/mm/yyyy, date-times dd/mm/yyyy hh:mm, booleans Có/Không;
- a field holding item codes of a national code list (a CharField or a JSON list) shows the item names: the app
  that owns the model says which list with `register_coded_fields`, and the code-list app gives the names with
  `register_code_labels` (both in their AppConfig.ready);
- a foreign key (or many-to-many) that the owning app audits by the related object's code rather than its id
  (a tax code, a commune code: stable across databases) is declared with `register_audited_keys`, so the history
  looks the object up by that code and shows its name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext as _

__all__ = (
    "EMPTY",
    "AuditedKey",
    "Labeller",
    "field_label",
    "object_label",
    "register_audited_keys",
    "register_code_labels",
    "register_coded_fields",
    "value_label",
)

EMPTY = "—"
# Attributes that name a related object, in order of preference (its __str__ may carry a code).
NAME_ATTRS = ("name", "display_name", "name_vi", "full_name", "title")

_coded: dict[tuple[str, str], str] = {}
_code_labels: list[Callable[[str, Iterable[str]], dict[str, str]]] = []


@dataclass(frozen=True)
class AuditedKey:
    """How the audit trail names a related object: by its attribute `attr` (a code, a tax code) instead of its id.

    `within` narrows the candidates when the attribute is unique only inside a group (an item code inside its code
    list); where it still repeats (a commune code in both editions) the related model's ordering picks the first.
    """

    attr: str
    within: dict[str, str] = dataclass_field(default_factory=dict)


_audited: dict[tuple[str, str], AuditedKey] = {}


def register_coded_fields(model: type[models.Model], fields: dict[str, str]) -> None:
    """Declare that `model.<field>` stores item codes of the code list `fields[field]` (e.g. a slug)."""
    for name, code_list in fields.items():
        _coded[(model._meta.label_lower, name)] = code_list


def register_audited_keys(model: type[models.Model], fields: dict[str, str | AuditedKey]) -> None:
    """Declare that the audit trail of `model` records the relation `field` by the related object's `fields[field]`
    (an attribute name, or an AuditedKey) rather than by its id."""
    for name, key in fields.items():
        _audited[(model._meta.label_lower, name)] = key if isinstance(key, AuditedKey) else AuditedKey(key)


def register_code_labels(lookup: Callable[[str, Iterable[str]], dict[str, str]]) -> None:
    """`lookup(code_list, codes)` → {code: name in the active language} for the codes it knows."""
    _code_labels[:] = [lookup]


def field_label(model: type[models.Model], name: str) -> str:
    field = _field(model, name)
    if field is None:
        return capfirst(name.replace("_", " "))
    return capfirst(str(field.verbose_name))


def value_label(model: type[models.Model], name: str, value) -> str:
    return Labeller().value(model, name, value)


class Labeller:
    """Labels values; remembers the related objects and the code names it has read, so a history table costs one
    query per object and per code list, however many rows name them (`prefetch` reads a whole history's codes at
    once)."""

    def __init__(self) -> None:
        self._objects: dict[tuple[type[models.Model], int, str], str] = {}
        self._codes: dict[str, dict[str, str]] = {}  # code list → {code: name}

    def prefetch(self, model: type[models.Model], snapshots: Iterable[dict]) -> None:
        """Read the names of every coded value in these snapshots ({field: value}), one query per code list."""
        wanted: dict[str, set[str]] = {}
        for values in snapshots:
            for name, value in (values or {}).items():
                coded = _coded.get((model._meta.label_lower, _field_name(model, name)))
                if coded and value not in (None, "", [], {}):
                    wanted.setdefault(coded, set()).update(_codes_of(value))
        for code_list, codes in wanted.items():
            self._code_names(code_list, codes)

    def value(self, model: type[models.Model], name: str, value) -> str:
        if value is None or value == "" or value == [] or value == {}:
            return EMPTY
        coded = _coded.get((model._meta.label_lower, _field_name(model, name)))
        if coded:
            codes = _codes_of(value)
            names = self._code_names(coded, codes)
            return "; ".join(names[code] for code in codes)
        field = _field(model, name)
        if field is None:
            return _plain(value)
        if field.choices:
            return _choice_label(field, value)
        if field.is_relation and field.related_model is not None:
            key = _audited.get((model._meta.label_lower, field.name))
            if isinstance(value, list):
                return "; ".join(self._related(field.related_model, v, key) for v in value)
            return self._related(field.related_model, value, key)
        return _typed(field, value)

    def changes(self, model: type[models.Model], changes: dict) -> list[tuple[str, str, str]]:
        """An audit diff {field: [old, new]} as rows (field label, old label, new label)."""
        rows = []
        for name, pair in (changes or {}).items():
            old, new = pair if isinstance(pair, list | tuple) and len(pair) == 2 else (None, pair)
            rows.append((field_label(model, name), self.value(model, name, old), self.value(model, name, new)))
        return rows

    def values(self, model: type[models.Model], values: dict, *, skip_empty: bool = True) -> list[tuple[str, str]]:
        """A snapshot {field: value} as rows (field label, value label)."""
        return [
            (field_label(model, name), self.value(model, name, value))
            for name, value in (values or {}).items()
            if not (skip_empty and value in (None, "", []))
        ]

    def _code_names(self, code_list: str, codes: Iterable[str]) -> dict[str, str]:
        known = self._codes.setdefault(code_list, {})
        missing = [code for code in codes if code not in known]
        if missing:
            found = _code_labels[0](code_list, missing) if _code_labels else {}
            known.update({code: found.get(code, code) for code in missing})
        return known

    def _related(self, related: type[models.Model], value, key: AuditedKey | None = None) -> str:
        cache_key = (related, id(key), str(value))  # keys live for the process (registered once)
        if cache_key not in self._objects:
            self._objects[cache_key] = _object_name(related, value, key)
        return self._objects[cache_key]


def _field(model: type[models.Model], name: str) -> models.Field | None:
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _field_name(model: type[models.Model], name: str) -> str:
    field = _field(model, name)
    return field.name if field is not None else name


def _choice_label(field: models.Field, value) -> str:
    if isinstance(value, list):
        return "; ".join(_choice_label(field, v) for v in value)
    labels = {str(k): v for k, v in field.flatchoices}
    return str(labels.get(str(value), value))


def _codes_of(value) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _object_name(related: type[models.Model], value, key: AuditedKey | None = None) -> str:
    lookup = {key.attr: value, **key.within} if key else {"pk": value}
    try:
        obj = related._default_manager.filter(**lookup).first()
    except (ValueError, TypeError, ValidationError):
        obj = None  # not a key: an older snapshot stored a name (e.g. a username)
    return str(value) if obj is None else object_label(obj)


def object_label(obj: models.Model | None) -> str:
    """A related object's name: its display name or name where it has one (its __str__ may carry a code)."""
    if obj is None:
        return EMPTY
    for attr in NAME_ATTRS:
        name = getattr(obj, attr, None)
        if name and isinstance(name, str):
            return name
    return str(obj)


def _typed(field: models.Field, value) -> str:
    if isinstance(field, models.BooleanField):
        return _("Có") if value else _("Không")
    if isinstance(field, models.DateTimeField):
        return _datetime(value)
    if isinstance(field, models.DateField):
        return _date(value)
    if isinstance(field, models.DecimalField | models.FloatField | models.IntegerField) and _is_amount(field):
        return formats.number_format(value, use_l10n=True)
    return _plain(value)


def _is_amount(field: models.Field) -> bool:
    """Money and counts take thousands separators; years, codes and numbers that name things never do."""
    return not any(part in field.name for part in ("year", "code", "number", "_id"))


def _date(value) -> str:
    day = value if isinstance(value, dt.date) else parse_date(str(value)[:10])
    return formats.date_format(day, "SHORT_DATE_FORMAT") if day else str(value)


def _datetime(value) -> str:
    moment = value if isinstance(value, dt.datetime) else parse_datetime(str(value))
    if moment is None:
        return _date(value)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "SHORT_DATETIME_FORMAT")


def _plain(value) -> str:
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, list):
        return "; ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(_plain(v) for v in value.values() if v not in (None, "", []))
    return str(value)
