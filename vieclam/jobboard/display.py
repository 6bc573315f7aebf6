"""How the public board writes pay and places (pure functions, shared by the pages and the API)."""

from __future__ import annotations

from django.utils.translation import gettext as _

__all__ = ("APPLY_URL", "millions", "pay_text")

# The application form belongs to the applications app; the board only links to it.
APPLY_URL = "/applications/apply/{id}/"
MILLION = 1_000_000


def millions(amount: int) -> str:
    """8_000_000 → '8', 8_500_000 → '8,5', 12_250_000 → '12,25' (Vietnamese decimal comma)."""
    text = f"{amount / MILLION:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def pay_text(*, pay_min: int | None, pay_max: int | None, band_label: str = "", negotiable: bool = False) -> str:
    """'8 – 12 triệu đồng/tháng', 'Từ 8 triệu đồng/tháng', 'Đến 12 triệu đồng/tháng', the band, or 'Thỏa thuận'."""
    if pay_min is not None and pay_max is not None:
        if pay_min == pay_max:
            return _("{amount} triệu đồng/tháng").format(amount=millions(pay_min))
        return _("{low} – {high} triệu đồng/tháng").format(low=millions(pay_min), high=millions(pay_max))
    if pay_min is not None:
        return _("Từ {amount} triệu đồng/tháng").format(amount=millions(pay_min))
    if pay_max is not None:
        return _("Đến {amount} triệu đồng/tháng").format(amount=millions(pay_max))
    if band_label:
        return band_label
    return _("Thỏa thuận")
