"""Everything under /api/v1/: each app's API urls, the OpenAPI schema and the interactive docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

urlpatterns = [
    # coding first: /occupations/suggest/ must win over codelists' /occupations/{code}/
    path("", include("vieclam.coding.api.urls")),
    path("", include("vieclam.places.api.urls")),
    path("", include("vieclam.codelists.api.urls")),
    path("", include("vieclam.accounts.api.urls")),
    path("", include("vieclam.portal.api.urls")),
    path("", include("vieclam.poverty.api.urls")),
    path("", include("vieclam.people.api.urls")),
    path("", include("vieclam.employers.api.urls")),
    path("", include("vieclam.casework.api.urls")),
    path("", include("vieclam.vacancies.api.urls")),
    path("", include("vieclam.seekers.api.urls")),
    path("", include("vieclam.applications.api.urls")),
    path("", include("vieclam.connections.api.urls")),
    path("", include("vieclam.training.api.urls")),
    path("", include("vieclam.abroad.api.urls")),
    path("", include("vieclam.loans.api.urls")),
    path("", include("vieclam.fairs.api.urls")),
    path("", include("vieclam.targets.api.urls")),
    path("", include("vieclam.matching.api.urls")),
    path("", include("vieclam.jobboard.api.urls")),
    path("", include("vieclam.indicators.api.urls")),
    path("", include("vieclam.reporting.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="schema"), name="api-redoc"),
]
