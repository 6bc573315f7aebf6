from django.urls import path

from vieclam.places.api import views

urlpatterns = [
    path("areas/", views.AreaListApi.as_view(), name="area-list"),
    path("areas/<str:code>/", views.AreaDetailApi.as_view(), name="area-detail"),
]
