from django.urls import path

from vieclam.indicators import views

app_name = "indicators"
urlpatterns = [
    path("", views.indicator_list, name="indicator_list"),
    path("<slug:code>/", views.indicator_detail, name="indicator_detail"),
]
