"""A real `backbone` process against one database file, for the end-to-end tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

BACKBONE = Path(sys.executable).parent / "backbone"


class Backbone:
    """Runs the real `backbone` executable against one database file."""

    def __init__(self, database: Path) -> None:
        self.env = {**os.environ, "BACKBONE_DB": str(database)}
        self.env.pop("BACKBONE_DATABASE_URL", None)
        self.env.pop(
            "COLUMNS", None
        )  # the same width with and without pytest-xdist (which sets 80)

    def run(self, *args: str, code: int = 0) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(BACKBONE), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == code, (args, result.stdout, result.stderr)
        return result

    def json(self, *args: str, code: int = 0) -> Any:
        return json.loads(self.run(*args, "--json", code=code).stdout)
