from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oogst.documents.appendix import write_atomically
from oogst.rounds import services
from oogst.rounds.models import Round


class Command(BaseCommand):
    help = (
        "Write a round's appendix (Bijlage 6) as DOCX, PDF or HTML: a frozen round's stored "
        "documents byte for byte, a concept rendered now for an open round. Changes no data."
    )

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
            content = services.appendix_bytes(selected, format)
        except services.DocumentNotReady as not_ready:
            raise CommandError(
                f"{not_ready} Run `oogst db_worker` to make the documents, or retry them on "
                "the round's page."
            ) from None
        except services.RenderBusy:
            raise CommandError("Someone is rendering this concept right now; try again.") from None
        except OSError as error:
            raise CommandError(f"Could not make the appendix: {error}") from error
        try:
            write_atomically(output, content)
        except OSError as error:
            raise CommandError(f"Could not write {output}: {error}") from error
        state = "" if selected.is_frozen else " (CONCEPT: the round is not frozen)"
        self.stdout.write(f"Wrote {output}{state}.")
