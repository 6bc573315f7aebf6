import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vieclam.accounts.choices import Role
from vieclam.accounts.models import User


class UserFilterSet(django_filters.FilterSet):
    role = django_filters.ChoiceFilter(label=_("Vai trò"), choices=Role.choices)
    q = django_filters.CharFilter(label=_("Tìm"), method="search", max_length=100)

    class Meta:
        model = User
        fields = ["role", "is_active"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(username__icontains=value) | Q(first_name__icontains=value) | Q(last_name__icontains=value)
        )
