"""An area code in an API input: checked by the one recipe (places.resolve), passed on as the code it is.

The service resolves it again (mapping an old code and noting it in its warnings): the serializer only makes a
bad code part of the same 400 as the other fields' errors.
"""

from __future__ import annotations

from collections.abc import Collection

from django.core.exceptions import ValidationError
from rest_framework import serializers

from vieclam.places.resolve import unit_resolve

__all__ = ("AreaCodeField",)


class AreaCodeField(serializers.CharField):
    def __init__(self, *, levels: Collection[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.levels = tuple(levels)

    def to_internal_value(self, data) -> str:
        code = super().to_internal_value(data)
        try:
            unit_resolve(code, levels=self.levels)
        except ValidationError as exc:
            raise serializers.ValidationError(exc.messages, code=exc.code) from exc
        return code
