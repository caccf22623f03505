"""Background work of pilots, run by `oogst db_worker` (django-tasks, database backend)."""

from django_tasks import task


@task()
def read_import(*, job_id: int) -> str:
    """Check and read an uploaded file; the preview waits for the coordinator's confirmation."""
    from .imports import read_job

    job = read_job(job_id)
    return job.status if job else "dropped"
