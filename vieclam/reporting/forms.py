"""The form that starts a report: its kind from the list, an area of the user's scope, a year and a half or the
whole year (never a free period code). The service checks everything again."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.core.dates import today
from vieclam.core.forms import StyledFormMixin
from vieclam.indicators.periods import Period
from vieclam.places.forms import CommunePickerField
from vieclam.reporting.choices import PeriodPart
from vieclam.reporting.filtersets import kind_choices

__all__ = ("ReportForm", "period_of")

YEARS_BACK = 6


def period_of(year: int, part: str) -> Period:
    if part == PeriodPart.YEAR:
        return Period.year(year)
    return Period.half(year, 1 if part == PeriodPart.H1 else 2)


class ReportForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại báo cáo"), choices=kind_choices)
    area = CommunePickerField(
        label=_("Đơn vị báo cáo"), provinces=True, help_text=_("Tỉnh hoặc xã, phường trong địa bàn bạn phụ trách.")
    )
    year = forms.TypedChoiceField(label=_("Năm"), coerce=int)
    part = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=PeriodPart.choices)

    def __init__(self, *args, viewer=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scope = scope_for(viewer)
        self.fields["area"].limit_to(None if scope.unrestricted else scope.units_q())
        this_year = today().year
        self.fields["year"].choices = [(y, str(y)) for y in range(this_year, this_year - YEARS_BACK, -1)]
        self.fields["year"].initial = this_year

    def period(self) -> Period:
        return period_of(self.cleaned_data["year"], self.cleaned_data["part"])

    @property
    def period_dates(self) -> tuple[dt.date, dt.date]:
        period = self.period()
        return period.start, period.end
