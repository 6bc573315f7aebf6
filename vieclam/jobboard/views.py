"""Public pages of the job board (no login): search with filters, and one vacancy with how to apply."""

from __future__ import annotations

from collections.abc import Callable

from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from vieclam.codelists.models import Occupation
from vieclam.core.dates import today
from vieclam.core.text import fold
from vieclam.employers.choices import PERSONAL_ID_TYPES
from vieclam.employers.models import Employer
from vieclam.jobboard.choices import Sort
from vieclam.jobboard.display import APPLY_URL, pay_text
from vieclam.jobboard.forms import JobSearchForm
from vieclam.jobboard.models import JobIndex
from vieclam.jobboard.search import JobQuery, job_get, job_search
from vieclam.jobboard.shared import cards, reference, request_state, search_page
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.vacancies.choices import CODED_FIELDS
from vieclam.vacancies.selectors import item_names

# A result card: the vacancy's title, pay, employer, place, contract type and dates, linking to its page.
CARD = """<a class="list-group-item list-group-item-action py-3" href="{url}">
  <div class="d-flex flex-column flex-sm-row justify-content-between gap-1">
    <h2 class="h6 mb-1 fw-semibold">{title}</h2>
    <span class="badge text-bg-success align-self-start">{pay}</span>
  </div>
  <div class="small">{employer}</div>
  <div class="small text-muted">{place}</div>
  <div class="small text-muted mt-1">{contract}<span class="me-2">{posted}</span>{deadline}</div>
</a>"""
CARD_FIELDS = (
    "vacancy_id", "vacancy__title", "vacancy__pay_min", "vacancy__pay_max", "vacancy__pay_band",
    "vacancy__pay_negotiable", "vacancy__contract_type", "vacancy__employer__name", "commune__name",
    "province__name", "posted_at", "deadline",
)  # fmt: skip
# Option values are strings, like the submitted values they are compared with.
PAY_CHOICES = [(str(n * 1_000_000), n) for n in (3, 5, 7, 10, 15, 20, 30)]
DAYS_CHOICES = [
    ("1", _("24 giờ qua")),
    ("3", _("3 ngày")),
    ("7", _("7 ngày")),
    ("14", _("14 ngày")),
    ("30", _("30 ngày")),
]


@require_GET
def job_search_page(request):
    """/jobs/?q=…: the filter form and one page of results; an HTMX request gets the board (form + results) alone."""
    current = request_state()
    form = JobSearchForm(request.GET or None, drop_stale_commune=True)
    valid = form.is_valid() if form.is_bound else True
    query = form.to_query() if form.is_bound and valid else JobQuery()
    results = search_page(query, request.GET.get("page"), job_search, current.generation) if valid else None
    page = results.paginator_page() if results else None
    result_cards = cards(results.ids, _render_cards, current.cards) if results else []
    filled = _filled(request.GET)
    places = [form.cleaned_data.get("province"), form.cleaned_data.get("commune")] if valid and form.is_bound else []
    selected = _selected(request.GET, results)
    context = {
        "form": form,
        "results": results,
        "page": page,
        "cards": result_cards,
        "query": filled,
        "place_notes": [p.note for p in places if p is not None and p.note],
        "selected": selected,
        **_options(form, valid, selected),
    }
    htmx = request.headers.get("HX-Request") and not request.headers.get("HX-Boosted")
    response = render(request, "jobboard/_board.html" if htmx else "jobboard/job_search.html", context)
    if htmx:  # the address bar shows the search without the empty fields of the form
        response["HX-Push-Url"] = _address(request.path, filled, page)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def job_detail(request, pk: int):
    """/jobs/<id>/: a live vacancy; 404 for drafts, closed, filled and expired ones and past deadlines."""
    vacancy = job_get(pk=pk)
    names = _item_names()
    context = {
        "vacancy": vacancy,
        "labels": names,
        "items": {f: names.get((f, getattr(vacancy, f)), "") for f in CODED_FIELDS},
        "employer": public_employer(vacancy.employer),
        "apply_url": APPLY_URL.format(id=vacancy.pk),
    }
    return render(request, "jobboard/job_detail.html", context)


def public_employer(employer: Employer) -> dict:
    """What the public may see of an employer: name, place, zone, and the phone and email it agreed to publish.

    Contacts are shown only with the employer's consent (`publish_contact`): for household businesses and
    individuals they are personal data. Their zone is never shown either; applicants reach any employer through
    the centre's application form. The contact person's name is never shown.
    """
    organisation = employer.employer_type.code not in PERSONAL_ID_TYPES
    commune = employer.commune
    return {
        "name": employer.name,
        "commune": commune.name,
        "commune_code": commune.code,
        "province": commune.province.name if commune.province_id else "",
        "zone_name": employer.zone_name if organisation else "",
        "phone": employer.phone if employer.publish_contact else "",
        "email": employer.email if employer.publish_contact else "",
    }


def _filled(params) -> str:
    """The search's non-empty parameters, urlencoded, without the page: what the pager links carry."""
    query = QueryDict(mutable=True)
    for name in JobSearchForm.base_fields:
        if params.get(name, "").strip():
            query[name] = params[name].strip()
    return query.urlencode()


def _address(path: str, query: str, page) -> str:
    if page is not None and page.number > 1:
        query = f"{query}&page={page.number}" if query else f"page={page.number}"
    return f"{path}?{query}" if query else path


def _selected(params, results) -> dict[str, str]:
    """The submitted values as the selects' option values (strings), so the template compares plain strings."""
    selected = {name: params.get(name, "").strip() for name in JobSearchForm.base_fields}
    selected["sort"] = results.sort if results else selected["sort"]
    return selected


def _item_names() -> dict[tuple[str, str], str]:
    return reference("item_names", item_names)


def _render_cards(ids: list[int]) -> dict[int, str]:
    """{vacancy id: its result card} for the cards not in the cache (one query for them all).

    Written in Python rather than a template: a page of twenty cards is most of what an uncached search renders.
    """
    labels = _item_names()
    posted, deadline = gettext("Đăng"), gettext("Hạn nộp")
    link = reverse("jobboard:job_detail", args=[0]).removesuffix("0/")
    made = {}
    for row in JobIndex.objects.filter(vacancy_id__in=ids).values_list(*CARD_FIELDS):
        (pk, title, pay_min, pay_max, pay_band, negotiable, contract_type, employer, commune, province,
         posted_at, deadline_day) = row  # fmt: skip
        band = labels.get(("pay_band", pay_band), "") if pay_band else ""
        pay = pay_text(pay_min=pay_min, pay_max=pay_max, band_label=band, negotiable=negotiable)
        contract = labels.get(("contract_type", contract_type), "") if contract_type else ""
        made[pk] = format_html(
            CARD,
            url=f"{link}{pk}/",
            title=title,
            pay=pay,
            employer=employer,
            place=f"{commune}, {province}",
            contract=format_html('<span class="me-2">{}</span>', contract) if contract else "",
            posted=f"{posted} {localtime(posted_at):%d/%m/%Y}",
            deadline=format_html("<span>{} {}</span>", deadline, f"{deadline_day:%d/%m/%Y}") if deadline_day else "",
        )
    return made


def _options(form: JobSearchForm, valid: bool, selected: dict[str, str]) -> dict:
    """The choices of the filter form's selects: the same for every visitor, so kept by each worker
    (jobboard.shared.reference); the two long lists as their rendered options, per selected value."""
    province = form.cleaned_data.get("province") if valid and form.is_bound else None
    return {
        "province_options": _rendered_options("provinces", _provinces, selected["province"]),
        "occupation_options": _rendered_options("occupations", _occupations, selected["occupation"]),
        "contract_types": [(i.code, i.name) for i in form.contract_type_items],
        "communes": reference("communes", lambda: _communes(province_id=province.unit_id), province.unit_id)
        if province and province.unit_id
        else [],
        "pay_choices": PAY_CHOICES,
        "days_choices": DAYS_CHOICES,
        "sort_choices": Sort.choices,
    }


def _rendered_options(name: str, compute: Callable[[], list[tuple]], selected: str) -> str:
    choices = reference(name, compute)
    if selected not in {choice[0] for choice in choices}:
        selected = ""  # not an option: nothing selected (and no cache entry per odd value)
    return reference(f"{name}-options", lambda: _option_tags(choices, selected), selected)


def _option_tags(choices: list[tuple], selected: str) -> str:
    """<option>s of (code, name) or (code, level, name) choices; a level-2 occupation is indented."""
    tags = []
    for code, *rest in choices:
        name = rest[-1] if len(rest) == 1 else Truncator(rest[-1]).chars(60)
        indent = mark_safe("&nbsp;&nbsp;") if len(rest) == 2 and rest[0] == 2 else ""
        mark = mark_safe(" selected") if code == selected else ""
        tags.append(format_html('<option value="{}"{}>{}{}</option>', code, mark, indent, name))
    return mark_safe("".join(tags))


def _provinces() -> list[tuple[str, str]]:
    rows = AdministrativeUnit.objects.current().filter(level=Level.PROVINCE).values_list("code", "short_name")
    return sorted(rows, key=lambda row: fold(row[1]))


def _occupations() -> list[tuple[str, int, str]]:
    """The first two levels of VSCO 2020 in force, without the armed forces (major group 0)."""
    rows = Occupation.objects.valid_on(today()).filter(level__lte=2).exclude(code__startswith="0").order_by("code")
    return [(o.code, o.level, o.name) for o in rows.only("code", "level", "name_vi", "name_en")]


def _communes(*, province_id: int) -> list[tuple[str, str]]:
    rows = AdministrativeUnit.objects.current().filter(level=Level.COMMUNE, province_id=province_id)
    return sorted(rows.values_list("code", "name"), key=lambda row: fold(row[1]))
