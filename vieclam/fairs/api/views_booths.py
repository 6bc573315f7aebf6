"""API of booths and their interview slots: staff of the fair's area see and write the booths of their fairs; an
employer's account its own booths (and registers its own booth for an open fair); a worker registered at a fair
sees that fair's booths' slots and books one for their own registration."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, permissions, status
from rest_framework.response import Response

from vieclam.accounts.choices import Role
from vieclam.core.api.registry import RegistryDetailApi, RegistryListApi
from vieclam.employers.models import Employer
from vieclam.employers.selectors import employer_pick_get
from vieclam.fairs import booths, selectors, services, slots
from vieclam.fairs.api.serializers import (
    BoothInputSerializer,
    BoothSerializer,
    SlotBookSerializer,
    SlotInputSerializer,
    SlotSerializer,
)
from vieclam.fairs.models import Fair, FairBooth, FairInterviewSlot, FairRegistration
from vieclam.people.models import Person
from vieclam.vacancies.models import Vacancy

NO_FAIR = _("Phiên: không có phiên số {id}.")
NO_EMPLOYER = _("Người sử dụng lao động: không có đơn vị số {id} trong địa bàn bạn phụ trách.")
NOT_OWN_EMPLOYER = _("Người sử dụng lao động: đơn vị số {id} không phải của tài khoản này.")
NO_VACANCY = _("Việc làm: {employer} không có việc làm số {ids}.")
NO_VACANCY_AT_BOOTH = _("Việc làm: gian hàng không có việc làm số {id}.")
NO_REGISTRATION = _("Đăng ký: không có đăng ký số {id} tại phiên này.")
NO_OWN_REGISTRATION = _("Đăng ký: bạn chưa đăng ký phiên này.")


@extend_schema_view(
    post=extend_schema(
        summary="Register a booth: staff for an employer of their areas, an employer's account for itself "
        "(open vacancies only; https meeting link, required at an online fair; 400 naming the field).",
        request=BoothInputSerializer,
        responses={201: BoothSerializer},
    )
)
class BoothListApi(RegistryListApi):
    """Booths the caller may see: staff those of the fairs of their areas, an employer's account its own
    (`?fair=` narrows to one fair)."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = BoothSerializer
    filterset_class = None
    list_selector = staticmethod(selectors.booth_list)
    create_serializer_class = BoothInputSerializer
    result_serializer_class = BoothSerializer

    def get_queryset(self):
        rows = selectors.booth_list(viewer=self.request.user).prefetch_related("vacancies").order_by("-pk")
        fair = self.request.query_params.get("fair", "")
        return rows.filter(fair_id=int(fair)) if fair.isdigit() and len(fair) < 19 else rows

    def perform_create(self, data: dict, **extras):
        user = self.request.user
        staff = bool(user.is_staff_role)
        if not staff and user.role != Role.EMPLOYER:
            raise PermissionDenied(services.BOOTH_NOT_ALLOWED)
        fair = _fair(user, data.pop("fair"), staff=staff)
        employer = _employer(user, data["employer"], staff=staff)
        wanted = data.pop("vacancies", [])
        vacancies = list(Vacancy.objects.filter(employer=employer, pk__in=wanted))
        missing = sorted(set(wanted) - {v.pk for v in vacancies})
        if missing:
            ids = ", ".join(map(str, missing))
            raise ValidationError({"vacancies": NO_VACANCY.format(employer=employer.name, ids=ids)})
        values = {**data, "employer": employer, "vacancies": vacancies}
        return services.booth_register(actor=user, fair=fair, data=values)


def _fair(user, pk: int, *, staff: bool) -> Fair:
    if staff:
        return selectors.fair_get(viewer=user, pk=pk)
    found = Fair.objects.select_related("commune").filter(pk=pk).first()  # the service says if it is not open
    if found is None:
        raise ValidationError({"fair": NO_FAIR.format(id=pk)})
    return found


def _employer(user, pk: int, *, staff: bool) -> Employer:
    if staff:
        found = employer_pick_get(viewer=user, pk=pk)
        if found is None:
            raise ValidationError({"employer": NO_EMPLOYER.format(id=pk)})
        return found
    own = Employer.objects.filter(pk=pk, account=user).first()
    if own is None:
        raise ValidationError({"employer": NOT_OWN_EMPLOYER.format(id=pk)})
    return own


class BoothDetailApi(RegistryDetailApi):
    """One booth; 404 when it does not exist or is neither of the caller's areas nor the caller's own."""

    http_method_names = ["get", "head", "options"]
    permission_classes = [permissions.IsAuthenticated]
    serializer_class = BoothSerializer
    get_selector = staticmethod(booths.booth_get)


def _booth_for(user, pk: int) -> FairBooth:
    """The booth for staff of its area and its employer; for a worker, a booth of a fair they registered for."""
    try:
        return booths.booth_get(viewer=user, pk=pk)
    except Http404:
        if user.role != Role.WORKER:
            raise
    own = Person.objects.filter(account=user).values_list("pk", flat=True).first()
    if own is None:
        raise Http404
    rows = FairBooth.objects.select_related("fair__commune", "employer")
    return get_object_or_404(rows, pk=pk, fair__registrations__person_id=own)


def _slot_for(user, pk: int) -> tuple[FairInterviewSlot, FairBooth]:
    """The slot, for whoever may see its booth (see _booth_for); 404 otherwise."""
    booth_id = FairInterviewSlot.objects.filter(pk=pk).values_list("booth_id", flat=True).first()
    if booth_id is None:
        raise Http404
    booth = _booth_for(user, booth_id)
    return FairInterviewSlot.objects.get(pk=pk), booth


class BoothSlotsApi(generics.GenericAPIView):
    """The booth's interview slots (GET); the booth's employer or staff of the fair's area open one (POST: on the
    fair's day, within its hours; an online fair's booth needs its https link)."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = SlotSerializer
    pagination_class = None
    queryset = FairBooth.objects.none()  # for the schema: the path's id is a booth

    @extend_schema(responses={200: SlotSerializer(many=True)})
    def get(self, request, pk: int):
        booth = _booth_for(request.user, pk)
        return Response(SlotSerializer(booths.booth_slots(booth=booth), many=True).data)

    @extend_schema(request=SlotInputSerializer, responses={201: SlotSerializer})
    def post(self, request, pk: int):
        booth = booths.booth_get(viewer=request.user, pk=pk)
        serializer = SlotInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        vacancy = None
        if data.get("vacancy") is not None:
            vacancy = booth.vacancies.filter(pk=data["vacancy"]).first()
            if vacancy is None:
                raise ValidationError({"vacancy": NO_VACANCY_AT_BOOTH.format(id=data["vacancy"])})
        slot = slots.slot_create(
            actor=request.user, booth=booth, starts_at=data["starts_at"], minutes=data.get("minutes", 15),
            vacancy=vacancy,
        )  # fmt: skip
        return Response(SlotSerializer(slot).data, status=status.HTTP_201_CREATED)


class SlotBookApi(generics.GenericAPIView):
    """Book a slot: staff for a registration of the fair, a worker for their own ("already taken" → 400)."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = SlotBookSerializer
    queryset = FairInterviewSlot.objects.none()  # for the schema: the path's id is a slot

    @extend_schema(request=SlotBookSerializer, responses={200: SlotSerializer})
    def post(self, request, pk: int):
        slot, booth = _slot_for(request.user, pk)
        serializer = SlotBookSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        wanted = serializer.validated_data.get("registration")
        registrations = FairRegistration.objects.filter(fair=booth.fair)
        if wanted is not None:
            registration = registrations.filter(pk=wanted).first()
            if registration is None:
                raise ValidationError({"registration": NO_REGISTRATION.format(id=wanted)})
        else:
            registration = registrations.filter(person__account=request.user).first()
            if registration is None:
                raise ValidationError({"registration": str(NO_OWN_REGISTRATION)})
        slot = slots.slot_book(actor=request.user, slot=slot, registration=registration)
        return Response(SlotSerializer(slot).data)


class SlotReleaseApi(generics.GenericAPIView):
    """Free a booked slot (the worker who booked it, the booth's employer or staff of the fair's area)."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = SlotSerializer
    queryset = FairInterviewSlot.objects.none()  # for the schema: the path's id is a slot

    @extend_schema(request=None, responses={200: SlotSerializer})
    def post(self, request, pk: int):
        slot, booth = _slot_for(request.user, pk)
        return Response(SlotSerializer(slots.slot_release(actor=request.user, slot=slot)).data)
