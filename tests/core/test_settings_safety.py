"""Production refuses to start with a default or missing secret, or a malformed flag."""

import subprocess
import sys


def start(env):
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ['DJANGO_SETTINGS_MODULE']="
            "'oogst.settings'; django.setup()",
        ],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path), **env},
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = start({"DEBUG": "false"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_the_development_secret():
    result = start(
        {"DEBUG": "false", "SECRET_KEY": "insecure-development-key-do-not-use-in-production"}
    )
    assert result.returncode != 0
    assert "development default" in result.stderr


def test_a_secret_can_come_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("a-real-secret-from-a-file\n")
    assert start({"DEBUG": "false", "SECRET_KEY_FILE": str(secret)}).returncode == 0


def test_a_malformed_boolean_is_an_error_not_a_guess():
    result = start({"DEBUG": "yes please", "SECRET_KEY": "x"})
    assert result.returncode != 0
