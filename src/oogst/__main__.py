"""The `oogst` command: Django's management commands with Oogst's settings."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oogst.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["oogst", *sys.argv[1:]])


if __name__ == "__main__":
    main()
