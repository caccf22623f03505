"""Motions are searched with the pilots they led to: recompute those pilots' search texts."""

from django.db import migrations

from oogst.pilots.search import rebuild_search_texts


class Migration(migrations.Migration):
    dependencies = [
        ("motions", "0004_motion_and_memo_version"),
        ("pilots", "0007_lessons_and_ranked_search"),
    ]
    operations = [migrations.RunPython(rebuild_search_texts, migrations.RunPython.noop)]
