import datetime as dt

import pytest
from django.core.management import call_command

from vieclam.places.choices import Level
from vieclam.places.loader import load_places
from vieclam.places.models import AdministrativeUnit, Succession

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 21)


def count(level, day):
    return AdministrativeUnit.objects.valid_on(day).filter(level=level).count()


def test_second_load_reports_no_changes():
    assert set(load_places().values()) == {0}


def test_load_reference_command_reports_zero_changes(capsys):
    call_command("load_reference")
    assert "Reference data loaded: 0 changes" in capsys.readouterr().out


def test_after_the_reform_there_are_34_provinces_and_3321_communes():
    assert count(Level.PROVINCE, TODAY) == 34
    assert count(Level.COMMUNE, TODAY) == 3321
    assert count(Level.DISTRICT, TODAY) == 0


def test_before_the_reform_there_were_63_provinces_696_districts_10035_communes():
    day = dt.date(2025, 6, 30)
    assert (count(Level.PROVINCE, day), count(Level.DISTRICT, day), count(Level.COMMUNE, day)) == (63, 696, 10035)


def test_official_codes_win_over_the_library_codes():
    post = AdministrativeUnit.objects.valid_on(TODAY)
    assert post.filter(code__in=["06970", "23737"]).count() == 2
    assert not post.filter(code__in=["06978", "23938"]).exists()
    assert post.get(code="00745").name == "Xã Phố Bảng"


def test_every_current_commune_is_in_the_official_list():
    from vieclam.core.refdata import read_csv
    from vieclam.places.loader import DATA

    official = {r["code"] for r in read_csv(DATA / "official_gso_2025/communes_1027_CTK-CSCL.csv")}
    ours = set(AdministrativeUnit.objects.valid_on(TODAY).filter(level=Level.COMMUNE).values_list("code", flat=True))
    assert ours == official


def test_crosswalk_has_every_row_and_every_old_commune_resolves():
    assert Succession.objects.filter(level=Level.COMMUNE).count() == 10604
    old = AdministrativeUnit.objects.filter(edition="pre_2025_07", level=Level.COMMUNE)
    assert not old.exclude(successions_out__isnull=False).exists()


def test_dong_nai_change_is_dated():
    unit = AdministrativeUnit.objects.get(edition="post_2025_07", code="25270")
    before, after = unit.version_on(dt.date(2026, 4, 29)), unit.version_on(dt.date(2026, 4, 30))
    assert (before.unit_type, before.area_class, before.name) == ("xa", "rural", "Xã Lộc Ninh")
    assert (after.unit_type, after.area_class, after.name) == ("phuong", "urban", "Phường Lộc Ninh")
    province = AdministrativeUnit.objects.get(edition="post_2025_07", level=Level.PROVINCE, code="75")
    assert province.version_on(TODAY).unit_type == "thanh_pho_tw"


def test_rural_and_urban_follow_the_unit_type():
    units = AdministrativeUnit.objects.valid_on(TODAY).filter(level=Level.COMMUNE)
    assert set(units.filter(unit_type="phuong").values_list("area_class", flat=True)) == {"urban"}
    assert set(units.filter(unit_type="xa").values_list("area_class", flat=True)) == {"rural"}
    assert set(units.filter(unit_type="dac_khu").values_list("area_class", flat=True)) == {"rural"}
