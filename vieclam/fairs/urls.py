from django.urls import path

from vieclam.fairs import views, views_docs

app_name = "fairs"
urlpatterns = [
    path("", views.fair_list, name="fair_list"),
    path("new/", views.fair_create, name="fair_create"),
    path("report/", views.fair_report_page, name="fair_report"),
    path("<int:pk>/", views.fair_detail, name="fair_detail"),
    path("<int:pk>/status/", views.fair_status, name="fair_status"),
    path("<int:pk>/check-in/", views.fair_check_in, name="fair_check_in"),
]
# The organisers' documents (views_docs): Excel lists, the report as Excel and print, badges and tickets.
urlpatterns += [
    path("report/excel/", views_docs.report_export, name="report_export"),
    path("report/print/", views_docs.report_print, name="report_print"),
    path("<int:pk>/attendees/excel/", views_docs.fair_attendees_export, name="fair_attendees_export"),
    path("<int:pk>/booths/excel/", views_docs.fair_booths_export, name="fair_booths_export"),
    path("<int:pk>/report/excel/", views_docs.fair_report_export, name="fair_report_export"),
    path("<int:pk>/report/print/", views_docs.fair_report_print, name="fair_report_print"),
    path("<int:pk>/badges/", views_docs.fair_badges, name="fair_badges"),
    path("tickets/<int:pk>/", views_docs.registration_ticket, name="registration_ticket"),
]
