from django.urls import path

from vieclam.fairs import views, views_booths, views_docs, views_door

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

# Booths, their actions and interview slots (views_booths)
urlpatterns += [
    path("<int:pk>/booths/new/", views_booths.booth_new, name="booth_new"),
    path("booths/open/", views_booths.booth_open_fairs, name="booth_open_fairs"),
    path("booths/register/", views_booths.booth_register_own, name="booth_register_own"),
    path("booths/<int:pk>/", views_booths.booth_detail, name="booth_detail"),
    path("booths/<int:pk>/apply/", views_booths.booth_apply, name="booth_apply"),
    path("booths/<int:pk>/record/", views_booths.booth_record, name="booth_record"),
    path("booths/<int:pk>/interview/", views_booths.booth_interview, name="booth_interview"),
    path("booths/<int:pk>/slots/", views_booths.booth_slot_create, name="booth_slot_create"),
    path("slots/<int:pk>/book/", views_booths.booth_slot_book, name="booth_slot_book"),
    path("slots/<int:pk>/release/", views_booths.booth_slot_release, name="booth_slot_release"),
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
