import pytest

from vieclam.core.timeline import timeline_for, timeline_kinds
from vieclam.fairs import services
from vieclam.fairs.tests.factories import make_fair, walk_in

pytestmark = pytest.mark.django_db


def test_a_registration_and_its_check_in_are_on_the_timeline_in_words(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff, name="Phiên lưu động Tân Ninh")
    registration = services.registration_create(actor=staff, fair=fair, data=walk_in(1))
    services.registration_check_in(actor=staff, fair=fair, token=registration.token)
    assert {"fair_registration", "fair_check_in"} <= {kind for kind, _label in timeline_kinds()}
    entries = timeline_for(person=registration.person, viewer=staff, kinds=["fair_registration", "fair_check_in"])
    day = fair.held_on.strftime("%d/%m/%Y")
    assert [entry.title for entry in entries] == [
        f"Đến phiên giao dịch việc làm: Phiên lưu động Tân Ninh ngày {day} tại Phường Tân Ninh",
        f"Đăng ký phiên giao dịch việc làm: Phiên lưu động Tân Ninh ngày {day} tại Phường Tân Ninh",
    ]
    assert entries[1].detail == "Đăng ký trực tiếp tại phiên"
    assert entries[0].url == f"/fairs/{fair.pk}/"


def test_the_fairs_page_is_not_linked_for_staff_of_another_area(cast):
    staff = cast["commune_a"]
    fair = make_fair(staff)
    registration = services.registration_create(actor=staff, fair=fair, data=walk_in(1))
    entries = timeline_for(person=registration.person, viewer=cast["province_b"], kinds=["fair_registration"])
    assert entries[0].url == ""
