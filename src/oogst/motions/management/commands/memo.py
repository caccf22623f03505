from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oogst.documents import memo as memo_document
from oogst.documents.appendix import write_atomically
from oogst.motions import services
from oogst.motions.models import Memo


class Command(BaseCommand):
    help = "Write the memo of a motion as DOCX or PDF. Changes no data."

    def add_arguments(self, parser):
        parser.add_argument("--motion", required=True, metavar="NUMMER")
        parser.add_argument("--format", required=True, choices=["docx", "pdf"])
        parser.add_argument("--output", required=True, type=Path, metavar="FILE")

    def handle(self, *args, motion, format, output, **options):
        memo = Memo.objects.filter(motion__nummer=motion).first()
        if memo is None:
            raise CommandError(f"Motion {motion} has no memo (or does not exist).")
        if not output.parent.is_dir():
            raise CommandError(f"Folder {output.parent} does not exist.")
        render = memo_document.render_pdf if format == "pdf" else memo_document.render_docx
        try:
            write_atomically(output, render(services.memo_document(memo)))
        except OSError as error:
            raise CommandError(f"Could not write {output}: {error}") from error
        self.stdout.write(f"Wrote {output}.")
