"""The OpenAPI schema says what the API answers (drf-spectacular): nulls, blanks and every status code.

- `AutoSchema`: a field read through a relation that may be empty (`source="industry.code"`) is
  nullable, and a choice a record may leave blank (`sex_required`) lists "" among its values; drf-spectacular
  reads neither from a model.
- `document_error_responses`: any call may be refused for its credentials (401), its role or area (403), an
  object it cannot see (404, also a page past the end), bad input (400, a body naming each field) or too many
  calls (429). drf-spectacular documents only the success, so clients (and schemathesis in .ci/run) would meet
  undocumented codes.
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from rest_framework import serializers

__all__ = ("AutoSchema", "document_error_responses")

ERROR_BODY = {
    "type": "object",
    "description": "`detail` for a refusal; for a 400, each wrong field (or `non_field_errors`) with its messages.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}
ERRORS = {
    "400": "Bad input: each wrong field is named, with a message in Vietnamese.",
    "401": "No or invalid credentials.",
    "403": "The caller's role or areas do not allow this.",
    "404": "No such object in the caller's areas, or no such page.",
    "429": "Too many requests; retry after the time in `Retry-After`.",
}


def _model_fields(field) -> list:
    """The model fields a serializer field's source walks through, from its serializer's model (may be empty)."""
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    found = []
    for part in (field.source or "").split(".") if field.source != "*" else []:
        try:
            model_field = model._meta.get_field(part) if model is not None else None
        except FieldDoesNotExist:
            break
        if model_field is None or getattr(model_field, "auto_created", False) and not model_field.concrete:
            break  # a property, or a reverse relation: nothing to read
        found.append(model_field)
        model = model_field.related_model if model_field.is_relation else None
    return found


class AutoSchema(SpectacularAutoSchema):
    def _get_serializer_field_meta(self, field, direction):
        meta = super()._get_serializer_field_meta(field, direction)
        if not field.write_only and any(model_field.null for model_field in _model_fields(field)):
            meta["nullable"] = True
        return meta

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if isinstance(field, serializers.ChoiceField) and "enum" in schema and "" not in schema["enum"]:
            path = _model_fields(field)
            if path and path[-1].blank and not path[-1].is_relation:
                schema["enum"] = [*schema["enum"], ""]
        return schema


def document_error_responses(result: dict, generator, request, public) -> dict:
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_BODY
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for code, description in ERRORS.items():
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                    },
                )
    return result
