"""Set up the test provider: `client ID SECRET REDIRECT_URI` or `user NAME GROUP...`."""

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from oauth2_provider.models import Application


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["client", "user"])
        parser.add_argument("values", nargs="+")

    def handle(self, kind, values, **options):
        if kind == "client":
            client_id, secret, redirect_uri = values
            Application.objects.update_or_create(
                client_id=client_id,
                defaults={
                    "name": "Oogst",
                    "client_secret": secret,
                    "client_type": Application.CLIENT_CONFIDENTIAL,
                    "authorization_grant_type": Application.GRANT_AUTHORIZATION_CODE,
                    "redirect_uris": redirect_uri,
                    # Oogst's login page, where the provider sends the browser after logout.
                    "post_logout_redirect_uris": "http://testserver/inloggen/",
                    "algorithm": Application.RS256_ALGORITHM,
                    "skip_authorization": True,
                },
            )
            return
        username, *groups = values
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": username.capitalize(),
                "last_name": "Gemeente",
                "email": f"{username}@gemeente.example",
            },
        )
        user.set_password(f"{username}-idp-password")
        user.save()
        user.groups.set([Group.objects.get_or_create(name=name)[0] for name in groups])
