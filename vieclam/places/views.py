from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, QueryDict
from django.shortcuts import render

from vieclam.accounts.scoping import scope_for
from vieclam.core.paging import BoundedPaginator
from vieclam.core.widgets import picker_query, picker_response
from vieclam.places import selectors
from vieclam.places.filtersets import AreaFilterSet
from vieclam.places.forms import CommuneSource
from vieclam.places.models import AdministrativeUnit


def area_list(request):
    params = request.GET if request.GET else QueryDict("level=province")
    filterset = AreaFilterSet(params, queryset=AdministrativeUnit.objects.all())
    if filterset.is_valid():
        units, as_of = filterset.qs.order_by("code"), filterset.as_of_date
    else:
        units, as_of = AdministrativeUnit.objects.none(), None
    page = BoundedPaginator(units, 50).get_page(request.GET.get("page"))
    rows = [(unit, unit.version_on(as_of) if as_of else None) for unit in page]
    return render(request, "places/area_list.html", {"filter": filterset, "page": page, "rows": rows, "as_of": as_of})


def area_detail(request, code: str):
    filterset = AreaFilterSet({"as_of": request.GET.get("as_of", "")})
    filterset.is_valid()
    as_of = filterset.as_of_date
    unit = selectors.unit_get(code=code, as_of=as_of)
    if unit is None:
        raise Http404
    successors, predecessors = selectors.unit_successions(unit=unit)
    children = selectors.unit_list(as_of=as_of, parent=unit).order_by("code")[:500]
    context = {"unit": unit, "version": unit.version_on(as_of), "as_of": as_of, "successors": successors,
               "predecessors": predecessors, "children": children, "versions": unit.versions.all()}  # fmt: skip
    return render(request, "places/area_detail.html", context)


# --- Pickers ------------------------------------------------------------------------------------------------------


@login_required
def commune_picker(request):
    """HTMX options for a commune picker: `scope=mine` keeps to the user's areas, otherwise any province;
    `levels=all` offers whole provinces too."""
    query = picker_query(request)
    within = scope_for(request.user).units_q() if request.GET.get("scope") == "mine" else None
    source = CommuneSource(within=within, provinces=request.GET.get("levels") == "all")
    return picker_response(request, source.options(query), query=query)
