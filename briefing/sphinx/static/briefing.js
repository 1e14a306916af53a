/* briefing: hover cards (see issue) */
