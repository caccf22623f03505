from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oogst.documents.appendix import write_atomically
from oogst.rounds import services
from oogst.rounds.models import Round


class Command(BaseCommand):
    help = "Write a round's appendix (Bijlage 6) as DOCX, PDF or HTML. Changes no data."

    def add_arguments(self, parser):
        parser.add_argument("--round", required=True, metavar="SLUG")
        parser.add_argument("--format", required=True, choices=["docx", "pdf", "html"])
        parser.add_argument("--output", required=True, type=Path, metavar="FILE")

    def handle(self, *args, round, format, output, **options):
        try:
            selected = Round.objects.get(slug=round)
        except Round.DoesNotExist:
            known = ", ".join(Round.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No round '{round}'. Known rounds: {known}.") from None
        if not output.parent.is_dir():
            raise CommandError(f"Folder {output.parent} does not exist.")
        try:
            content = services.render_appendix(selected, format)
            write_atomically(output, content)
        except OSError as error:
            raise CommandError(f"Could not write {output}: {error}") from error
        state = "" if selected.is_frozen else " (CONCEPT: the round is not frozen)"
        self.stdout.write(f"Wrote {output}{state}.")
