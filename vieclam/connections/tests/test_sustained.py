"""Sustained employment (the dated rule applied to a connection's checks) and the household's flag."""

import pytest

from vieclam.connections import services
from vieclam.connections.models import Connection, SustainedRule
from vieclam.connections.rules import add_months, connection_is_sustained
from vieclam.connections.selectors import household_has_sustained_member, households_annotate_sustained
from vieclam.connections.tests.factories import a_person, make_connection, months_ago
from vieclam.core.dates import today
from vieclam.people.models import Household, Person
from vieclam.people.services import household_create

pytestmark = pytest.mark.django_db


def test_the_rule_is_data_with_its_rationale_and_source():
    rule = SustainedRule.objects.get()
    assert rule.check_offset_months == 6 and rule.requires == "contract_or_insurance"
    assert "chưa định nghĩa" in rule.rationale and "QĐ 90/QĐ-TTg" in rule.legal_source


def household_of(actor, person, poverty_class="poor", **extra):
    household = household_create(actor=actor, commune=person.residence_commune.code, head_name="Chủ hộ")
    Household.objects.filter(pk=household.pk).update(poverty_class=poverty_class, **extra)
    Person.objects.filter(pk=person.pk).update(household=household)
    household.refresh_from_db()
    return household


def check(actor, connection: Connection, months: int, **data):
    follow_up = connection.follow_ups.get(offset_months=months)
    day = min(add_months(connection.start_date, months), today())
    return services.followup_record(actor=actor, follow_up=follow_up, data={"checked_on": day, **data})


def flags(connection: Connection) -> tuple[bool, bool]:
    """(Python rule on the connection, SQL rule on its household) — they must agree."""
    household = Household.objects.get(members=connection.person)
    in_python = connection_is_sustained(connection)
    in_sql = households_annotate_sustained(Household.objects.filter(pk=household.pk)).get().has_sustained_member
    return in_python, in_sql


@pytest.fixture
def poor_connection(cast):
    counsellor = cast["counsellor_a"]
    person = a_person(counsellor)
    household_of(counsellor, person)
    return make_connection(counsellor, person=person, start_date=months_ago(13), social_insurance=False)


def test_the_three_month_check_alone_does_not_make_employment_sustained(cast, poor_connection):
    check(cast["counsellor_a"], poor_connection, 3, result="same_employer", has_contract=True)
    assert flags(poor_connection) == (False, False)


def test_in_work_with_a_contract_at_six_months_is_sustained_and_the_household_flag_follows(cast, poor_connection):
    counsellor = cast["counsellor_a"]
    household = Household.objects.get(members=poor_connection.person)
    assert not household_has_sustained_member(household)
    check(counsellor, poor_connection, 3, result="same_employer", has_contract=True)
    check(counsellor, poor_connection, 6, result="same_employer", has_contract=True)
    assert flags(poor_connection) == (True, True)
    assert household_has_sustained_member(household)


def test_social_insurance_alone_also_counts(cast, poor_connection):
    check(cast["counsellor_a"], poor_connection, 6, result="other_job", has_social_insurance=True)
    assert flags(poor_connection) == (True, True)


def test_in_work_without_contract_or_insurance_does_not_count(cast, poor_connection):
    check(cast["counsellor_a"], poor_connection, 6, result="same_employer")
    assert flags(poor_connection) == (False, False)


def test_a_later_check_out_of_work_undoes_the_six_month_one(cast, poor_connection):
    check(cast["counsellor_a"], poor_connection, 6, result="same_employer", has_contract=True)
    check(cast["counsellor_a"], poor_connection, 12, result="not_working")
    assert flags(poor_connection) == (False, False)


def test_a_missed_six_month_check_is_made_up_by_the_twelve_month_one(cast, poor_connection):
    poor_connection.follow_ups.filter(offset_months=6).update(status="missed")
    check(cast["counsellor_a"], poor_connection, 12, result="same_employer", has_contract=True)
    assert flags(poor_connection) == (True, True)


def test_only_households_of_the_programme_target_get_the_flag(cast):
    counsellor = cast["counsellor_a"]
    person = a_person(counsellor)
    household = household_of(counsellor, person, poverty_class="not_poor")
    connection = make_connection(counsellor, person=person, start_date=months_ago(7))
    check(counsellor, connection, 6, result="same_employer", has_contract=True)
    assert connection_is_sustained(connection) and not household_has_sustained_member(household)
    Household.objects.filter(pk=household.pk).update(poverty_exit_on=months_ago(5))  # recently out of poverty
    assert household_has_sustained_member(household)


def test_the_list_annotation_reads_many_households_in_one_query(cast, django_assert_num_queries):
    counsellor = cast["counsellor_a"]
    for index in range(3):
        person = a_person(counsellor)
        household_of(counsellor, person, poverty_class="near_poor")
        connection = make_connection(counsellor, person=person, start_date=months_ago(7))
        check(counsellor, connection, 6, result="same_employer", has_contract=index != 1)
    with django_assert_num_queries(2):  # the rules, then the households
        rows = list(households_annotate_sustained(Household.objects.order_by("pk")))
    assert [row.has_sustained_member for row in rows] == [True, False, True]
