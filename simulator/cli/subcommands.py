"""What a subcommand module's ``register(subparsers)`` is given: the object ``add_subparsers()``
returns, described by the one method the modules use (argparse's own class for it is private)."""

from __future__ import annotations

import argparse
from typing import Any, Protocol


class Subcommands(Protocol):
    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser: ...
