from django.urls import path

from vieclam.matching.api import views

urlpatterns = [
    path("vacancies/<int:pk>/candidates/", views.VacancyCandidatesApi.as_view(), name="vacancy-candidates"),
    path("persons/<int:pk>/recommendations/", views.PersonRecommendationsApi.as_view(), name="person-recommendations"),
]
