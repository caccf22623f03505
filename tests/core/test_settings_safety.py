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


def test_a_role_map_naming_an_unknown_or_partner_role_is_an_error():
    result = start(
        {"DEBUG": "false", "SECRET_KEY": "x" * 50, "OIDC_ROLE_MAP": "oogst=beheerder,ext=partner"}
    )
    assert result.returncode != 0
    assert "OIDC_ROLE_MAP" in result.stderr
    assert (
        start(
            {"DEBUG": "false", "SECRET_KEY": "x" * 50, "OIDC_ROLE_MAP": "oogst-pc=coordinator"}
        ).returncode
        == 0
    )
