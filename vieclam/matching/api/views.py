from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from vieclam.accounts.scoping import get_scoped_or_404
from vieclam.matching import selectors
from vieclam.people.models import Person
from vieclam.vacancies.models import Vacancy

LIMIT = OpenApiParameter("limit", OpenApiTypes.INT, description="1–100 (mặc định 20)")
RESULT = {"score": serializers.FloatField(), "reasons": serializers.ListField(child=serializers.CharField())}


def _limit(request) -> int:
    raw = request.query_params.get("limit", "20")
    if not raw.isdigit() or not 1 <= int(raw) <= 100:
        raise exceptions.ValidationError({"limit": [_("limit phải là số nguyên từ 1 đến 100.")]})
    return int(raw)


class VacancyCandidatesApi(APIView):
    """Job seekers in your areas ranked for this vacancy, each with its score and reasons."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(parameters=[LIMIT], responses=inline_serializer("CandidateList", {
        "vacancy": serializers.IntegerField(),
        "results": inline_serializer("Candidate", {"profile": serializers.IntegerField(),
                                                    "person": serializers.IntegerField(),
                                                    "full_name": serializers.CharField(),
                                                    "national_id": serializers.CharField(), **RESULT}, many=True),
    }))  # fmt: skip
    def get(self, request, pk: int):
        if not request.user.is_staff_role:
            raise exceptions.PermissionDenied
        limit = _limit(request)
        vacancy = get_scoped_or_404(Vacancy.objects.select_related("workplace_commune"), request.user, pk=pk)
        ranked = selectors.candidates_for_vacancy(viewer=request.user, vacancy=vacancy, limit=limit)
        results = [{"profile": p.pk, "person": p.person_id, "full_name": p.person.full_name,
                    "national_id": p.person.masked_national_id, "score": m.score, "reasons": m.reasons}
                   for p, m in ranked]  # fmt: skip
        return Response({"vacancy": vacancy.pk, "results": results})


class PersonRecommendationsApi(APIView):
    """Open vacancies ranked for this person (staff in the person's area, or the worker themself)."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(parameters=[LIMIT], responses=inline_serializer("RecommendationList", {
        "person": serializers.IntegerField(),
        "results": inline_serializer("Recommendation", {"vacancy": serializers.IntegerField(),
                                                         "title": serializers.CharField(),
                                                         "employer": serializers.CharField(),
                                                         "commune": serializers.CharField(), **RESULT}, many=True),
    }))  # fmt: skip
    def get(self, request, pk: int):
        limit = _limit(request)
        person = get_scoped_or_404(Person.objects.select_related("household", "ethnicity"), request.user, pk=pk)
        ranked = selectors.recommendations_for_person(person=person, limit=limit)
        results = [{"vacancy": v.pk, "title": v.title, "employer": v.employer.name,
                    "commune": v.workplace_commune.name, "score": m.score, "reasons": m.reasons}
                   for v, m in ranked]  # fmt: skip
        return Response({"person": person.pk, "results": results})
