"""What a page says of itself where its metadata falls short: its printed headline and
a labelled byline."""

from __future__ import annotations

from briefing.cli.pagemeta import byline, headline

PAGE = """<html><head><title>x</title><script>var By = "Nobody";</script></head><body>
<nav>Home</nav><h1>Berlin confronts its past</h1><p>Text.</p>
<ul><li><strong>Author</strong> Ben Knight</li></ul></body></html>"""


def test_the_printed_headline_replaces_a_title_with_the_site_appended() -> None:
    assert headline(PAGE, "Berlin confronts its past | DW | 19.01.2020") == (
        "Berlin confronts its past"
    )
    assert headline(PAGE, "Another title altogether") == "Another title altogether"


def test_a_labelled_byline_replaces_the_site_named_as_author() -> None:
    assert byline(PAGE, "Deutsche Welle", "DW.COM", "www.dw.com") == "Ben Knight"
    assert byline(PAGE, None, "DW.COM", "www.dw.com") == "Ben Knight"
    assert byline(PAGE, "Jill Serjeant", "Reuters", "www.reuters.com") == "Jill Serjeant"


def test_a_byline_in_one_line_and_none_at_all() -> None:
    joined = "<body><h1>T</h1><p>By Nathanael Johnson</p></body>"
    assert byline(joined, "Salon", "Salon", "www.salon.com") == "Nathanael Johnson"
    assert byline("<body><p>No byline.</p></body>", "Salon", "Salon", "salon.com") == "Salon"
