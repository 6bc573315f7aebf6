from django.urls import path

from vieclam.fairs import views, views_door

app_name = "fairs"
urlpatterns = [
    path("", views.fair_list, name="fair_list"),
    path("new/", views.fair_create, name="fair_create"),
    path("report/", views.fair_report_page, name="fair_report"),
    path("<int:pk>/", views.fair_detail, name="fair_detail"),
    path("<int:pk>/status/", views.fair_status, name="fair_status"),
    path("<int:pk>/check-in/", views.fair_check_in, name="fair_check_in"),
    path("<int:pk>/door/", views_door.fair_door, name="fair_door"),
    path("<int:pk>/door/lookup/", views_door.fair_door_lookup, name="fair_door_lookup"),
    path("<int:pk>/door/sw.js", views_door.fair_door_sw, name="fair_door_sw"),
]
