from django.urls import path

from vieclam.seekers.api import views

urlpatterns = [
    path("job-seekers/", views.JobSeekerListApi.as_view(), name="job-seeker-list"),
    path("job-seekers/<int:pk>/", views.JobSeekerDetailApi.as_view(), name="job-seeker-detail"),
    path("job-seekers/<int:pk>/status/", views.JobSeekerStatusApi.as_view(), name="job-seeker-status"),
    path("me/job-seeker-profile/", views.OwnJobSeekerApi.as_view(), name="own-job-seeker-profile"),
]
