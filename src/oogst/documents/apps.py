from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "oogst.documents"
