"""QR codes of fair registrations, drawn as inline SVG so a phone, a printed badge and an offline page all show them
without an image file or a request to the server."""

from __future__ import annotations

import segno
from django.utils.safestring import SafeString, mark_safe

__all__ = ("qr_svg",)


def qr_svg(text: str, *, scale: int = 6, title: str = "") -> SafeString:
    """The QR code of `text` as an `<svg>` element (error correction M: a creased printout still scans)."""
    code = segno.make(text, error="m", micro=False)
    svg = code.svg_inline(scale=scale, border=2, title=title or None, svgclass="qr-code", lineclass=None)
    return mark_safe(svg)  # noqa: S308 (segno writes the markup; `title` is escaped by segno)
