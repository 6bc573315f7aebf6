"""The one form-styling helper: Bootstrap classes on every rendered widget, also fields added in __init__."""

from django import forms

from vieclam.core.forms import StyledFormMixin, style_form


class Sample(StyledFormMixin, forms.Form):
    name = forms.CharField(widget=forms.TextInput(attrs={"class": "mono"}))
    kind = forms.ChoiceField(choices=[("a", "A")])
    agreed = forms.BooleanField(required=False)
    causes = forms.MultipleChoiceField(choices=[("a", "A")], widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["late"] = forms.DateField()


def test_every_rendered_field_gets_its_bootstrap_class_once():
    form = Sample()
    html = str(form["name"]) + str(form["name"])
    assert 'class="mono form-control form-control-sm"' in html
    assert "form-select form-select-sm" in str(form["kind"]) and "form-check-input" in str(form["agreed"])
    assert "form-control" in str(form["late"])  # added in __init__
    assert "form-" not in str(form["causes"])  # a list of boxes keeps its own look


def test_a_filterset_form_is_styled_by_style_form():
    form = style_form(forms.Form())
    form.fields["q"] = forms.CharField()
    style_form(form)
    assert form.fields["q"].widget.attrs["class"] == "form-control form-control-sm"
