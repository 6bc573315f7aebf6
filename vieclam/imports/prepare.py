"""Phase 1 of an import: turn each row into the values of a vacancy, writing nothing.

Per row, in order:
1. `read`: the cells of our fields, plain text only (HTML is an error), the posting's id and link, the deadline
   (a deadline already past makes the row 'expired': skipped, not an error).
2. `complete` (rows still to create): title, pay (vieclam.coding.pay), headcount, description, occupation (the
   file's code, else the top suggestion of vieclam.coding.suggest, flagged below `review_below`), workplace
   (locations.PlaceResolver) and employer: by tax code when the file has one, else by name within the province,
   always within the officer's areas (accounts.scoping through selectors).
3. `link_new_employers`: a row naming an employer that another row of the file registers (tax code and type
   given) is linked to it.

Errors and flags are collected on the row's RowReport with the column as named in the file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.scoping import scope_for
from vieclam.codelists.models import CodeItem, Occupation
from vieclam.coding.pay import Pay, parse_pay
from vieclam.coding.suggest import Suggestion, suggest_occupations
from vieclam.core.text import clean_text, fold, is_multiline
from vieclam.employers import taxcode
from vieclam.employers.choices import EMPLOYER_TYPES_LIST
from vieclam.employers.models import Employer
from vieclam.imports import selectors
from vieclam.imports.choices import Outcome
from vieclam.imports.locations import Place, PlaceError, PlaceResolver
from vieclam.imports.readers import Record
from vieclam.imports.report import RowReport
from vieclam.imports.sources import SourceSpec
from vieclam.vacancies.choices import VacancyStatus

__all__ = ("OCCUPATION_REVIEW_BELOW", "BatchPreparer", "PreparedRow")

# Below this confidence the suggested occupation is flagged "cần kiểm tra mã nghề". On the 350 labelled real
# titles (vieclam/coding/data/eval_titles.csv) 10 % score below 0.6, and their top suggestion is right 53 % of
# the time, against 89 % for the rest.
OCCUPATION_REVIEW_BELOW = 0.6
TITLE_MAX = 255  # Vacancy.title
NAME_MAX = 255  # Employer.name
ADDRESS_MAX = 255  # Employer.street_address
DESCRIPTION_MAX = 20_000
EXTERNAL_ID_MAX = 200
URL_MAX = 500
POSITIONS_MAX = 100_000
PAY_MAX = 2_147_483_647  # PositiveIntegerField
SKILL_MAX, SKILLS_MAX = 200, 30
TEXT_FIELDS = (
    "external_id", "title", "company", "tax_code", "employer_type", "location", "address", "commune", "salary",
    "positions", "deadline", "occupation", "description", "url",
)  # fmt: skip
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?\s*>|&(?:lt|gt|amp|nbsp|quot|#\d+);")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")

HTML_IN_CELL = _("Ô có mã HTML ({tag}): chỉ nhận văn bản thuần, hãy bỏ các thẻ HTML.")
TITLE_MISSING = _("Thiếu tên vị trí việc làm.")
TITLE_TOO_LONG = _("Tên vị trí dài {length} ký tự; tối đa {max} ký tự.")
COMPANY_MISSING = _("Thiếu tên người sử dụng lao động.")
COMPANY_TOO_LONG = _("Tên người sử dụng lao động dài {length} ký tự; tối đa {max} ký tự.")
ID_TOO_LONG = _("Mã tin dài {length} ký tự; tối đa {max} ký tự.")
BAD_URL = _("Liên kết phải bắt đầu bằng http:// hoặc https:// và dài tối đa {max} ký tự.")
BAD_DEADLINE = _("Hạn nộp “{text}” không phải ngày: ghi dd/mm/yyyy hoặc yyyy-mm-dd.")
DEADLINE_PASSED = _("Hạn nộp {day} đã qua: tin đã hết hạn nên không nhập.")
PAY_UNREADABLE = _(
    "Không đọc được mức lương “{text}”: ghi dạng “8 - 12 triệu”, “Từ 8 triệu”, “Tới 20 triệu” hoặc “Thỏa thuận”."
)
PAY_MISSING = _("Chưa ghi mức lương: ghi số tiền (“8 - 12 triệu”) hoặc “Thỏa thuận”.")
PAY_UNREADABLE_FLAG = _("Không đọc được mức lương “{text}”: đã ghi là lương thỏa thuận, cần kiểm tra.")
PAY_USD_INFERRED = _("Mức lương “{text}” ghi VND nhưng quá nhỏ nên được hiểu là USD: cần kiểm tra.")
PAY_TOO_LARGE = _("Mức lương “{text}” quá lớn (quá {max} đồng/tháng).")
BAD_POSITIONS = _("Số lượng cần tuyển “{text}” phải là số nguyên từ 1 đến {max}.")
DESCRIPTION_TOO_LONG = _("Mô tả dài {length} ký tự; tối đa {max} ký tự.")
OCCUPATION_UNKNOWN = _("Không có mã nghề “{code}” trong danh mục nghề nghiệp VSCO 2020.")
OCCUPATION_NONE = _("Không gợi ý được mã nghề cho “{title}”: thêm cột “Mã nghề” (VSCO 2020, 4 chữ số).")
OCCUPATION_REVIEW = _("Cần kiểm tra mã nghề: {code} {name} (độ tin cậy {score}); gợi ý khác: {others}.")
PLACE_UNKNOWN = _("Không nhận ra tỉnh, thành phố nơi làm việc trong “{text}”.")
PLACE_MISSING = _("Chưa ghi nơi làm việc.")
COMMUNE_UNKNOWN = _(
    "Không xác định được xã, phường nơi làm việc từ “{text}”: ghi địa chỉ có tên xã, phường, thêm cột “Mã xã”, "
    "hoặc đăng ký người sử dụng lao động ở tỉnh này trước."
)
MANY_PLACES = _("Tin ghi nhiều nơi làm việc (“{text}”): đã lấy {province}.")
WORKPLACE_FROM_EMPLOYER = _(
    "Không xác định được xã, phường từ “{text}”: đã lấy xã, phường của người sử dụng lao động ({commune})."
)
OUTSIDE_AREA = _(
    "Nơi làm việc ở {province}, ngoài địa bàn bạn phụ trách, và không có người sử dụng lao động này trong địa bàn "
    "của bạn: tin thuộc sàn việc làm tỉnh khác."
)
EMPLOYER_NOT_FOUND = _(
    "Chưa có người sử dụng lao động “{name}” ở {province} trong sổ đăng ký: đăng ký trước, hoặc thêm cột "
    "“Mã số thuế” và “Loại hình” để đăng ký cùng lúc nhập."
)
EMPLOYER_AMBIGUOUS = _("Có {count} người sử dụng lao động tên “{name}” ở {province}: thêm cột “Mã số thuế” để chọn.")
EMPLOYER_ELSEWHERE = _(
    "Mã số thuế {code} đã được đăng ký cho một người sử dụng lao động ngoài địa bàn bạn phụ trách: tin thuộc sàn "
    "việc làm tỉnh khác."
)
EMPLOYER_TYPE_NEEDED = _(
    "Chưa có người sử dụng lao động mã số thuế {code}: để đăng ký mới cần cột “Loại hình” ({choices})."
)
EMPLOYER_TYPE_UNKNOWN = _("Không có loại hình “{value}”: dùng {choices}.")
EMPLOYER_NEEDS_COMMUNE = _("Để đăng ký người sử dụng lao động mới cần biết xã, phường: thêm địa chỉ hoặc cột “Mã xã”.")
EMPLOYER_OTHER_NAME = _("Mã số thuế {code} đã đăng ký với tên “{registered}”, khác tên trong tệp “{name}”.")
NEW_EMPLOYER = _("{name} ({code}) – đăng ký mới")


@dataclass
class PreparedRow:
    """A row on its way to a vacancy: the report, the row as read, and the values the services take."""

    report: RowReport
    raw: dict[str, Any]
    cells: dict[str, Any] = field(default_factory=dict)  # field → value as read (for lists and spreadsheet dates)
    values: dict[str, str] = field(default_factory=dict)  # field → cell as text
    place: Place | None = None
    vacancy: dict[str, Any] = field(default_factory=dict)  # data for vacancy_create, without the employer
    employer: Employer | None = None
    new_employer: dict[str, Any] | None = None  # data for employer_create, when this row registers one
    employer_tax_code: str = ""  # the employer this row registers, or one registered by another row of the file
    needs_employer: bool = False  # no employer of that name yet: maybe another row registers it


class BatchPreparer:
    """Prepares the rows of one file; caches suggestions, occupations, places (by their texts), employer names and
    rows for the file."""

    def __init__(self, *, actor, spec: SourceSpec, columns: dict[str, str], today: dt.date, review_below: float):
        self.actor = actor
        self.spec = spec
        self.columns = columns
        self.today = today
        self.review_below = review_below
        self.scope = scope_for(actor)
        self.places = PlaceResolver(on=today, prefer=self.scope.covers_unit)
        self._suggestions: dict[str, list[Suggestion]] = {}
        self._occupations: dict[str, Occupation | None] = {}
        self._names: dict[int, dict[str, list[int]]] = {}
        self._employers: dict[int, Employer] = {}
        self._types: dict[str, CodeItem] | None = None
        self._tax_codes: dict[str, tuple[Employer | None, Employer | None]] = {}
        self._places: dict[tuple[str, str, str], Place | PlaceError] = {}

    def column(self, field_name: str) -> str:
        """The column of a field as named in the file (or as it should be named, when the file lacks it)."""
        return self.columns.get(field_name) or self.spec.label(field_name)

    #
    # 1. Read
    #
    def read(self, record: Record, flat: dict[str, Any]) -> PreparedRow:
        row = PreparedRow(RowReport(line=record.line), raw=_json_safe(record.values))
        report = row.report
        if record.error:
            report.error("", record.error)
            return row
        row.cells = {f: flat.get(header) for f, header in self.columns.items()}
        # The readers dropped control characters keeping line breaks; a one-line column loses them here (core.text).
        row.values = {f: clean_text(_text(value), multiline=is_multiline(f)) for f, value in row.cells.items()}
        report.title, report.company = _one_line(row.values.get("title", "")), _one_line(row.values.get("company", ""))
        url = row.values.get("url", "")
        url_ok = not url or (re.match(r"https?://\S+$", url) and len(url) <= URL_MAX)
        report.url = url if url_ok else ""  # never a javascript: or data: link on the preview
        report.external_id = self._external_id(row)
        self._deadline(row)
        if report.outcome == Outcome.EXPIRED:
            return row
        for field_name in TEXT_FIELDS:
            match = _HTML.search(row.values.get(field_name, ""))
            if match:
                report.error(self.column(field_name), HTML_IN_CELL.format(tag=match.group(0)[:40]))
        if not url_ok:
            report.error(self.column("url"), BAD_URL.format(max=URL_MAX))
        return row

    def _external_id(self, row: PreparedRow) -> str:
        given = row.values.get("external_id", "")
        if given:
            if len(given) > EXTERNAL_ID_MAX:
                row.report.error(self.column("external_id"), ID_TOO_LONG.format(length=len(given), max=EXTERNAL_ID_MAX))
            return given[:EXTERNAL_ID_MAX]
        url = row.values.get("url", "")
        match = self.spec.id_in_url.search(url) if self.spec.id_in_url and url else None
        if match:
            return match.group(1)
        if url:
            return url[:EXTERNAL_ID_MAX]
        # No id and no link (our template without "Mã tin"): a row is identified by all its cells, so the same
        # file imported twice finds its rows, and two rows that differ in anything are two postings.
        cells = "|".join(f"{f}={v}" for f, v in sorted(row.values.items()))
        return "sha1:" + hashlib.sha1(fold(cells).encode(), usedforsecurity=False).hexdigest()

    def _deadline(self, row: PreparedRow) -> None:
        text = row.values.get("deadline", "")
        if not text:
            return
        day = _date(row.cells.get("deadline"), text)
        if day is None:
            row.report.error(self.column("deadline"), BAD_DEADLINE.format(text=text[:40]))
            return
        row.report.deadline = day.isoformat()
        row.vacancy["deadline"] = day
        if day < self.today:
            row.report.outcome = Outcome.EXPIRED
            row.report.note = str(DEADLINE_PASSED.format(day=date_format(day, "SHORT_DATE_FORMAT")))

    #
    # 2. Complete
    #
    def complete(self, row: PreparedRow) -> None:
        for step in (self._title, self._pay, self._details, self._occupation, self._place, self._employer):
            step(row)
        row.vacancy["status"] = VacancyStatus.OPEN
        report = row.report
        if row.place and row.place.province:
            commune = row.vacancy.get("workplace_commune")
            names = [commune.name] if commune else []
            report.place = ", ".join([*names, row.place.province.name])

    def _title(self, row: PreparedRow) -> None:
        report = row.report
        if not report.title:
            report.error(self.column("title"), TITLE_MISSING)
        elif len(report.title) > TITLE_MAX:
            report.error(self.column("title"), TITLE_TOO_LONG.format(length=len(report.title), max=TITLE_MAX))
        row.vacancy["title"] = report.title
        if not report.company:
            report.error(self.column("company"), COMPANY_MISSING)
        elif len(report.company) > NAME_MAX:
            report.error(self.column("company"), COMPANY_TOO_LONG.format(length=len(report.company), max=NAME_MAX))

    def _pay(self, row: PreparedRow) -> None:
        report, text = row.report, _one_line(row.values.get("salary", ""))
        report.pay_text = text
        pay = parse_pay(text) if text else Pay()
        if pay.pay_min is None and pay.pay_max is None and not pay.negotiable:
            if self.spec.pay_must_parse:
                message = PAY_UNREADABLE.format(text=text[:60]) if text else PAY_MISSING
                report.error(self.column("salary"), message)
                return
            report.flag(PAY_UNREADABLE_FLAG.format(text=text[:60]))
            pay = Pay(negotiable=True)
        if any(v is not None and v > PAY_MAX for v in (pay.pay_min, pay.pay_max)):
            report.error(self.column("salary"), PAY_TOO_LARGE.format(text=text[:60], max=f"{PAY_MAX:,}"))
            return
        if pay.currency_source == "usd_inferred":
            report.flag(PAY_USD_INFERRED.format(text=text[:60]))
        report.pay_min, report.pay_max, report.pay_negotiable = pay.pay_min, pay.pay_max, pay.negotiable
        row.vacancy.update(pay_min=pay.pay_min, pay_max=pay.pay_max, pay_negotiable=pay.negotiable)

    def _details(self, row: PreparedRow) -> None:
        """Headcount (1 when blank), description and skills."""
        text = row.values.get("positions", "")
        count = _integer(text) if text else 1
        if count is None or not 1 <= count <= POSITIONS_MAX:
            row.report.error(self.column("positions"), BAD_POSITIONS.format(text=text[:20], max=POSITIONS_MAX))
        row.vacancy["positions_count"] = count or 1
        description = (row.values.get("description") or "").strip()
        if len(description) > DESCRIPTION_MAX:
            message = DESCRIPTION_TOO_LONG.format(length=len(description), max=DESCRIPTION_MAX)
            row.report.error(self.column("description"), message)
        row.vacancy["description"] = description
        skills = row.cells.get("skills")
        items = skills if isinstance(skills, list) else re.split(r"[;\n]", _text(skills))
        clean = [" ".join(str(s).split()) for s in items if isinstance(s, str | int)]
        row.vacancy["skills"] = list(dict.fromkeys(s for s in clean if s and len(s) <= SKILL_MAX))[:SKILLS_MAX]

    def _occupation(self, row: PreparedRow) -> None:
        report, code = row.report, row.values.get("occupation", "").strip()
        if code:
            occupation = self._occupation_row(code)
            if occupation is None:
                report.error(self.column("occupation"), OCCUPATION_UNKNOWN.format(code=code[:20]))
                return
            report.occupation_code, report.occupation_name = occupation.code, occupation.display_name
            row.vacancy["occupation"] = occupation
            return
        if not report.title:
            return
        if report.title not in self._suggestions:
            self._suggestions[report.title] = suggest_occupations(report.title, limit=3)
        suggestions = self._suggestions[report.title]
        occupation = self._occupation_row(suggestions[0].code) if suggestions else None
        if occupation is None:
            report.error(self.column("title"), OCCUPATION_NONE.format(title=report.title[:80]))
            return
        top = suggestions[0]
        report.occupation_code, report.occupation_name, report.occupation_score = top.code, top.name, top.score
        row.vacancy["occupation"] = occupation
        if top.score < self.review_below:
            others = ", ".join(f"{s.code} {s.name}" for s in suggestions[1:]) or "—"
            score = f"{top.score:.2f}".replace(".", ",")
            report.flag(OCCUPATION_REVIEW.format(code=top.code, name=top.name, score=score, others=others))

    def _occupation_row(self, code: str) -> Occupation | None:
        if code not in self._occupations:
            self._occupations[code] = Occupation.objects.filter(code=code).first()
        return self._occupations[code]

    def _place(self, row: PreparedRow) -> None:
        location, address = row.values.get("location", ""), row.values.get("address", "")
        key = (location, address, row.values.get("commune", ""))
        if key not in self._places:  # a file names the same few places over and over
            try:
                self._places[key] = self.places.resolve(location=location, address=address, commune_code=key[2])
            except PlaceError as exc:
                self._places[key] = exc
        place = self._places[key]
        if isinstance(place, PlaceError):
            row.report.error(self.column("commune"), str(place))
            return
        row.place = place
        row.report.notes.extend(place.notes)
        if place.commune is not None:
            row.vacancy["workplace_commune"] = place.commune
        if place.many:
            row.report.flag(MANY_PLACES.format(text=_one_line(location)[:120], province=place.province.name))

    def _employer(self, row: PreparedRow) -> None:
        if not row.report.company:
            return
        tax_text = _tax_text(row.cells.get("tax_code"), row.values.get("tax_code", ""))
        if tax_text:
            self._employer_by_tax_code(row, tax_text)
        else:
            self._employer_by_name(row)
        self._workplace(row)

    def _employer_by_tax_code(self, row: PreparedRow, text: str) -> None:
        report = row.report
        try:
            code = taxcode.parse(text).code
        except taxcode.TaxCodeError as exc:
            report.error(self.column("tax_code"), str(exc))
            return
        if code not in self._tax_codes:
            self._tax_codes[code] = selectors.employer_by_tax_code(viewer=self.actor, code=code)
        inside, elsewhere = self._tax_codes[code]
        if inside is not None:
            self._use_employer(row, inside)
            if selectors.employer_key(inside.name) != selectors.employer_key(report.company):
                report.flag(EMPLOYER_OTHER_NAME.format(code=code, registered=inside.name, name=report.company))
        elif elsewhere:
            report.error(self.column("tax_code"), EMPLOYER_ELSEWHERE.format(code=code))
        else:
            self._register(row, code)

    def _register(self, row: PreparedRow, code: str) -> None:
        """A new employer from the row: name, tax code, type, and the workplace commune as its commune."""
        report, value = row.report, row.values.get("employer_type", "").strip()
        choices = ", ".join(sorted({item.code for item in self._employer_types().values()}))
        if not value:
            report.error(self.column("employer_type"), EMPLOYER_TYPE_NEEDED.format(code=code, choices=choices))
            return
        employer_type = self._employer_types().get(_key(value))
        if employer_type is None:
            report.error(self.column("employer_type"), EMPLOYER_TYPE_UNKNOWN.format(value=value[:60], choices=choices))
            return
        commune = row.vacancy.get("workplace_commune")
        if commune is not None and not self.scope.covers_unit(commune):
            report.error(self.column("location"), OUTSIDE_AREA.format(province=commune.province.name))
            return
        row.employer_tax_code = code
        row.new_employer = {
            "name": report.company,
            "tax_code": code,
            "employer_type": employer_type,
            "commune": commune,
            "street_address": _one_line(row.values.get("address", ""))[:ADDRESS_MAX],
        }
        report.employer, report.employer_new = str(NEW_EMPLOYER.format(name=report.company, code=code)), True

    def _employer_types(self) -> dict[str, CodeItem]:
        """Folded code and folded name → the employer-type item in force ('dn_fdi', 'doanh nghiep fdi')."""
        if self._types is None:
            items = CodeItem.objects.valid_on(self.today).filter(code_list__slug=EMPLOYER_TYPES_LIST)
            self._types = {}
            for item in items:
                self._types[_key(item.code)] = item
                self._types.setdefault(_key(item.name_vi), item)
        return self._types

    def _employer_by_name(self, row: PreparedRow) -> None:
        report, place = row.report, row.place
        province = place.province if place else None
        if province is None or not report.company:
            return  # the place step has said what is missing
        if province.pk not in self._names:
            self._names[province.pk] = selectors.employer_names(viewer=self.actor, province=province)
        ids = self._names[province.pk].get(selectors.employer_key(report.company), [])
        if len(ids) > 1:
            message = EMPLOYER_AMBIGUOUS.format(count=len(ids), name=report.company, province=province.name)
            report.error(self.column("company"), message)
        elif ids:
            self._use_employer(row, self._employer_row(ids[0]))
        else:
            row.needs_employer = True

    def _employer_row(self, pk: int) -> Employer:
        if pk not in self._employers:
            self._employers[pk] = Employer.objects.select_related("commune").get(pk=pk)
        return self._employers[pk]

    def _use_employer(self, row: PreparedRow, employer: Employer) -> None:
        row.employer = employer
        row.report.employer = str(employer)

    def _workplace(self, row: PreparedRow) -> None:
        """The commune named in the row; else the employer's, when it lies in the province the row names."""
        report, place, employer = row.report, row.place, row.employer
        if "workplace_commune" in row.vacancy or (place is None and row.values.get("commune")):
            return  # found, or the commune code's own error is already given
        province = place.province if place else None
        if employer is not None and (province is None or employer.commune.province_id == province.pk):
            row.vacancy["workplace_commune"] = employer.commune
            report.notes.append(
                WORKPLACE_FROM_EMPLOYER.format(text=self._place_text(row), commune=employer.commune.name)
            )
        elif province is None:
            text = self._place_text(row)
            report.error(self.column("location"), PLACE_UNKNOWN.format(text=text) if text else PLACE_MISSING)
        elif employer is None and not self.scope.covers_unit(province):
            report.error(self.column("location"), OUTSIDE_AREA.format(province=province.name))
        elif row.new_employer is not None:
            report.error(self.column("location"), EMPLOYER_NEEDS_COMMUNE)
            row.new_employer = None
        elif not row.needs_employer:
            report.error(self.column("location"), COMMUNE_UNKNOWN.format(text=self._place_text(row)))

    def _place_text(self, row: PreparedRow) -> str:
        texts = [row.values.get(f, "") for f in ("location", "address") if row.values.get(f)]
        return _one_line(", ".join(texts))[:120]

    #
    # 3. Employers registered by another row of the file
    #
    def link_new_employers(self, rows: list[PreparedRow]) -> None:
        registered: dict[tuple[int, str], PreparedRow] = {}
        for row in rows:
            if row.new_employer is not None and row.place is not None and row.place.province is not None:
                key = (row.place.province.pk, selectors.employer_key(row.report.company))
                registered.setdefault(key, row)
        for row in rows:
            if row.needs_employer:
                self._link(row, registered)

    def _link(self, row: PreparedRow, registered: dict[tuple[int, str], PreparedRow]) -> None:
        report, province = row.report, row.place.province
        other = registered.get((province.pk, selectors.employer_key(report.company)))
        if other is None:
            if not self.scope.covers_unit(province):
                report.error(self.column("location"), OUTSIDE_AREA.format(province=province.name))
            else:
                message = EMPLOYER_NOT_FOUND.format(name=report.company, province=province.name)
                report.error(self.column("company"), message)
            return
        row.employer_tax_code, row.new_employer = other.employer_tax_code, other.new_employer
        report.employer, report.employer_new = other.report.employer, True
        if "workplace_commune" not in row.vacancy:
            commune = other.new_employer["commune"]
            row.vacancy["workplace_commune"] = commune
            report.notes.append(WORKPLACE_FROM_EMPLOYER.format(text=self._place_text(row), commune=commune.name))
            report.place = f"{commune.name}, {province.name}"


#
# Cells
#
def _text(value: Any) -> str:
    """A cell as text: numbers without '.0', dates as ISO, lists joined with '; '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(_text(item) for item in value if item not in (None, ""))
    return str(value).replace("\x00", "").strip()  # a NUL is no text (PostgreSQL refuses it), only a file's noise


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def _integer(text: str) -> int | None:
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def _tax_text(cell: Any, text: str) -> str:
    """A tax code typed as a number in Excel loses its leading zero (0100109106 → 100109106): put it back."""
    if isinstance(cell, int | float) and not isinstance(cell, bool) and len(text) in (9, 11):
        return text.zfill(len(text) + 1)
    return text


def _date(cell: Any, text: str) -> dt.date | None:
    """A deadline: a spreadsheet date, an ISO date or date-time (an instant becomes the day in Vietnam), dd/mm/yyyy."""
    if isinstance(cell, dt.datetime):
        return timezone.localtime(cell).date() if timezone.is_aware(cell) else cell.date()
    if isinstance(cell, dt.date):
        return cell
    match = _DAY_FIRST.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def _json_safe(values: dict[str, Any]) -> dict[str, Any]:
    """The row as read, for ImportedPosting.raw: dates as text, and the HTML copies of TopCV's sections left out."""

    def clean(value):
        if isinstance(value, dict):
            return {str(k): clean(v) for k, v in value.items() if k != "html"}
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dt.datetime | dt.date | dt.time):
            return value.isoformat()
        if isinstance(value, str):
            return value.replace("\x00", "")
        if value is None or isinstance(value, int | float | bool):
            return value
        return str(value)

    return clean(values)
