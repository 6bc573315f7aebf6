from django.urls import path

from vieclam.loans import views

app_name = "loans"
urlpatterns = [
    path("", views.loan_list, name="loan_list"),
    path("new/", views.loan_create, name="loan_create"),
    path("<int:pk>/", views.loan_detail, name="loan_detail"),
    path("<int:pk>/step/", views.loan_event, name="loan_event"),
]
