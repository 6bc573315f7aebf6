from django.urls import path

from vieclam.people.api import timeline, views

urlpatterns = [
    path("persons/", views.PersonListCreateApi.as_view(), name="person-list"),
    path("persons/<int:pk>/", views.PersonDetailApi.as_view(), name="person-detail"),
    path("persons/<int:pk>/timeline/", timeline.PersonTimelineApi.as_view(), name="person-timeline"),
    path("households/", views.HouseholdListCreateApi.as_view(), name="household-list"),
    path("households/<int:pk>/reviews/", views.HouseholdReviewsApi.as_view(), name="household-reviews"),
]
