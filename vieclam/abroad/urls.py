from django.urls import path

from vieclam.abroad import views

app_name = "abroad"
urlpatterns = [
    path("", views.journey_list, name="journey_list"),
    path("new/", views.journey_create, name="journey_create"),
    path("leads/", views.lead_list, name="lead_list"),
    path("<int:pk>/", views.journey_detail, name="journey_detail"),
    path("<int:pk>/step/", views.journey_step, name="journey_step"),
    path("<int:pk>/support/", views.journey_support, name="journey_support"),
    path("programmes/", views.programme_list, name="programme_list"),
    path("programmes/new/", views.programme_create, name="programme_create"),
    path("enterprises/", views.enterprise_list, name="enterprise_list"),
    path("enterprises/new/", views.enterprise_create, name="enterprise_create"),
]
