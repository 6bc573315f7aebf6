from django.urls import path
from django.views.generic import RedirectView

from vieclam.applications import views

app_name = "applications"
urlpatterns = [
    # Staff
    path("", views.application_list, name="application_list"),
    path("refer/", views.application_refer, name="application_refer"),
    path("claims/", views.claim_list, name="claim_list"),
    path("claims/<int:pk>/decide/", views.claim_decide, name="claim_decide"),
    # Approvals moved to vacancies, sign-up to portal: the old addresses still lead there.
    path("approvals/", RedirectView.as_view(pattern_name="vacancies:approvals", query_string=True)),
    # Anyone who may see the application (staff of the area, the worker, the employer)
    path("<int:pk>/", views.application_detail, name="application_detail"),
    path("<int:pk>/transition/", views.application_transition, name="application_transition"),
    # Self-service
    path("register/worker/", RedirectView.as_view(pattern_name="portal:register_worker", query_string=True)),
    path("register/employer/", RedirectView.as_view(pattern_name="portal:register_employer", query_string=True)),
    path("apply/<int:vacancy_id>/", views.apply, name="apply"),
    path("my/", views.my, name="my"),
    path("my/matches/", views.my_matches, name="my_matches"),
    path("my/vacancies/new/", views.my_vacancy_create, name="my_vacancy_create"),
    path("my/vacancies/<int:pk>/", views.my_vacancy_detail, name="my_vacancy_detail"),
    path("my/vacancies/<int:pk>/edit/", views.my_vacancy_edit, name="my_vacancy_edit"),
    path("my/vacancies/<int:pk>/close/", views.my_vacancy_close, name="my_vacancy_close"),
    path("my/employers/<int:pk>/contact/", views.my_employer_contact, name="my_employer_contact"),
]
