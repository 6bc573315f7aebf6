from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("vieclam.portal.urls")),
    path("accounts/", include("vieclam.accounts.urls")),
    path("areas/", include("vieclam.places.urls")),
    path("employers/", include("vieclam.employers.urls")),
    path("casework/", include("vieclam.casework.urls")),
    path("connections/", include("vieclam.connections.urls")),
    path("loans/", include("vieclam.loans.urls")),
    path("fairs/", include("vieclam.fairs.urls")),
    path("targets/", include("vieclam.targets.urls")),
    path("people/", include("vieclam.people.urls")),
    path("vacancies/", include("vieclam.vacancies.urls")),
    path("seekers/", include("vieclam.seekers.urls")),
    path("jobs/", include("vieclam.jobboard.urls")),
    path("job-fairs/", include("vieclam.fairs.public_urls")),
    path("applications/", include("vieclam.applications.urls")),
    path("matching/", include("vieclam.matching.urls")),
    path("coding/", include("vieclam.coding.urls")),
    path("imports/", include("vieclam.imports.urls")),
    path("indicators/", include("vieclam.indicators.urls")),
    path("reports/", include("vieclam.reporting.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("vieclam.config.api")),
]
