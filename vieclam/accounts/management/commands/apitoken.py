"""`vieclam apitoken USERNAME`: print the user's API token (created if needed)."""

from django.core.management.base import BaseCommand, CommandError

from vieclam.accounts.models import User
from vieclam.accounts.services import user_token


class Command(BaseCommand):
    help = "Print a user's API token, creating it if needed."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist as exc:
            raise CommandError(f"Không có người dùng '{username}' (no such user).") from exc
        if not user.is_active:
            raise CommandError(f"Tài khoản '{username}' đã bị khóa (account is inactive).")
        self.stdout.write(user_token(user=user))
