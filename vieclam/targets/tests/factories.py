"""Units and indicators the target tests use, read from the reference data (Tây Ninh = A, Hà Nội = B)."""

from __future__ import annotations

from vieclam.conftest import COMMUNE_A, COMMUNE_B, OTHER_COMMUNE_A, PROVINCE_A, PROVINCE_B
from vieclam.indicators.models import Indicator
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit, Edition

JOBS = "giai_quyet_viec_lam"  # a count (người): shares add up
RATE = "ty_le_that_nghiep"  # a percentage: a value per commune, no sum


def indicator(code: str = JOBS) -> Indicator:
    return Indicator.objects.get(code=code)


def unit(code: str, level: str = Level.COMMUNE, edition: str = Edition.POST_2025) -> AdministrativeUnit:
    return AdministrativeUnit.objects.get(edition=edition, level=level, code=code)


def province_a() -> AdministrativeUnit:
    return unit(PROVINCE_A, Level.PROVINCE)


def province_b() -> AdministrativeUnit:
    return unit(PROVINCE_B, Level.PROVINCE)


def commune_a() -> AdministrativeUnit:
    return unit(COMMUNE_A)


def other_commune_a() -> AdministrativeUnit:
    return unit(OTHER_COMMUNE_A)


def commune_b() -> AdministrativeUnit:
    return unit(COMMUNE_B)


def old_an_phu() -> AdministrativeUnit:
    """Huyện An Phú (An Giang), a district until 30/06/2025."""
    return unit("886", Level.DISTRICT, Edition.PRE_2025)
