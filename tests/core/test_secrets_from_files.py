"""Every secret can come from a file (Docker/Kubernetes secrets), also the connection URLs."""

import subprocess
import sys


def settings_value(env, expression):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os; os.environ['DJANGO_SETTINGS_MODULE']='oogst.settings'; "
            f"from django.conf import settings; print({expression})",
        ],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path), **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_database_url_with_its_password_can_come_from_a_file(tmp_path):
    url = tmp_path / "database_url"
    url.write_text("postgres://oogst:s3cret@db.internal:5432/oogst\n")
    env = {"DEBUG": "false", "SECRET_KEY": "x" * 50, "DATABASE_URL_FILE": str(url)}
    assert settings_value(env, "settings.DATABASES['default']['PASSWORD']") == "s3cret"
    assert settings_value(env, "settings.DATABASES['default']['HOST']") == "db.internal"


def test_the_mail_url_with_its_password_can_come_from_a_file(tmp_path):
    url = tmp_path / "email_url"
    url.write_text("smtp+tls://oogst:m41l@mail.internal:587\n")
    env = {
        "DEBUG": "false",
        "SECRET_KEY": "x" * 50,
        "EMAIL_URL_FILE": str(url),
        "OOGST_DATA_DIR": str(tmp_path),
    }
    assert settings_value(env, "settings.EMAIL_HOST_PASSWORD") == "m41l"
    assert settings_value(env, "settings.EMAIL_HOST") == "mail.internal"


def test_the_production_settings_pass_the_deployment_checks(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "oogst", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": ":".join(sys.path),
            "DEBUG": "false",
            "SECRET_KEY": "a-long-random-production-secret-" + "k" * 40,
            "ALLOWED_HOSTS": "oogst.example.nl",
            "OOGST_DATA_DIR": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
