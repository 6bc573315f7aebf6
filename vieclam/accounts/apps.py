from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "vieclam.accounts"
    label = "accounts"
    verbose_name = _("Tài khoản và phân quyền")

    def ready(self) -> None:
        from vieclam.accounts.models import User
        from vieclam.core.display import register_audited_keys

        # services record a user's areas by their codes
        register_audited_keys(User, {"areas": "code"})
