from django.urls import path

from vieclam.coding import views

app_name = "coding"
urlpatterns = [
    path("suggest/", views.suggest_fragment, name="suggest"),
    path("picker/occupations/", views.occupation_picker, name="occupation_picker"),
]
