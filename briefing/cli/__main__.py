"""``python -m briefing.cli``: the command line."""

from __future__ import annotations

import sys

from briefing.cli.commands import main

sys.exit(main())
