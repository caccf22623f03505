"""A gunicorn worker loads oogst.wsgi: the collector settings that keep page times even."""

import json
import os
import subprocess
import sys

PROBE = """
import gc, json
defaults = gc.get_threshold()
import oogst.wsgi
print(json.dumps([gc.get_threshold() == defaults, gc.get_freeze_count()]))
"""


def test_a_web_worker_keeps_what_it_loaded_out_of_the_collectors_scans():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    )
    same_thresholds, frozen = json.loads(result.stdout.strip().splitlines()[-1])
    # Django, Oogst's views and URL patterns: over a hundred thousand objects.
    assert frozen > 50_000
    # Collections as often as CPython has them: cycles holding big responses go promptly.
    assert same_thresholds
