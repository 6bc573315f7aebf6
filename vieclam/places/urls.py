from django.urls import path

from vieclam.places import views

app_name = "places"
urlpatterns = [
    path("", views.area_list, name="area_list"),
    path("picker/communes/", views.commune_picker, name="commune_picker"),
    path("<str:code>/", views.area_detail, name="area_detail"),
]
