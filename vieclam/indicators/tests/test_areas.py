"""The area of a figure: a commune, a province in force, and an old (pre-July-2025) district through the crosswalk."""

from __future__ import annotations

import pytest

from vieclam.indicators.areas import BOUNDARY_2025, BOUNDARY_OLD, area_for, area_of_communes
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Edition, Succession

pytestmark = pytest.mark.django_db


def unit(code: str, *, edition=Edition.POST_2025, level=Level.COMMUNE) -> AdministrativeUnit:
    return AdministrativeUnit.objects.get(edition=edition, level=level, code=code)


def test_a_commune_is_its_own_area():
    commune = unit("25459")
    area = area_for(commune)
    assert area.commune_ids == {commune.pk} and area.label == commune.name and area.boundary == BOUNDARY_2025
    assert area.key == str(commune.pk) and area.notes == ()


def test_a_province_is_all_its_communes_in_force():
    province = unit("80", level=Level.PROVINCE)
    area = area_for(province)
    expected = set(
        AdministrativeUnit.objects.current().filter(level=Level.COMMUNE, province=province).values_list("pk", flat=True)
    )
    assert area.commune_ids == expected and len(expected) > 50
    assert unit("25459").pk in area.commune_ids and unit("00004").pk not in area.commune_ids


def test_several_communes_make_one_area_named_after_them():
    a, b = unit("25459"), unit("25480")
    area = area_of_communes([a, b])
    assert area.commune_ids == {a.pk, b.pk} and area.label == f"{a.name}, {b.name}"


def test_an_old_district_is_the_communes_in_force_whose_main_predecessor_lay_in_it():
    an_phu = unit("886", edition=Edition.PRE_2025, level=Level.DISTRICT)
    area = area_for(an_phu)
    assert area.boundary == BOUNDARY_OLD and area.label == an_phu.name and area.commune_ids
    old_communes = set(
        AdministrativeUnit.objects.filter(edition=Edition.PRE_2025, parent=an_phu).values_list("pk", flat=True)
    )
    for successor in area.commune_ids:  # every commune kept came (at least in part) from An Phú
        assert Succession.objects.filter(successor_id=successor, predecessor_id__in=old_communes).exists()
    assert all(c.edition == Edition.POST_2025 for c in AdministrativeUnit.objects.filter(pk__in=area.commune_ids))


def test_an_old_district_says_how_it_placed_communes_made_from_several_old_units():
    an_phu = unit("886", edition=Edition.PRE_2025, level=Level.DISTRICT)
    old_communes = set(
        AdministrativeUnit.objects.filter(edition=Edition.PRE_2025, parent=an_phu).values_list("pk", flat=True)
    )
    successors = set(
        Succession.objects.filter(predecessor_id__in=old_communes, level=Level.COMMUNE).values_list(
            "successor_id", flat=True
        )
    )
    elsewhere = Succession.objects.filter(level=Level.COMMUNE).exclude(predecessor_id__in=old_communes)
    mixed = [s for s in successors if elsewhere.filter(successor_id=s).exists()]
    area = area_for(an_phu)
    assert len(area.notes) == len(mixed)
    for note in area.notes:
        assert an_phu.name in note and ("được tính cả vào" in note or "không tính vào" in note)


def test_an_old_commune_reaches_its_successor():
    an_phu = unit("886", edition=Edition.PRE_2025, level=Level.DISTRICT)
    old = AdministrativeUnit.objects.filter(edition=Edition.PRE_2025, parent=an_phu).order_by("code").first()
    successors = set(
        Succession.objects.filter(predecessor=old, level=Level.COMMUNE).values_list("successor_id", flat=True)
    )
    area = area_for(old)
    assert area.commune_ids <= successors and area.boundary == BOUNDARY_OLD
