from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    UI = "ui", _("Giao diện web")
    API = "api", _("API")
    IMPORT = "import", _("Nhập dữ liệu")
    COMMAND = "command", _("Lệnh quản trị")
    SYSTEM = "system", _("Hệ thống")


class AuditAction(models.TextChoices):
    CREATE = "create", _("Tạo mới")
    UPDATE = "update", _("Cập nhật")
    DELETE = "delete", _("Xóa")
    READ = "read", _("Xem hồ sơ")
