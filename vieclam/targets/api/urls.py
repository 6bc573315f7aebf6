from django.urls import path

from vieclam.targets.api import views

urlpatterns = [
    path("targets/", views.TargetListApi.as_view(), name="target-list"),
    path("targets/<int:pk>/", views.TargetDetailApi.as_view(), name="target-detail"),
    path("targets/<int:pk>/allocate/", views.TargetAllocateApi.as_view(), name="target-allocate"),
    path("targets/<int:pk>/revise/", views.TargetReviseApi.as_view(), name="target-revise"),
]
