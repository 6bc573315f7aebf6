"""The columns of each source: TopCV, VietnamWorks and ITviec exports, and our own template.

Each source maps its column names (or JSON keys) to our fields. Headers are compared folded, so 'Tên vị trí',
'ten vi tri' and 'TEN_VI_TRI' are the same column. Any source may also carry the columns the boards do not
publish and our registry needs (Mã số thuế, Loại hình, Mã xã, Mã nghề, Số lượng).

Our template (Source.TEMPLATE; download it from /imports/vacancies/template.csv):

| field | header | required | what it holds |
|---|---|---|---|
| external_id | Mã tin | | your own id of the posting; else the link, else all the row's cells |
| title | Tên vị trí | yes | job title, at most 255 characters, plain text |
| company | Người sử dụng lao động | yes | employer name as registered |
| tax_code | Mã số thuế | | 10-digit MST, XXXXXXXXXX-YYY branch or 12-digit personal ID |
| employer_type | Loại hình | | needed to register a new employer: code or name of the Mẫu 01 list |
| location | Nơi làm việc | yes* | province, and commune if known: 'Phường Cầu Giấy, Hà Nội' |
| address | Địa chỉ | | street address; the commune is also looked for here |
| commune | Mã xã | yes* | 5-digit commune code (a pre-2025 code is mapped to today's) |
| salary | Mức lương | yes | '8 - 12 triệu', 'Tới 20 triệu', 'Thỏa thuận', '$1,000 - $1,500' |
| positions | Số lượng | | how many people; 1 when blank |
| deadline | Hạn nộp hồ sơ | | dd/mm/yyyy or yyyy-mm-dd |
| occupation | Mã nghề | | VSCO 2020 code (levels 1–4); suggested from the title when blank |
| description | Mô tả công việc | | plain text |
| url | Liên kết | | the posting's address |
(* Nơi làm việc or Mã xã.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from vieclam.core.text import fold
from vieclam.imports.choices import Source
from vieclam.imports.readers import ImportFileError

__all__ = (
    "SPECS",
    "TEMPLATE_EXAMPLE",
    "TEMPLATE_HEADERS",
    "SourceSpec",
    "detect_source",
    "norm",
    "resolve_columns",
)

REQUIRED = ("title", "company", "salary")
PLACE_FIELDS = ("location", "address", "commune")

# Header of each field in our template: written in the downloadable file and named in messages.
TEMPLATE_HEADERS = {
    "external_id": _("Mã tin"),
    "title": _("Tên vị trí"),
    "company": _("Người sử dụng lao động"),
    "tax_code": _("Mã số thuế"),
    "employer_type": _("Loại hình"),
    "location": _("Nơi làm việc"),
    "address": _("Địa chỉ"),
    "commune": _("Mã xã"),
    "salary": _("Mức lương"),
    "positions": _("Số lượng"),
    "deadline": _("Hạn nộp hồ sơ"),
    "occupation": _("Mã nghề"),
    "description": _("Mô tả công việc"),
    "url": _("Liên kết"),
}
TEMPLATE_EXAMPLE = {
    "external_id": "TN-2026-001",
    "title": "Công nhân may công nghiệp",
    "company": "Công ty TNHH May Mẫu",
    "tax_code": "0100109106",
    "employer_type": "Doanh nghiệp ngoài nhà nước",
    "location": "Phường Tân Ninh, Tây Ninh",
    "address": "Số 1 đường 30/4",
    "commune": "",
    "salary": "8 - 12 triệu",
    "positions": "20",
    "deadline": "31/12/2026",
    "occupation": "",
    "description": "May hoàn thiện sản phẩm theo dây chuyền.",
    "url": "",
}
MISSING_COLUMNS = _("Thiếu cột bắt buộc: {missing}. Tệp {source} cần có các cột {expected}.")
ONE_OF = _("một trong {columns}")


def norm(header: str) -> str:
    """A header folded to compare: 'Tên vị trí *' → 'ten_vi_tri', 'company.name' → 'company_name'."""
    return re.sub(r"[^a-z0-9]+", "_", fold(str(header))).strip("_")


# Columns our registry needs and the boards do not publish; any file may add them.
EXTRA = {
    "tax_code": ("ma_so_thue", "mst", "tax_code"),
    "employer_type": ("loai_hinh", "loai_hinh_doanh_nghiep", "employer_type"),
    "commune": ("ma_xa", "ma_xa_phuong", "commune", "commune_code"),
    "occupation": ("ma_nghe", "occupation", "occupation_code"),
    "positions": ("so_luong", "so_luong_tuyen", "positions_count"),
}


@dataclass(frozen=True)
class SourceSpec:
    """How to read one source: accepted column names per field, how to flatten a nested JSON record, and the
    board's posting id in a posting URL."""

    source: str
    columns: dict[str, tuple[str, ...]]
    flatten: Callable[[dict], dict] | None = None
    id_in_url: re.Pattern | None = None
    markers: tuple[str, ...] = ()  # columns only this board's exports have
    domain: str = ""
    pay_must_parse: bool = False  # our template: unreadable pay is an error; boards: a flag (see services)
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, field_name: str) -> str:
        """The name of a field's column as the officer knows it (first accepted name, or the template header)."""
        if field_name in self.labels:
            return str(self.labels[field_name])
        return self.columns.get(field_name, (field_name,))[0]


def _salary_text(salary: dict) -> str:
    """TopCV's parsed salary {min, max, currency, interval, raw_text} back as text for parse_pay."""
    if salary.get("raw_text"):
        return str(salary["raw_text"])
    low, high = salary.get("min"), salary.get("max")
    currency = str(salary.get("currency") or "VND")
    per = {"HOUR": " /giờ", "DAY": " /ngày", "YEAR": " /năm"}.get(str(salary.get("interval") or "").upper(), "")
    if low and high:
        return f"{low} - {high} {currency}{per}"
    if low:
        return f"Từ {low} {currency}{per}"
    if high:
        return f"Tới {high} {currency}{per}"
    return "Thỏa thuận"


def _flatten_topcv(record: dict) -> dict:
    """TopCV detailed postings: company {name…}, locations [...], salary {...}, detail_sections {...: {text}}."""
    flat = dict(record)
    if isinstance(record.get("company"), dict):
        flat["company"] = record["company"].get("name") or ""
    if isinstance(record.get("locations"), list):
        flat["locations"] = "; ".join(str(item) for item in record["locations"] if item)
    if isinstance(record.get("salary"), dict):
        flat["salary"] = _salary_text(record["salary"])
    general = record.get("general_info")
    if isinstance(general, dict) and general.get("so_luong_tuyen") not in (None, ""):
        flat["so_luong_tuyen"] = general["so_luong_tuyen"]
    sections = record.get("detail_sections")
    if isinstance(sections, dict):
        parts = []
        for key, heading in (("mo_ta_cong_viec", ""), ("yeu_cau_ung_vien", "Yêu cầu ứng viên:")):
            text = (sections.get(key) or {}).get("text") if isinstance(sections.get(key), dict) else None
            if text:
                parts.append(f"{heading}\n{text}".strip())
        flat["description"] = "\n\n".join(parts)
    return flat


def _flatten_itviec(record: dict) -> dict:
    """ITviec postings: description and requirements are separate keys; skills a list."""
    flat = dict(record)
    parts = [record.get("jobDescription"), record.get("requirements")]
    flat["description"] = "\n\n".join(str(p) for p in parts if p)
    return flat


SPECS: dict[str, SourceSpec] = {
    Source.TOPCV: SourceSpec(
        Source.TOPCV,
        {
            "external_id": ("job_id",),
            "title": ("title",),
            "company": ("company", "company_name"),
            "location": ("location", "locations"),
            "salary": ("salary",),
            "deadline": ("deadline",),
            "description": ("description",),
            "url": ("url", "link"),
        },
        flatten=_flatten_topcv,
        id_in_url=re.compile(r"(?:/|-j)(\d{5,})\.html"),
        markers=("search_keyword", "posted_as_shown", "detail_sections", "general_info"),
        domain="topcv.vn",
    ),
    Source.VIETNAMWORKS: SourceSpec(
        Source.VIETNAMWORKS,
        {
            "external_id": ("job_id",),
            "title": ("title",),
            "company": ("company",),
            "location": ("location",),
            "address": ("address",),
            "salary": ("salary",),
            "deadline": ("expiry_date", "deadline"),
            "url": ("url",),
        },
        id_in_url=re.compile(r"-(\d{5,})-jv\b"),
        markers=("expiry_date", "job_level"),
        domain="vietnamworks.com",
    ),
    Source.ITVIEC: SourceSpec(
        Source.ITVIEC,
        {
            "external_id": ("jobkey",),
            "title": ("title",),
            "company": ("company",),
            "location": ("location",),
            "salary": ("salary",),
            "description": ("description",),
            "skills": ("skills",),
            "url": ("url",),
        },
        flatten=_flatten_itviec,
        markers=("jobkey", "workingmode", "companyslug"),
        domain="itviec.com",
    ),
    Source.TEMPLATE: SourceSpec(
        Source.TEMPLATE,
        {
            "external_id": ("ma_tin", "external_id"),
            "title": ("ten_vi_tri", "vi_tri", "chuc_danh", "tieu_de", "title"),
            "company": ("nguoi_su_dung_lao_dong", "doanh_nghiep", "ten_doanh_nghiep", "cong_ty", "company"),
            "location": ("noi_lam_viec", "dia_diem", "dia_diem_lam_viec", "tinh_thanh", "location"),
            "address": ("dia_chi", "address"),
            "salary": ("muc_luong", "luong", "salary"),
            "deadline": ("han_nop_ho_so", "han_nop", "deadline"),
            "description": ("mo_ta_cong_viec", "mo_ta", "description"),
            "url": ("lien_ket", "duong_dan", "url", "link"),
        },
        pay_must_parse=True,
        labels=dict(TEMPLATE_HEADERS),
    ),
}
for _spec in SPECS.values():
    for _field, _names in EXTRA.items():
        _spec.columns.setdefault(_field, _names)


def _translated_headers(field_name: str) -> tuple[str, ...]:
    """Our template's header for a field in every UI language: the downloaded template is in the user's language."""
    label = TEMPLATE_HEADERS.get(field_name)
    if label is None:
        return ()
    names = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names.append(norm(str(label)))
    return tuple(names)


def detect_source(headers: list[str], first_urls: list[str]) -> str:
    """The board whose own columns the file has, else whose site its links point to, else our template."""
    keys = {norm(h) for h in headers}
    for spec in SPECS.values():
        if keys & set(spec.markers):
            return spec.source
    for spec in SPECS.values():
        if spec.domain and any(spec.domain in (url or "") for url in first_urls):
            return spec.source
    return Source.TEMPLATE


def resolve_columns(spec: SourceSpec, headers: list[str]) -> dict[str, str]:
    """field → the file's header for it; raises ImportFileError naming every required column that is missing."""
    by_key: dict[str, str] = {}
    for header in headers:
        by_key.setdefault(norm(header), header)
    columns = {}
    for field_name, names in spec.columns.items():
        names = (*names, *_translated_headers(field_name))
        found = next((by_key[n] for n in names if n in by_key), None)
        if found is not None:
            columns[field_name] = found
    missing = [spec.label(f) for f in REQUIRED if f not in columns]
    if not any(f in columns for f in PLACE_FIELDS):
        missing.append(ONE_OF.format(columns=" / ".join(spec.label(f) for f in PLACE_FIELDS)))
    if missing:
        expected = ", ".join([*(spec.label(f) for f in REQUIRED), spec.label("location")])
        raise ImportFileError(
            MISSING_COLUMNS.format(
                missing=", ".join(f"“{m}”" for m in missing), source=Source(spec.source).label, expected=expected
            )
        )
    return columns
