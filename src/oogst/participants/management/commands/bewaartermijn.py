from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from oogst.participants.services import apply_retention


class Command(BaseCommand):
    help = (
        "Anonymise participant records a set number of months after their pilot's end date. "
        "Safe to run again (e.g. nightly from cron): anonymised records are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.OOGST_RETENTION_MONTHS,
            help="Retention period in months (default: OOGST_RETENTION_MONTHS, 24).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would be anonymised; change nothing."
        )

    def handle(self, *args, months, dry_run, **options):
        if months < 0:
            raise CommandError("--months cannot be negative.")
        report = apply_retention(months=months, dry_run=dry_run)
        self.stdout.write(f"Pilots that ended before {report.cutoff:%d-%m-%Y} ({months} months):")
        for name, count in report.due.items():
            self.stdout.write(f"  {name}: {count} records")
        if not report.due:
            self.stdout.write("  none with records to anonymise.")
        for name in report.unknown_end:
            self.stdout.write(
                self.style.WARNING(
                    f"  {name}: end date cannot be read; records kept. Give the pilot an end date."
                )
            )
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
        else:
            self.stdout.write(f"{report.anonymised} records anonymised.")
