"""Frozen snapshots from schema 1 (the register's export record) to schema 2 (the typed
contract in rounds/snapshot.py), and stored texts normalised.

Besides what `snapshot.upgrade` does on every load, this migration can look things up: the
pilot's id, the owner's name, and the id of each progress update that still exists, so the
diff matches updates across rounds by id instead of by date and title.
"""

from django.db import migrations

from oogst.core.text import normalise_stored_texts


def upgrade_snapshots(apps, schema_editor):
    from oogst.rounds.snapshot import upgrade

    RoundEntry = apps.get_model("rounds", "RoundEntry")
    StatusUpdate = apps.get_model("pilots", "StatusUpdate")
    User = apps.get_model("accounts", "User")
    for entry in RoundEntry.objects.exclude(snapshot=None).iterator():
        if entry.snapshot.get("schema", 1) != 1:
            continue
        data = upgrade(entry.snapshot, to=2)
        data["pilot_id"] = entry.pilot_id
        if data["owner"]:
            user = User.objects.filter(username=data["owner"]["username"]).first()
            if user:
                data["owner"]["name"] = f"{user.first_name} {user.last_name}".strip()
        for update in data["status_updates"]:
            match = StatusUpdate.objects.filter(
                pilot_id=entry.pilot_id,
                date=update["date"],
                title=update["title"],
            ).values_list("pk", "text")
            for pk, text in match:
                if " ".join(text.split()) == " ".join(update["text"].split()):
                    update["id"] = pk
                    break
        RoundEntry.objects.filter(pk=entry.pk).update(snapshot=data)


def normalise(apps, schema_editor):
    normalise_stored_texts(apps, "rounds")


class Migration(migrations.Migration):
    dependencies = [
        ("rounds", "0002_round_documents"),
        ("pilots", "0004_normalise_texts"),
        ("accounts", "0004_normalise_texts"),
    ]
    operations = [
        migrations.RunPython(upgrade_snapshots, migrations.RunPython.noop),
        migrations.RunPython(normalise, migrations.RunPython.noop),
    ]
