"""A person's timeline in the API: the same entries as the page, newest first (reading it is logged)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, generics, serializers
from rest_framework.response import Response

from vieclam.core.api.permissions import StaffApiMixin
from vieclam.core.timeline import timeline_kinds
from vieclam.people import selectors
from vieclam.people.models import Person

KIND = OpenApiParameter(
    "kind", OpenApiTypes.STR, many=True, description="Chỉ các loại sự việc này (lặp lại được); mặc định: tất cả"
)
LIMIT = OpenApiParameter("limit", OpenApiTypes.INT, description="1–500 (mặc định 200)")
ENTRY = inline_serializer(
    "TimelineEntry",
    {
        "at": serializers.DateTimeField(),
        "kind": serializers.CharField(),
        "kind_label": serializers.CharField(),
        "title": serializers.CharField(),
        "detail": serializers.CharField(),
        "actor": serializers.CharField(),
        "url": serializers.CharField(),
    },
    many=True,
)


class PersonTimelineApi(StaffApiMixin, generics.GenericAPIView):
    """Everything recorded about one person in your areas (registration and changes, household poverty reviews,
    applications and referrals, and every service that registers itself), newest first."""

    pagination_class = None
    queryset = Person.objects.none()  # read by the schema only

    @extend_schema(parameters=[KIND, LIMIT], responses={200: ENTRY})
    def get(self, request, pk: int):
        kinds = dict(timeline_kinds())
        chosen = request.query_params.getlist("kind")
        unknown = [kind for kind in chosen if kind not in kinds]
        if unknown:
            message = _("Không có loại sự việc “%(kind)s”. Các loại: %(known)s.")
            raise exceptions.ValidationError({"kind": [message % {"kind": unknown[0], "known": ", ".join(kinds)}]})
        raw = request.query_params.get("limit", "200")
        if not raw.isdigit() or not 1 <= int(raw) <= 500:
            raise exceptions.ValidationError({"limit": [_("limit phải là số nguyên từ 1 đến 500.")]})
        _person, entries = selectors.person_timeline(viewer=request.user, pk=pk, kinds=chosen or None, limit=int(raw))
        return Response([_row(entry, kinds) for entry in entries])


def _row(entry, kinds: dict[str, str]) -> dict:
    return {
        "at": timezone.localtime(entry.moment),
        "kind": entry.kind,
        "kind_label": kinds[entry.kind],
        "title": entry.title,
        "detail": entry.detail,
        "actor": entry.actor,
        "url": entry.url,
    }
