"""The motions' own status history folds into the one audit log (#11 point 3).

Every status change was saved twice: a StatusChange row (with the reason) and the audit log's
entry for the motion's save (without). The reason moves onto the audit log entry; a change the
audit log does not hold (older data, a script) gets an entry of its own. Then the table goes.
Archiving arrives at the same time: the alternative to deleting a motion that is on record.
"""

import datetime

from django.db import migrations, models

UPDATE = 1
SAME_SAVE = datetime.timedelta(seconds=60)


def fold_into_audit_log(apps, schema_editor):
    StatusChange = apps.get_model("motions", "StatusChange")
    LogEntry = apps.get_model("auditlog", "LogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not StatusChange.objects.exists():
        return
    motion_type, _ = ContentType.objects.get_or_create(app_label="motions", model="motion")
    claimed = set()
    for change in StatusChange.objects.select_related("motion").order_by("at", "pk"):
        candidates = LogEntry.objects.filter(
            content_type=motion_type,
            object_pk=str(change.motion_id),
            action=UPDATE,
            timestamp__gte=change.at - SAME_SAVE,
            timestamp__lte=change.at + SAME_SAVE,
        ).exclude(pk__in=claimed)
        match = next(
            (
                entry
                for entry in candidates.order_by("timestamp", "pk")
                if (entry.changes or {}).get("status") == [change.old, change.new]
            ),
            None,
        )
        if match is not None:
            claimed.add(match.pk)
            if change.reason:
                match.additional_data = {**(match.additional_data or {}), "reason": change.reason}
                match.save(update_fields=["additional_data"])
            continue
        entry = LogEntry.objects.create(
            content_type=motion_type,
            object_pk=str(change.motion_id),
            object_id=change.motion_id,
            object_repr=f"{change.motion.nummer} {change.motion.titel}"[:200],
            action=UPDATE,
            changes={"status": [change.old, change.new]},
            changes_text="",
            actor_id=change.by_id,
            additional_data={"reason": change.reason} if change.reason else None,
        )
        # auto_now_add set the timestamp to now; the change happened then.
        LogEntry.objects.filter(pk=entry.pk).update(timestamp=change.at)
        claimed.add(entry.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("motions", "0005_motions_in_pilot_search"),
        ("auditlog", "0017_add_actor_email"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [
        migrations.RunPython(fold_into_audit_log, migrations.RunPython.noop),
        migrations.DeleteModel(name="StatusChange"),
        migrations.AddField(
            model_name="motion",
            name="archived_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="archived at"
            ),
        ),
    ]
