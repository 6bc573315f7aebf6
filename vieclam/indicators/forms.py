"""What an indicator's values are asked for: the API's query (codes) and the page's pickers (no code typed).

The page offers the areas of the user's scope, in force and before 1 July 2025, a year with its half, quarter or
month, the allowed disaggregations, and the day the figures stood on; both become the text forms
selectors.indicator_values reads.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.core.dates import today
from vieclam.core.fields import DateField
from vieclam.indicators.selectors import BOUNDARIES, dimension_choices
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Edition, Succession

__all__ = ("BOUNDARY_CHOICES", "FIRST_YEAR", "IndicatorPageForm", "ValuesQueryForm", "area_choices")

FIRST_YEAR = 2015
BOUNDARY_CHOICES = (("2025", _("Địa giới từ 01/07/2025")), ("pre2025", _("Địa giới trước 01/07/2025")))
PARTS = (
    ("", _("Cả năm")),
    ("H1", _("6 tháng đầu năm")),
    ("H2", _("6 tháng cuối năm")),
    *((f"Q{q}", format_lazy(_("Quý {q}"), q=q)) for q in (1, 2, 3, 4)),
    *((f"{m:02d}", format_lazy(_("Tháng {m}"), m=m)) for m in range(1, 13)),
)


class ValuesQueryForm(forms.Form):
    """The API's `?area=&period=&by=&boundary=&as_of=` (as_of dd/mm/yyyy or ISO)."""

    area = forms.CharField(required=False, max_length=20)
    period = forms.CharField(required=False, max_length=40)
    by = forms.CharField(required=False, max_length=40)
    boundary = forms.ChoiceField(
        required=False,
        choices=[(key, key) for key in BOUNDARIES],
        error_messages={"invalid_choice": _("Địa giới không hợp lệ: “%(value)s”. Chọn 2025, current hoặc pre2025.")},
    )
    as_of = DateField(required=False, label=_("Số liệu tính đến ngày"))

    def query(self) -> dict:
        data = self.cleaned_data
        return {
            "area": data["area"] or None, "period": data["period"] or str(today().year), "by": data["by"] or None,
            "boundary": data["boundary"] or "2025", "as_of": data["as_of"],
        }  # fmt: skip


def area_choices(user) -> list[tuple[str, list[tuple[str, str]]]]:
    """The picker's areas, grouped: the units in force inside the user's areas, then the units before 1 July 2025
    they came from (old provinces and districts; a commune officer's old communes)."""
    scope = scope_for(user)
    current = AdministrativeUnit.objects.current().filter(level__in=(Level.PROVINCE, Level.COMMUNE))
    if scope.unrestricted:
        current = current.filter(province__code=settings.VIECLAM_PROVINCE)
    else:
        current = current.filter(scope.units_q())
    units = list(current.order_by("level", "name").values_list("pk", "name", "level"))
    provinces = [(str(pk), name) for pk, name, level in units if level == Level.PROVINCE]
    communes = [(str(pk), name) for pk, name, level in units if level == Level.COMMUNE]
    successions = Succession.objects.filter(level=Level.COMMUNE, successor_id__in=[pk for pk, _n, _l in units])
    if provinces or scope.unrestricted:
        wanted = set(successions.values_list("predecessor__parent_id", flat=True))
        wanted |= set(successions.values_list("predecessor__province_id", flat=True))
        levels = (Level.PROVINCE, Level.DISTRICT)
    else:
        wanted, levels = set(successions.values_list("predecessor_id", flat=True)), (Level.COMMUNE,)
    old = AdministrativeUnit.objects.filter(edition=Edition.PRE_2025, pk__in=wanted - {None}, level__in=levels)
    old_rows = old.order_by("level", "name", "parent__name").values_list("pk", "name", "parent__name", "level")
    old_units = [(str(pk), name if level == Level.PROVINCE else f"{name} ({parent})")
                 for pk, name, parent, level in old_rows]  # fmt: skip
    groups = [(_("Tỉnh"), provinces), (_("Xã, phường"), communes), (_("Đơn vị trước 01/07/2025"), old_units)]
    return [(str(label), items) for label, items in groups if items]


class IndicatorPageForm(forms.Form):
    """The indicator page's pickers."""

    area = forms.ChoiceField(
        label=_("Địa bàn"), required=False,
        error_messages={"invalid_choice": _("Địa bàn này không có trong danh sách địa bàn bạn phụ trách.")},
    )  # fmt: skip
    year = forms.TypedChoiceField(label=_("Năm"), coerce=int, required=False)
    part = forms.ChoiceField(label=_("Kỳ"), choices=PARTS, required=False)
    by = forms.ChoiceField(label=_("Phân tổ theo"), required=False)
    boundary = forms.ChoiceField(label=_("Địa giới"), choices=BOUNDARY_CHOICES, required=False)
    as_of = DateField(label=_("Số liệu tính đến ngày"), required=False)

    def __init__(self, *args, user, indicator, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [("", _("Địa bàn của tôi")), *area_choices(user)]
        this_year = today().year
        self.fields["year"].choices = [(y, str(y)) for y in range(this_year, FIRST_YEAR - 1, -1)]
        self.fields["by"].choices = [("", _("Không phân tổ")), *dimension_choices(indicator)]
        for field in self.fields.values():
            field.widget.attrs.setdefault(
                "class", "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            )

    def clean_area(self) -> AdministrativeUnit | None:
        value = self.cleaned_data.get("area")
        return AdministrativeUnit.objects.filter(pk=int(value)).first() if value else None

    def query(self) -> dict:
        """The selectors' arguments: the unit picked, and the period's text form from the year and its part."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        year = data.get("year") or today().year
        part = data.get("part") or ""
        period = f"{year}-{part}" if part else str(year)
        return {
            "area": data.get("area") or None, "period": period, "by": data.get("by") or None,
            "boundary": data.get("boundary") or "2025", "as_of": data.get("as_of"),
        }  # fmt: skip
