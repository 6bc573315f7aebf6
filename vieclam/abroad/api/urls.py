from django.urls import path

from vieclam.abroad.api import views

urlpatterns = [
    path("abroad/journeys/", views.JourneyListApi.as_view(), name="abroad-journey-list"),
    path("abroad/journeys/<int:pk>/", views.JourneyDetailApi.as_view(), name="abroad-journey-detail"),
    path("abroad/journeys/<int:pk>/steps/", views.JourneyStepApi.as_view(), name="abroad-journey-step"),
    path("abroad/programmes/", views.ProgrammeListApi.as_view(), name="abroad-programme-list"),
    path("abroad/enterprises/", views.EnterpriseListApi.as_view(), name="abroad-enterprise-list"),
]
