from django.urls import path

from vieclam.fairs.api import views

urlpatterns = [
    path("fairs/", views.FairListApi.as_view(), name="fair-list"),
    path("fairs/<int:pk>/", views.FairDetailApi.as_view(), name="fair-detail"),
    path("fairs/<int:pk>/status/", views.FairStatusApi.as_view(), name="fair-status"),
    path("fairs/<int:pk>/report/", views.FairReportApi.as_view(), name="fair-report"),
    path("fair-registrations/", views.RegistrationListApi.as_view(), name="fair-registration-list"),
    path("fair-registrations/check-in/", views.CheckInApi.as_view(), name="fair-registration-check-in"),
]
