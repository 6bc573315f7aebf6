"""A `{# … #}` comment ends at its line: one spread over lines is sent to the browser as text."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_no_template_spreads_a_short_comment_over_lines():
    spread = [
        f"{path.relative_to(TEMPLATES)}: {match.group(0)[:60]!r}"
        for path in TEMPLATES.rglob("*.html")
        for match in re.finditer(r"\{#.*?#\}", path.read_text(encoding="utf-8"), re.S)
        if "\n" in match.group(0)
    ]
    assert not spread, "use {% comment %} … {% endcomment %} for these:\n" + "\n".join(spread)
