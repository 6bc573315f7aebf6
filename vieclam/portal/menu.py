"""The main menu: groups of tasks, each item shown only to the roles that can use it.

One registry (NetBox-style navigation): a new page adds one `Item` to a group here; `base.html` only renders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.imports.services import can_import

Rule = Callable[[object], bool]


def anonymous(user) -> bool:
    return not user.is_authenticated


def staff(user) -> bool:
    return user.is_authenticated and user.is_staff_role


def not_staff(user) -> bool:
    """Visitors, workers and employers (staff have their own page of the same name, e.g. the fairs they run)."""
    return not staff(user)


def history(user) -> bool:
    return user.is_authenticated and user.can_view_history


def worker(user) -> bool:
    return user.is_authenticated and user.role == Role.WORKER


def employer(user) -> bool:
    return user.is_authenticated and user.role == Role.EMPLOYER


def holds_exchange(user) -> bool:
    """Administrators and staff of a whole province: they hold an exchange's vacancies (approve, import)."""
    return can_import(user)


def everyone(user) -> bool:
    return True


@dataclass(frozen=True)
class Item:
    label: str | Promise
    url_name: str
    rule: Rule = everyone


@dataclass(frozen=True)
class Group:
    label: str | Promise
    items: tuple[Item, ...]


MENU: tuple[Group, ...] = (
    Group(
        _("Đăng ký"),
        (
            Item(_("Hộ gia đình"), "people:household_list", staff),
            Item(_("Người lao động"), "people:person_list", staff),
            Item(_("Người sử dụng lao động"), "employers:employer_list", staff),
            Item(_("Yêu cầu gắn tài khoản"), "applications:claim_list", staff),
            Item(_("Đăng ký người lao động"), "portal:register_worker", anonymous),
            Item(_("Đăng ký doanh nghiệp"), "portal:register_employer", anonymous),
        ),
    ),
    Group(
        _("Sàn việc làm"),
        (
            Item(_("Tìm việc làm"), "jobboard:job_search"),
            Item(_("Phiên giao dịch việc làm"), "fairpub:fair_list", not_staff),
            Item(_("Việc tìm người"), "vacancies:vacancy_list", holds_exchange),
            Item(_("Tin chờ duyệt"), "vacancies:approvals", holds_exchange),
            Item(_("Người tìm việc"), "seekers:profile_list", staff),
            Item(_("Ứng tuyển"), "applications:application_list", staff),
            Item(_("Phiên giao dịch việc làm"), "fairs:fair_list", staff),
            Item(_("Nhập việc tìm người"), "imports:batch_upload", holds_exchange),
        ),
    ),
    Group(
        _("Dịch vụ"),
        (
            Item(_("Tư vấn"), "casework:session_list", staff),
            Item(_("Hội nghị tư vấn"), "casework:group_list", staff),
            Item(_("Danh sách của tôi"), "casework:my_caseload", staff),
            Item(_("Kết nối việc làm thành công"), "connections:connection_list", staff),
            Item(_("Theo dõi sau kết nối"), "connections:followup_queue", staff),
            Item(_("Đào tạo nghề"), "training:class_list", staff),
            Item(_("Đi làm việc ở nước ngoài"), "abroad:journey_list", staff),
            Item(_("Người quan tâm đi làm việc ở nước ngoài"), "abroad:lead_list", staff),
            Item(_("Vay vốn tạo việc làm"), "loans:loan_list", staff),
        ),
    ),
    Group(
        _("Của tôi"),
        (
            Item(_("Việc làm phù hợp"), "applications:my_matches", worker),
            Item(_("Đơn ứng tuyển"), "applications:my", worker),
            Item(_("Hồ sơ tìm việc"), "seekers:own_profile", worker),
            Item(_("Dữ liệu của tôi"), "portal:my_data", worker),
            Item(_("Phiên giao dịch việc làm của tôi"), "fairpub:mine", worker),
            Item(_("Tin tuyển dụng của tôi"), "applications:my", employer),
            Item(_("Đăng tin mới"), "applications:my_vacancy_create", employer),
        ),
    ),
    Group(
        _("Báo cáo"),
        (
            Item(_("Danh mục chỉ tiêu"), "indicators:indicator_list", staff),
            Item(_("Chỉ tiêu kế hoạch"), "targets:target_list", staff),
            Item(_("Báo cáo"), "reporting:report_list", staff),
        ),
    ),
    Group(
        _("Tra cứu"),
        (
            Item(_("Đơn vị hành chính"), "places:area_list"),
            Item(_("API"), "api-docs", staff),
        ),
    ),
    Group(
        _("Quản trị"),
        (
            Item(_("Người dùng"), "accounts:user_list", staff),
            Item(_("Nhật ký thay đổi"), "portal:audit_list", history),
            Item(_("Công việc chạy nền"), "jobs:job_list", staff),
        ),
    ),
)


def menu_for(user) -> list[dict]:
    """The groups this user sees, each with its visible items as {label, url}; empty groups are left out."""
    groups = []
    for group in MENU:
        items = [{"label": i.label, "url": reverse(i.url_name)} for i in group.items if i.rule(user)]
        if items:
            groups.append({"label": group.label, "items": items})
    return groups


def menu(request) -> dict:
    """Context processor: `menu` for base.html."""
    return {"menu": menu_for(request.user)}
