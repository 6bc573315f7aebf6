"""The `vieclam` console script: the project's manage.py."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vieclam.config.settings")
    from django.core.management import execute_from_command_line

    from vieclam.core.choices import Channel
    from vieclam.core.context import channel

    with channel(Channel.COMMAND):
        execute_from_command_line([os.path.basename(sys.argv[0]) or "vieclam", *sys.argv[1:]])


if __name__ == "__main__":
    main()
