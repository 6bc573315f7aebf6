from django.urls import path

from vieclam.accounts.api import views

urlpatterns = [
    path("me/", views.MeApi.as_view(), name="me"),
    path("users/", views.UserListApi.as_view(), name="user-list"),
    path("users/<int:pk>/", views.UserDetailApi.as_view(), name="user-detail"),
]
