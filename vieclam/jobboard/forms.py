"""The public search's input: one form for the page and the API, so both accept and reject the same things."""

from __future__ import annotations

from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from vieclam.jobboard.choices import Sort
from vieclam.jobboard.indexing import UNBOUNDED_PAY
from vieclam.jobboard.search import JobQuery, place_resolve
from vieclam.jobboard.shared import reference
from vieclam.places.choices import Level
from vieclam.vacancies.choices import OBSOLETE_CONTRACT_TYPES
from vieclam.vacancies.selectors import code_item_list

__all__ = ("MAX_Q", "JobSearchForm")

MAX_Q = 200
UNKNOWN_CONTRACT = _("Không có loại hợp đồng “{code}”; dùng một mã trong danh mục: {codes}.")


class JobSearchForm(forms.Form):
    """?q=&province=&commune=&occupation=&pay_min=&contract_type=&posted_within_days=&sort= (all optional)."""

    q = forms.CharField(label=_("Từ khóa"), max_length=MAX_Q, required=False)
    province = forms.CharField(label=_("Tỉnh, thành phố"), max_length=60, required=False)
    commune = forms.CharField(
        label=_("Xã, phường"),
        max_length=5,
        required=False,
        validators=[RegexValidator(r"^[0-9]{5}$", _("Mã xã, phường gồm 5 chữ số."))],
    )
    occupation = forms.CharField(
        label=_("Nghề"),
        max_length=5,
        required=False,
        validators=[RegexValidator(r"^[0-9]{1,5}$", _("Mã nghề gồm 1 đến 5 chữ số (VSCO 2020), ví dụ 24 hoặc 2411."))],
    )
    pay_min = forms.IntegerField(
        label=_("Lương ít nhất (đồng/tháng)"), min_value=0, max_value=UNBOUNDED_PAY, required=False
    )
    contract_type = forms.CharField(label=_("Loại hợp đồng"), max_length=40, required=False)
    posted_within_days = forms.IntegerField(label=_("Đăng trong (ngày)"), min_value=1, max_value=365, required=False)
    sort = forms.ChoiceField(label=_("Sắp xếp"), choices=Sort.choices, required=False)

    def __init__(self, *args, drop_stale_commune: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.drop_stale_commune = drop_stale_commune

    def clean_province(self):
        value = self.cleaned_data["province"].strip()
        return _place(value, Level.PROVINCE) if value else None

    def clean_commune(self):
        value = self.cleaned_data["commune"]
        return _place(value, Level.COMMUNE) if value else None

    def clean_contract_type(self) -> tuple[str, ...]:
        """A contract type and the types under it ('xac_dinh_thoi_han' includes both fixed-term bands)."""
        code = self.cleaned_data["contract_type"].strip()
        if not code:
            return ()
        items = self.contract_type_items
        if code not in {item.code for item in items}:
            codes = ", ".join(item.code for item in items)
            raise ValidationError(UNKNOWN_CONTRACT.format(code=code[:40], codes=codes))
        return (code, *(item.code for item in items if item.parent_code == code))

    def clean(self):
        """On the page, a commune left selected after the province changed is dropped rather than matching nothing."""
        data = super().clean()
        province, commune = data.get("province"), data.get("commune")
        stale = province and commune and province.unit_id and commune.province_id not in (None, province.unit_id)
        if self.drop_stale_commune and stale:
            data["commune"] = None
        return data

    @cached_property
    def contract_type_items(self) -> list:
        """The contract types in force (cached: shared by validation and the page's select of every visitor)."""
        return reference("contract_types", contract_types)

    def to_query(self) -> JobQuery:
        data = self.cleaned_data
        return JobQuery(
            q=data["q"],
            province=data["province"],
            commune=data["commune"],
            occupation=data["occupation"],
            pay_min=data["pay_min"],
            contract_types=data["contract_type"],
            posted_within_days=data["posted_within_days"],
            sort=data["sort"],
        )


def _place(value: str, level: str):
    """A province or commune named in a query string, resolved once a day (an unknown one raises, uncached)."""
    return reference("place", lambda: place_resolve(value=value, level=level), level, value)


def contract_types():
    """The contract types in force today, without the seasonal contract the Labour Code 2019 dropped."""
    return [item for item in code_item_list(field="contract_type") if item.code not in OBSOLETE_CONTRACT_TYPES]


def api_errors(form: forms.Form) -> dict[str, list[str]]:
    """Form errors as the API writes them: {field: [message, …]}."""
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}
