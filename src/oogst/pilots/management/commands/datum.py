import json

from django.core.management.base import BaseCommand

from oogst import vague_dates


class Command(BaseCommand):
    help = 'Show how Oogst reads dates as people write them, e.g. "4de kwartaal 2025".'

    def add_arguments(self, parser):
        parser.add_argument("texts", nargs="+", metavar="TEXT")

    def handle(self, *args, texts, **options):
        for text in texts:
            self.stdout.write(json.dumps(vague_dates.parse(text).as_dict(), ensure_ascii=False))
