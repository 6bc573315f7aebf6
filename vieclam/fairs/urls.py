from django.urls import path

from vieclam.fairs import views

app_name = "fairs"
urlpatterns = [
    path("", views.fair_list, name="fair_list"),
    path("new/", views.fair_create, name="fair_create"),
    path("report/", views.fair_report_page, name="fair_report"),
    path("<int:pk>/", views.fair_detail, name="fair_detail"),
    path("<int:pk>/status/", views.fair_status, name="fair_status"),
    path("<int:pk>/check-in/", views.fair_check_in, name="fair_check_in"),
]
