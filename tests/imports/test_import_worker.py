"""The real worker (`oogst db_worker`, django-tasks' database backend) reads an upload."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from oogst.pilots import imports
from oogst.pilots.models import ImportKind, ImportStatus, Pilot

from .conftest import seed_layout_docx

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_an_upload_waits_for_the_worker_and_writes_nothing_until_confirmed(carol):
    job = imports.start_import(
        actor=carol, kind=ImportKind.APPENDIX, name="b6.docx", data=seed_layout_docx()
    )
    job.refresh_from_db()
    assert job.status == ImportStatus.PENDING  # the web request only stored the file

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    job.refresh_from_db()
    assert job.status == ImportStatus.READY, job.error
    assert len(job.preview["pilots"]) == 3
    assert not Pilot.objects.exists()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_stalled_upload_says_so_and_is_read_again_on_request(client, carol):
    """The worker died with the task (or never ran): after the timeout the page says so and
    the coordinator queues the stored file again; nothing was lost."""
    import datetime

    import time_machine
    from django.urls import reverse
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    job = imports.start_import(
        actor=carol, kind=ImportKind.APPENDIX, name="b6.docx", data=seed_layout_docx()
    )
    DBTaskResult.objects.all().delete()  # the queued task is gone with a crashed worker
    client.force_login(carol)
    status = reverse("pilots:import_status", args=[job.pk])
    retry = reverse("pilots:import_retry", args=[job.pk])
    assert retry not in client.get(status).content.decode()
    # Too early: refused, nothing queued.
    client.post(retry)
    assert not DBTaskResult.objects.exists()
    later = timezone.now() + datetime.timedelta(minutes=6)
    with time_machine.travel(later, tick=False):
        page = client.get(status).content.decode()
        assert retry in page
        client.post(retry)
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    job.refresh_from_db()
    assert job.status == ImportStatus.READY, job.error
    assert len(job.preview["pilots"]) == 3
