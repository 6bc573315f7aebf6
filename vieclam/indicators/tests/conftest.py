"""Constructed figures for the selector, API, page and projection tests: a counting rule over a list of events
(day, commune, sex) the test writes, and catalogue rows naming it, so each test states exactly what it counts."""

from __future__ import annotations

import datetime as dt

import pytest

from vieclam.conftest import COMMUNE_A, COMMUNE_B, OTHER_COMMUNE_A
from vieclam.indicators.models import Indicator
from vieclam.indicators.rules import FunctionRule, rule_register
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit

EVENTS: list[tuple[dt.date, int, str]] = []


def _count(*, period, communes, as_of, by):
    out: dict[tuple[int, str], int] = {}
    for day, commune, sex in EVENTS:
        if period.start <= day <= period.end and (communes is None or commune in communes):
            key = (commune, (sex or "_") if by == "sex" else "")
            out[key] = out.get(key, 0) + 1
    return out


def _everyone(*, period, communes, as_of, by):
    """A denominator: 10 persons in each commune asked about (20 with `by`: 10 of each sex)."""
    out: dict[tuple[int, str], int] = {}
    for commune in communes or []:
        for sex in ("male", "female") if by == "sex" else ("",):
            out[(commune, sex)] = 10
    return out


# They count a list, not the database: their counts are not kept in the shared store.
rule_register(FunctionRule("test_events", _count, ("commune", "sex")), shared=False)
rule_register(FunctionRule("test_everyone", _everyone, ("commune", "sex")), shared=False)


@pytest.fixture
def events():
    """The list the test rule counts; emptied after each test."""
    EVENTS.clear()
    yield EVENTS
    EVENTS.clear()


@pytest.fixture
def units(db) -> dict[str, AdministrativeUnit]:
    current = AdministrativeUnit.objects.current()
    return {
        "commune_a": current.get(level=Level.COMMUNE, code=COMMUNE_A),
        "other_a": current.get(level=Level.COMMUNE, code=OTHER_COMMUNE_A),
        "commune_b": current.get(level=Level.COMMUNE, code=COMMUNE_B),
        "province_a": current.get(level=Level.PROVINCE, code="80"),
    }


@pytest.fixture
def starts(db) -> Indicator:
    """A count of persons (higher is better), by commune and sex."""
    return Indicator.objects.create(
        code="test_starts", name_vi="Số người bắt đầu làm việc (thử)", name_en="Starts (test)", group="viec_lam",
        unit="nguoi", numerator="test_events", disaggregations=["commune", "sex"], definition="Đếm thử.",
        legal_source="Thử nghiệm",
    )  # fmt: skip


@pytest.fixture
def rate(db) -> Indicator:
    """A percentage: events / 10 persons per commune × 100."""
    return Indicator.objects.create(
        code="test_rate", name_vi="Tỷ lệ thử", name_en="Rate (test)", group="lao_dong", unit="percent",
        numerator="test_events", denominator="test_everyone", scale=100, decimals=2, disaggregations=["sex"],
    )  # fmt: skip
