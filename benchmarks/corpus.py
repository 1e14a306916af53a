"""A deterministic synthetic brief: N versions of M paragraphs, K corrections.

``write_corpus(folder, versions=N, paragraphs=M, corrections=K)`` writes a real brief
project (``conf.py``, ``docs/index.md``, ``docs/facts.yaml``, ``seeds/``) shaped like the
flagship. The first version is the base text; every other version is derived from it
with the edits that newsrooms make: reworded sentences, misspelt names, garbled
institutions, changed numbers, dropped and moved paragraphs. Every correction's wrong
form is the garble that the versions print, every right form stands in the base text,
and every fact quotes the base text verbatim, so ``briefing check`` passes.

The same arguments always give the same bytes (one ``random.Random`` per seed).

Run it alone to look at a corpus::

    .venv/bin/python benchmarks/corpus.py benchmarks/_work/sample --versions 5 --paragraphs 20
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FIRST_NAMES = (
    "Anna Marta Jonas Elena Pieter Sofia Tomas Ines Lukas Clara Mateo Ida Oskar Lena Hugo "
    "Nora Felix Eva Milan Rosa Viktor Greta Emil Alma Karel Jana Ruben Mila Anton Lea"
).split()
SYLLABLES = (
    "ko va cs ber lin dra mor sel tan vik ros hel man gar den bro wit zel pra nov ski "
    "lau ren tor mes vel dor kin sar lo pe ri"
).split()
INSTITUTION_HEADS = (
    "Northern Southern Eastern Western Central Coastal Federal Regional National Joint "
    "Maritime Digital Energy Water Transport Health Trade Budget Science Labour"
).split()
INSTITUTION_TOPICS = (
    "Harbour Grid Rail Fisheries Customs Data Broadband Forestry Mining Aviation Housing "
    "Pensions Statistics Standards Competition Procurement Ports Canal Weather Seeds"
).split()
INSTITUTION_KINDS = (
    "Agency",
    "Authority",
    "Office",
    "Council",
    "Board",
    "Commission",
    "Institute",
    "Directorate",
)
THINGS = (
    "companies",
    "vessels",
    "contracts",
    "inspectors",
    "households",
    "licences",
    "sites",
    "permits",
    "jobs",
    "tonnes of cargo",
    "kilometres of track",
    "requests",
)
CITIES = (
    "Rotterdam",
    "Gdansk",
    "Lisbon",
    "Tallinn",
    "Bilbao",
    "Antwerp",
    "Trieste",
    "Marseille",
    "Aarhus",
    "Riga",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "September",
    "October",
    "November",
    "December",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

# Rewording: each word may become one of its synonyms in a derived version.
SYNONYMS = {
    "said": ("stated", "told reporters", "declared"),
    "talks": ("discussions", "negotiations"),
    "agreed": ("decided", "consented"),
    "before": ("ahead of", "prior to"),
    "about": ("roughly", "some"),
    "warned": ("cautioned", "said"),
    "plans": ("intends", "aims"),
    "expects": ("anticipates", "hopes"),
    "reviewed": ("examined", "assessed"),
    "approved": ("cleared", "endorsed"),
    "according to": ("as reported by", "citing"),
    "officials": ("civil servants", "staff"),
}

SENTENCES = (
    "{p1}, who chairs the {i1}, said on {day} that about {n} {things} would be reviewed "
    "before {month}.",
    "According to {p1}, the {i1} has approved {n} {things} in {city} since {month}.",
    "{p1} told the {i1} that talks with {p2} had stalled over {n} {things}.",
    "The {i1} and the {i2} agreed to share data on {n} {things}, {p1} said.",
    "{p1} warned that {n} {things} could be lost if the {i1} plans no further support.",
    "The {i1} expects {p1} to present the figures, some {n} {things}, in {city} on {day}.",
    "In a statement, {p1} said the {i1} reviewed {n} {things} and found no breach.",
    "{p1} and {p2} met officials of the {i1} in {city} to discuss {n} {things}.",
)


@dataclass
class Entity:
    id: str
    name: str
    kind: str  # person / institution
    garble: str  # the wrong form that some versions print


@dataclass
class Slot:
    """A correctable phrase in the base text: its right and wrong form."""

    kind: str  # name / institution / number
    right: str
    wrong: str
    entity: str | None = None


@dataclass
class Base:
    paragraphs: list[list[str]]  # sentences, each a template filled with right forms
    marks: list[list[list[Slot]]]  # per sentence, the slots it holds
    entities: list[Entity] = field(default_factory=list)


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _misspell(rng: random.Random, word: str) -> str:
    """A plausible misspelling: one letter swapped, doubled or replaced."""
    i = rng.randrange(1, len(word) - 1)
    how = rng.randrange(3)
    if how == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if how == 1:
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiouckhz") + word[i + 1 :]


def _people(rng: random.Random, count: int, taken: set[str]) -> list[Entity]:
    people: list[Entity] = []
    while len(people) < count:
        first, last = rng.choice(FIRST_NAMES), _surname(rng)
        name = f"{first} {last}"
        garble = f"{first} {_misspell(rng, last)}"
        if name in taken or garble in taken or garble == name:
            continue
        taken |= {name, garble, last}
        people.append(Entity(f"person-{len(people) + 1}", name, "person", garble))
    return people


def _institutions(rng: random.Random, count: int, taken: set[str]) -> list[Entity]:
    found: list[Entity] = []
    while len(found) < count:
        head, topic = rng.choice(INSTITUTION_HEADS), rng.choice(INSTITUTION_TOPICS)
        kind, other = rng.sample(INSTITUTION_KINDS, 2)
        prefix = f"{head} {topic}" if len(found) < 400 else f"{head} {topic} {_surname(rng)}"
        name, garble = f"{prefix} {kind}", f"{prefix} {other}"
        if name in taken or garble in taken:
            continue
        taken |= {name, garble}
        found.append(Entity(f"institution-{len(found) + 1}", name, "institution", garble))
    return found


def _base(rng: random.Random, paragraphs: int, corrections: int) -> Base:
    """The original report: sentences that mention every entity and carry numbers."""
    taken: set[str] = set()
    people = _people(rng, max(12, corrections * 45 // 100 + 4), taken)
    institutions = _institutions(rng, max(8, corrections * 30 // 100 + 4), taken)
    used_numbers: set[int] = set()
    base = Base([], [], people + institutions)
    person_turn = institution_turn = 0
    for _ in range(paragraphs):
        sentences: list[str] = []
        marks: list[list[Slot]] = []
        for _ in range(rng.randint(3, 5)):
            template = rng.choice(SENTENCES)
            p = [people[(person_turn + k) % len(people)] for k in range(2)]
            i = [institutions[(institution_turn + k) % len(institutions)] for k in range(2)]
            person_turn += 2 if "{p2}" in template else 1
            institution_turn += 2 if "{i2}" in template else 1
            while True:
                n = rng.randrange(12, 99_000)
                wrong_n = n + rng.choice((1, 10, 100, -1, n))  # a slip, or a doubled figure
                if n not in used_numbers and wrong_n not in used_numbers and wrong_n > 0:
                    break
            used_numbers |= {n, wrong_n}
            things = rng.choice(THINGS)
            values = {
                "p1": p[0].name,
                "p2": p[1].name,
                "i1": i[0].name,
                "i2": i[1].name,
                "n": f"{n:,}",
                "things": things,
                "day": rng.choice(DAYS),
                "month": rng.choice(MONTHS),
                "city": rng.choice(CITIES),
            }
            text = template.format(**values)
            text = text[0].upper() + text[1:]
            slots = (
                [Slot("name", e.name, e.garble, e.id) for e in p if e.name in text]
                + [Slot("institution", e.name, e.garble, e.id) for e in i if e.name in text]
                + [Slot("number", f"{n:,} {things}", f"{wrong_n:,} {things}")]
            )
            sentences.append(text)
            marks.append(slots)
        base.paragraphs.append(sentences)
        base.marks.append(marks)
    return base


def _reword(rng: random.Random, sentence: str, rate: float) -> str:
    for word, choices in SYNONYMS.items():
        if f" {word} " in sentence and rng.random() < rate:
            sentence = sentence.replace(f" {word} ", f" {rng.choice(choices)} ", 1)
    return sentence


def _derive(rng: random.Random, base: Base, corrected: set[str], index: int) -> str:
    """One derived version: its own rates of rewording, garbling, dropping and moving."""
    reword, garble = rng.uniform(0.1, 0.5), rng.uniform(0.05, 0.4)
    drop, move, cut = rng.uniform(0.0, 0.08), rng.uniform(0.0, 0.05), rng.random() < 0.3
    out: list[str] = []
    for sentences, marks in zip(base.paragraphs, base.marks, strict=True):
        if rng.random() < drop:
            continue
        paragraph = []
        for sentence, slots in zip(sentences, marks, strict=True):
            text = sentence
            for slot in slots:
                if rng.random() < garble and slot.right in text:
                    # Only garbles that a correction describes, plus a few typos it does not.
                    if slot.right in corrected:
                        text = text.replace(slot.right, slot.wrong, 1)
                    elif slot.kind == "name" and rng.random() < 0.2:
                        first, last = slot.right.split(" ", 1)
                        text = text.replace(slot.right, f"{first} {_misspell(rng, last)}", 1)
            paragraph.append(_reword(rng, text, reword))
        out.append(" ".join(paragraph))
    for _ in range(int(len(out) * move)):
        moved = out.pop(rng.randrange(len(out)))
        out.insert(rng.randrange(len(out) + 1), moved)
    if cut and len(out) > 4:  # an aggregator copy that stops half-way
        out = out[: len(out) * 2 // 3]
    return "\n\n".join(out) + "\n"


def _corrections(rng: random.Random, base: Base, count: int) -> list[Slot]:
    """``count`` distinct correctable phrases, names first met first, then numbers."""
    chosen: list[Slot] = []
    seen: set[str] = set()
    quota = {"name": count * 45 // 100, "institution": count * 30 // 100}
    quota["number"] = count - quota["name"] - quota["institution"]
    for marks in base.marks:
        for slots in marks:
            for slot in slots:
                if slot.right in seen or quota[slot.kind] == 0:
                    continue
                seen.add(slot.right)
                quota[slot.kind] -= 1
                chosen.append(slot)
    if len(chosen) < count:
        raise ValueError(
            f"{count} corrections need more text: the base has only "
            f"{len(chosen)} distinct phrases (add paragraphs)"
        )
    return chosen


def corpus_facts(
    base: Base, slots: list[Slot], versions: list[str], facts: int, rng: random.Random
) -> dict[str, object]:
    """The fact file's data: sources, entities, facts quoting the base, corrections."""
    sentences = [s for paragraph in base.paragraphs for s in paragraph]
    entity_of = {e.name: e for e in base.entities}
    fact_data: dict[str, object] = {}
    statuses = ("verified",) * 8 + ("unverified", "disputed")
    for n in range(min(facts, len(sentences))):
        sentence = sentences[(n * 7) % len(sentences)]
        quote = sentence.split(", ")[0] if rng.random() < 0.5 else sentence.rstrip(".")
        about = sorted({entity_of[name].id for name in entity_of if name in sentence})
        fact_data[f"fact-{n + 1}"] = {
            "claim": f"Claim {n + 1}: {sentence}",
            "status": rng.choice(statuses),
            "entities": about[:3],
            "evidence": [{"source": versions[0], "quote": quote}],
        }
    corrections = {}
    for n, slot in enumerate(slots, 1):
        entry: dict[str, object] = {"kind": slot.kind, "wrong": slot.wrong, "right": slot.right}
        if slot.entity:
            entry["entity"] = slot.entity
        entry["evidence"] = [{"source": "registry", "note": "Checked against the registry."}]
        corrections[f"correction-{n}"] = entry
    first_facts = list(fact_data)[:6]
    return {
        "brief": {
            "title": "Synthetic brief",
            "date": "2026-01-15",
            "summary": "A synthetic story told in many versions, for measuring the tool.",
            "findings": [
                {"text": f"Finding {k // 2 + 1}.", "facts": first_facts[k : k + 2]}
                for k in range(0, len(first_facts), 2)
            ],
        },
        "sources": {
            **{
                key: {
                    "kind": "version",
                    "file": f"{n:03d}_{key}.txt",
                    "title": f"Version {n}",
                    "label": f"Version {n}",
                }
                for n, key in enumerate(versions)
            },
            "registry": {
                "kind": "reference",
                "title": "Public registry",
                "publisher": "Registry office",
                "url": "https://example.org/registry",
            },
        },
        "entities": {
            e.id: {"name": e.name, "kind": e.kind, "role": f"A {e.kind} named in the story."}
            for e in base.entities
        },
        "facts": fact_data,
        "corrections": corrections,
    }


CONF = '''"""A synthetic brief, written by benchmarks/corpus.py."""

project = "Synthetic brief"
extensions = ["myst_parser", "briefing"]
briefing_facts = "docs/facts.yaml"
briefing_seeds = "seeds"
root_doc = "index"
exclude_patterns = ["facts.yaml", "_build"]
myst_enable_extensions = ["attrs_inline", "colon_fence", "deflist"]
myst_footnote_transition = False
html_theme = "briefing"
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = ""
'''

INDEX = """# Synthetic brief

The first fact is {{brief:fact}}`fact-1`; the first person is {{brief:entity}}`person-1`,
who appears in {{brief:para}}`{version}:p1`.

```{{toctree}}
:maxdepth: 2

_generated/brief
_generated/errata
_generated/comparison
_generated/facts
_generated/entities
_generated/sources/index
_generated/references
```
"""


def _printed_garbles(texts: list[str], slots: list[Slot]) -> list[Slot]:
    """The corrections some derived version prints: a fact file corrects what a version
    prints (``check`` warns of a wrong form that occurs in no version). When chance printed
    a garble nowhere, the last derived version holding the right form gets it; a correction
    whose right form every derived version dropped (a copy cut short, a paragraph left
    out) is left out of the fact file, at most 1 % of them on the grid."""
    printed = []
    for slot in slots:
        wrong, right = _whole(slot.wrong), _whole(slot.right)
        if not any(wrong.search(text) for text in texts[1:]):
            holder = next((n for n in range(len(texts) - 1, 0, -1) if right.search(texts[n])), 0)
            if not holder:
                continue
            texts[holder] = right.sub(slot.wrong, texts[holder], count=1)
        printed.append(slot)
    return printed


def _whole(phrase: str) -> re.Pattern[str]:
    """``phrase`` as whole words ("Ruben Mesber" is not in "Ruben Mesbertan")."""
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def write_corpus(
    folder: Path,
    *,
    versions: int,
    paragraphs: int,
    corrections: int,
    facts: int | None = None,
    seed: int = 1,
) -> Path:
    """Write the project into ``folder`` (replacing it) and return ``folder``."""
    rng = random.Random(f"{seed}-{versions}-{paragraphs}-{corrections}")
    base = _base(rng, paragraphs, corrections)
    slots = _corrections(rng, base, corrections)
    keys = [f"v{n:03d}" for n in range(versions)]
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "seeds").mkdir(parents=True)
    (folder / "docs").mkdir()
    corrected = {slot.right for slot in slots}
    texts = ["\n\n".join(" ".join(p) for p in base.paragraphs) + "\n"]
    texts += [_derive(random.Random(f"{seed}-{n}"), base, corrected, n) for n in range(1, versions)]
    slots = _printed_garbles(texts, slots)
    for n, (key, text) in enumerate(zip(keys, texts, strict=True)):
        (folder / "seeds" / f"{n:03d}_{key}.txt").write_text(text, "utf-8")
    data = corpus_facts(base, slots, keys, corrections // 2 if facts is None else facts, rng)
    (folder / "docs" / "facts.yaml").write_text(
        "# A synthetic fact file, written by benchmarks/corpus.py.\n"
        + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
        "utf-8",
    )
    (folder / "docs" / "index.md").write_text(INDEX.format(version=keys[0]), "utf-8")
    (folder / "conf.py").write_text(CONF, "utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--versions", type=int, default=5)
    parser.add_argument("--paragraphs", type=int, default=20)
    parser.add_argument("--corrections", type=int, default=40)
    parser.add_argument("--facts", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_corpus(
        args.folder,
        versions=args.versions,
        paragraphs=args.paragraphs,
        corrections=args.corrections,
        facts=args.facts,
        seed=args.seed,
    )
    print(f"wrote {args.folder}")


if __name__ == "__main__":
    main()
