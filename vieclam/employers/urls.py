from django.urls import path

from vieclam.employers import views

app_name = "employers"
urlpatterns = [
    path("", views.employer_list, name="employer_list"),
    path("new/", views.employer_create, name="employer_create"),
    path("<int:pk>/", views.employer_detail, name="employer_detail"),
    path("<int:pk>/edit/", views.employer_update, name="employer_update"),
    path("picker/", views.employer_picker, name="employer_picker"),
]
