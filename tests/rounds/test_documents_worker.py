"""The real worker (`oogst db_worker`, django-tasks' database backend) makes the documents."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from oogst.rounds import services
from oogst.rounds.models import DocumentStatus

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_freeze_queues_the_documents_and_the_worker_makes_them(carol, spring_round):
    # override_settings makes django-tasks drop its backends and read TASKS again.
    from django_tasks_db.models import DBTaskResult

    services.freeze(actor=carol, round=spring_round, force=True)
    assert DBTaskResult.objects.count() == 4
    assert {d.status for d in spring_round.documents.all()} == {DocumentStatus.PENDING}

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    assert {d.status for d in spring_round.documents.all()} == {DocumentStatus.READY}
    assert bytes(spring_round.documents.get(format="pdf").content).startswith(b"%PDF")
    # A second run finds nothing to do and changes nothing.
    made = {d.format: d.sha256 for d in spring_round.documents.all()}
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert {d.format: d.sha256 for d in spring_round.documents.all()} == made
