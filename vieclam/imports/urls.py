from django.urls import path

from vieclam.imports import views

app_name = "imports"
urlpatterns = [
    path("vacancies/", views.batch_upload, name="batch_upload"),
    path("vacancies/template.csv", views.template_csv, name="template_csv"),
    path("vacancies/<int:pk>/", views.batch_detail, name="batch_detail"),
    path("vacancies/<int:pk>/confirm/", views.batch_commit, name="batch_commit"),
]
