"""Counting rules of journeys abroad, for the catalogue, and the departure as a start of work.

Every step is a dated JourneyEvent, placed in a period by its day (`on`) and in the commune where the person lives;
a person counts once per period however many journeys or steps qualify. The stock abroad on the period's last day
counts the persons who departed on or before it and had not returned by then (both as known at `as_of`).

A departure is a start of work abroad: it is registered as a start source ("abroad"), so "giải quyết việc làm" and
"xuất khẩu lao động" count a person once across this journey, a connection and a labour event "abroad".
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BooleanField, Exists, F, OuterRef, Q, Value
from django.utils.translation import gettext_lazy as _

from vieclam.abroad.choices import JourneyState, ReturnKind
from vieclam.indicators.dims import dimension_register, label_register, person_dims
from vieclam.indicators.rules import RecordRule, rule_register
from vieclam.indicators.starts import in_communes, start_source_register

COMMUNE = "person__residence_commune_id"


def _events():
    from vieclam.abroad.models import JourneyEvent

    return JourneyEvent.objects.all()


def _country_name(code: str) -> str:
    from vieclam.abroad.models import Country

    return Country.objects.filter(code=code).values_list("name_vi", flat=True).first() or code


dimension_register("country", _("Nước đến"))
label_register("country", _country_name)
dimension_register("return_kind", _("Về nước"), ReturnKind)
PERSON = person_dims("person__")
BY_COUNTRY = {**PERSON, "country": "journey__country__code"}


@dataclass(frozen=True)
class AbroadStockRule(RecordRule):
    """Persons abroad at the end of the period: departed on or before it, no return on or before it (as known)."""

    def rows(self, *, period, communes, as_of):
        returned = _events().filter(journey_id=OuterRef("journey_id"), state=JourneyState.RETURNED,
                                    on__lte=period.end)  # fmt: skip
        if as_of is not None:
            returned = returned.filter(recorded_at__lte=as_of)
        return super().rows(period=period, communes=communes, as_of=as_of).filter(~Exists(returned))


def _step(name: str, state: str, dims: dict, where: Q | None = None) -> RecordRule:
    return RecordRule(name, _events, commune=COMMUNE, date="on", recorded="recorded_at", distinct="person_id",
                      where=Q(state=state) & (where or Q()), dims=dims)  # fmt: skip


rule_register(_step("abroad_registered_persons", JourneyState.REGISTERED, PERSON))
rule_register(_step("abroad_departed_persons", JourneyState.DEPARTED, BY_COUNTRY))
BY_RETURN = {**BY_COUNTRY, "return_kind": "journey__return_kind"}
rule_register(_step("abroad_returned_persons", JourneyState.RETURNED, BY_RETURN))
rule_register(_step("abroad_returned_early_persons", JourneyState.RETURNED, BY_COUNTRY,
                    Q(journey__return_kind=ReturnKind.EARLY)))  # fmt: skip
rule_register(_step("abroad_back_in_work_persons", JourneyState.BACK_IN_WORK, PERSON))
rule_register(
    AbroadStockRule("abroad_stock_persons", _events, commune=COMMUNE, date="on", recorded="recorded_at",
                    distinct="person_id", stock=True, where=Q(state=JourneyState.DEPARTED), dims=BY_COUNTRY)
)  # fmt: skip


def _departure_starts(*, period, communes, as_of):
    """Departures in the period: starts of work abroad (indicators.starts)."""
    rows = _events().filter(state=JourneyState.DEPARTED, on__gte=period.start, on__lte=period.end)
    rows = rows.filter(in_communes("person__residence_commune", communes))
    if as_of is not None:
        rows = rows.filter(recorded_at__lte=as_of)
    return rows.annotate(_day=F("on"), _abroad=Value(True, output_field=BooleanField()))


start_source_register("abroad", _departure_starts)
