import io

from django.core.management.base import BaseCommand

from oogst.pilots import exports


class Command(BaseCommand):
    help = "Write every pilot with every field to standard output as JSON or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--what", choices=["pilots"], default="pilots")

    def handle(self, *args, format, what, **options):
        buffer = io.StringIO(newline="")
        pilots = exports.export_queryset()
        if format == "csv":
            exports.write_csv(buffer, pilots)
        else:
            exports.write_json(buffer, pilots)
        self.stdout.write(buffer.getvalue(), ending="")
