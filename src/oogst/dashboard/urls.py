from django.urls import path

from . import views

app_name = "dashboard"
urlpatterns = [
    path("overzicht/", views.home, name="home"),
    path("mijn-pilots/", views.my_pilots, name="my_pilots"),
]
