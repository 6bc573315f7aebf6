from django.urls import path

from vieclam.loans.api import views

urlpatterns = [
    path("loans/", views.LoanListApi.as_view(), name="loan-list"),
    path("loans/<int:pk>/", views.LoanDetailApi.as_view(), name="loan-detail"),
    path("loans/<int:pk>/steps/", views.LoanEventApi.as_view(), name="loan-step"),
]
