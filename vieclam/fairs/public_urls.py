"""The public pages of job fairs, under /job-fairs/ (vieclam.config.urls)."""

from django.urls import path

from vieclam.fairs import views_mine, views_public

app_name = "fairpub"
urlpatterns = [
    path("", views_public.fair_list, name="fair_list"),
    path("mine/", views_public.my_registrations, name="mine"),
    path("mine/slots/<int:pk>/book/", views_mine.slot_book, name="mine_slot_book"),
    path("mine/slots/<int:pk>/release/", views_mine.slot_release, name="mine_slot_release"),
    path("ticket/<str:token>/", views_public.ticket, name="ticket"),
    path("<int:pk>/", views_public.fair_page, name="fair"),
]
