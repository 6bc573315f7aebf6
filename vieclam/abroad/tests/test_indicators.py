"""The journey-abroad indicators against the brute-force counts of indicators/tests/test_rules.py, over a small world
built through the services; a departure and a labour event "abroad" of the same person count once; a year of 24
departures reads "24" in the report."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from vieclam.abroad import services
from vieclam.abroad.models import Journey, JourneyEvent
from vieclam.abroad.tests.factories import a_person, depart, make_journey, make_programme
from vieclam.indicators.engine import Calculator
from vieclam.indicators.formats import figure_text
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period, period_parse
from vieclam.indicators.rules import rule_get
from vieclam.indicators.tests.test_rules import BRUTE, only
from vieclam.people.services import person_go_abroad
from vieclam.places.models import AdministrativeUnit

pytestmark = pytest.mark.django_db
D = dt.date
A, B = "25459", "25480"
RULES = ("abroad_registered_persons", "abroad_departed_persons", "abroad_stock_persons", "abroad_returned_persons",
         "abroad_returned_early_persons", "abroad_back_in_work_persons", "employment_starts",
         "employment_starts_abroad")  # fmt: skip
PERIODS = ["2024", "2025", "2026-Q1", "2026-Q2", "2026-H2", "2026", "01/01/2026-20/03/2026"]


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


AS_OF = [None, at(D(2026, 3, 31), 23), at(D(2026, 6, 30), 23)]


def commune_pk(code: str) -> int:
    return AdministrativeUnit.objects.get(edition="post_2025_07", level="commune", code=code).pk


def recorded_on_the_day(journey: Journey, late: dict | None = None) -> None:
    """Each step recorded on its own day (or on the day `late` gives for a state)."""
    for event in JourneyEvent.objects.filter(journey=journey):
        JourneyEvent.objects.filter(pk=event.pk).update(recorded_at=at((late or {}).get(event.state, event.on)))


@pytest.fixture
def world(cast):
    staff = cast["province_a"]
    japan, korea = make_programme(staff), make_programme(staff, country="KR", contract_months=12)
    taiwan = make_programme(staff, country="TW", contract_months=24)
    # An (A): registered 11/2025, left for Japan 10/02/2026.
    an = depart(staff, make_journey(staff, programme=japan, registered_on=D(2025, 11, 10)), D(2026, 2, 10))
    recorded_on_the_day(an)
    # Bình (A): Korea from 01/08/2025 for 12 months, back early 01/03/2026, in work at home 01/05/2026.
    binh = depart(staff, make_journey(staff, programme=korea, registered_on=D(2025, 5, 1)), D(2025, 8, 1))
    binh = services.journey_advance(actor=staff, journey=binh, state="working", on=D(2025, 8, 10))
    binh = services.journey_advance(actor=staff, journey=binh, state="returned", on=D(2026, 3, 1),
                                    data={"return_reason": "Doanh nghiệp nước ngoài phá sản"})  # fmt: skip
    binh = services.journey_advance(actor=staff, journey=binh, state="back_in_work", on=D(2026, 5, 1))
    recorded_on_the_day(binh)
    # Chi (B): Taiwan 01/04/2026, the departure recorded late (10/07/2026); the commune also recorded a labour
    # event "abroad" the same day: one person.
    chi_person = a_person(staff, commune=B, name="Phạm Thị Chi")
    chi = depart(staff, make_journey(staff, person=chi_person, programme=taiwan, registered_on=D(2026, 1, 5)),
                 D(2026, 4, 1))  # fmt: skip
    recorded_on_the_day(chi, late={"departed": D(2026, 7, 10)})
    person_go_abroad(actor=staff, person=chi_person, on=D(2026, 4, 1), country="Đài Loan")
    # Dũng (B): registered 01/02/2026, withdrew 01/03/2026.
    dung = make_journey(staff, person=a_person(staff, commune=B), programme=japan, registered_on=D(2026, 2, 1))
    services.journey_advance(actor=staff, journey=dung, state="withdrawn", on=D(2026, 3, 1))
    recorded_on_the_day(dung)
    # Em (A): Japan from 01/01/2024 for 24 months (the programme's 36 changed at the contract), back on time.
    em = make_journey(staff, programme=japan, registered_on=D(2023, 9, 1))
    for state, day in (("selected", D(2023, 10, 1)), ("training", D(2023, 11, 1))):
        em = services.journey_advance(actor=staff, journey=em, state=state, on=day)
    em = services.journey_advance(actor=staff, journey=em, state="contract", on=D(2023, 12, 1),
                                  data={"contract_months": 24})  # fmt: skip
    em = services.journey_advance(actor=staff, journey=em, state="departed", on=D(2024, 1, 1))
    em = services.journey_advance(actor=staff, journey=em, state="returned", on=D(2026, 1, 5))
    recorded_on_the_day(em)
    return {"an": an, "binh": binh, "chi": chi, "dung": dung, "em": em}


def test_every_abroad_rule_agrees_with_the_brute_force_count(world):
    a, b = commune_pk(A), commune_pk(B)
    wanted = [(None, as_of) for as_of in AS_OF] + [(frozenset({a}), None), (frozenset({b}), None)]
    checked, wrong = 0, []
    for communes, as_of in wanted:
        calc = Calculator(communes=communes, as_of=as_of)
        for rule in RULES:
            for text in PERIODS:
                period = period_parse(text)
                for by in [None, *(d for d in rule_get(rule).dims if d != "commune")]:
                    expected = only(BRUTE[rule](period, as_of, by), communes)
                    got = only(calc.counts(rule, period, by), communes)
                    checked += 1
                    if got != expected:
                        wrong.append((rule, text, as_of, communes, by, got, expected))
    assert not wrong, "\n".join(map(str, wrong[:20]))
    assert checked > 500


def total(rule: str, period: Period, by: str | None = None, as_of=None) -> dict[str, int]:
    out: dict[str, int] = {}
    for (_commune, group), n in Calculator(communes=None, as_of=as_of).counts(rule, period, by).items():
        out[group] = out.get(group, 0) + n
    return out


def test_the_world_counts_what_an_officer_expects(world):
    year = Period.year(2026)
    assert world["em"].return_kind == "on_time" and world["binh"].return_kind == "early"
    assert total("abroad_registered_persons", year) == {"": 2}  # Chi and Dũng
    assert total("abroad_departed_persons", year, "country") == {"JP": 1, "TW": 1}
    assert total("abroad_returned_persons", year, "return_kind") == {"early": 1, "on_time": 1}
    assert total("abroad_returned_early_persons", year) == {"": 1}
    assert total("abroad_back_in_work_persons", year) == {"": 1}
    # On 31/12/2025 Bình (Korea) and Em (Japan) were abroad; on 31/12/2026 An and Chi.
    assert total("abroad_stock_persons", Period.year(2025), "country") == {"JP": 1, "KR": 1}
    assert total("abroad_stock_persons", year, "country") == {"JP": 1, "TW": 1}
    # As it stood on 30/06/2026 Chi's departure was not recorded yet.
    assert total("abroad_departed_persons", year, as_of=at(D(2026, 6, 30), 23)) == {"": 1}


def test_a_departure_and_a_labour_event_abroad_of_the_same_person_count_once(world):
    year = Period.year(2026)
    chi = world["chi"].person
    assert chi.events.filter(kind="abroad").count() == 1
    # An (departure) and Chi (departure + labour event): two persons, not three.
    assert total("employment_starts_abroad", year) == {"": 2}
    assert total("employment_starts", year, "channel") == {"abroad": 2}
    calc = Calculator(communes=None)
    for code in ("giai_quyet_viec_lam", "xuat_khau_lao_dong"):
        assert calc.figure(Indicator.objects.get(code=code), year).value == 2, code


def test_a_year_of_24_departures_reads_24_in_the_report(cast):
    """ "24 người xuất khẩu lao động": 24 workers of one commune registered, trained, signed and left in 2023 through
    the services (one more registered but withdrew), and the report reads 24."""
    staff = cast["province_a"]
    programmes = [make_programme(staff), make_programme(staff, country="KR", contract_months=12)]
    for i in range(24):
        journey = make_journey(staff, programme=programmes[i % 2], registered_on=D(2023, 1, 2 + i))
        depart(staff, journey, D(2023, 3 + i % 9, 1 + i))
    withdrawn = make_journey(staff, programme=programmes[0], registered_on=D(2023, 2, 1))
    services.journey_advance(actor=staff, journey=withdrawn, state="withdrawn", on=D(2023, 3, 1))
    calc, year = Calculator(communes=[commune_pk(A)]), Period.year(2023)
    for code, expected in (("xuat_khau_lao_dong", "24"), ("xkld_xuat_canh", "24"), ("giai_quyet_viec_lam", "24"),
                           ("xkld_dang_ky", "25"), ("xkld_dang_o_nuoc_ngoai", "24")):  # fmt: skip
        indicator = Indicator.objects.get(code=code)
        assert figure_text(calc.figure(indicator, year).value, indicator) == expected, code
    by_country = calc.breakdown(Indicator.objects.get(code="xkld_xuat_canh"), year, by="country")
    assert {group: figure.value for group, figure in by_country.items()} == {"JP": 12, "KR": 12}
