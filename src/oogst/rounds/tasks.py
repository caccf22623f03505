"""Background work of rounds, run by `oogst db_worker` (django-tasks, database backend)."""

from django_tasks import task


@task()
def make_round_document(*, round_id: int, fmt: str, generation: str) -> str:
    from .services import make_document

    document = make_document(round_id=round_id, fmt=fmt, generation=generation)
    return document.status if document else "dropped"
