from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = (
    "CODED_FIELDS",
    "LanguageLevel",
    "OBSOLETE_CONTRACT_TYPES",
    "PAY_BAND_CEILINGS",
    "SexRequirement",
    "TRANSITIONS",
    "VacancyStatus",
)


class VacancyStatus(models.TextChoices):
    """Where a vacancy stands at the provincial exchange."""

    DRAFT = "draft", _("Nháp")
    OPEN = "open", _("Đang tuyển")
    FILLED = "filled", _("Đã tuyển đủ")
    CLOSED = "closed", _("Đã đóng")
    EXPIRED = "expired", _("Hết hạn")


# Allowed status changes (vacancies.services.vacancy_set_status). Filled and closed are final: a new need is a
# new vacancy, so the numbers reported for a period never change afterwards. An expired vacancy can be reopened
# once its deadline has been moved.
TRANSITIONS: dict[str, frozenset[str]] = {
    VacancyStatus.DRAFT: frozenset({VacancyStatus.OPEN, VacancyStatus.CLOSED}),
    VacancyStatus.OPEN: frozenset({VacancyStatus.FILLED, VacancyStatus.CLOSED, VacancyStatus.EXPIRED}),
    VacancyStatus.EXPIRED: frozenset({VacancyStatus.OPEN, VacancyStatus.CLOSED}),
    VacancyStatus.FILLED: frozenset(),
    VacancyStatus.CLOSED: frozenset(),
}


class SexRequirement(models.TextChoices):
    """A sex restriction, only allowed with its legal ground (Bộ luật Lao động 2019, Điều 8: no discrimination).

    The labels differ from people.choices.Sex on purpose: they say what the vacancy restricts.
    """

    MALE = "male", _("Chỉ tuyển nam")
    FEMALE = "female", _("Chỉ tuyển nữ")


class LanguageLevel(models.TextChoices):
    """Foreign-language proficiency as Mẫu 01 of TT 11/2022/TT-BLĐTBXH asks it.

    The same values as the job seeker's level (Mẫu 02, seekers.choices.LanguageLevel), so matching compares like
    with like.
    """

    GOOD = "good", _("Tốt")
    FAIR = "fair", _("Khá")
    AVERAGE = "average", _("Trung bình")


# Vacancy field -> TT 11/2022 code list whose item codes it holds (codelists/data/tt11_2022_items.csv).
CODED_FIELDS = {
    "position": "job-positions",
    "education_level": "education-levels",
    "technical_level": "technical-qualification-levels",
    "experience": "experience-bands",
    "contract_type": "contract-types",
    "working_time": "working-time",
    "pay_band": "pay-bands",
}

# Mẫu 02 still prints the seasonal contract, but the Labour Code 2019 (from 01/01/2021) has only two kinds.
OBSOLETE_CONTRACT_TYPES = frozenset({"mua_vu"})

# The highest monthly pay (VND) each Mẫu 01 band can reach, for the "pays at least X" filter; None: no ceiling.
PAY_BAND_CEILINGS = {
    "luong_thang_duoi_5_trieu": 5_000_000,
    "luong_thang_5_10_trieu": 10_000_000,
    "luong_thang_10_20_trieu": 20_000_000,
    "luong_thang_20_50_trieu": 50_000_000,
    "luong_thang_tren_50_trieu": None,
}
