extensions = ["myst_parser", "briefing"]
briefing_facts = "facts.yaml"
briefing_seeds = "seeds"
exclude_patterns = ["_build", "seeds"]
myst_enable_extensions = ["attrs_inline", "colon_fence"]
myst_footnote_transition = False
