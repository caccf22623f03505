"""`oogst datum TEXT ...` prints one line of JSON per text, in order."""

import io
import json

from django.core.management import call_command


def test_it_prints_one_json_line_per_argument_in_order():
    out = io.StringIO()
    call_command(
        "datum", "4de kwartaal 2025", "jaarlijks", "voor 1 juni 2025", "blabla", stdout=out
    )
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines == [
        {
            "text": "4de kwartaal 2025",
            "start": "2025-10-01",
            "end": "2025-12-31",
            "precision": "quarter",
            "recurrence": None,
            "note": None,
        },
        {
            "text": "jaarlijks",
            "start": None,
            "end": None,
            "precision": "recurring",
            "recurrence": "P1Y",
            "note": None,
        },
        {
            "text": "voor 1 juni 2025",
            "start": None,
            "end": "2025-05-31",
            "precision": "open",
            "recurrence": None,
            "note": None,
        },
        {
            "text": "blabla",
            "start": None,
            "end": None,
            "precision": "unrecognized",
            "recurrence": None,
            "note": None,
        },
    ]


def test_it_runs_as_the_oogst_console_command():
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "oogst", "datum", "Eind 2025"],
        capture_output=True,
        text=True,
        check=True,
        env={
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": ":".join(sys.path),
        },
    )
    assert json.loads(result.stdout)["start"] == "2025-10-01"
