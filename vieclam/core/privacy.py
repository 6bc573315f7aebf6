"""Personal identifiers shown masked: the one rule for lists, the audit page and the audit API.

A CCCD/CMND, a tax code (a household business's is its owner's CCCD) or a social-insurance number is shown with
its last four characters only: "••••••••1234". In an audit diff the fields holding one are masked by name, and
any other text has its runs of nine or more digits masked, so an identifier quoted in a name or a message
("Công ty A (0312345678)") does not leak either. Full values stay on the record's own page, for the roles that
need them, where the opening of a person's record is itself audited.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ("IDENTIFIER_FIELDS", "mask_identifier", "mask_text", "masked_changes")

IDENTIFIER_FIELDS = frozenset({"national_id", "tax_code", "social_insurance_code", "social_insurance"})
MASK = "•"
_LONG_NUMBER = re.compile(r"\d(?:[\d-]*\d){8,}")  # nine digits or more, a branch tax code's dash allowed


def mask_identifier(value: Any) -> Any:
    """'080195001234' -> '••••••••1234'; empty and non-text values as they are."""
    if not isinstance(value, str) or not value:
        return value
    return MASK * max(len(value) - 4, 0) + value[-4:]


def mask_text(text: Any) -> Any:
    """Every run of nine or more digits in `text` masked: 'Công ty A (0312345678)' -> 'Công ty A (••••••5678)'."""
    if not isinstance(text, str):
        return text
    return _LONG_NUMBER.sub(lambda match: mask_identifier(match.group()), text)


def masked_changes(changes: Any) -> Any:
    """An audit event's `changes` ({field: [old, new]} or a snapshot {field: value}) with identifiers masked."""
    if not isinstance(changes, dict):
        return _masked_value(changes, mask_text)
    return {
        name: _masked_value(value, mask_identifier if name in IDENTIFIER_FIELDS else mask_text)
        for name, value in changes.items()
    }


def _masked_value(value: Any, mask) -> Any:
    if isinstance(value, list | tuple):
        return [_masked_value(item, mask) for item in value]
    if isinstance(value, dict):
        return masked_changes(value)
    return mask(value)
