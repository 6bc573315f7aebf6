"""The catalogue's figures counted the slow, obvious way: plain Python loops over rows fetched from the database.

The engine's answers are checked against these (tests/test_engine_bruteforce.py on the small demo, bench/indicators.py
on a sample of communes of the 1.000.000-person demo). Nothing here groups in SQL or shares code with the engine:
each person's state on a day is replayed from their own events, each household's class read from its own reviews.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils import timezone

from vieclam.abroad.models import JourneyEvent
from vieclam.connections.models import Connection
from vieclam.core.dates import today
from vieclam.indicators.models import Indicator
from vieclam.indicators.periods import Period
from vieclam.loans.models import LoanJobPerson
from vieclam.people.models import Household, HouseholdReview, LabourEvent, Person
from vieclam.places.models import AdministrativeUnit

STATE = ("activity_status", "technical_level", "workplace_commune_id", "unemployment_duration", "employment_status",
         "residence_commune_id")  # fmt: skip
UNTRAINED = ("", "chua_qua_dao_tao", "cnkt_khong_bang")
EMPLOYED, UNEMPLOYED = "co_viec_lam", "that_nghiep"


class BruteForce:
    """Counts by commune for the communes in `sample`; `calculator_communes` are those the engine was asked about
    (a person counts where they lived on the day, but only when they live in one of those communes now)."""

    RULES = frozenset({
        "persons_15plus", "persons_employed", "persons_unemployed", "persons_active", "persons_inactive",
        "persons_unemployed_long", "persons_trained", "persons_working_outside", "households", "households_poor",
        "households_near_poor", "households_exited", "employment_starts", "employment_starts_abroad",
        "connections_persons",
    })  # fmt: skip

    def __init__(self, *, sample: Collection[int], calculator_communes: Collection[int]) -> None:
        self.sample = set(sample)
        self.allowed = set(calculator_communes)
        moved_in = LabourEvent.objects.filter(changes__residence_commune_id__in=list(self.sample)).values("person_id")
        people = Person.objects.filter(Q(residence_commune_id__in=self.sample) | Q(pk__in=moved_in))
        self.person_rows = list(people.values("id", "date_of_birth", "created_at", *STATE))
        ids = [p["id"] for p in self.person_rows]
        self.events: dict[int, list[dict]] = defaultdict(list)
        for start in range(0, len(ids), 900):  # SQLite's limit on query parameters
            chunk = ids[start : start + 900]
            for e in LabourEvent.objects.filter(person_id__in=chunk).values("id", "person_id", "effective", "kind",
                                                                            "changes"):  # fmt: skip
                self.events[e["person_id"]].append(e)
        self.household_rows = list(Household.objects.filter(commune_id__in=self.sample).values())
        self.reviews: dict[int, list[dict]] = defaultdict(list)
        for r in HouseholdReview.objects.filter(household__commune_id__in=self.sample).values():
            self.reviews[r["household_id"]].append(r)
        self.connections = list(
            Connection.objects.filter(person__residence_commune_id__in=self.sample).values("person_id", "start_date")
        )
        self.departures = list(  # abroad: a departure is a start abroad
            JourneyEvent.objects.filter(state="departed", person__residence_commune_id__in=self.sample).values(
                "person_id", "on"
            )
        )
        self.loan_jobs = list(  # loans: a person a jobs check names starts work on the day of the check
            LoanJobPerson.objects.filter(person__residence_commune_id__in=self.sample).values(
                "person_id", "jobs_check__on"
            )
        )
        self.province_of = dict(AdministrativeUnit.objects.values_list("id", "province_id"))
        self._terms: dict[tuple, dict[int, int]] = {}

    # --- persons on a day ---------------------------------------------------------------------------------------
    def state_on(self, person: dict, day: dt.date) -> dict | None:
        """The person's state on `day`, or None when not registered yet (or under 15 then)."""
        if _age(person["date_of_birth"], day) < 15 or person["residence_commune_id"] not in self.allowed:
            return None
        now = {f: person[f] for f in STATE}
        events = self.events.get(person["id"], [])
        last_instant = timezone.make_aware(dt.datetime.combine(day, dt.time.max))
        # A person's columns hold from their latest event on (people.Person.state_since); one without any event,
        # from when the record was made.
        changed = any(e["effective"] > day for e in events) or (not events and person["created_at"] > last_instant)
        if not changed:
            return now
        earlier = sorted((e for e in events if e["effective"] <= day), key=lambda e: (e["effective"], e["id"]))
        if not earlier:
            return None if person["created_at"] > last_instant else now
        state = dict(now)
        for event in earlier:
            for key, value in event["changes"].items():
                if key in STATE:
                    state[key] = value
        return state

    def persons(self, test, day: dt.date) -> dict[int, int]:
        out: dict[int, int] = defaultdict(int)
        for person in self.person_rows:
            state = self.state_on(person, day)
            if state is not None and state["residence_commune_id"] in self.sample and test(state):
                out[state["residence_commune_id"]] += 1
        return out

    def _outside(self, s: dict) -> bool:
        home, work = s["residence_commune_id"], s["workplace_commune_id"]
        return s["activity_status"] == EMPLOYED and bool(work) and self.province_of[home] != self.province_of[work]

    # --- households on a day ------------------------------------------------------------------------------------
    def household_class(self, household: dict, day: dt.date) -> str | None:
        """The class on `day` ("" never reviewed), None when the household was not in the books yet."""
        if day >= today():
            return household["poverty_class"] or ""
        reviews = sorted((r for r in self.reviews.get(household["id"], []) if r["reviewed_on"] <= day),
                         key=lambda r: (r["reviewed_on"], r["id"]))  # fmt: skip
        if reviews:
            return reviews[-1]["classification"] or ""
        last_instant = timezone.make_aware(dt.datetime.combine(day, dt.time.max))
        return "" if household["created_at"] <= last_instant else None

    def households(self, classes, day: dt.date) -> dict[int, int]:
        out: dict[int, int] = defaultdict(int)
        for household in self.household_rows:
            cls = self.household_class(household, day)
            if cls is not None and (classes is None or cls in classes):
                out[household["commune_id"]] += 1
        return out

    # --- starts -------------------------------------------------------------------------------------------------
    def starts(self, period: Period, *, abroad_only: bool) -> dict[int, int]:
        started: set[int] = set()
        for c in self.connections:
            if period.start <= c["start_date"] <= period.end and not abroad_only:
                started.add(c["person_id"])
        for person_id, events in self.events.items():
            for e in events:
                if not period.start <= e["effective"] <= period.end:
                    continue
                employed = e["kind"] == "status" and e["changes"].get("activity_status") == EMPLOYED
                if e["kind"] == "abroad" or (employed and not abroad_only):
                    started.add(person_id)
        started.update(d["person_id"] for d in self.departures if period.start <= d["on"] <= period.end)
        if not abroad_only:
            started.update(j["person_id"] for j in self.loan_jobs if period.start <= j["jobs_check__on"] <= period.end)
        return self._by_home(started)

    def connected(self, period: Period) -> dict[int, int]:
        started = {c["person_id"] for c in self.connections if period.start <= c["start_date"] <= period.end}
        return self._by_home(started)

    def _by_home(self, ids: set[int]) -> dict[int, int]:
        out: dict[int, int] = defaultdict(int)
        for person in self.person_rows:
            if person["id"] in ids and person["residence_commune_id"] in self.sample:
                out[person["residence_commune_id"]] += 1
        return out

    # --- a catalogue term ---------------------------------------------------------------------------------------
    def term(self, rule: str, period: Period) -> dict[int, int]:
        """{commune: count} of a catalogue term; KeyError for a rule this module does not know."""
        key = (rule, period.start, period.end)
        if key not in self._terms:
            self._terms[key] = self._term(rule, period)
        return self._terms[key]

    def _term(self, rule: str, period: Period) -> dict[int, int]:
        day = period.end
        if rule.startswith("drop:"):
            before = self.term(rule.removeprefix("drop:"), Period(period.day_before(), period.day_before()))
            after = self.term(rule.removeprefix("drop:"), period)
            return {c: before.get(c, 0) - after.get(c, 0) for c in self.sample}
        persons = {
            "persons_15plus": lambda s: True,
            "persons_employed": lambda s: s["activity_status"] == EMPLOYED,
            "persons_unemployed": lambda s: s["activity_status"] == UNEMPLOYED,
            "persons_active": lambda s: s["activity_status"] in (EMPLOYED, UNEMPLOYED),
            "persons_inactive": lambda s: (s["activity_status"] or "").startswith("khong_tham_gia"),
            "persons_unemployed_long": lambda s: (
                s["activity_status"] == UNEMPLOYED and s["unemployment_duration"] == "tren_1_nam"
            ),
            "persons_trained": lambda s: (s["technical_level"] or "") not in UNTRAINED,
            "persons_working_outside": self._outside,
        }
        if rule in persons:
            return self.persons(persons[rule], day)
        households = {"households": None, "households_poor": {"poor"}, "households_near_poor": {"near_poor"}}
        if rule in households:
            return self.households(households[rule], day)
        if rule == "households_exited":
            out: dict[int, int] = defaultdict(int)
            for h in self.household_rows:
                if h["poverty_exit_on"] and period.start <= h["poverty_exit_on"] <= period.end:
                    out[h["commune_id"]] += 1
            return out
        if rule in ("employment_starts", "employment_starts_abroad"):
            return self.starts(period, abroad_only=rule.endswith("abroad"))
        if rule == "connections_persons":
            return self.connected(period)
        raise KeyError(rule)

    def figure(self, indicator: Indicator, period: Period, commune: int) -> tuple[int, int | None, Decimal | None]:
        """(numerator, denominator, value) of one commune, as the catalogue defines the indicator."""
        if indicator.numerator.startswith("drop:") and indicator.denominator:
            before = Period(period.day_before(), period.day_before())
            num, den = indicator.numerator.removeprefix("drop:"), indicator.denominator.removeprefix("drop:")
            n0, d0 = self.term(num, before).get(commune, 0), self.term(den, before).get(commune, 0)
            n1, d1 = self.term(num, period).get(commune, 0), self.term(den, period).get(commune, 0)
            if not d0 or not d1:
                return n0 - n1, None, None
            value = (Decimal(n0) / Decimal(d0) - Decimal(n1) / Decimal(d1)) * indicator.scale
            return n0 - n1, None, _round(value, indicator.decimals)
        n = self.term(indicator.numerator, period).get(commune, 0)
        if not indicator.denominator:
            return n, None, Decimal(n)
        d = self.term(indicator.denominator, period).get(commune, 0)
        return n, d, (_round(Decimal(n) * indicator.scale / Decimal(d), indicator.decimals) if d else None)


def _round(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _age(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
