"""Benchmark of the sentence aligner (and of near-miss name matching) on synthetic versions.

The versions are derived from a base text by the edits that newsrooms and translation
make: reworded sentences, split and merged sentences, dropped, moved and added
paragraphs (some added to two versions alike). Every sentence remembers which base
sentences it came from, so the true alignment is known, and the aligner is scored on
sentence pairs: a pair of sentences of two versions is aligned when they share a row.

Figures reported:

* alignment precision, recall and F1, on all pairs and on moved sentences, per setting of
  ``MATCH_THRESHOLD`` and ``MOVE_THRESHOLD`` (a sweep on one set of corpora, then the
  chosen values on another);
* hunalign on the same pairs of files, when a ``hunalign`` binary is found (``$HUNALIGN``
  or ``PATH``; it is skipped otherwise);
* time to align N versions, against the number of versions;
* precision and recall of near-miss name matching against its threshold.

Run it from the project folder::

    .venv/bin/python benchmarks/align_bench.py            # writes benchmarks/results/align.md
    .venv/bin/python benchmarks/align_bench.py --quick    # smaller, for a quick look
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.analysis import align, near_misses, pairs  # noqa: E402
from briefing.text.names import NEAR_MISS_THRESHOLD, name_similarity  # noqa: E402

FUNCTION_WORDS = (
    "the the the the of of of to to to and and a a in in that is was for on it with as "
    "by at from be has have had this are were its their which said would will could not "
    "but an or after over more than about also into new two its last who they he she been"
).split()
CONTENT_WORDS = (
    "government talks model access security agency minister report plan proposal market "
    "energy cable power grid price cost budget law court ruling vote election party leader "
    "company bank fund investor share profit loss deal trade tariff export import border "
    "police army officer soldier attack defence treaty summit meeting statement spokesperson "
    "official source document letter request decision review study analysis data survey "
    "figure growth rate inflation debt deficit tax reform health hospital patient doctor "
    "vaccine virus school student teacher university research science climate emission "
    "carbon wind solar nuclear oil gas pipeline port ship harbour airport flight rail road "
    "bridge water river flood drought storm fire city region country state capital village "
    "network system software hardware chip computer internet platform service user customer "
    "contract licence permit tender project programme scheme support aid grant loan bond "
    "crisis risk threat warning concern fear hope plan goal target deadline week month year "
    "morning evening spring autumn winter summer quarter percent million billion thousand "
    "agreed warned announced confirmed denied rejected approved opposed welcomed criticised "
    "expected planned proposed reported published signed launched delayed cut raised "
    "increased reduced expanded limited blocked allowed required demanded offered asked "
    "major key senior former chief deputy national regional local foreign federal public "
    "private digital advanced strong weak large small early late first second final annual"
).split()
SYNONYMS = {
    "talks": "discussions",
    "said": "stated",
    "agreed": "decided",
    "warned": "cautioned",
    "plan": "proposal",
    "cut": "reduced",
    "expected": "anticipated",
    "major": "large",
    "government": "administration",
    "announced": "declared",
    "about": "roughly",
    "senior": "high-ranking",
    "meeting": "session",
    "report": "account",
    "concern": "worry",
    "delayed": "postponed",
    "approved": "endorsed",
    "first": "initial",
    "study": "review",
}
FIRST = (
    "Anna Marta Jonas Elena Pieter Sofia Tomas Ines Lukas Clara Mateo Ida Oskar Lena Hugo "
    "Nora Felix Eva Milan Rosa Viktor Greta Emil Alma Karel Jana Ruben Mila Anton Lea "
    "Thomas Maria Peter Paul John Mark David Laura Julia Sarah"
).split()
LAST = (
    "Kovacs Novak Horvath Nagy Schmidt Muller Weber Wagner Becker Hoffmann Fischer Meyer "
    "Lindqvist Andersson Johansson Nilsson Hansen Larsen Jensen Nielsen Moreau Dubois "
    "Lefebvre Laurent Garcia Martinez Rodriguez Fernandez Rossi Russo Ferrari Esposito "
    "Bianchi Romano Kowalski Wisniewski Wojcik Kaminski Lewandowski Zielinski Dvorak "
    "Svoboda Novotny Cerny Prochazka Regnier Renard Bessent Amodei Aasgaard Haugland "
    "Wasilewski Petrov Ivanov Smirnov Popescu Ionescu Papadopoulos Georgiou Oliveira "
    "Santos Pereira Costa Silva Almeida Jansen Visser Bakker Smit Meijer"
).split()


# -- the synthetic corpus ---------------------------------------------------------------


@dataclass
class Sentence:
    text: str
    sources: frozenset[str]  # base sentence ids ("b12") or an added paragraph's ("x3.1")
    moved: bool = False


@dataclass
class Version:
    paragraphs: list[list[Sentence]] = field(default_factory=list)

    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p]


def _sentence(rng: random.Random) -> list[str]:
    words = []
    for _ in range(rng.randint(10, 30)):
        roll = rng.random()
        if roll < 0.45:
            words.append(rng.choice(FUNCTION_WORDS))
        elif roll < 0.88:
            words.append(rng.choice(CONTENT_WORDS))
        elif roll < 0.95:
            words.append(f"{rng.choice(FIRST)} {rng.choice(LAST)}")
        else:
            words.append(str(rng.choice((3, 12, 40, 70, 120, 1400, 2026))))
    words[0] = words[0][0].upper() + words[0][1:]
    return words


def base_text(rng: random.Random, paragraphs: int) -> Version:
    version = Version()
    n = 0
    for _ in range(paragraphs):
        paragraph = []
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            paragraph.append(Sentence(" ".join(_sentence(rng)) + ".", frozenset({f"b{n}"})))
            n += 1
        version.paragraphs.append(paragraph)
    return version


def _reword(rng: random.Random, text: str, rate: float) -> str:
    words = text.rstrip(".").split(" ")
    out = []
    for word in words:
        roll = rng.random()
        if word in SYNONYMS and roll < 0.7:
            out.append(SYNONYMS[word])
        elif word in CONTENT_WORDS and roll < rate:
            out.append(rng.choice(CONTENT_WORDS))
        elif word in FUNCTION_WORDS and roll < rate / 2:
            continue  # dropped
        else:
            out.append(word)
        if rng.random() < rate / 4:
            out.append(rng.choice(FUNCTION_WORDS))
    if rng.random() < rate:  # a clause moved to the front
        cut = len(out) // 2
        out = out[cut:] + out[:cut]
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


@dataclass
class Noise:
    reword: float = 0.2  # share of words changed in a reworded sentence
    split: float = 0.08
    merge: float = 0.08
    drop: float = 0.08  # paragraphs
    move: float = 0.08
    add: float = 0.05


def derive(
    rng: random.Random, base: Version, noise: Noise, shared: list[list[Sentence]]
) -> Version:
    """A version of ``base`` with the edits of ``noise``; ``shared`` added paragraphs may
    be inserted (the same ones in several versions)."""
    paragraphs: list[list[Sentence]] = []
    for paragraph in base.paragraphs:
        if rng.random() < noise.drop:
            continue
        new: list[Sentence] = []
        for sentence in paragraph:
            text = (
                _reword(rng, sentence.text, noise.reword) if rng.random() < 0.8 else sentence.text
            )
            words = text.rstrip(".").split(" ")
            if new and rng.random() < noise.merge:
                last = new.pop()
                joined = last.text.rstrip(".") + ", and " + text[0].lower() + text[1:]
                new.append(Sentence(joined, last.sources | sentence.sources))
            elif len(words) >= 16 and rng.random() < noise.split:
                cut = len(words) // 2
                left, right = " ".join(words[:cut]) + ".", " ".join(words[cut:]) + "."
                new.append(Sentence(left, sentence.sources))
                new.append(Sentence(right[0].upper() + right[1:], sentence.sources))
            else:
                new.append(Sentence(text, sentence.sources))
        paragraphs.append(new)
    for paragraph in list(paragraphs):
        if len(paragraphs) > 2 and rng.random() < noise.move:
            paragraphs.remove(paragraph)
            paragraphs.insert(
                rng.randrange(len(paragraphs) + 1),
                [Sentence(s.text, s.sources, True) for s in paragraph],
            )
    for extra in shared:
        if rng.random() < 0.5:
            paragraphs.insert(
                rng.randrange(len(paragraphs) + 1),
                [Sentence(_reword(rng, s.text, noise.reword / 2), s.sources) for s in extra],
            )
    if rng.random() < noise.add * 4:
        paragraphs.insert(
            rng.randrange(len(paragraphs) + 1),
            [Sentence(" ".join(_sentence(rng)) + ".", frozenset())],
        )
    return Version(paragraphs)


def corpus(seed: int, versions: int, paragraphs: int, noise: Noise) -> list[Version]:
    rng = random.Random(seed)
    base = base_text(rng, paragraphs)
    shared = [
        [
            Sentence(" ".join(_sentence(rng)) + ".", frozenset({f"x{k}.{j}"}))
            for j in range(rng.randint(1, 2))
        ]
        for k in range(max(1, paragraphs // 15))
    ]
    return [base] + [derive(rng, base, noise, shared) for _ in range(versions - 1)]


# -- scoring -------------------------------------------------------------------------------

Pair = tuple[int, int, int, int]  # (version a, sentence i, version b, sentence j), a < b


def gold_pairs(versions: list[Version]) -> tuple[set[Pair], set[Pair]]:
    """Every pair of sentences of two versions that come from a common sentence; and the
    pairs in which one of the two was moved."""
    pairs: set[Pair] = set()
    moved: set[Pair] = set()
    sentences = [v.sentences() for v in versions]
    for a, b in combinations(range(len(versions)), 2):
        index: dict[str, list[int]] = {}
        for j, s in enumerate(sentences[b]):
            for source in s.sources:
                index.setdefault(source, []).append(j)
        for i, s in enumerate(sentences[a]):
            for source in s.sources:
                for j in index.get(source, ()):
                    pairs.add((a, i, b, j))
                    if s.moved or sentences[b][j].moved:
                        moved.add((a, i, b, j))
    return pairs, moved


def predicted_pairs(alignment: align.Alignment, names: list[str]) -> set[Pair]:
    position = {name: n for n, name in enumerate(names)}
    pairs: set[Pair] = set()
    for row in alignment.rows:
        cells = sorted((position[v], cell) for v, cell in row.cells.items())
        for (a, ca), (b, cb) in combinations(cells, 2):
            pairs |= {(a, i, b, j) for i in ca for j in cb}
    return pairs


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    moved_tp: int = 0
    moved_all: int = 0
    seconds: float = 0.0

    def add(self, predicted: set[Pair], gold: set[Pair], moved: set[Pair]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        self.moved_tp += len(predicted & moved)
        self.moved_all += len(moved)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def moved_recall(self) -> float:
        return self.moved_tp / self.moved_all if self.moved_all else 1.0


def run_ours(versions: list[Version], only_base: bool = False) -> tuple[set[Pair], float]:
    names = [f"v{n}" for n in range(len(versions))]
    texts = {name: [s.text for s in v.sentences()] for name, v in zip(names, versions, strict=True)}
    start = time.perf_counter()
    result = align.align_versions(texts)
    seconds = time.perf_counter() - start
    pairs = predicted_pairs(result, names)
    if only_base:
        pairs = {p for p in pairs if p[0] == 0}
    return pairs, seconds


def hunalign_binary() -> str | None:
    found = os.environ.get("HUNALIGN") or shutil.which("hunalign")
    return found if found and Path(found).is_file() else None


def run_hunalign(binary: str, versions: list[Version]) -> tuple[set[Pair], float]:
    """hunalign aligns two files at a time: the base against each other version, with an
    empty dictionary (it then relies on sentence length and identical words)."""
    pairs: set[Pair] = set()
    seconds = 0.0
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "null.dic"
        empty.write_text("")
        base = Path(folder) / "v0.txt"
        base.write_text("\n".join(s.text for s in versions[0].sentences()) + "\n")
        for b, version in enumerate(versions[1:], 1):
            other = Path(folder) / f"v{b}.txt"
            other.write_text("\n".join(s.text for s in version.sentences()) + "\n")
            start = time.perf_counter()
            # (in the temporary folder: hunalign leaves a translate.txt where it runs)
            out = subprocess.run(
                [binary, "-utf", str(empty), str(base), str(other)],
                capture_output=True,
                text=True,
                check=True,
                cwd=folder,
            ).stdout
            seconds += time.perf_counter() - start
            rungs = [
                tuple(int(x) for x in line.split("\t")[:2])
                for line in out.splitlines()
                if line.strip()
            ]
            for (i0, j0), (i1, j1) in zip(rungs, rungs[1:], strict=False):
                pairs |= {(0, i, b, j) for i in range(i0, i1) for j in range(j0, j1)}
    return pairs, seconds


# -- the experiments ---------------------------------------------------------------------


def sweep(
    seeds: range,
    versions: int,
    paragraphs: int,
    noise: Noise,
    matches: list[float],
    moves: list[float],
) -> dict[tuple[float, float], Score]:
    sets = [corpus(seed, versions, paragraphs, noise) for seed in seeds]
    golds = [gold_pairs(s) for s in sets]
    saved = pairs.MATCH_THRESHOLD, pairs.MOVE_THRESHOLD
    scores: dict[tuple[float, float], Score] = {}
    try:
        for match in matches:
            for move in moves:
                pairs.MATCH_THRESHOLD, pairs.MOVE_THRESHOLD = match, move
                score = Score()
                for versions_, (gold, moved) in zip(sets, golds, strict=True):
                    predicted, seconds = run_ours(versions_)
                    score.add(predicted, gold, moved)
                    score.seconds += seconds
                scores[(match, move)] = score
    finally:
        pairs.MATCH_THRESHOLD, pairs.MOVE_THRESHOLD = saved
    return scores


def compare_hunalign(
    seeds: range, versions: int, paragraphs: int, noise: Noise
) -> tuple[Score, Score | None]:
    binary = hunalign_binary()
    ours, theirs = Score(), Score() if binary else None
    for seed in seeds:
        sets = corpus(seed, versions, paragraphs, noise)
        gold, moved = gold_pairs(sets)
        gold = {p for p in gold if p[0] == 0}
        moved = {p for p in moved if p[0] == 0}
        predicted, seconds = run_ours(sets, only_base=True)
        ours.add(predicted, gold, moved)
        ours.seconds += seconds
        if binary and theirs is not None:
            predicted, seconds = run_hunalign(binary, sets)
            theirs.add(predicted, gold, moved)
            theirs.seconds += seconds
    return ours, theirs


def scaling(counts: list[int], paragraphs: int, noise: Noise) -> list[tuple[int, int, float]]:
    rows = []
    for count in counts:
        sets = corpus(1000 + count, count, paragraphs, noise)
        sentences = sum(len(v.sentences()) for v in sets)
        _, seconds = run_ours(sets)
        rows.append((count, sentences, seconds))
    return rows


def _misspell(rng: random.Random, name: str) -> str:
    """A misspelling or transliteration of one word of a name."""
    words = name.split()
    k = rng.randrange(len(words))
    word = words[k]
    rules = [
        ("cs", "ch"),
        ("w", "v"),
        ("sz", "sh"),
        ("ck", "k"),
        ("ph", "f"),
        ("y", "i"),
        ("ie", "ei"),
        ("j", "y"),
        ("ou", "u"),
        ("aa", "a"),
        ("ski", "sky"),
        ("ov", "off"),
    ]
    applicable = [(a, b) for a, b in rules if a in word.lower()]
    roll = rng.random()
    if applicable and roll < 0.3:
        a, b = rng.choice(applicable)
        at = word.lower().index(a)
        new = word[:at] + (b.upper() if at == 0 else b) + word[at + len(a) :]
        word = new[0].upper() + new[1:]
    else:
        i = rng.randrange(1, len(word))
        how = rng.randrange(4)
        if how == 0 and i < len(word) - 1:
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif how == 1 and len(word) > 4:
            word = word[:i] + word[i + 1 :]
        elif how == 2:
            word = word[:i] + word[i - 1] + word[i:]
        else:
            word = word[:i] + rng.choice("aeioulnrst") + word[i + 1 :]
    words[k] = word
    return " ".join(words)


def names_experiment(seed: int, thresholds: list[float]) -> list[tuple[float, float, float]]:
    """Precision and recall of near-miss matching: misspellings of a name should match it;
    other real names (sharing a first name or a surname with it) should not."""
    rng = random.Random(seed)
    names = sorted({f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(400)})
    positives, negatives = [], []
    for name in names:
        for _ in range(3):
            wrong = _misspell(rng, name)
            if wrong != name and len(min(name.split(), key=len)) >= 3:
                positives.append((wrong, name))
        first, last = name.split()
        others = [n for n in names if n != name and (n.split()[0] == first or n.split()[1] == last)]
        negatives += [(other, name) for other in rng.sample(others, min(3, len(others)))]
        surnames = [n.split()[1] for n in names if n.split()[1] != last]
        negatives.append((rng.choice(surnames), last))  # another surname alone
    rows = []
    for threshold in thresholds:
        tp = sum(1 for a, b in positives if name_similarity(a, b) >= threshold)
        fp = sum(1 for a, b in negatives if name_similarity(a, b) >= threshold)
        recall = tp / len(positives)
        precision = tp / (tp + fp) if tp + fp else 1.0
        rows.append((threshold, precision, recall))
    return rows


# Misspellings that the repository's versions print (the flagship, the planted fixture and
# the basic test root): real text in which every other capitalised word is a negative.
REAL_MISSES = {
    "Thomas Renier",
    "Antropic",
    "Marta Lindquist",
    "Nordgird",
    "Anna Kovach",
    "Pyotr Vasilevsky",
    "Baltic Grid Authorty",
}
REAL_PROJECTS = (
    ("docs/facts.yaml", "seeds"),
    ("tests/fixtures/planted/facts.yaml", "tests/fixtures/planted/seeds"),
    ("tests/roots/test-basic/facts.yaml", "tests/roots/test-basic/seeds"),
)


def real_names_experiment(thresholds: list[float]) -> list[tuple[float, int, int]]:
    """Per threshold: how many of REAL_MISSES are found, and how many other near misses."""
    from briefing.load import load_project

    root = Path(__file__).resolve().parent.parent
    texts: list[tuple[str, list[str], set[str]]] = []
    for facts, seeds in REAL_PROJECTS:
        if not (root / facts).is_file():
            continue
        project, _ = load_project(root / facts, root / seeds)
        forms = [n for e in project.entities.values() for n in e.names]
        own = near_misses.entity_names(project.entities.values())
        texts += [(v.document.text, forms, own) for v in project.versions if v.document]
    saved = near_misses.NEAR_MISS_THRESHOLD
    rows = []
    try:
        for threshold in thresholds:
            near_misses.NEAR_MISS_THRESHOLD = threshold
            found: set[str] = set()
            other = 0
            for text, forms, own in texts:
                for start, end, _, _ in near_misses.NearMisses((text,)).of(forms, own)[0]:
                    piece = text[start:end]
                    if piece in REAL_MISSES:
                        found.add(piece)
                    else:
                        other += 1
            rows.append((threshold, len(found), other))
    finally:
        near_misses.NEAR_MISS_THRESHOLD = saved
    return rows


def suggest_items() -> list[dict[str, Any]]:
    from briefing import pipeline
    from briefing.render import suggest

    root = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "planted"
    result = pipeline.check(root / "facts.yaml", root / "seeds")
    return suggest.items(result.project, result.analysis)


def planted_experiment() -> list[tuple[str, int, int, int, int, int]]:
    """``briefing suggest`` on the planted fixture (tests/fixtures/planted): per kind, the
    errors planted, found, found with the expected form named, and found with the right
    kind; the last row ("all") adds how many listed items match no planted error."""
    import re

    import yaml

    root = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "planted"
    items = suggest_items()
    planted = yaml.safe_load((root / "planted.yaml").read_text("utf-8"))["errors"]
    rows: dict[str, list[int]] = {}
    matched: set[int] = set()
    for error in planted:
        text = (root / "seeds" / f"{error['version']}.txt").read_text("utf-8")
        words = error["found"]
        pattern = (
            (r"(?<!\w)" if words[0].isalnum() else "")
            + re.escape(words)
            + (r"(?!\w)" if words[-1].isalnum() else "")
        )
        start = next(re.finditer(pattern, text)).start()
        end = start + len(words)
        hits = [
            k
            for k, i in enumerate(items)
            if i["source"] == error["version"]
            and i["start"] <= end
            and start <= max(i["end"], i["start"] + 1)
        ]
        row = rows.setdefault(error["kind"], [0, 0, 0, 0])
        row[0] += 1
        if hits:
            matched.update(hits)
            first = items[hits[0]]
            row[1] += 1
            row[2] += (
                bool(first["expected"])
                and error["expected"].casefold() in first["expected"].casefold()
            )
            row[3] += first["kind"] == error["kind"]
    table = [(kind, c[0], c[1], c[2], c[3], 0) for kind, c in sorted(rows.items())]
    total = [sum(r[k] for r in rows.values()) for k in range(4)]
    # The last row's last figure: items listed that match no planted error.
    table.append(("all", total[0], total[1], total[2], total[3], len(items) - len(matched)))
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer and smaller corpora")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "align.md")
    args = parser.parse_args()
    quick = args.quick
    noise = Noise()
    dev, test = (range(0, 4), range(100, 104)) if quick else (range(0, 20), range(100, 120))
    paragraphs = 12 if quick else 25
    lines = [
        "# Sentence alignment: measurements",
        "",
        f"Produced by `benchmarks/align_bench.py{' --quick' if quick else ''}` "
        f"(Python {sys.version.split()[0]}). Synthetic corpora: a base text of "
        f"{paragraphs} paragraphs (1-4 sentences each) and versions derived from it "
        f"(80% of sentences reworded with {noise.reword:.0%} of their words changed, "
        f"{noise.split:.0%} split, {noise.merge:.0%} merged; {noise.drop:.0%} of "
        f"paragraphs dropped, {noise.move:.0%} moved; added paragraphs, some shared by "
        "two versions). A pair of sentences of two versions is correct when both come "
        "from a common base (or added) sentence.",
        "",
    ]
    matches = [35.0, 40.0, 45.0, 50.0, 55.0, 60.0]
    moves = [50.0, 55.0, 60.0, 65.0, 70.0, 75.0]
    levels = {"light": noise, "heavy": Noise(reword=0.4)}
    print("sweeping thresholds…", file=sys.stderr)
    swept = {
        name: sweep(dev, 4, paragraphs, level, matches, moves) for name, level in levels.items()
    }
    mean = {k: sum(s[k].f1 for s in swept.values()) / len(swept) for k in swept["light"]}
    best = max(mean, key=lambda k: (round(mean[k], 4), -abs(k[0] - 45) - abs(k[1] - 60)))
    lines += [
        "## Thresholds (4 versions per corpus, development seeds)",
        "",
        "F1 of aligned sentence pairs, the mean of light rewording (20% of words) and "
        "heavy rewording (40%); rows MATCH_THRESHOLD, columns MOVE_THRESHOLD.",
        "",
        "| match \\ move | " + " | ".join(f"{m:g}" for m in moves) + " |",
        "|---|" + "---|" * len(moves),
    ]
    for match in matches:
        lines.append(
            f"| {match:g} | " + " | ".join(f"{mean[(match, move)]:.3f}" for move in moves) + " |"
        )
    lines += [
        "",
        f"Best on the development seeds: MATCH_THRESHOLD = {best[0]:g}, "
        f"MOVE_THRESHOLD = {best[1]:g}. In use: MATCH_THRESHOLD = "
        f"{pairs.MATCH_THRESHOLD:g}, MOVE_THRESHOLD = {pairs.MOVE_THRESHOLD:g}.",
        "",
    ]
    print("held-out seeds…", file=sys.stderr)
    lines += [
        "## Alignment quality (held-out seeds, thresholds in use)",
        "",
        "| rewording | precision | recall | F1 | recall of moved sentences |"
        " time per corpus of 4 versions |",
        "|---|---|---|---|---|---|",
    ]
    for name, level in levels.items():
        held = sweep(test, 4, paragraphs, level, [pairs.MATCH_THRESHOLD], [pairs.MOVE_THRESHOLD])
        score = held[(pairs.MATCH_THRESHOLD, pairs.MOVE_THRESHOLD)]
        lines.append(
            f"| {name} | {score.precision:.3f} | {score.recall:.3f} | "
            f"{score.f1:.3f} | {score.moved_recall:.3f} | "
            f"{score.seconds / len(test) * 1000:.0f} ms |"
        )
    lines.append("")
    print("hunalign…", file=sys.stderr)
    lines += [
        "## Against hunalign (pairs of the base with each other version)",
        "",
        "| rewording | aligner | precision | recall | F1 | recall of moved sentences | time |",
        "|---|---|---|---|---|---|---|",
    ]
    theirs = None
    for name, level in levels.items():
        ours, theirs = compare_hunalign(test, 4, paragraphs, level)
        rows = [("briefing (analysis/align.py)", ours)]
        if theirs is not None:
            rows.append(("hunalign, empty dictionary", theirs))
        for aligner, s in rows:
            lines.append(
                f"| {name} | {aligner} | {s.precision:.3f} | {s.recall:.3f} | "
                f"{s.f1:.3f} | {s.moved_recall:.3f} | {s.seconds * 1000:.0f} ms |"
            )
    if theirs is None:
        lines += [
            "",
            "hunalign was not found (set `HUNALIGN` to its binary): only briefing's "
            "figures are given.",
        ]
    else:
        lines += [
            "",
            "hunalign is monotonic (no moved sentences) and, without a bilingual "
            "dictionary, scores pairs by length and identical words; its time includes "
            "starting one process per pair of files.",
        ]
    lines.append("")
    print("scaling…", file=sys.stderr)
    counts = [2, 5, 10, 20] if quick else [2, 5, 10, 20, 50]
    lines += [
        "## Time against the number of versions",
        "",
        f"Each version aligned once, to the growing set of rows ({paragraphs} paragraphs "
        "per version).",
        "",
        "| versions | sentences | time | per version |",
        "|---|---|---|---|",
    ]
    for count, sentences, seconds in scaling(counts, paragraphs, noise):
        lines.append(
            f"| {count} | {sentences} | {seconds * 1000:.0f} ms | {seconds / count * 1000:.1f} ms |"
        )
    lines.append("")
    print("names…", file=sys.stderr)
    thresholds = [65.0, 70.0, 75.0, 80.0, 85.0, 90.0]
    lines += [
        "## Near-miss names",
        "",
        "Misspellings and transliterations of one word of a name (positives) against "
        "other names that share its first name or surname (negatives); "
        "`name_similarity` compares the folded names word by word.",
        "",
        "| threshold | precision | recall |",
        "|---|---|---|",
    ]
    real = {t: (found, other) for t, found, other in real_names_experiment(thresholds)}
    lines[-2:] = [
        "| threshold | precision | recall | misspellings found in the repository's "
        f"versions (of {len(REAL_MISSES)}) | other near misses there |",
        "|---|---|---|---|---|",
    ]
    for threshold, precision, recall in names_experiment(7, thresholds):
        mark = " (in use)" if threshold == NEAR_MISS_THRESHOLD else ""
        found, other = real.get(threshold, (0, 0))
        lines.append(
            f"| {threshold:g}{mark} | {precision:.3f} | {recall:.3f} | {found} | {other} |"
        )
    lines.append("")
    print("planted errors…", file=sys.stderr)
    table = planted_experiment()
    _, planted, found, named, kinds, extra = table[-1]
    lines += [
        "## Discrepancies: `briefing suggest` on the planted fixture",
        "",
        "tests/fixtures/planted: a base text and four versions with the errors listed in "
        "planted.yaml, among benign rewording, merged, split and moved sentences and "
        "dropped paragraphs.",
        "",
        "| kind | planted | found | expected form named | kind right |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| {kind} | {p} | {f} | {n} | {k} |" for kind, p, f, n, k, _ in table[:-1]]
    listed = len(suggest_items())
    lines += [
        f"| all | {planted} | {found} | {named} | {kinds} |",
        "",
        f"Recall {found / planted:.3f}; precision {(listed - extra) / listed:.3f} "
        f"({listed} items listed, {extra} matching no planted error).",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
