"""Public, read-only API of the national code lists (no login).

Every list takes `q` (name or code, ignoring case and diacritics) and `as_of` (rows in force that day), and is
paginated with `page` and `page_size`. Industries return both VSIC editions unless `system` is given.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import exceptions, generics, permissions
from rest_framework.throttling import AnonRateThrottle

from vieclam.codelists import selectors
from vieclam.codelists.api.serializers import (
    CodeListSerializer,
    EthnicGroupSerializer,
    IndustryDetailSerializer,
    IndustrySerializer,
    OccupationDetailSerializer,
    OccupationSerializer,
)
from vieclam.codelists.choices import IndustrySystem
from vieclam.codelists.filtersets import (
    CodeListFilterSet,
    EthnicGroupFilterSet,
    IndustryFilterSet,
    OccupationFilterSet,
)


class PublicReadMixin:
    permission_classes = [permissions.AllowAny]
    authentication_classes: list = []
    throttle_classes = [AnonRateThrottle]


class OccupationListApi(PublicReadMixin, generics.ListAPIView):
    """VSCO 2020 occupations, with ISCO-08 groups filling its gaps (`origin` = isco08_fill)."""

    serializer_class = OccupationSerializer
    filterset_class = OccupationFilterSet

    def get_queryset(self):
        return selectors.occupation_list()


class OccupationDetailApi(PublicReadMixin, generics.RetrieveAPIView):
    """One occupation with its ancestors and children."""

    serializer_class = OccupationDetailSerializer

    def get_object(self):
        occupation = selectors.occupation_get(code=self.kwargs["code"])
        if occupation is None:
            raise exceptions.NotFound(_("Không có nghề mã {code}.").format(code=self.kwargs["code"]))
        return occupation


class IndustryListApi(PublicReadMixin, generics.ListAPIView):
    """VSIC 2025 (partial: level 4 and sections) and VSIC 2007 industries; `system` picks one edition."""

    serializer_class = IndustrySerializer
    filterset_class = IndustryFilterSet

    def get_queryset(self):
        return selectors.industry_list()


class IndustryDetailApi(PublicReadMixin, generics.RetrieveAPIView):
    """One industry of one VSIC edition, with its ancestors and children."""

    serializer_class = IndustryDetailSerializer

    def get_object(self):
        system, code = self.kwargs["system"], self.kwargs["code"]
        if system not in IndustrySystem.values:
            raise exceptions.NotFound(
                _("Không có hệ thống ngành {system}: dùng vsic2025 hoặc vsic2007.").format(system=system)
            )
        industry = selectors.industry_get(system=system, code=code)
        if industry is None:
            raise exceptions.NotFound(_("Không có ngành mã {code} trong {system}.").format(code=code, system=system))
        return industry


class EthnicGroupListApi(PublicReadMixin, generics.ListAPIView):
    """The 54 ethnic groups; `q` also matches their other names (q=viet finds Kinh)."""

    serializer_class = EthnicGroupSerializer
    filterset_class = EthnicGroupFilterSet

    def get_queryset(self):
        return selectors.ethnic_group_list()


class EthnicGroupDetailApi(PublicReadMixin, generics.RetrieveAPIView):
    serializer_class = EthnicGroupSerializer

    def get_object(self):
        group = selectors.ethnic_group_get(code=self.kwargs["code"])
        if group is None:
            raise exceptions.NotFound(_("Không có dân tộc mã {code}.").format(code=self.kwargs["code"]))
        return group


class CodeListListApi(PublicReadMixin, generics.ListAPIView):
    """The answer lists of the TT 11/2022/TT-BLĐTBXH forms, each with its items."""

    serializer_class = CodeListSerializer
    filterset_class = CodeListFilterSet

    def get_queryset(self):
        return selectors.code_list_list()


class CodeListDetailApi(PublicReadMixin, generics.RetrieveAPIView):
    serializer_class = CodeListSerializer

    def get_object(self):
        code_list = selectors.code_list_get(slug=self.kwargs["slug"])
        if code_list is None:
            raise exceptions.NotFound(_("Không có danh mục {slug}.").format(slug=self.kwargs["slug"]))
        return code_list
