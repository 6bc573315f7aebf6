from django.urls import path

from vieclam.indicators.api import views

urlpatterns = [
    path("indicators/", views.IndicatorListApi.as_view(), name="indicator-list"),
    path("indicators/<slug:code>/", views.IndicatorDetailApi.as_view(), name="indicator-detail"),
    path("indicators/<slug:code>/values/", views.IndicatorValuesApi.as_view(), name="indicator-values"),
]
