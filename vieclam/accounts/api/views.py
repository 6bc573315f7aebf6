from rest_framework import generics

from vieclam.accounts import selectors
from vieclam.accounts.api.serializers import UserSerializer
from vieclam.accounts.filtersets import UserFilterSet
from vieclam.accounts.scoping import get_scoped_or_404


class MeApi(generics.RetrieveAPIView):
    """The signed-in user, their role and areas."""

    serializer_class = UserSerializer

    def get_object(self):
        return self.request.user


class UserListApi(generics.ListAPIView):
    """Users inside the caller's areas (all users for an administrator)."""

    serializer_class = UserSerializer
    filterset_class = UserFilterSet

    def get_queryset(self):
        return selectors.user_list(viewer=self.request.user)


class UserDetailApi(generics.RetrieveAPIView):
    serializer_class = UserSerializer

    def get_object(self):
        return get_scoped_or_404(selectors.user_list(viewer=self.request.user), self.request.user, pk=self.kwargs["pk"])
