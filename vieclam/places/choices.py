from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


class UnitType(models.TextChoices):
    CENTRAL_CITY = "thanh_pho_tw", _("Thành phố trực thuộc trung ương")
    PROVINCE = "tinh", _("Tỉnh")
    PROVINCIAL_CITY = "thanh_pho", _("Thành phố thuộc tỉnh")
    CITY_IN_CENTRAL_CITY = "thanh_pho_thuoc_tp", _("Thành phố thuộc thành phố trực thuộc trung ương")
    URBAN_DISTRICT = "quan", _("Quận")
    TOWN = "thi_xa", _("Thị xã")
    RURAL_DISTRICT = "huyen", _("Huyện")
    WARD = "phuong", _("Phường")
    TOWNLET = "thi_tran", _("Thị trấn")
    COMMUNE = "xa", _("Xã")
    SPECIAL_ZONE = "dac_khu", _("Đặc khu")


class AreaClass(models.TextChoices):
    """Urban or rural, as the poverty standard applies its income lines (NĐ 07/2021, NĐ 351/2025)."""

    URBAN = "urban", _("Thành thị")
    RURAL = "rural", _("Nông thôn")


class SuccessionKind(models.TextChoices):
    FULL = "full", _("Nhập toàn bộ")
    PARTIAL = "partial", _("Nhập một phần")
