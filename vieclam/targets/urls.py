from django.urls import path

from vieclam.targets import views

app_name = "targets"
urlpatterns = [
    path("", views.target_list, name="target_list"),
    path("new/", views.target_create, name="target_create"),
    path("<int:pk>/", views.target_detail, name="target_detail"),
    path("<int:pk>/allocate/", views.target_allocate, name="target_allocate"),
    path("<int:pk>/revise/", views.target_revise, name="target_revise"),
]
