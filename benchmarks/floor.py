"""What any check must spend on one corpus, before it decides anything.

``briefing check`` reads the fact file, and compares the versions word by word. This
measures, on the same corpus and in the same process, the least of that work written
as plainly as Python allows, so that the check's own time can be read against it:

* *parse*: the fact file parsed by libyaml (``yaml.CSafeLoader``), nothing else;
* *schema*: the parsed file validated against the fact file's JSON Schema;
* *words*: every word of every version found, as (word, start, end) tuples;
* *keys*: the same, with each word's comparison key (``discrepancies.normalise``, cached);
* *diff*: each version's keys compared with the first version's by
  ``rapidfuzz.distance.Levenshtein.opcodes`` (in C), the comparison itself.

Run it from the project folder, on a corpus of ``benchmarks/corpus.py``::

    .venv/bin/python benchmarks/floor.py benchmarks/_work/check-100x100x1000

It prints one JSON line of CPU seconds.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.discrepancies import _TOKEN, normalise  # noqa: E402
from briefing.validate import check_schema  # noqa: E402


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.process_time()
    result = work()
    return time.process_time() - start, result


def main() -> None:
    root = Path(sys.argv[1])
    facts = root / "docs" / "facts.yaml"
    text = facts.read_text("utf-8")
    versions = [p.read_text("utf-8") for p in sorted((root / "seeds").iterdir())]
    gc.disable()  # as the check does
    spent: dict[str, float] = {}
    spent["parse"], data = timed(lambda: yaml.load(text, Loader=yaml.CSafeLoader))
    spent["schema"], _ = timed(lambda: check_schema(data, {}, facts))
    spent["words"], _ = timed(lambda: [[(m.group(), m.start(), m.end())
                                        for m in _TOKEN.finditer(v)] for v in versions])
    normalise.cache_clear()
    spent["keys"], keys = timed(lambda: [[(m.group(), m.start(), m.end(), normalise(m.group()))
                                          for m in _TOKEN.finditer(v)] for v in versions])
    plain = [[k for *_, k in words] for words in keys]
    spent["diff"], _ = timed(lambda: [Levenshtein.opcodes(words, plain[0])
                                      for words in plain[1:]])
    words = sum(len(k) for k in keys)
    print(json.dumps({"versions": len(versions), "words": words,
                      "characters": sum(map(len, versions)),
                      **{k: round(v, 3) for k, v in spent.items()},
                      "floor": round(spent["parse"] + spent["schema"] + spent["keys"]
                                     + spent["diff"], 3)}))


if __name__ == "__main__":
    main()
