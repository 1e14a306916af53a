"""The word lists that reading words relies on: titles, bodies, months, numbers.

Closed lists, chosen for English news copy; a word's key (``words.normalise``) is what
they hold.
"""

from __future__ import annotations

import re

# Entity kinds that name bodies (an outlet, a company, an agency), not people or things.
BODY_KINDS = frozenset(
    {
        "institution",
        "organisation",
        "organization",
        "company",
        "publication",
        "agency",
        "body",
        "outlet",
        "party",
        "court",
        "government",
    }
)


BODY_WORDS = frozenset(
    (
        "agency authority office council board commission institute directorate ministry "
        "department committee parliament court bank journal times news post press service "
        "bureau fund organisation organization centre center union association corporation "
        "inc ltd group university secretariat assembly senate congress cabinet tribunal "
        "reuters bloomberg guardian telegraph herald tribune gazette chronicle network "
        "foundation institution administration government house"
    ).split()
)


# Job titles and forms of address; variants that mean the same title share a key.
TITLES = {
    "mr": "mr",
    "mrs": "mrs",
    "ms": "ms",
    "dr": "dr",
    "prof": "professor",
    "professor": "professor",
    "secretary": "secretary",
    "minister": "minister",
    "president": "president",
    "spokesperson": "spokesperson",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "ceo": "chief executive",
    "chief": "chief",
    "executive": "executive",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "director": "director",
    "commissioner": "commissioner",
    "senator": "senator",
    "governor": "governor",
    "ambassador": "ambassador",
    "chancellor": "chancellor",
    "premier": "prime minister",
    "pm": "prime minister",
    "mayor": "mayor",
    "deputy": "deputy",
    "vice": "vice",
    "undersecretary": "undersecretary",
    "envoy": "envoy",
    "spokespeople": "spokesperson",
    "founder": "founder",
}


# Norwegian, Polish, Dutch, Israeli; and those of no common ending.
NATIONALITY = re.compile(r"(?:ian|ean|ese|ish|an|ch|i)$|^(?:swiss|greek|welsh|filipino|argentine)$")


# "on" is no connector: "the Bank on Monday" names a bank.
CONNECTORS = frozenset("of for the and de du des von van der den del la le di da".split())


NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor without cannot "
    # Words that say "not" in themselves: "forbidden from" is "not permitted to".
    "forbidden prohibited barred banned unable".split()
)


MONTHS = {
    m[:3]: m
    for m in (
        "january february march april may june july august september october november december"
    ).split()
}


MONTHS["sept"] = "september"


WEEKDAYS = {d[:3]: d for d in "monday tuesday wednesday thursday friday saturday sunday".split()}


RELATIVE_DAYS = frozenset(
    "yesterday today tomorrow tonight spring summer autumn fall winter".split()
)


NUMBER_WORDS = {
    w: str(n)
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update(
    {
        w: str(10 * n)
        for n, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)
    }
)
NUMBER_WORDS.update(
    {
        "hundred": "hundred",
        "thousand": "thousand",
        "million": "million",
        "billion": "billion",
        "trillion": "trillion",
        "dozen": "12",
        "hundreds": "hundreds",
        "thousands": "thousands",
        "millions": "millions",
        "billions": "billions",
    }
)


# Words that open sentences in capitals without being names.
COMMON_WORDS = frozenset(
    "a an the and but or so yet if then when while whereas after before since until as at "
    "by for from in into of on to with without about against among between during under "
    "over through this that these those it its he she they we i you his her their our my "
    "your there here what which who whom whose why how where also however meanwhile "
    "according last earlier later still some many most all both each every no not one "
    "such other another more less several few asked speaking despite although though "
    "because once only even just now today yesterday instead indeed further moreover "
    "finally first second third nor neither either do does did is are was were be been "
    "has have had will would could should may might must can key read skip why tech "
    "back more".split()
)


# News agencies and wire services, as they credit a story ("(AFP)", "per the AP").
NEWS_AGENCIES = tuple(
    "AP AFP Reuters EFE Xinhua MNA UPI dpa ANSA IANS PTI NAN Bloomberg MENAFN IRNA "
    "WAM Petra".split()
)


# Units of measure written more than one way.
UNITS = {
    "centimetre": "cm", "centimeter": "cm", "cm": "cm",
    "millimetre": "mm", "millimeter": "mm", "mm": "mm",
    "metre": "m", "meter": "m",
    "kilometre": "km", "kilometer": "km", "km": "km",
    "gram": "g", "gramme": "g", "g": "g",
    "kilogram": "kg", "kilo": "kg", "kg": "kg",
    "percent": "%", "per cent": "%", "%": "%",
    "mile": "mile", "pound": "lb", "lb": "lb",
    "yard": "yd", "yd": "yd", "foot": "ft", "feet": "ft", "ft": "ft", "inch": "inch",
    "inches": "inch",
}  # fmt: skip
# What each unit measures: figures in units of one dimension may state one quantity.
DIMENSIONS = {
    **dict.fromkeys(("mm", "cm", "m", "km", "mile", "yd", "ft", "inch"), "length"),
    **dict.fromkeys(("g", "kg", "lb"), "mass"),
}
# Units of time, told apart from those of length when two figures are compared.
TIME_UNITS = {"second": "s", "sec": "s", "minute": "min", "min": "min", "hour": "h"}


def unit_of(word: str, units: dict[str, str] = UNITS) -> str:
    """A unit's one spelling ("cm" for "centimetres"), or the word as it is."""
    word = word.casefold()
    if word in units:
        return units[word]
    if word.endswith("s") and word[:-1] in units:
        return units[word[:-1]]
    return word


# Words that qualify a number, and the sense each gives ("over 100" says "more than 100").
NUMBER_QUALIFIERS = {
    ("more", "than"): "more than",
    ("over",): "more than",
    ("above",): "more than",
    ("in", "excess", "of"): "more than",
    ("upwards", "of"): "more than",
    ("less", "than"): "less than",
    ("fewer", "than"): "less than",
    ("under",): "less than",
    ("below",): "less than",
    ("about",): "about",
    ("around",): "about",
    ("roughly",): "about",
    ("approximately",): "about",
    ("some",): "about",
    ("close", "to"): "about",
    ("nearly",): "nearly",
    ("almost",): "nearly",
    ("up", "to"): "up to",
    ("as", "many", "as"): "up to",
    ("at", "least"): "at least",
    ("at", "the", "least"): "at least",
    ("no", "fewer", "than"): "at least",
    ("within",): "within",
}
# The senses that say a figure is not exact: a copy that adds one to the reference's
# figure hedges it and contradicts nothing; one that drops it states a guess as exact.
HEDGES = frozenset({"about", "nearly"})
