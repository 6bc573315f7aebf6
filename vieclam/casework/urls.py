from django.urls import path

from vieclam.casework import views

app_name = "casework"
urlpatterns = [
    path("sessions/", views.session_list, name="session_list"),
    path("sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", views.session_update, name="session_update"),
    path("groups/", views.group_list, name="group_list"),
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<int:pk>/", views.group_detail, name="group_detail"),
    path("groups/<int:pk>/edit/", views.group_update, name="group_update"),
    path("groups/<int:pk>/attendees/", views.group_attendee_add, name="group_attendee_add"),
    path("groups/<int:pk>/attendees/remove/", views.group_attendee_remove, name="group_attendee_remove"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/new/", views.case_create, name="case_create"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/edit/", views.case_update, name="case_update"),
    path("mine/", views.my_caseload, name="my_caseload"),
    path("counts/", views.counts, name="counts"),
    path("persons/<int:pk>/services/", views.person_services, name="person_services"),
]
