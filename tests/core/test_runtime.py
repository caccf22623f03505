"""A gunicorn worker loads oogst.wsgi: the collector settings that keep page times even."""

import json
import os
import subprocess
import sys

from oogst.core.runtime import THRESHOLDS

PROBE = """
import gc, json
import oogst.wsgi
print(json.dumps([list(gc.get_threshold()), gc.get_freeze_count()]))
"""


def test_a_web_worker_freezes_what_it_loaded_and_collects_young_objects_less_often():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True
    )
    thresholds, frozen = json.loads(result.stdout.strip().splitlines()[-1])
    assert tuple(thresholds) == THRESHOLDS
    # Django, Oogst's views and URL patterns: tens of thousands of objects, out of sight.
    assert frozen > 20_000
