from django.urls import path

from vieclam.seekers import views

app_name = "seekers"
urlpatterns = [
    path("", views.profile_list, name="profile_list"),
    path("new/", views.profile_create, name="profile_create"),
    path("<int:pk>/", views.profile_detail, name="profile_detail"),
    path("<int:pk>/edit/", views.profile_edit, name="profile_edit"),
    path("<int:pk>/status/", views.profile_status, name="profile_status"),
    # A worker's own profile
    path("me/", views.own_profile, name="own_profile"),
    path("me/edit/", views.own_profile_edit, name="own_profile_edit"),
    path("experience-row/", views.experience_row, name="experience_row"),
]
