from django.urls import path

from vieclam.connections.api import views

urlpatterns = [
    path("connections/", views.ConnectionListApi.as_view(), name="connection-list"),
    path("connections/<int:pk>/", views.ConnectionDetailApi.as_view(), name="connection-detail"),
    path("follow-ups/", views.FollowUpListApi.as_view(), name="followup-list"),
    path("follow-ups/<int:pk>/record/", views.FollowUpRecordApi.as_view(), name="followup-record"),
]
