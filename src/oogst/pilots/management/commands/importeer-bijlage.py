import hashlib
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from oogst.accounts.models import Role, User
from oogst.core.uploads import UploadRefused, check_upload, time_limit
from oogst.pilots import imports
from oogst.pilots.appendix_reader import read_appendix
from oogst.pilots.models import ImportJob, ImportKind, ImportStatus


class Command(BaseCommand):
    help = (
        "Import a Bijlage 6 (.docx): print what each pilot would become; with --dry-run write "
        "nothing, otherwise write it all in one transaction, recorded with the file's hash."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Show, write nothing.")
        parser.add_argument(
            "--as",
            dest="username",
            help="The coordinator or beheerder the history names (default: the first beheerder).",
        )

    def handle(self, *args, **options):
        # Messages in the municipality's language, as the web pages give them.
        with translation.override(settings.LANGUAGE_CODE):
            self._import(**options)

    def _import(self, *, file, dry_run, username, **options):
        path = Path(file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        try:
            check_upload(data, path.name, allowed={"docx"})
            with time_limit():
                preview = imports.preview_appendix(read_appendix(data))
        except UploadRefused as refused:
            raise CommandError(str(refused)) from None
        except Exception as error:  # python-docx on a damaged file
            raise CommandError(f"The file could not be read ({type(error).__name__}).") from None
        self._report(preview)
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
            return
        actor = self._actor(username)
        with transaction.atomic():
            job = ImportJob.objects.create(
                kind=ImportKind.APPENDIX,
                status=ImportStatus.READY,
                file_name=path.name,
                sha256=hashlib.sha256(data).hexdigest(),
                size=len(data),
                content=data,
                preview=preview,
                created_by=actor,
            )
            try:
                result = imports.apply_appendix(actor=actor, job=job)
            except imports.ImportRefused as refused:
                raise CommandError(str(refused)) from None
        self.stdout.write(
            f"Imported: {len(result['created'])} new, {len(result['updated'])} updated, "
            f"{len(result['skipped'])} not imported."
        )

    def _actor(self, username):
        users = User.objects.filter(is_active=True, role__in=[Role.BEHEERDER, Role.COORDINATOR])
        actor = (
            users.filter(username=username).first()
            if username
            else users.order_by("role", "pk").first()
        )
        if actor is None:
            raise CommandError("Name an active coordinator or beheerder with --as USERNAME.")
        return actor

    def _report(self, preview):
        for pilot in preview["pilots"]:
            if pilot["problems"]:
                state = "NOT IMPORTED: " + " ".join(pilot["problems"])
            elif pilot["existing"]:
                state = f"update ({len(pilot['existing']['changes'])} differences)"
            else:
                state = "new"
            self.stdout.write(f"- {pilot['name'] or '(no name)'}: {state}")
            for label, value in pilot["unplaced"]:
                self.stdout.write(f"    not placed: {label or '(text)'}: {value[:80]}")
        self.stdout.write(
            f"{len(preview['pilots'])} pilots found, {preview['importable']} can be imported."
        )
