"""The access log no longer points at participant rows.

Each record gets a random log key; existing log entries take the key of their record, except
for records already anonymised, whose link is dropped. On PostgreSQL the log table refuses
UPDATE and DELETE at the database level as well (the ORM already refuses both).
"""

import uuid

from django.db import migrations, models


def give_keys(apps, schema_editor):
    Participant = apps.get_model("participants", "Participant")
    AccessLogEntry = apps.get_model("participants", "AccessLogEntry")
    for participant in Participant.objects.filter(anonymised_at__isnull=True).iterator():
        key = uuid.uuid4()
        Participant.objects.filter(pk=participant.pk).update(log_key=key)
        AccessLogEntry.objects.filter(participant_id=participant.pk).update(subject_key=key)


REFUSE_CHANGES = """
CREATE OR REPLACE FUNCTION oogst_access_log_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The access log is append-only' USING DETAIL = TG_OP || ' refused';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER participants_accesslogentry_append_only
    BEFORE UPDATE OR DELETE ON participants_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION oogst_access_log_is_append_only();
"""
ALLOW_CHANGES = """
DROP TRIGGER IF EXISTS participants_accesslogentry_append_only ON participants_accesslogentry;
DROP FUNCTION IF EXISTS oogst_access_log_is_append_only();
"""


def refuse_changes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REFUSE_CHANGES)


def allow_changes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ALLOW_CHANGES)


class Migration(migrations.Migration):
    dependencies = [("participants", "0002_normalise_texts")]

    operations = [
        migrations.AddField(
            model_name="participant",
            name="log_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="accesslogentry",
            name="subject_key",
            field=models.UUIDField(blank=True, db_index=True, editable=False, null=True),
        ),
        migrations.RunPython(give_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="participant",
            name="log_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, null=True, unique=True),
        ),
        migrations.RemoveField(model_name="accesslogentry", name="participant"),
        migrations.RunPython(refuse_changes, allow_changes),
    ]
