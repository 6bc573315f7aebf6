from django.urls import path

from vieclam.vacancies import views

app_name = "vacancies"
urlpatterns = [
    path("", views.vacancy_list, name="vacancy_list"),
    path("new/", views.vacancy_create, name="vacancy_create"),
    path("<int:pk>/", views.vacancy_detail, name="vacancy_detail"),
    path("<int:pk>/edit/", views.vacancy_update, name="vacancy_update"),
    path("<int:pk>/status/", views.vacancy_status, name="vacancy_status"),
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/<int:pk>/", views.approval_decide, name="approval_decide"),
    path("picker/", views.vacancy_picker, name="vacancy_picker"),
]
