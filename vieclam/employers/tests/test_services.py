"""employers.services called directly: actors, areas, audit values, derived fields."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from vieclam.codelists.models import Industry
from vieclam.core.models import AuditEvent
from vieclam.employers import services
from vieclam.employers.models import Employer
from vieclam.employers.tests.factories import commune, employer_type, make_employer
from vieclam.places.models import AdministrativeUnit

pytestmark = pytest.mark.django_db


def events(employer, action):
    return AuditEvent.objects.filter(content_type__model="employer", object_id=str(employer.pk), action=action)


@pytest.mark.parametrize("role", ["employer", "worker"])
def test_employer_and_worker_accounts_may_not_create(cast, role):
    with pytest.raises(PermissionDenied):
        make_employer(cast[role])
    assert not Employer.objects.exists()


def test_anonymous_actor_may_not_create(db):
    with pytest.raises(PermissionDenied):
        make_employer(None)


def test_update_of_an_employer_outside_the_area_is_refused(cast):
    employer = make_employer(cast["admin"], commune_code="00004")
    with pytest.raises(PermissionDenied):
        services.employer_update(actor=cast["commune_a"], employer=employer, data={"name": "X"})


def test_update_audits_old_and_new_values_by_code(cast):
    employer = make_employer(cast["admin"], name="Cơ sở A")
    section_c = Industry.objects.get(system="vsic2025", code="C")
    fdi = employer_type("dn_fdi")
    data = {"name": "Cơ sở B", "commune": commune("25480"), "industry": section_c, "employer_type": fdi}
    services.employer_update(actor=cast["province_a"], employer=employer, data=data)
    event = events(employer, "update").get()
    assert event.changes == {
        "name": ["Cơ sở A", "Cơ sở B"],
        "commune": ["25459", "25480"],
        "industry": [None, "C"],
        "employer_type": ["dn_ngoai_nha_nuoc", "dn_fdi"],
    }
    assert event.area.code == "25480"
    employer.refresh_from_db()
    assert "co so b" in employer.search_text


def test_changing_the_tax_code_rederives_its_kind(cast):
    employer = make_employer(cast["admin"], employer_type=employer_type("ho_kinh_doanh"))
    services.employer_update(actor=cast["admin"], employer=employer, data={"tax_code": "079123456789"})
    employer.refresh_from_db()
    assert employer.id_kind == "personal12"
    assert events(employer, "update").get().changes["id_kind"] == ["mst10", "personal12"]


def test_a_commune_no_longer_in_force_is_refused(cast):
    old = AdministrativeUnit.objects.get(edition="pre_2025_07", level="commune", code="25456")
    with pytest.raises(ValidationError) as info:
        make_employer(cast["admin"], commune=old)
    assert "không còn hiệu lực" in info.value.message_dict["commune"][0]


def test_a_province_is_not_a_commune(cast):
    province = AdministrativeUnit.objects.get(edition="post_2025_07", level="province", code="80")
    with pytest.raises(ValidationError) as info:
        make_employer(cast["admin"], commune=province)
    assert "commune" in info.value.message_dict


def test_an_industry_no_longer_in_force_is_refused(cast):
    vsic2007 = Industry.objects.filter(system="vsic2007", level=1).first()
    with pytest.raises(ValidationError) as info:
        make_employer(cast["admin"], industry=vsic2007)
    assert "industry" in info.value.message_dict


def test_unknown_fields_are_refused_by_name(cast):
    with pytest.raises(ValidationError) as info:
        make_employer(cast["admin"], id_kind="personal12")
    assert "id_kind" in info.value.message_dict


def test_create_and_audit_commit_together(cast):
    employer = make_employer(cast["commune_a"])
    event = events(employer, "create").get()
    assert event.area_id == employer.commune_id and event.changes["id_kind"] == [None, "mst10"]
