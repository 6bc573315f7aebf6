"""The upload form of /imports/vacancies/: a file, its source (blank: detected) and the all-or-nothing choice."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from vieclam.core.forms import StyledFormMixin
from vieclam.imports.choices import Source
from vieclam.imports.readers import MAX_BYTES

__all__ = ("ImportUploadForm",)

TOO_LARGE = _("Tệp lớn hơn {max} MB: chia thành nhiều tệp.")


class ImportUploadForm(StyledFormMixin, forms.Form):
    """A file of postings to preview."""

    file = forms.FileField(
        label=_("Tệp tin tuyển dụng"),
        allow_empty_file=True,  # the reader says so in the words the other file errors use
        help_text=_(
            "CSV (UTF-8), Excel .xlsx hoặc JSON Lines .jsonl; tối đa 10 MB, 1.000 dòng "
            "(tệp lớn hơn: lệnh vieclam import_vacancies)."
        ),
    )
    source = forms.ChoiceField(
        label=_("Nguồn"),
        choices=[("", _("Tự nhận biết"))] + Source.choices,
        required=False,
    )
    skip_errors = forms.BooleanField(
        label=_("Bỏ qua dòng lỗi, chỉ nhập các dòng đúng"),
        required=False,
        help_text=_("Mặc định: có dòng lỗi thì không nhập dòng nào."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(TOO_LARGE.format(max=MAX_BYTES // 1024 // 1024))
        return upload
