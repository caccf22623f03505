from django.urls import path

from . import views
from .models import StatementKind

app_name = "core"
urlpatterns = [
    # Linked from every page's footer and readable without signing in.
    path(
        "toegankelijkheidsverklaring/",
        views.statement,
        {"kind": StatementKind.TOEGANKELIJKHEID},
        name="accessibility_statement",
    ),
    path(
        "privacyverklaring/",
        views.statement,
        {"kind": StatementKind.PRIVACY},
        name="privacy_statement",
    ),
    path("beheer/verklaringen/<str:kind>/", views.statement_edit, name="statement_edit"),
]
