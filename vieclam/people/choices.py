from django.db import models
from django.utils.translation import gettext_lazy as _


class Sex(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class IdKind(models.TextChoices):
    CCCD = "cccd12", _("CCCD 12 số")
    CMND = "cmnd9", _("CMND 9 số (cũ)")


class Relationship(models.TextChoices):
    HEAD = "head", _("Chủ hộ")
    SPOUSE = "spouse", _("Vợ/chồng")
    CHILD = "child", _("Con")
    PARENT = "parent", _("Bố/mẹ")
    GRANDCHILD = "grandchild", _("Cháu")
    SIBLING = "sibling", _("Anh/chị/em")
    OTHER = "other", _("Khác")


class ChangeKind(models.TextChoices):
    """Loại biến động: why a person's labour status changed."""

    REGISTERED = "registered", _("Đăng ký mới")
    STATUS = "status", _("Thay đổi tình trạng việc làm")
    MOVED = "moved", _("Thay đổi nơi ở")
    CORRECTION = "correction", _("Sửa thông tin")
    ABROAD = "abroad", _("Đi làm việc ở nước ngoài theo hợp đồng")


class ReviewKind(models.TextChoices):
    """QĐ 24/2021/QĐ-TTg: the yearly review (1/9–14/12) and the monthly regular review."""

    PERIODIC = "periodic", _("Rà soát định kỳ")
    REGULAR = "regular", _("Rà soát thường xuyên")


class PovertyCause(models.TextChoices):
    """Causes of poverty as reported in the national poverty reports."""

    NO_LAND = "no_land", _("Thiếu đất sản xuất")
    NO_CAPITAL = "no_capital", _("Thiếu vốn")
    NO_LABOUR = "no_labour", _("Thiếu lao động")
    NO_TOOLS = "no_tools", _("Thiếu công cụ, phương tiện sản xuất")
    NO_KNOW_HOW = "no_know_how", _("Thiếu kiến thức sản xuất")
    NO_SKILLS = "no_skills", _("Thiếu kỹ năng lao động")
    ILLNESS = "illness", _("Ốm đau, bệnh nặng, tai nạn")
    OTHER = "other", _("Nguyên nhân khác")


class ConsentPurpose(models.TextChoices):
    """What a worker may agree to (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): each purpose given or withdrawn alone."""

    PUBLISH_CONTACT = "publish_contact", _("Cho người sử dụng lao động xem số điện thoại và thư điện tử của tôi")
    JOB_MATCHING = "job_matching", _("Dùng hồ sơ của tôi để gợi ý và giới thiệu việc làm phù hợp")
    JOB_NEWS = "job_news", _("Gửi cho tôi tin tuyển dụng và thông tin hỗ trợ việc làm")
