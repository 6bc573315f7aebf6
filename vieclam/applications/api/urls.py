from django.urls import path

from vieclam.applications.api import views

urlpatterns = [
    path("applications/", views.ApplicationListApi.as_view(), name="application-list"),
    path("applications/<int:pk>/", views.ApplicationDetailApi.as_view(), name="application-detail"),
    path("applications/<int:pk>/transition/", views.ApplicationTransitionApi.as_view(), name="application-transition"),
]
