from django.urls import path

from vieclam.codelists.api import views

urlpatterns = [
    path("occupations/", views.OccupationListApi.as_view(), name="occupation-list"),
    path("occupations/<str:code>/", views.OccupationDetailApi.as_view(), name="occupation-detail"),
    path("industries/", views.IndustryListApi.as_view(), name="industry-list"),
    path("industries/<str:system>/<str:code>/", views.IndustryDetailApi.as_view(), name="industry-detail"),
    path("ethnic-groups/", views.EthnicGroupListApi.as_view(), name="ethnic-group-list"),
    path("ethnic-groups/<str:code>/", views.EthnicGroupDetailApi.as_view(), name="ethnic-group-detail"),
    path("code-lists/", views.CodeListListApi.as_view(), name="code-list-list"),
    path("code-lists/<slug:slug>/", views.CodeListDetailApi.as_view(), name="code-list-detail"),
]
