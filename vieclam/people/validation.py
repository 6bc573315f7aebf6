"""Field checks shared by the person and household services; each error names its field."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from vieclam.accounts.scoping import scope_for
from vieclam.codelists.models import CodeItem
from vieclam.places.resolve import commune_resolve

# Person field -> TT 11/2022 code list whose item codes it holds.
CODED_FIELDS = {
    "education_level": "education-levels",
    "technical_level": "technical-qualification-levels",
    "activity_status": "economic-activity-statuses",
    "employment_status": "employment-statuses",
    "contract_type": "contract-types",
    "workplace_type": "workplace-types",
    "unemployment_duration": "unemployment-durations",
}


class Errors(dict):
    """{field: [messages]} collected over a whole input, so the user sees every problem at once."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)


def resolve_commune(*, field: str, code: str, actor, errors: Errors, warnings: list[str], on: dt.date):
    """A commune in force on `on` (places.resolve: an old code is mapped and warned about) inside the actor's scope."""
    try:
        unit, note = commune_resolve(code, on=on)
    except ValidationError as exc:
        for message in exc.messages:
            errors.add(field, message)
        return None
    if not scope_for(actor).covers_unit(unit):
        errors.add(field, _("{name} nằm ngoài địa bàn bạn phụ trách.").format(name=unit.name))
        return None
    if note:
        warnings.append(note)
    return unit


def check_coded(data: dict, errors: Errors) -> None:
    for field, slug in CODED_FIELDS.items():
        code = data.get(field)
        if code and not CodeItem.objects.filter(code_list__slug=slug, code=code).exists():
            errors.add(field, _("Mã '{code}' không có trong danh mục {slug}.").format(code=code, slug=slug))
    for code in data.get("priority_groups") or []:
        if not CodeItem.objects.filter(code_list__slug="priority-groups", code=code).exists():
            errors.add("priority_groups", _("Mã '{code}' không có trong danh mục đối tượng ưu tiên.").format(code=code))
