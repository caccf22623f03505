from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo register (`oogst loaddemo`): loads every app through its services and models;
    no app imports it."""

    name = "oogst.demo"
