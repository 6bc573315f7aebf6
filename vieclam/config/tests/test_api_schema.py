"""The published OpenAPI schema says what the API answers: empty relations as null, blank choices, lists, errors.

The schemathesis pass (test_schemathesis.py) checks real answers against it; these checks run everywhere, fast.
"""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator

ERRORS = {"400", "401", "403", "404", "429"}


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def component(schema, name: str) -> dict:
    return schema["components"]["schemas"][name]


def test_every_operation_documents_the_refusals_it_may_answer(schema):
    missing = [
        f"{method.upper()} {path}: {sorted(ERRORS - set(operation['responses']))}"
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if not set(operation["responses"]) >= ERRORS
    ]
    assert not missing, missing


def test_a_field_read_through_an_empty_relation_is_nullable(schema):
    assert component(schema, "PersonDetail")["properties"]["workplace_commune"].get("nullable")
    assert component(schema, "ApplicationDetail")["properties"]["referred_by"].get("nullable")
    assert component(schema, "Area")["properties"]["parent"].get("nullable")
    assert component(schema, "Employer")["properties"]["industry"].get("nullable")
    assert not component(schema, "Employer")["properties"]["name"].get("nullable")


def test_a_choice_a_record_may_leave_blank_documents_the_blank(schema):
    refs = [option["$ref"] for option in component(schema, "Vacancy")["properties"]["sex_required"]["oneOf"]]
    assert "#/components/schemas/BlankEnum" in refs


def test_household_reviews_are_documented_as_the_list_they_are(schema):
    answer = schema["paths"]["/api/v1/households/{id}/reviews/"]["get"]["responses"]["200"]
    assert answer["content"]["application/json"]["schema"]["type"] == "array"
