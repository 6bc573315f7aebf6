from django.urls import path

from vieclam.coding.api import views

# Included before the code lists API: 'occupations/suggest/' must not be read as the occupation code 'suggest'.
urlpatterns = [
    path("occupations/suggest/", views.OccupationSuggestApi.as_view(), name="occupation-suggest"),
]
