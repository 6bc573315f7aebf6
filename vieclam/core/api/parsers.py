"""The API's request parsers: JSON, form and multipart as DRF reads them, less control characters.

Every string of the request body, at any depth, goes through core.text.clean_text, so no serializer can store a
bell or a vertical tab that would later break an Excel export. A string is one-line (no line breaks, bidi controls
or zero-width characters) unless the field it is given for, or the list or object it sits in, is one of
core.text.MULTILINE_FIELDS. Passwords are not taken through these API endpoints.
"""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from rest_framework.parsers import DataAndFiles, FormParser, JSONParser, MultiPartParser

from vieclam.core.text import clean_text, is_multiline

__all__ = ("CleanFormParser", "CleanJSONParser", "CleanMultiPartParser", "cleaned")


def cleaned(data: Any, *, multiline: bool = False) -> Any:
    """`data` with every string (dict keys too) cleaned of control characters, one-line but in the fields of
    MULTILINE_FIELDS (and what they hold)."""
    if isinstance(data, str):
        return clean_text(data, multiline=multiline)
    if isinstance(data, QueryDict):
        copy = QueryDict(mutable=True)
        for key, values in data.lists():
            inner = multiline or is_multiline(key)
            copy.setlist(cleaned(key), [cleaned(value, multiline=inner) for value in values])
        return copy
    if isinstance(data, dict):
        return {
            cleaned(key): cleaned(value, multiline=multiline or (isinstance(key, str) and is_multiline(key)))
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [cleaned(value, multiline=multiline) for value in data]
    return data


class CleanJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return cleaned(super().parse(stream, media_type, parser_context))


class CleanFormParser(FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        return cleaned(super().parse(stream, media_type, parser_context))


class CleanMultiPartParser(MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        return DataAndFiles(cleaned(parsed.data), parsed.files)
