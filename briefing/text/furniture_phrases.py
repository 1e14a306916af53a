"""The phrases by which a line of a saved page says it is page furniture: the openings
of navigation, related links, share and comment prompts, boxes, bylines, captions, ads
and tags (matched at a line's start), and the marks of captions, share bars, legal
notices and credits found anywhere in it.
"""

from __future__ import annotations

import re

from briefing.text.lexicon import NEWS_AGENCIES

_AGENCIES = "|".join(NEWS_AGENCIES)
# What a line opens with, by the kind of furniture it makes the line.
_PATTERNS = [
    (
        "navigation",
        r"skip to (main )?content|home(?=[A-Z»›>|/\s]|$)|menu$|search$|sign in|"
        r"log ?in|← ?back|back to\b|read original|more articles|current:|tech news$|"
        r"latest news$|news$|(hi,? )?what are you looking for\??$",
    ),
    (
        "related",
        r"read (also|more|next)\b|also read\b|related\b|you (may|might|can) also\b|"
        r"recommended\b|suggested (articles|stories|reads?|for you)\b|"
        r"more (from|on)\b|see also\b|other news|more stories|most read|trending\b|"
        r"don'?t miss|top stories|look here\b|more information\b|see more\b|"
        r"previous (article|post|story)\b|next (article|post|story)\b|post navigation|"
        r"latest (news|posts|stories)\b|popular (news|posts|stories)\b|source link\b",
    ),
    ("share", r"share (this|on)\b|share$|follow us|tweet$|whatsapp$|print$|e-?mail$"),
    (
        "prompt",
        r"leave a (comment|reply)|comments?$|\d+ comments?$|reply$|click here|sign up|"
        r"subscribe\b|join our|download (our|the) app|pay attention|enter your e-?mail|"
        r"your e-?mail address will not be published|required fields are marked|"
        r"save my name|post comment|listen to this article|continue reading|loading\b|"
        r"get the latest|don'?t have an account|already have an account|like this:|"
        r"this is (a )?breaking news|please refresh\b|our manager will contact you|"
        r"(more )?details (later|shortly|soon|to follow)\b|"
        r"(watch|check out|see) (the )?(full )?video\b|watch the video (above|below)|"
        r"donate( now)?$|(please )?rotate your device\b|do you have (a )?(breaking )?news\b|"
        r"(go|head) (to )?[\w.-]+\.(com|org|net)\b|how (informative|useful|helpful) (is|was)\b|"
        # a blog's comment form, and a page's note that its story is still being written
        r"comments are closed\b|please enter your (comment|name)\b|replydelete|"
        r"this is (a )?developing (news|story)\b|(please )?check back (later )?for updates\b|"
        r"notifications can be managed\b",
    ),
    (
        "box",
        r"(key takeaways|why this matters|what you should know|what to know|highlights|"
        r"in brief|at a glance|the big picture|quick read)\s*:?$|"
        r"support\b.{0,60}\bjournalism\b|your support (helps|makes)\b|"  # an appeal for money
        r"about us$|who we are$",  # the site's account of itself
    ),
    (
        "byline",
        r"\(?(by|written by|author|reporting by|writing by|editing by|additional "
        r"report(ing)? by|compiled by|edited by|about the author|posted by|posted in|filed in|"
        r"categor(y|ies)\s*:|sourced from|culled from|courtesy of)\b|"
        r"source\s*[–—-]\s*[A-Z][\w.]*(\s[A-Z][\w.]*){0,3}\s*$",  # "Source – BBC"
    ),
    (
        "caption",
        r"(photo|(split )?image|picture|file photo|credit|source|pictured)\s*(credit)?\s*:",
    ),
    ("ad", r"advertisement([.:]?\s*scroll (down )?to continue( reading)?)?\.?$|sponsored\b"),
    ("tag", r"(tags?|topics?|filed under)\s*:"),
]
PHRASES = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS]
ANYWHERE = [
    # A blog's comment form, however its sentence runs on ("... to reduce spam. Learn how").
    ("prompt", re.compile(r"^this site uses akismet to reduce spam\b", re.I)),
    (
        "caption",
        re.compile(
            r"photo credit|\bphoto:|\(photo|\bphoto/\w|\((image|picture) credit|getty images|"
            r"/reuters$|\bhandout via (reuters|afp|ap)\b",
            re.I,
        ),
    ),
    # An agency's caption: what the photograph shows, in the present tense, and when
    # ("A Boeing 737 MAX airliner is photographed Thursday, Sept. 12, 2024, at ...").
    (
        "caption",
        re.compile(
            r"^[^.]{0,120}\b(is|are) (pictured|photographed|seen)\b"
            r".*\b(19|20)\d\d\b[^.]*\.?$",
            re.I,
        ),
    ),
    # An AP caption's date: the weekday, the day in AP's style with its year, and where
    # ("Runners cross the LaSalle Street bridge ..., Sunday, Oct. 13, 2024, in Chicago.").
    (
        "caption",
        re.compile(
            r"^[^.]{0,200}?, (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, "
            r"(?:(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.|March|April|May|June|July) \d{1,2}, "
            r"(?:19|20)\d\d(?:, (?:in|at|near|outside) [A-Z][^.]{1,60})?\.$"
        ),
    ),
    # A photograph's date, then its agency's credit ("... on April 23, 2023.AFP").
    ("caption", re.compile(rf"\b(19|20)\d\d\.\s?(?:{_AGENCIES})$")),
    ("share", re.compile(r"\bshares?\b.*\b(share|tweet|email|whatsapp)\b|\{[^}]*:[^}]*;", re.I)),
    (
        "share",
        re.compile(
            r"^follow [\w ]{1,40} on (our )?(official )?"
            r"(facebook|twitter|instagram|whatsapp|telegram)\b",
            re.I,
        ),
    ),
    # A site's prompt to follow a section ("Don't miss out on the headlines from World.").
    ("share", re.compile(r"^don[’']t miss (out on )?the (latest|headlines)\b", re.I)),
    # A channel's offer ("(Get the news that matters from ... on WhatsApp. Click ..."), and
    # a site's account of itself ("Stay informed with The Namibian – your source for
    # credible journalism. Get ...").
    (
        "share",
        re.compile(r"^\(?get (the )?(latest )?news\b.{0,60}\bon (whatsapp|telegram)\b", re.I),
    ),
    ("box", re.compile(r"^stay informed with\b.{0,80}\b(journalism|news|reporting)\b", re.I)),
    # A subscription's price ("*No charge for 4 weeks then price increases to the regular
    # rate of $19.00 plus GST every four weeks. Offer available to new ... subscribers"),
    # and a comment section's policy ("... is committed to providing a forum for civil
    # and constructive conversation").
    (
        "prompt",
        re.compile(
            r"^(?=.{0,300}\bsubscri(?:be|bers?|ption)\b)"
            r"(?=.{0,300}\b(?:price|payment|charged|regular rate|plus (?:gst|vat|tax))\b)",
            re.I,
        ),
    ),
    ("comment", re.compile(r"^[^.]{0,80}\bcommitted to providing a forum for\b", re.I)),
    # A newsletter's offer ("... breaking headlines delivered to your inbox.").
    ("prompt", re.compile(r"^[^.]{0,160}\b(right )?(in|to|into) your inbox\b[^.]{0,40}\.?$", re.I)),
    # A feed's footer, where a site reposts another's post ("The post FIFA suspends seven
    # players ... appeared first on The Guardian Nigeria News").
    ("other", re.compile(r"^the post\b.{1,300}\bappeared first on\b", re.I)),
    # A page's address, after the store's date mark or alone.
    ("other", re.compile(r"^(date \d{4}-\d\d-\d\d\s+)?https?://\S+$")),
    # (Anchored: a pattern searched through every line costs on long texts.)
    ("other", re.compile(r"^(when you )?(purchase|buy) [\w ]{0,20}through links", re.I)),
    (
        "other",
        re.compile(
            r"all rights reserved|©|copyright|without warranty|disclaimer|"
            r"terms of (use|service)|privacy policy|\bcookies?\b|"
            r"the views (and opinions )?expressed|originally (published|appeared)|"
            r"indicators? of sponsored|"
            # an agency's notice on a photograph it did not take, in a caption
            r"\battention editors\b|\bno resales\b|"
            r"this (article|story) (was|is) (originally )?(published|produced)|"
            # a syndicated story's notice ("... is published from a syndicated feed"), and
            # the title a page's drawing tool leaves in its icons
            r"\bsyndicated feed\b|\bcreated with sketch\b",
            re.I,
        ),
    ),
    (
        "byline",
        re.compile(
            r"^\S+(\s\S+){0,4}\s(journalist|reporter|correspondent|editor)\s.*"
            r"\bexperience\b",
            re.I,
        ),
    ),
]
# A photograph's credit glued to the caption's last full stop ("... camouflage.Reuters").
GLUED_CREDIT = re.compile(rf"[a-z0-9]\.(?:{_AGENCIES})$")
CREDIT_TAIL = 12  # of a line, the characters its glued credit can take: looked at alone
# A line that is only an outlet's or agency's name in brackets, or an agency's name alone:
# the story's credit.
CREDIT = re.compile(rf"^\(\s*[A-Z][\w .&'’-]{{1,40}}\)$|^(?:{_AGENCIES})$")
# A wire's notes in double brackets, at a story's foot ("((Reporting by ...; Editing by
# ...))", a reporter's address and telephone).
WIRE_NOTES = re.compile(r"^\(\(.*\)\)$")
