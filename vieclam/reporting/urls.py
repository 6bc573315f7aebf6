from django.urls import path

from vieclam.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("new/", views.report_create, name="report_create"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/submit/", views.report_submit, name="report_submit"),
    path("<int:pk>/approve/", views.report_approve, name="report_approve"),
    path("<int:pk>/return/", views.report_return, name="report_return"),
    path("<int:pk>/excel/", views.report_download, {"fmt": "xlsx"}, name="report_excel"),
    path("<int:pk>/pdf/", views.report_download, {"fmt": "pdf"}, name="report_pdf"),
]
