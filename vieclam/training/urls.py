from django.urls import path

from vieclam.training import views

app_name = "training"
urlpatterns = [
    path("", views.class_list, name="class_list"),
    path("new/", views.class_create, name="class_create"),
    path("<int:pk>/", views.class_detail, name="class_detail"),
    path("enrolments/", views.enrolment_list, name="enrolment_list"),
    path("providers/", views.provider_list, name="provider_list"),
    path("providers/new/", views.provider_create, name="provider_create"),
    path("providers/<int:pk>/", views.provider_detail, name="provider_detail"),
    path("courses/new/", views.course_create, name="course_create"),
    path("demand/", views.demand, name="demand"),
    path("enrolments/<int:pk>/status/", views.enrolment_transition, name="enrolment_transition"),
]
