from django.core.management.base import BaseCommand

from oogst.rounds import services
from oogst.rounds.models import Round, RoundStatus


class Command(BaseCommand):
    help = (
        "Send the mails that are due for open rounds (opening notice, reminder a week "
        "before the deadline). Idempotent: run it hourly from cron."
    )

    def handle(self, *args, **options):
        sent = sum(
            services.send_notifications(round=r)
            for r in Round.objects.filter(status=RoundStatus.OPEN)
        )
        self.stdout.write(f"{sent} mail(s) sent.")
