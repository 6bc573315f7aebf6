"""Disaggregations ("phân tổ"): how a count is split, and the words each group is shown with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db.models import Case, CharField, Q, Value, When
from django.db.models.functions import Substr
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vieclam.indicators.periods import Period

DIMENSIONS = {
    "sex": gettext_lazy("Giới tính"),
    "age_band": gettext_lazy("Nhóm tuổi"),
    "ethnic_minority": gettext_lazy("Dân tộc"),
    "priority_group": gettext_lazy("Đối tượng ưu tiên"),
    "poverty_class": gettext_lazy("Phân loại hộ"),
    "commune": gettext_lazy("Xã, phường"),
    "occupation_group": gettext_lazy("Nhóm nghề"),
    "channel": gettext_lazy("Kênh"),
}
AGE_BANDS = ((15, 24), (25, 34), (35, 44), (45, 54), (55, 64), (65, None))
KINH = "01"


def age_band(path: str) -> Callable[[Period], Case]:
    """Age on the period's last day, in the bands of the labour-force survey."""

    def expression(period: Period) -> Case:
        whens = []
        for low, high in AGE_BANDS:
            born_by = _years_before(period.end, low)
            q = Q(**{f"{path}__lte": born_by})
            if high is not None:
                q &= Q(**{f"{path}__gt": _years_before(period.end, high + 1)})
            whens.append(When(q, then=Value(f"{low}-{high}" if high else f"{low}+")))
        return Case(*whens, default=Value("_"), output_field=CharField())

    return expression


def ethnic_minority(path: str) -> Callable[[Period], Case]:
    def expression(period: Period) -> Case:
        return Case(
            When(**{f"{path}__code": KINH}, then=Value("kinh")),
            When(**{f"{path}__isnull": False}, then=Value("minority")),
            default=Value("_"),
            output_field=CharField(),
        )

    return expression


def occupation_group(path: str) -> Callable[[Period], Substr]:
    def expression(period: Period) -> Substr:
        return Substr(f"{path}__code", 1, 1)

    return expression


def person_dims(prefix: str = "") -> dict:
    """The person dimensions, for a record reached from a person through `prefix` ("person__" or "")."""
    return {
        "sex": f"{prefix}sex",
        "age_band": age_band(f"{prefix}date_of_birth"),
        "ethnic_minority": ethnic_minority(f"{prefix}ethnicity"),
        "poverty_class": f"{prefix}household__poverty_class",
        "occupation_group": occupation_group(f"{prefix}occupation"),
    }


def group_label(dimension: str, key: str) -> str:
    """Words for a group key ("female" → "Nữ"); never the stored code."""
    if key in ("", "_"):
        return _("Không rõ")
    labeller = _LABELS.get(dimension)
    return labeller(key) if labeller else key


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29/02
        return day.replace(year=day.year - years, day=28)


def _choices(enum_path: str) -> Callable[[str], str]:
    def label(key: str) -> str:
        module, name = enum_path.rsplit(".", 1)
        enum = getattr(__import__(module, fromlist=[name]), name)
        return str(dict(enum.choices).get(key, key))

    return label


def _age(key: str) -> str:
    if key.endswith("+"):
        return _("%(n)s tuổi trở lên") % {"n": key[:-1]}
    low, high = key.split("-")
    return _("%(a)s–%(b)s tuổi") % {"a": low, "b": high}


def _ethnic(key: str) -> str:
    return _("Dân tộc Kinh") if key == "kinh" else _("Dân tộc thiểu số")


def _occupation(key: str) -> str:
    from vieclam.codelists.models import Occupation

    row = Occupation.objects.filter(code=key).values_list("name_vi", flat=True).first()
    return row or key


def _commune(key: str) -> str:
    from vieclam.places.models import AdministrativeUnit

    return AdministrativeUnit.objects.filter(pk=int(key)).values_list("name", flat=True).first() or key


_LABELS: dict[str, Callable[[str], str]] = {
    "sex": _choices("vieclam.people.choices.Sex"),
    "poverty_class": _choices("vieclam.poverty.choices.Classification"),
    "age_band": _age,
    "ethnic_minority": _ethnic,
    "occupation_group": _occupation,
    "commune": _commune,
}


def label_register(dimension: str, labeller: Callable[[str], str]) -> None:
    """For rule-specific dimensions such as a channel: how its keys read."""
    _LABELS[dimension] = labeller


def dimension_register(name: str, label, choices=None) -> None:
    """A disaggregation an app adds (e.g. a fair's kind): its heading and, for a TextChoices, how its keys read."""
    DIMENSIONS[name] = label
    if choices is not None:
        dimension_choices_add(name, choices)


_CHOICES: dict[str, list] = {}


def dimension_choices_add(name: str, choices) -> None:
    """Words for the keys of a dimension several record types share (e.g. "channel": an application's channel, a
    connection's source, a fair registration's channel), from each one's TextChoices."""
    _CHOICES.setdefault(name, []).append(choices)

    def label(key: str) -> str:
        for enum in _CHOICES[name]:
            found = dict(enum.choices).get(key)
            if found is not None:
                return str(found)
        return key

    _LABELS[name] = label
