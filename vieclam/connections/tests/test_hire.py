"""A hire with a labour contract on the board creates the connection in the same transaction."""

import pytest
from django.core.exceptions import ValidationError

from vieclam.applications import services as applications
from vieclam.applications.tests.factories import make_employer_account, make_worker, open_vacancy, person_of
from vieclam.connections.models import Connection
from vieclam.connections.tests.factories import make_connection
from vieclam.vacancies.tests.factories import in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def referred(cast):
    employer_user, company = make_employer_account("cong_ty_a", name="Công ty May A")
    worker = make_worker("hoa")
    vacancy = open_vacancy(cast["province_a"], company)
    application = applications.application_refer(actor=cast["counsellor_a"], vacancy=vacancy, person=person_of(worker))
    applications.application_transition(actor=employer_user, application=application, to_status="seen")
    return employer_user, company, application


def test_a_hire_with_a_contract_becomes_a_connection_followed_by_the_referring_counsellor(cast, referred):
    employer_user, company, application = referred
    start = in_days(3)
    applications.application_transition(actor=employer_user, application=application, to_status="hired",
                                        contract_type="xac_dinh_thoi_han", start_date=start)  # fmt: skip
    connection = Connection.objects.get(application=application)
    assert connection.source == "board" and connection.employer == company and connection.start_date == start
    assert connection.contract_type == "xac_dinh_thoi_han" and connection.counsellor == cast["counsellor_a"]
    assert connection.occupation == application.vacancy.occupation and connection.norm_amount == 400_000
    assert connection.follow_ups.count() == 4


def test_a_refused_hire_writes_no_connection(cast, referred):
    employer_user, _company, application = referred
    with pytest.raises(ValidationError):
        applications.application_transition(actor=employer_user, application=application, to_status="hired",
                                            contract_type="", start_date=in_days(3))  # fmt: skip
    assert not Connection.objects.exists()


def test_a_hire_already_recorded_by_the_centre_is_linked_not_doubled(cast, referred):
    employer_user, company, application = referred
    start = in_days(3)
    recorded = make_connection(cast["counsellor_a"], person=application.person, employer=company, start_date=start)
    applications.application_transition(actor=employer_user, application=application, to_status="hired",
                                        contract_type="xac_dinh_thoi_han", start_date=start)  # fmt: skip
    recorded.refresh_from_db()
    assert recorded.application == application and Connection.objects.count() == 1
