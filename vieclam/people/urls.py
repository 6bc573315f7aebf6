from django.urls import path

from vieclam.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("new/", views.person_create, name="person_create"),
    path("<int:pk>/", views.person_detail, name="person_detail"),
    path("<int:pk>/timeline/", views.person_timeline, name="person_timeline"),
    path("<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("households/", views.household_list, name="household_list"),
    path("households/new/", views.household_create, name="household_create"),
    path("households/<int:pk>/", views.household_detail, name="household_detail"),
    path("households/<int:pk>/members/", views.household_member_add, name="household_member_add"),
    path("households/<int:pk>/reviews/", views.household_review_add, name="household_review_add"),
    path("picker/persons/", views.person_picker, name="person_picker"),
]
