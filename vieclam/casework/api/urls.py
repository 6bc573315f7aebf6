from django.urls import path

from vieclam.casework.api import views

urlpatterns = [
    path("counselling-sessions/", views.CounsellingSessionListApi.as_view(), name="counselling-session-list"),
    path(
        "counselling-sessions/<int:pk>/", views.CounsellingSessionDetailApi.as_view(), name="counselling-session-detail"
    ),
    path("group-sessions/", views.GroupSessionListApi.as_view(), name="group-session-list"),
    path("group-sessions/<int:pk>/", views.GroupSessionDetailApi.as_view(), name="group-session-detail"),
    path("case-assignments/", views.CaseAssignmentListApi.as_view(), name="case-assignment-list"),
    path("case-assignments/<int:pk>/", views.CaseAssignmentDetailApi.as_view(), name="case-assignment-detail"),
]
