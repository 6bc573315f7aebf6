from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    PROVINCE_OFFICER = "province_officer", _("Cán bộ cấp tỉnh")
    COUNSELLOR = "counsellor", _("Tư vấn viên dịch vụ việc làm")
    COMMUNE_OFFICER = "commune_officer", _("Cán bộ cấp xã")
    EMPLOYER = "employer", _("Người sử dụng lao động")
    WORKER = "worker", _("Người lao động")


# Roles whose users work with other people's records inside their area.
STAFF_ROLES = frozenset({Role.ADMIN, Role.PROVINCE_OFFICER, Role.COUNSELLOR, Role.COMMUNE_OFFICER})
# Roles that may read the audit history of records in their area.
HISTORY_ROLES = frozenset({Role.ADMIN, Role.PROVINCE_OFFICER, Role.COMMUNE_OFFICER})
