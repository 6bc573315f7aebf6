from django.urls import path

from vieclam.jobboard import views

app_name = "jobboard"
urlpatterns = [
    path("", views.job_search_page, name="job_search"),
    path("<int:pk>/", views.job_detail, name="job_detail"),
]
