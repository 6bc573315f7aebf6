"""Reads of the employer registry, always through the viewer's scope, and code → row lookups for input."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from vieclam.accounts.scoping import get_scoped_or_404, scope_queryset
from vieclam.codelists.models import CodeItem, Industry
from vieclam.core.dates import today
from vieclam.core.text import fold
from vieclam.employers.choices import EMPLOYER_TYPES_LIST
from vieclam.employers.models import Employer
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.places.selectors import AreaCodeError, area_resolve

# Everything a list row, an export row or the API shows: one query for the whole page.
LIST_RELATED = ("commune", "commune__province", "employer_type", "industry")


def employer_list(*, viewer) -> QuerySet[Employer]:
    """Employers in the viewer's areas (all for an administrator; none for employer and worker roles)."""
    return scope_queryset(Employer.objects.select_related(*LIST_RELATED), viewer).order_by("name", "pk")


def employer_get(*, viewer, pk: int) -> Employer:
    """One employer, or Http404 when it does not exist or lies outside the viewer's areas."""
    return get_scoped_or_404(Employer.objects.select_related(*LIST_RELATED), viewer, pk=pk)


def employer_type_list() -> QuerySet[CodeItem]:
    """The Mẫu 01 employer types, in form order."""
    return CodeItem.objects.filter(code_list__slug=EMPLOYER_TYPES_LIST).valid_on(today()).order_by("order")


def industry_choice_list() -> QuerySet[Industry]:
    """Industries that can be chosen today: VSIC sections first, then level-4 codes."""
    return Industry.objects.valid_on(today()).order_by("level", "code")


def area_code_resolve(*, code: str, level: str) -> tuple[AdministrativeUnit, str]:
    """The unit in force today for `code` at `level`; an old pre-2025 code is mapped and the note says so.

    Raises a ValidationError (without a field name: the caller's field owns it) when the code cannot be used.
    """
    try:
        unit, note = area_resolve(code=code, on=today())
    except AreaCodeError as exc:
        raise ValidationError(str(exc), code="area") from exc
    if unit.level != level:
        message = (
            _("{name} ({code}) không phải cấp xã: hãy nhập mã xã, phường, đặc khu 5 chữ số.")
            if level == Level.COMMUNE
            else _("{name} ({code}) không phải cấp tỉnh: hãy nhập mã tỉnh, thành phố 2 chữ số.")
        )
        raise ValidationError(message.format(name=unit.name, code=unit.code), code="level")
    return unit, note


def industry_resolve(*, code: str) -> Industry:
    """The industry in force today with this VSIC code (a section letter or a level-4 code)."""
    code = (code or "").strip().upper()
    industry = industry_choice_list().filter(code=code).order_by("-valid_from").first()
    if industry is None:
        message = _("Không có ngành kinh tế mã {code} đang có hiệu lực (VSIC 2025: chữ cái ngành cấp 1 hoặc mã 4 số).")
        raise ValidationError(message.format(code=code), code="industry")
    return industry


def employer_pick(*, viewer, text: str, limit: int = 10) -> list[Employer]:
    """Employers in the viewer's areas for a picker: by the start of the tax code, or by words of the name."""
    text = (text or "").strip()
    employers = scope_queryset(Employer.objects.select_related("commune"), viewer)
    if text.replace("-", "").isdigit():
        return list(employers.filter(tax_code__startswith=text).order_by("tax_code")[:limit]) if len(text) >= 3 else []
    words = fold(text).split()
    if not words or len(text) < 2:
        return []
    for word in words:
        employers = employers.filter(search_text__contains=word)
    return list(employers.order_by("name", "pk")[:limit])


def employer_pick_get(*, viewer, pk: int) -> Employer | None:
    """The employer with this id if the viewer may see it (None otherwise)."""
    return scope_queryset(Employer.objects.select_related("commune"), viewer).filter(pk=pk).first()
