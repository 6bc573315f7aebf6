from django.urls import path

from vieclam.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("audit/", views.audit_list, name="audit_list"),
]
