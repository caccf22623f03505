import logging

from django.core.management.base import BaseCommand, CommandError

from oogst.rounds import services
from oogst.rounds.models import Round, RoundStatus

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Send the mails that are due for open rounds (opening notice, reminder a week "
        "before the deadline, and once the deadline has passed a mail to owners with open "
        "entries and a summary to coordinators). Idempotent: run it hourly from cron."
    )

    def handle(self, *args, **options):
        sent, failed = 0, []
        # Each round on its own: one round that cannot be mailed never stops the others.
        for round in Round.objects.filter(status=RoundStatus.OPEN).order_by("pk"):
            try:
                sent += services.send_notifications(round=round)
            except Exception:
                logger.exception("herinneringen: round %s failed", round.pk)
                failed.append(round)
        self.stdout.write(f"{sent} mail(s) sent.")
        if failed:
            # Non-zero exit so cron reports it, after every other round had its mail.
            raise CommandError(
                "Not sent for round(s): " + ", ".join(f"{r.pk} ({r.slug})" for r in failed)
            )
