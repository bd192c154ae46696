"""Score found quotations against gold ones by shared words, as PolNeAR attributions are scored.

A found quotation matches a gold content when the words they share (a multiset of lower-cased words)
cover at least ``threshold`` of the longer of the two; matches are one-to-one, best overlap first. The
speaker is right when it (or the actor it was resolved to) shares a word with the gold source, function
words aside.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

WORD = re.compile(r"\w+")
FUNCTION_WORDS = frozenset("the a an of and to in on for at s its his her their our".split())
THRESHOLDS = {"loose": 0.3, "strict": 0.8}


def words(text: str) -> list[str]:
    return WORD.findall((text or "").lower())


def overlap(found: list[str], gold: list[str]) -> float:
    if not found or not gold:
        return 0.0
    return sum((Counter(found) & Counter(gold)).values()) / max(len(found), len(gold))


def match_scores(found: dict[str, list[tuple[list[str], list[str]]]],
                 gold: dict[str, list[tuple[list[str], list[str] | None]]]) -> pd.DataFrame:
    """Precision, recall, F1 and speaker accuracy per threshold.

    ``found`` and ``gold`` map a document to its ``(quote words, speaker words)``; a gold speaker of
    ``None`` (no source annotated) is left out of speaker accuracy. Documents without gold are ignored.
    """
    rows = []
    for name, threshold in THRESHOLDS.items():
        tp = n_found = n_gold = speaker_right = speaker_n = 0
        for doc, items in gold.items():
            predicted = found.get(doc, [])
            n_found += len(predicted)
            n_gold += len(items)
            pairs = sorted(((overlap(q, g), i, j) for i, (q, _) in enumerate(predicted)
                            for j, (g, _) in enumerate(items)), reverse=True)
            used_found, used_gold = set(), set()
            for score, i, j in pairs:
                if score < threshold:
                    break
                if i in used_found or j in used_gold:
                    continue
                used_found.add(i)
                used_gold.add(j)
                tp += 1
                gold_speaker = items[j][1]
                if gold_speaker:
                    speaker_n += 1
                    speaker_right += speaker_matches(predicted[i][1], gold_speaker)
        precision = tp / n_found if n_found else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows.append({"match": f"{name} (>= {threshold:.0%})", "precision": precision, "recall": recall, "f1": f1,
                     "speaker": speaker_right / speaker_n if speaker_n else 0.0,
                     "matched": tp, "found": n_found, "gold": n_gold})
    return pd.DataFrame(rows).set_index("match").round(3)


def speaker_matches(found: list[str], gold: list[str]) -> bool:
    content = set(gold) - FUNCTION_WORDS
    return bool(content & set(found)) if content else bool(set(gold) & set(found))


def score_texts(texts, *, model=None) -> pd.DataFrame:
    """Scores of the tagger alone on annotated PolNeAR texts (each read as one line per paragraph)."""
    from presslens.quotes.sequences import text_paragraphs
    from presslens.quotes.tagger import tagged_quotations

    options = {} if model is None else {"model": model}
    found, gold = {}, {}
    for annotated in texts:
        text = annotated.text
        quotations = tagged_quotations(text, text_paragraphs(text), **options)
        found[annotated.name] = [
            (words(" ".join(text[a:b] for a, b in q.pieces)), words(text[slice(*q.source)]) if q.source else [])
            for q in quotations
        ]
        gold[annotated.name] = [
            (words(" ".join(text[a:b] for a, b in g.content)),
             words(" ".join(text[a:b] for a, b in g.source)) or None)
            for g in annotated.attributions
        ]
    return match_scores(found, gold)
