from django.core.management.base import BaseCommand

from oogst.demo.pilots import load_demo


class Command(BaseCommand):
    help = "Load the demo register and a user per role. Safe to run again: it changes nothing."

    def handle(self, *args, **options):
        result = load_demo()
        self.stdout.write(
            f"Pilots: {result.pilots_created} loaded, {result.pilots_kept} already present; "
            f"figures (indicators, budget lines) added to {result.pilots_with_figures}."
        )
        if result.new_passwords:
            self.stdout.write("Demo users (passwords are shown only now; note them):")
            for username, password in result.new_passwords.items():
                self.stdout.write(f"  {username:<12} {password}")
        if result.existing_users:
            self.stdout.write(
                "Existing demo users kept: " + ", ".join(result.existing_users) + ". "
                "Set a new password with: oogst changepassword USERNAME"
            )
