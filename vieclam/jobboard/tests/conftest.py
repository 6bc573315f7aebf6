"""Fixtures of the job board tests: vacancies in Hà Nội and in Tây Ninh communes that were Tây Ninh or Long An."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from vieclam.employers.tests.factories import make_employer
from vieclam.vacancies.tests.factories import make_vacancy, occupation

HANOI = "00004"  # Phường Ba Đình, Hà Nội (01)
TAY_NINH_OLD_TN = "25459"  # Phường Tân Ninh, Tây Ninh (80); was in the old Tây Ninh (72)
TAY_NINH_OLD_LA = "27712"  # Phường Tân An, Tây Ninh (80); was in the old Long An (80), Thành phố Tân An
HCM_OLD_BD = "25747"  # Phường Thủ Dầu Một, Hồ Chí Minh (79); was in the old Bình Dương (74)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The anonymous API throttle counts in the cache; each test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def post(cast):
    """post(title, commune_code=…, **vacancy fields) → an open vacancy of a new employer in that commune."""

    def make(title: str, *, commune_code: str = TAY_NINH_OLD_TN, employer=None, code: str = "2411", **data):
        employer = employer or make_employer(cast["admin"], commune_code=commune_code)
        values = {"status": "open", "occupation": occupation(code), **data}
        return make_vacancy(cast["admin"], employer=employer, commune_code=commune_code, title=title, **values)

    return make
