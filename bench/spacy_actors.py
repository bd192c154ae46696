"""spaCy's named entities as an actors table, and spaCy's speed: the reference ``bench/actors.py`` compares with.

    python bench/spacy_actors.py --folder DIR --out actors.csv [--model en_core_web_sm]
    python bench/spacy_actors.py --folder DIR --speed

Runs in any Python that has spaCy and a model (spaCy is not a presslens dependency). Each ``.txt``
file is one article (doc_id: its path without extension). Entities become actors: PERSON → person,
ORG → organization, GPE/LOC/FAC → location; the other labels are not actors. ``--speed`` prints the
words per second of processor time of the model's NER alone (the shared encoder, tagger, parser and
lemmatizer disabled),
one process.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import spacy

TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location", "FAC": "location"}
WORD = re.compile(r"\w+(?:['’-]\w+)*")


def articles(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).with_suffix("").as_posix(): path.read_text("utf-8", errors="replace")
            for path in sorted(folder.rglob("*.txt"))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--speed", action="store_true")
    args = parser.parse_args()
    texts = articles(args.folder)
    if args.speed:
        # the entity recogniser of the trained pipelines has a token encoder of its own: the shared one is not needed
        nlp = spacy.load(args.model, disable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
        words = sum(len(WORD.findall(text)) for text in texts.values())
        started, processor_started = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts.values(), batch_size=32):
            pass
        seconds, processor_seconds = time.perf_counter() - started, time.process_time() - processor_started
        print(json.dumps({"words": words, "seconds": seconds, "processor_seconds": processor_seconds,
                          "words_per_second": words / processor_seconds,
                          "model": args.model, "spacy": spacy.__version__}))
        return 0
    nlp = spacy.load(args.model)
    with args.out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["doc_id", "actor", "type", "mentions"])
        for (doc_id, text), doc in zip(texts.items(), nlp.pipe(texts.values())):
            counts = Counter((ent.text.strip(), TYPES[ent.label_]) for ent in doc.ents if ent.label_ in TYPES)
            for (actor, kind), mentions in counts.items():
                writer.writerow([doc_id, actor, kind, mentions])
    return 0


if __name__ == "__main__":
    sys.exit(main())
