"""Small pieces every registry's HTML views share, and the one list view of every registry.

`RegistryListView` is a registry's list page: the scoped queryset from the registry's selector, filtered by the
registry's one FilterSet (the same class its API uses), paginated (core.paging: bounded counts and pages, so
a million rows page as fast as a thousand), and downloadable as CSV or Excel of exactly
the filtered rows (`?export=csv|xlsx`) through the registry's `Exporter`. A filter the FilterSet rejects shows
its message and no rows, never a silent nothing. Subclass and set the class attributes; see README.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import UserPassesTestMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.shortcuts import render
from django.views import View

from vieclam.core.exports import FORMATS, Exporter
from vieclam.core.forms import style_form
from vieclam.core.paging import BoundedPaginator

T = TypeVar("T")

__all__ = ("RegistryListView", "StaffRequiredMixin", "call_service", "staff_required")


def staff_required(view: Callable) -> Callable:
    """Signed-in staff only (administrator, province, counsellor, commune); others get 403."""

    @functools.wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not request.user.is_staff_role:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


class StaffRequiredMixin(UserPassesTestMixin):
    """The class-based form of `staff_required`: anonymous visitors sign in first, other roles get 403."""

    def test_func(self) -> bool:
        return bool(getattr(self.request.user, "is_staff_role", False))


def call_service(form, call: Callable[[], T]) -> T | None:
    """Run the service; its field errors go back onto the form's fields (others to the top of the form)."""
    try:
        return call()
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
        for field, field_messages in errors.items():
            form.add_error(field if field in form.fields else None, field_messages)
        return None


class RegistryListView(StaffRequiredMixin, View):
    """A registry's list page with filters, pagination and CSV/Excel export of the filtered rows."""

    selector: ClassVar[Callable[..., QuerySet]]  # the registry's list selector: selector(viewer=user)
    filterset_class: ClassVar[type]
    exporter_class: ClassVar[type[Exporter] | None] = None
    template_name: ClassVar[str]
    paginator_class: ClassVar[type] = BoundedPaginator  # bounded counts and pages: fast on a million rows
    paginate_by: ClassVar[int] = 50

    def get_queryset(self) -> QuerySet:
        return type(self).selector(viewer=self.request.user)

    def decorate(self, page) -> None:
        """Hook: annotate the rows of the shown page (e.g. labels looked up once for the page)."""

    def get_context_data(self, **context: Any) -> dict:
        return context

    def get(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        filterset = self.filterset_class(request.GET, queryset=queryset, request=request)
        style_form(filterset.form)
        valid = filterset.is_valid()
        rows = filterset.qs if valid else queryset.none()
        fmt = request.GET.get("export")
        if fmt in FORMATS and valid and self.exporter_class is not None:
            return self.exporter_class().response(fmt, rows)
        paginator = self.paginator_class(rows, self.paginate_by)
        paginator.exportable = self.exporter_class is not None
        page = paginator.get_page(request.GET.get("page"))
        self.decorate(page)
        context = self.get_context_data(filter=filterset, page=page, query=_query_without_page(request))
        return render(request, self.template_name, context)


def _query_without_page(request) -> str:
    """The list's filters as a query string, for the pager and the export links."""
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    return query.urlencode()
