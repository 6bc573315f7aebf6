from django.urls import path

from vieclam.portal import signup, views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("audit/", views.audit_list, name="audit_list"),
    path("to-complete/", views.to_complete, name="to_complete"),
    path("me/data/", views.my_data_page, name="my_data"),
    path("me/data/download.<str:fmt>", views.my_data_download, name="my_data_download"),
    path("me/data/consents/", views.my_consents, name="my_consents"),
    path("register/worker/", signup.register_worker, name="register_worker"),
    path("register/employer/", signup.register_employer, name="register_employer"),
    path("favicon.ico", views.favicon, name="favicon"),
]
