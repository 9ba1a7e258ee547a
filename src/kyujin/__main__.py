"""``kyujin`` and ``python -m kyujin``: the command line, with Ctrl-C during start-up handled.

Importing the command line takes about a second (the web, database and extraction modules);
a Ctrl-C in that second would otherwise end in a traceback instead of exit status 130.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from kyujin.cli import main as cli_main
    except KeyboardInterrupt:
        sys.exit(130)
    cli_main()


if __name__ == "__main__":
    main()
