import io

from django.core.management.base import BaseCommand

from oogst.motions import exports as motion_exports
from oogst.pilots import exports


class Command(BaseCommand):
    help = "Write every pilot (or motion) with every field to standard output as JSON or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--what", choices=["pilots", "motions"], default="pilots")

    def handle(self, *args, format, what, **options):
        buffer = io.StringIO(newline="")
        module = motion_exports if what == "motions" else exports
        rows = module.export_queryset()
        if format == "csv":
            module.write_csv(buffer, rows)
        else:
            module.write_json(buffer, rows)
        self.stdout.write(buffer.getvalue(), ending="")
