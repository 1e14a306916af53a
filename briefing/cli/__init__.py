"""The command line: ``briefing check``, ``suggest``, ``build``, ``new``, ``serve``."""

from __future__ import annotations

from briefing.cli.commands import main

__all__ = ["main"]
