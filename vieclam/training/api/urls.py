from django.urls import path

from vieclam.training.api import views

urlpatterns = [
    path("training/classes/", views.ClassListApi.as_view(), name="training-class-list"),
    path("training/classes/<int:pk>/", views.ClassDetailApi.as_view(), name="training-class-detail"),
    path("training/enrolments/", views.EnrolmentListApi.as_view(), name="training-enrolment-list"),
    path(
        "training/enrolments/<int:pk>/status/", views.EnrolmentTransitionApi.as_view(), name="training-enrolment-status"
    ),
]
