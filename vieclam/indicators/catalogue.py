"""The counting rules the catalogue (data/catalogue.csv) names. Each is small and tested against a brute-force count
(tests/test_rules.py). Rules of a later record type register in that app, the same way."""

from __future__ import annotations

from django.db.models import BooleanField, ExpressionWrapper, F, Q, TextChoices, Value
from django.utils.translation import gettext_lazy as _

from vieclam.connections.models import Connection
from vieclam.indicators.dims import dimension_choices_add, person_dims
from vieclam.indicators.persons import PersonStateRule
from vieclam.indicators.poverty import households_rule
from vieclam.indicators.rules import FunctionRule, RecordRule, memo, rule_register
from vieclam.indicators.starts import StartsRule, in_communes, start_source_register
from vieclam.people.choices import ChangeKind
from vieclam.people.models import Household, LabourEvent
from vieclam.places.models import AdministrativeUnit
from vieclam.poverty.choices import Classification

EMPLOYED, UNEMPLOYED = "co_viec_lam", "that_nghiep"
UNTRAINED = ("", "chua_qua_dao_tao", "cnkt_khong_bang")
HOUSEHOLD_DIMS = ("commune", "poverty_class")
PERSON_DIMS = ("commune", "sex", "age_band", "ethnic_minority", "poverty_class", "occupation_group")

# --- Households and poverty -------------------------------------------------------------------------------------
for name, classes in (
    ("households", None),
    ("households_poor", frozenset({Classification.POOR})),
    ("households_near_poor", frozenset({Classification.NEAR_POOR})),
):
    rule_register(FunctionRule(name, households_rule(classes), HOUSEHOLD_DIMS))

# Households that left the poor/near-poor lists during the period (the exit date the review service keeps).
rule_register(
    RecordRule(
        "households_exited",
        lambda: Household.objects.all(),
        commune="commune_id",
        date="poverty_exit_on",
        recorded="created_at",
        dims={"poverty_class": "poverty_class"},
    )
)

# --- Persons 15+ on the period's last day ------------------------------------------------------------------------
_STATE_RULES = (
    ("persons_15plus", Q(), lambda s: True),
    ("persons_employed", Q(activity_status=EMPLOYED), lambda s: s["activity_status"] == EMPLOYED),
    ("persons_unemployed", Q(activity_status=UNEMPLOYED), lambda s: s["activity_status"] == UNEMPLOYED),
    (
        "persons_active",
        Q(activity_status__in=(EMPLOYED, UNEMPLOYED)),
        lambda s: s["activity_status"] in (EMPLOYED, UNEMPLOYED),
    ),
    (
        "persons_inactive",
        Q(activity_status__startswith="khong_tham_gia"),
        lambda s: (s["activity_status"] or "").startswith("khong_tham_gia"),
    ),
    (
        "persons_unemployed_long",
        Q(activity_status=UNEMPLOYED, unemployment_duration="tren_1_nam"),
        lambda s: s["activity_status"] == UNEMPLOYED and s["unemployment_duration"] == "tren_1_nam",
    ),
    ("persons_trained", ~Q(technical_level__in=UNTRAINED), lambda s: (s["technical_level"] or "") not in UNTRAINED),
)
for name, q, test in _STATE_RULES:
    rule_register(PersonStateRule(name, q, test))


def _outside_province(state: dict) -> bool:
    home, work = state["residence_commune_id"], state["workplace_commune_id"]
    if not work or state["activity_status"] != EMPLOYED:
        return False
    provinces = memo().setdefault("unit_provinces", {})
    for unit in (home, work):
        if unit not in provinces:
            provinces.update(AdministrativeUnit.objects.filter(pk=unit).values_list("pk", "province_id"))
    return provinces.get(home) != provinces.get(work)


rule_register(
    PersonStateRule(
        "persons_working_outside",
        Q(activity_status=EMPLOYED, workplace_commune__isnull=False)
        & ~Q(workplace_commune__province=F("residence_commune__province")),
        _outside_province,
    )
)

# --- Employment starts --------------------------------------------------------------------------------------------


def _connection_starts(*, period, communes, as_of):
    rows = Connection.objects.filter(start_date__gte=period.start, start_date__lte=period.end)
    rows = rows.filter(in_communes("person__residence_commune", communes))
    if as_of is not None:
        rows = rows.filter(created_at__lte=as_of)
    return rows.annotate(_day=F("start_date"), _abroad=Value(False, output_field=BooleanField()))


def _event_starts(*, period, communes, as_of):
    rows = LabourEvent.objects.filter(effective__gte=period.start, effective__lte=period.end)
    rows = rows.filter(Q(kind=ChangeKind.ABROAD) | Q(kind=ChangeKind.STATUS, changes__activity_status=EMPLOYED))
    rows = rows.filter(in_communes("person__residence_commune", communes))
    if as_of is not None:
        rows = rows.filter(recorded_at__lte=as_of)
    abroad = ExpressionWrapper(Q(kind=ChangeKind.ABROAD), output_field=BooleanField())
    return rows.annotate(_day=F("effective"), _abroad=abroad)


class StartChannel(TextChoices):
    """How a start was recorded: the channel of "lao động được giải quyết việc làm" (never shown as its code)."""

    CONNECTIONS = "connections", _("Kết nối việc làm qua trung tâm")
    LABOUR_EVENTS = "labour_events", _("Biến động lao động (có việc làm, đi làm việc ở nước ngoài)")
    ABROAD = "abroad", _("Xuất cảnh đi làm việc ở nước ngoài theo hợp đồng")  # its source: abroad.indicators
    LOANS = "loans", _("Vay vốn hỗ trợ tạo việc làm")


dimension_choices_add("channel", StartChannel)
start_source_register("connections", _connection_starts)
start_source_register("labour_events", _event_starts)
rule_register(StartsRule("employment_starts", abroad_only=False, dims=(*PERSON_DIMS, "channel")))
rule_register(StartsRule("employment_starts_abroad", abroad_only=True, dims=PERSON_DIMS))

# --- The job exchange's successful connections --------------------------------------------------------------------
rule_register(
    RecordRule(
        "connections_persons",
        lambda: Connection.objects.all(),
        commune="person__residence_commune_id",
        date="start_date",
        recorded="created_at",
        distinct="person_id",
        dims={**person_dims("person__"), "channel": "source"},
    )
)
