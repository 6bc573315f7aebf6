from django.urls import path

from vieclam.matching import views

app_name = "matching"
urlpatterns = [
    path("vacancies/<int:pk>/candidates/", views.vacancy_candidates, name="vacancy_candidates"),
    path("persons/<int:pk>/recommendations/", views.person_recommendations, name="person_recommendations"),
]
