from django.db import models
from django.utils.translation import gettext_lazy as _

from vieclam.employers import taxcode

# The Mẫu 01 employer types are reference data: codelists list "employer-types" (TT 11/2022, Mẫu 01 mục 1).
EMPLOYER_TYPES_LIST = "employer-types"
# Types whose identifier may be a 12-digit personal ID instead of an enterprise tax code (TT 86/2024/TT-BTC).
PERSONAL_ID_TYPES = frozenset({"ho_kinh_doanh", "ca_nhan"})


class IdKind(models.TextChoices):
    """What the employer's identifier is, derived from its shape (employers.taxcode)."""

    MST10 = taxcode.MST10, _("Mã số thuế 10 số")
    BRANCH13 = taxcode.BRANCH13, _("Mã số thuế chi nhánh 13 số")
    PERSONAL12 = taxcode.PERSONAL12, _("Số định danh cá nhân 12 số")


class SizeBand(models.TextChoices):
    """Number of employees, in the bands of the enterprise-size thresholds (NĐ 80/2021/NĐ-CP: 10, 50, 100, 200)."""

    UNDER_10 = "lt10", _("Dưới 10 lao động")
    FROM_10 = "10_49", _("Từ 10 đến 49")
    FROM_50 = "50_99", _("Từ 50 đến 99")
    FROM_100 = "100_199", _("Từ 100 đến 199")
    FROM_200 = "200_499", _("Từ 200 đến 499")
    FROM_500 = "500_999", _("Từ 500 đến 999")
    FROM_1000 = "ge1000", _("Từ 1.000 trở lên")
