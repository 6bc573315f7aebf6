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
        ("أحمد\u200f 🌸 👩\u200d🌾", "أحمد\u200f 🌸 👩\u200d🌾", "أحمد\u200f 🌸 👩\u200d🌾"),  # format chars are text
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
