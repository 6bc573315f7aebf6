from django.urls import path

from vieclam.vacancies.api import views

urlpatterns = [
    path("vacancies/", views.VacancyListApi.as_view(), name="vacancy-list"),
    path("vacancies/<int:pk>/", views.VacancyDetailApi.as_view(), name="vacancy-detail"),
    path("vacancies/<int:pk>/status/", views.VacancyStatusApi.as_view(), name="vacancy-status"),
]
