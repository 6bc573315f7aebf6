from django.urls import path

from vieclam.connections import views

app_name = "connections"
urlpatterns = [
    path("", views.connection_list, name="connection_list"),
    path("new/", views.connection_create, name="connection_create"),
    path("<int:pk>/", views.connection_detail, name="connection_detail"),
    path("<int:pk>/funding/", views.connection_funding, name="connection_funding"),
    path("follow-ups/", views.followup_queue, name="followup_queue"),
    path("follow-ups/<int:pk>/record/", views.followup_record, name="followup_record"),
]
