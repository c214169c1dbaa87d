"""Developer entry to Alembic without an ini file: `python -m backbone.storage.migrations ARGS`.

python -m backbone.storage.migrations revision --autogenerate -m "add a column"
python -m backbone.storage.migrations current
"""

from __future__ import annotations

import sys

from alembic.config import CommandLine

from backbone.storage.migrations import alembic_config


def main(argv: list[str]) -> None:
    cli = CommandLine(prog="python -m backbone.storage.migrations")
    options = cli.parser.parse_args(argv)
    if not hasattr(options, "cmd"):
        cli.parser.error("too few arguments")
    config = alembic_config()
    config.cmd_opts = options
    cli.run_cmd(config, options)


if __name__ == "__main__":
    main(sys.argv[1:])
