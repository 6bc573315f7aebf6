from django.urls import path

from vieclam.applications import views

app_name = "applications"
urlpatterns = [
    # Staff
    path("", views.application_list, name="application_list"),
    path("refer/", views.application_refer, name="application_refer"),
    path("approvals/", views.approvals, name="approvals"),
    path("approvals/<int:pk>/", views.approval_decide, name="approval_decide"),
    # Anyone who may see the application (staff of the area, the worker, the employer)
    path("<int:pk>/", views.application_detail, name="application_detail"),
    path("<int:pk>/transition/", views.application_transition, name="application_transition"),
    # Self-service
    path("register/worker/", views.register_worker, name="register_worker"),
    path("register/employer/", views.register_employer, name="register_employer"),
    path("apply/<int:vacancy_id>/", views.apply, name="apply"),
    path("my/", views.my, name="my"),
    path("my/vacancies/new/", views.my_vacancy_create, name="my_vacancy_create"),
    path("my/employers/<int:pk>/contact/", views.my_employer_contact, name="my_employer_contact"),
]
