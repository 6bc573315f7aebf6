from __future__ import annotations

from django import template

from vieclam.jobboard.display import APPLY_URL, pay_text

register = template.Library()


@register.simple_tag
def vacancy_pay(vacancy, labels: dict | None = None) -> str:
    """The pay of a vacancy as the public board writes it; `labels` maps ("pay_band", code) to its name."""
    band = (labels or {}).get(("pay_band", vacancy.pay_band), "") if vacancy.pay_band else ""
    return pay_text(
        pay_min=vacancy.pay_min, pay_max=vacancy.pay_max, band_label=band, negotiable=vacancy.pay_negotiable
    )


@register.simple_tag
def apply_url(vacancy_id: int) -> str:
    return APPLY_URL.format(id=vacancy_id)


@register.simple_tag
def item_label(labels: dict, field: str, code: str) -> str:
    """{% item_label labels "contract_type" job.contract_type %} → the item's Vietnamese name ("" when none)."""
    return labels.get((field, code), "") if code else ""
