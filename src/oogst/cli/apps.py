from django.apps import AppConfig


class CliConfig(AppConfig):
    """Console commands that span apps (`oogst export`); no app imports it."""

    name = "oogst.cli"
