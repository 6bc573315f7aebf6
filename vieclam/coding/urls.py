from django.urls import path

from vieclam.coding import views

app_name = "coding"
urlpatterns = [path("suggest/", views.suggest_fragment, name="suggest")]
