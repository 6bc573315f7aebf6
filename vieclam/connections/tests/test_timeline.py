import pytest

from vieclam.connections import services
from vieclam.connections.tests.factories import make_connection, months_ago
from vieclam.core.timeline import timeline_for, timeline_kinds

pytestmark = pytest.mark.django_db


def test_connections_and_checks_are_on_the_timeline_in_words_newest_first(cast):
    counsellor = cast["counsellor_a"]
    connection = make_connection(counsellor, start_date=months_ago(7))
    six = connection.follow_ups.get(offset_months=6)
    services.followup_record(
        actor=counsellor,
        follow_up=six,
        data={"result": "same_employer", "checked_on": six.due_on, "has_contract": True, "has_social_insurance": True},
    )
    connection.follow_ups.filter(offset_months=3).update(status="missed")
    assert {"connection", "follow_up"} <= {kind for kind, _label in timeline_kinds()}
    entries = timeline_for(person=connection.person, viewer=counsellor, kinds=["connection", "follow_up"])
    titles = [entry.title for entry in entries]
    start = connection.start_date.strftime("%d/%m/%Y")
    assert titles == [
        "Theo dõi sau 6 tháng: vẫn làm tại đơn vị, có HĐLĐ, có BHXH",
        "Theo dõi sau 3 tháng: quá hạn, không kiểm tra",
        f"Kết nối việc làm thành công: Công ty May Tân Ninh, Xác định thời hạn từ 12 tháng đến 36 tháng, từ {start}",
    ]
    assert entries[-1].url == f"/connections/{connection.pk}/" and "400.000" in entries[-1].detail


def test_the_providers_respect_the_limit(cast):
    counsellor = cast["counsellor_a"]
    connection = make_connection(counsellor, start_date=months_ago(7))
    connection.follow_ups.update(status="missed")
    assert len(timeline_for(person=connection.person, viewer=counsellor, kinds=["follow_up"], limit=2)) == 2
