from django.urls import path

from vieclam.poverty.api import views

urlpatterns = [
    path("poverty/classify", views.PovertyClassifyApi.as_view(), name="poverty-classify"),
    path("poverty/standards/", views.PovertyStandardListApi.as_view(), name="poverty-standard-list"),
]
