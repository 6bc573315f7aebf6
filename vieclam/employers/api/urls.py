from django.urls import path

from vieclam.employers.api import views

urlpatterns = [
    path("employers/", views.EmployerListApi.as_view(), name="employer-list"),
    path("employers/<int:pk>/", views.EmployerDetailApi.as_view(), name="employer-detail"),
]
