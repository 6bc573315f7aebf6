"""The administrator's user form: who, which role, which areas (provinces and communes picked by name)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User
from vieclam.accounts.services import SELF_RESET_ROLES, user_set_password
from vieclam.core.forms import StyledFormMixin
from vieclam.places.choices import Level
from vieclam.places.models import AdministrativeUnit
from vieclam.places.selectors import province_communes


class AreaChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.name


class UserForm(StyledFormMixin, forms.Form):
    """Create (username and password asked) or edit (role, names, areas) a user account."""

    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    password = forms.CharField(label=_("Mật khẩu ban đầu"), widget=forms.PasswordInput, strip=False)
    last_name = forms.CharField(label=_("Họ"), max_length=150, required=False)
    first_name = forms.CharField(label=_("Tên"), max_length=150, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    provinces = AreaChoiceField(
        label=_("Tỉnh, thành phố phụ trách"),
        queryset=AdministrativeUnit.objects.none(),
        required=False,
        help_text=_("Cán bộ cấp tỉnh và tư vấn viên: tỉnh, thành phố nơi làm việc."),
    )
    communes = AreaChoiceField(
        label=_("Xã, phường phụ trách"),
        queryset=AdministrativeUnit.objects.none(),
        required=False,
        help_text=_("Cán bộ cấp xã: xã, phường, đặc khu nơi làm việc."),
    )

    def __init__(self, *args, account: User | None = None, **kwargs) -> None:
        if account is not None:
            kwargs.setdefault("initial", self.initial_for(account))
        super().__init__(*args, **kwargs)
        self.fields["provinces"].queryset = AdministrativeUnit.objects.current().filter(level=Level.PROVINCE)
        self.fields["provinces"].queryset = self.fields["provinces"].queryset.order_by("name")
        self.fields["communes"].queryset = province_communes()
        if account is not None:  # the account exists: its username and password are not changed here
            del self.fields["username"], self.fields["password"]

    @staticmethod
    def initial_for(account: User) -> dict:
        areas = list(account.areas.all())
        return {
            "last_name": account.last_name,
            "first_name": account.first_name,
            "email": account.email,
            "role": account.role,
            "provinces": [a.pk for a in areas if a.level == Level.PROVINCE],
            "communes": [a.pk for a in areas if a.level == Level.COMMUNE],
        }

    def area_codes(self) -> list[str]:
        return [a.code for a in [*self.cleaned_data["provinces"], *self.cleaned_data["communes"]]]

    def profile_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("last_name", "first_name", "email", "role")}


class SelfServiceResetForm(StyledFormMixin, PasswordResetForm):
    """Email reset for workers and employers only; the page that follows is the same whoever the address is."""

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.role in SELF_RESET_ROLES)


class AuditedSetPasswordForm(StyledFormMixin, SetPasswordForm):
    """The new password goes through accounts.services.user_set_password, audited under `actor`.

    In the email reset the actor is the account itself (it proved it holds the mailbox); an administrator's
    reset passes the administrator.
    """

    def __init__(self, user, *args, actor: User | None = None, **kwargs) -> None:
        super().__init__(user, *args, **kwargs)
        self.actor = actor or user

    def save(self, commit: bool = True) -> User:
        return user_set_password(actor=self.actor, user=self.user, password=self.cleaned_data["new_password1"])
