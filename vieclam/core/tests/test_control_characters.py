"""Control characters are dropped where text comes in: one function (core.text.clean_text) behind every form of
the registry kit, the API's request parsers and the import readers (tested in imports/tests/test_upload_limits)."""

import pytest
from django import forms
from django.http import QueryDict

from vieclam.core.forms import StyledFormMixin
from vieclam.core.text import clean_text, strip_controls
from vieclam.people.models import Person


@pytest.mark.parametrize(
    ("typed", "one_line", "multi_line"),
    [
        ("Lê\x07 Thị Hoa", "Lê Thị Hoa", "Lê Thị Hoa"),
        ("Trần\x0bVăn\x0cMinh", "Trần Văn Minh", "Trần Văn Minh"),
        ("dòng 1\r\ndòng 2\rdòng 3\tcột", "dòng 1 dòng 2 dòng 3 cột", "dòng 1\ndòng 2\ndòng 3\tcột"),
        ("\x00\x1b[31mđỏ\x7f\x85\x9f", "[31mđỏ", "[31mđỏ"),
        # A one-line field loses bidi controls and zero-width characters (the emoji's joiner too); a note keeps them.
        ("أحمد\u200f 🌸 👩\u200d🌾", "أحمد 🌸 👩🌾", "أحمد\u200f 🌸 👩\u200d🌾"),
        ("\u202eAn\u202c \u2066Bình\u2069\u200e", "An Bình", "\u202eAn\u202c \u2066Bình\u2069\u200e"),
        ("\ufeffNguyễn\u200b Văn\u2060\u200c An", "Nguyễn Văn An", "\ufeffNguyễn\u200b Văn\u2060\u200c An"),
        ("Số 1\r\n\r\n\t ấp Bình", "Số 1  ấp Bình", "Số 1\n\n\t ấp Bình"),
    ],
)
def test_clean_text_drops_controls_and_keeps_line_breaks_only_where_lines_are_allowed(typed, one_line, multi_line):
    assert clean_text(typed) == one_line
    assert clean_text(typed, multiline=True) == multi_line


def test_strip_controls_keeps_what_a_spreadsheet_cell_may_hold():
    assert strip_controls("\x07=1+1\r\n\tx\x0b") == "=1+1\r\n\tx"


class Sample(StyledFormMixin, forms.Form):
    name = forms.CharField(max_length=10)
    note = forms.CharField(widget=forms.Textarea, required=False)
    password = forms.CharField(widget=forms.PasswordInput, strip=False)
    tags = forms.MultipleChoiceField(choices=[("a", "A")], required=False)


def test_a_registry_form_checks_and_keeps_the_text_without_control_characters():
    data = QueryDict(mutable=True)
    data.update({"name": "An\x07\x07\x07\x07\x07 Bình", "note": "a\r\nb\x07", "password": "p\x07ss"})
    form = Sample(data)
    assert form.is_valid(), form.errors  # 16 characters typed, 7 once the bells are gone: within max_length 10
    assert form.cleaned_data["name"] == "An Bình"
    assert form.cleaned_data["note"] == "a\nb"
    assert form.cleaned_data["password"] == "p\x07ss"  # a password is checked as typed


def test_a_plain_dict_of_data_is_cleaned_too():
    form = Sample({"name": "Hoa\x0b", "password": "x"})
    assert form.is_valid() and form.cleaned_data["name"] == "Hoa"


@pytest.mark.django_db
def test_the_api_stores_text_without_control_characters(cast, api_as):
    payload = {
        "national_id": "079085012345",
        "full_name": "Nguyễn\x07 Văn\x0bAn",
        "date_of_birth": "1985-03-01",
        "sex": "male",
        "residence_commune": "25459",
        "address": "Số 1\x1b, ấp\x85 Bình",
    }
    response = api_as(cast["province_a"]).post("/api/v1/persons/", payload, format="json")
    assert response.status_code == 201, response.json()
    person = Person.objects.get()
    assert (person.full_name, person.address) == ("Nguyễn Văn An", "Số 1, ấp Bình")


HOSTILE_NAME = "\u202eNguyễn\u200b Văn\r\nAn\ufeff"
HOSTILE_NOTE = "dòng 1\r\ndòng 2\u200f"


def test_a_form_makes_a_one_line_field_one_line_and_keeps_a_note_as_typed():
    form = Sample({"name": "\u202eAn\u200b\r\nBình", "note": HOSTILE_NOTE, "password": "x"})
    assert form.is_valid(), form.errors
    assert (form.cleaned_data["name"], form.cleaned_data["note"]) == ("An Bình", "dòng 1\ndòng 2\u200f")


def test_the_api_makes_one_line_fields_one_line_at_any_depth_and_keeps_multi_line_ones():
    from vieclam.core.api.parsers import cleaned

    body = {"full_name": HOSTILE_NAME, "description": HOSTILE_NOTE,
            "experience": [{"employer": "Công ty\u202e A\n", "duty": "x"}], "skills": ["Excel\u200b"]}  # fmt: skip
    assert cleaned(body) == {"full_name": "Nguyễn Văn An", "description": "dòng 1\ndòng 2\u200f",
                             "experience": [{"employer": "Công ty A ", "duty": "x"}],
                             "skills": ["Excel\u200b"]}  # fmt: skip


@pytest.mark.django_db
def test_the_api_stores_a_name_and_address_without_bidi_or_zero_width_characters(cast, api_as):
    payload = {"national_id": "079085012345", "full_name": HOSTILE_NAME, "date_of_birth": "1985-03-01",
               "sex": "male", "residence_commune": "25459", "address": "Số 1\u2066, ấp\u2069 Bình\u200d"}  # fmt: skip
    response = api_as(cast["province_a"]).post("/api/v1/persons/", payload, format="json")
    assert response.status_code == 201, response.json()
    person = Person.objects.get()
    assert (person.full_name, person.address) == ("Nguyễn Văn An", "Số 1, ấp Bình")


@pytest.mark.django_db
def test_an_import_makes_the_title_one_line_and_keeps_the_description_lines(cast):
    import csv
    import io

    from vieclam.employers.tests.factories import make_employer
    from vieclam.imports.services import import_batch_run
    from vieclam.imports.sources import TEMPLATE_HEADERS
    from vieclam.vacancies.models import Vacancy

    make_employer(cast["admin"], name="Công ty TNHH Dệt Tân Ninh", commune_code="25459")
    fields = {"title": "\u202eKế toán\u200b\ntổng hợp", "company": "Công ty TNHH Dệt Tân Ninh",
              "location": "Phường Tân Ninh, Tây Ninh", "salary": "8 - 12 triệu",
              "description": "Ghi sổ\r\nLập báo cáo\u200f"}  # fmt: skip
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([str(h) for h in TEMPLATE_HEADERS.values()])
    writer.writerow([fields.get(name, "") for name in TEMPLATE_HEADERS])
    report = import_batch_run(actor=cast["province_a"], filename="tin.csv", content=buffer.getvalue().encode())
    assert report.committed, report.error_lines()
    vacancy = Vacancy.objects.get()
    assert (vacancy.title, vacancy.description) == ("Kế toán tổng hợp", "Ghi sổ\nLập báo cáo\u200f")


def test_every_text_field_and_text_area_is_named_multi_line():
    """A new TextField or text area must be added to core.text.MULTILINE_FIELDS, or the API and imports would
    flatten it (or it must be a one-line field after all)."""
    from django.apps import apps
    from django.db import models

    from vieclam.core.text import MULTILINE_FIELDS

    text_fields = {
        field.name
        for model in apps.get_models()
        if model.__module__.startswith("vieclam.")
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField) and field.editable
    }
    assert text_fields - MULTILINE_FIELDS <= {"document"}  # the job board's search document is built, never typed
