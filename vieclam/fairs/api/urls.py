from django.urls import path

from vieclam.fairs.api import views, views_booths

urlpatterns = [
    path("fairs/", views.FairListApi.as_view(), name="fair-list"),
    path("fairs/<int:pk>/", views.FairDetailApi.as_view(), name="fair-detail"),
    path("fairs/<int:pk>/status/", views.FairStatusApi.as_view(), name="fair-status"),
    path("fairs/<int:pk>/report/", views.FairReportApi.as_view(), name="fair-report"),
    path("fair-registrations/", views.RegistrationListApi.as_view(), name="fair-registration-list"),
    path("fair-registrations/check-in/", views.CheckInApi.as_view(), name="fair-registration-check-in"),
    path("fair-registrations/<int:pk>/interests/", views.InterestApi.as_view(), name="fair-registration-interests"),
]

# Booths and their interview slots (views_booths)
urlpatterns += [
    path("fair-booths/", views_booths.BoothListApi.as_view(), name="fair-booth-list"),
    path("fair-booths/<int:pk>/", views_booths.BoothDetailApi.as_view(), name="fair-booth-detail"),
    path("fair-booths/<int:pk>/slots/", views_booths.BoothSlotsApi.as_view(), name="fair-booth-slots"),
    path("fair-interview-slots/<int:pk>/book/", views_booths.SlotBookApi.as_view(), name="fair-slot-book"),
    path("fair-interview-slots/<int:pk>/release/", views_booths.SlotReleaseApi.as_view(), name="fair-slot-release"),
]
