"""The portal's own forms: a worker's consents on "Dữ liệu của tôi"."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.core.forms import StyledFormMixin
from vieclam.people.choices import ConsentPurpose

__all__ = ("ConsentForm",)


class ConsentForm(StyledFormMixin, forms.Form):
    """One box per purpose; an unticked box withdraws a consent given before."""

    purposes = forms.MultipleChoiceField(
        label=_("Tôi đồng ý"),
        choices=ConsentPurpose.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
