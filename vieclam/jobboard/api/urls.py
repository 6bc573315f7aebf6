from django.urls import path

from vieclam.jobboard.api import views

urlpatterns = [
    path("jobs/", views.JobListApi.as_view(), name="job-list"),
    path("jobs/<int:pk>/", views.JobDetailApi.as_view(), name="job-detail"),
]
