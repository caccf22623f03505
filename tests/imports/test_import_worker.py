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
