"""A spaCy pipeline with the architecture of ``en_core_web_sm``'s named-entity recogniser, for timing only.

    python bench/spacy_sm_like.py --out DIR      # in a Python with spaCy; then
    python bench/actors.py --spacy-python PYTHON --spacy-model DIR --spacy-speed-only

Where the trained model cannot be downloaded (it is not on PyPI), its speed can still be measured: a
network's speed depends on its shape, not on its weights. The shape is that of the entity recogniser of
spaCy 3's small English models: its own hash-embedding CNN (width 96, depth 4, window 1, maxout 3) feeding
a transition-based entity parser (hidden width 64, maxout 2) with the 18 OntoNotes labels. Its entities are
meaningless: it is initialised, not trained.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from thinc.api import Config

ONTONOTES = ("CARDINAL DATE EVENT FAC GPE LANGUAGE LAW LOC MONEY NORP ORDINAL ORG PERCENT PERSON PRODUCT "
             "QUANTITY TIME WORK_OF_ART").split()

CONFIG = """
[nlp]
lang = "en"
pipeline = ["ner"]

[components]

[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.ner.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [5000, 1000, 2500, 2500]
include_static_vectors = false

[components.ner.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    nlp = spacy.util.load_model_from_config(Config().from_str(CONFIG), auto_fill=True, validate=True)
    ner = nlp.get_pipe("ner")
    for label in ONTONOTES:
        ner.add_label(label)
    nlp.initialize()
    nlp.to_disk(args.out)
    print(f"{args.out}: {', '.join(nlp.pipe_names)} with {len(ner.labels)} labels")


if __name__ == "__main__":
    main()
