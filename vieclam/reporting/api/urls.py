from django.urls import path

from vieclam.reporting.api import views

urlpatterns = [
    path("reports/", views.ReportListApi.as_view(), name="report-list"),
    path("reports/<int:pk>/", views.ReportDetailApi.as_view(), name="report-detail"),
    path("reports/<int:pk>/submit/", views.ReportSubmitApi.as_view(), name="report-submit"),
    path("reports/<int:pk>/approve/", views.ReportApproveApi.as_view(), name="report-approve"),
    path("reports/<int:pk>/return/", views.ReportReturnApi.as_view(), name="report-return"),
]
