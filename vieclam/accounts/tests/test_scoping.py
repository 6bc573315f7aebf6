"""Access by area, on every endpoint that exists: a record outside the scope answers 404."""

import pytest

from vieclam.accounts.models import User
from vieclam.accounts.scoping import scope_for
from vieclam.accounts.services import user_update

pytestmark = pytest.mark.django_db


def usernames(response):
    return {row["username"] for row in response.json()["results"]}


def test_admin_sees_every_user(cast, api_as):
    assert usernames(api_as(cast["admin"]).get("/api/v1/users/")) == set(cast)


def test_province_officer_sees_only_users_of_their_province(cast, api_as):
    seen = usernames(api_as(cast["province_a"]).get("/api/v1/users/"))
    assert seen == {"province_a", "counsellor_a", "commune_a"}


def test_commune_officer_sees_only_their_commune(cast, api_as):
    assert usernames(api_as(cast["commune_a"]).get("/api/v1/users/")) == {"commune_a"}
    assert usernames(api_as(cast["commune_b"]).get("/api/v1/users/")) == {"commune_b"}


@pytest.mark.parametrize("viewer", ["commune_a", "province_a", "counsellor_a", "employer", "worker"])
def test_user_outside_scope_is_404_on_api_and_page(cast, api_as, client, viewer):
    outsider = cast["commune_b"]
    assert api_as(cast[viewer]).get(f"/api/v1/users/{outsider.pk}/").status_code == 404
    client.force_login(cast[viewer])
    assert client.get(f"/accounts/users/{outsider.pk}/").status_code in (403, 404)


def test_commune_officer_gets_404_for_a_neighbouring_commune_in_the_same_province(cast, api_as):
    neighbour = User.objects.create(username="neighbour", role="commune_officer")
    user_update(actor=cast["admin"], user=neighbour, data={}, area_codes=["25480"])
    assert api_as(cast["commune_a"]).get(f"/api/v1/users/{neighbour.pk}/").status_code == 404
    assert api_as(cast["province_a"]).get(f"/api/v1/users/{neighbour.pk}/").status_code == 200


def test_worker_sees_only_themselves(cast, api_as):
    assert usernames(api_as(cast["worker"]).get("/api/v1/users/")) == {"worker"}


def test_anonymous_is_refused_on_private_endpoints(cast, api_as):
    for url in ["/api/v1/users/", "/api/v1/me/", "/api/v1/audit-events/", f"/api/v1/users/{cast['worker'].pk}/"]:
        assert api_as().get(url).status_code in (401, 403), url


def test_audit_trail_is_scoped_to_the_area(cast, api_as):
    from vieclam.core.audit import audit_record
    from vieclam.places.models import AdministrativeUnit

    commune_a = AdministrativeUnit.objects.get(edition="post_2025_07", code="25459")
    commune_b = AdministrativeUnit.objects.get(edition="post_2025_07", code="00004")
    audit_record(actor=cast["admin"], action="update", instance=cast["worker"], area=commune_a)
    audit_record(actor=cast["admin"], action="update", instance=cast["employer"], area=commune_b)

    def areas(user):
        return {e["area"] for e in api_as(user).get("/api/v1/audit-events/").json()["results"]}

    assert areas(cast["commune_a"]) == {"25459"}
    assert areas(cast["province_b"]) == {"00004"}
    assert {"25459", "00004"} <= areas(cast["admin"])
    assert api_as(cast["worker"]).get("/api/v1/audit-events/").status_code == 403
    assert api_as(cast["counsellor_a"]).get("/api/v1/audit-events/").status_code == 403


def test_users_list_query_count_is_flat(cast, api_as, django_assert_max_num_queries):
    client = api_as(cast["admin"])
    client.get("/api/v1/users/")  # warm the token lookup path
    for i in range(20):
        User.objects.create(username=f"extra{i}", role="worker")
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/users/").status_code == 200


def test_a_province_scope_filters_on_the_records_own_commune_column(cast):
    """A join to the units was estimated at a hundredth of a province's persons, so the planner sorted a million
    rows instead of reading the name index in order: the scope lists the province's unit ids instead."""
    from vieclam.people.models import Person
    from vieclam.people.selectors import person_list
    from vieclam.places.models import AdministrativeUnit

    sql = str(person_list(viewer=cast["province_a"]).query)
    assert '"province_id" IN' not in sql and '"people_person"."residence_commune_id" IN (' in sql
    province = cast["province_a"].areas.get()
    units = set(AdministrativeUnit.objects.filter(province=province).values_list("pk", flat=True))
    assert scope_for(cast["province_a"]).units_of_provinces == units
    assert person_list(viewer=cast["province_a"]).model is Person
