"""Normalise stored texts (line endings, NFC, control characters, trailing spaces) once, so
the first save after the upgrade does not record changes nobody made."""

from django.db import migrations

from oogst.core.text import normalise_stored_texts


def normalise(apps, schema_editor):
    normalise_stored_texts(apps, "pilots")


class Migration(migrations.Migration):
    dependencies = [("pilots", "0003_portefeuille_members")]
    operations = [migrations.RunPython(normalise, migrations.RunPython.noop)]
