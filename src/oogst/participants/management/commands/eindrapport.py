from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oogst.documents import end_report
from oogst.documents.appendix import write_atomically
from oogst.participants import services
from oogst.participants.models import Monitor


class Command(BaseCommand):
    help = "Write a pilot's end report (aggregate figures only) as DOCX or PDF."

    def add_arguments(self, parser):
        parser.add_argument("--pilot", required=True, help="The pilot's slug.")
        parser.add_argument("--format", required=True, choices=["docx", "pdf"])
        parser.add_argument("--output", required=True, help="File to write.")

    def handle(self, *args, pilot, format, output, **options):
        try:
            monitor = Monitor.objects.select_related("pilot", "partner").get(pilot__slug=pilot)
        except Monitor.DoesNotExist:
            raise CommandError(
                f"No participant monitoring for a pilot with slug {pilot!r}."
            ) from None
        path = Path(output)
        if not path.parent.is_dir():
            raise CommandError(f"Folder {path.parent} does not exist.")
        report = services.end_report(monitor)
        data = end_report.render_pdf(report) if format == "pdf" else end_report.render_docx(report)
        write_atomically(path, data)
        self.stdout.write(f"Wrote {path} ({len(data) // 1024} KB).")
