"""The public pages of job fairs, under /job-fairs/ (vieclam.config.urls)."""

from django.urls import path

from vieclam.fairs import views_public

app_name = "fairpub"
urlpatterns = [
    path("", views_public.fair_list, name="fair_list"),
    path("mine/", views_public.my_registrations, name="mine"),
    path("ticket/<str:token>/", views_public.ticket, name="ticket"),
    path("<int:pk>/", views_public.fair_page, name="fair"),
]
