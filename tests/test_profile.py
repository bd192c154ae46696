"""Article profiles: one article's profile is its part of the whole corpus's profiles."""

from __future__ import annotations

import pandas as pd

from presslens import article_profile
from presslens.profile import article_profiles


def test_one_profile_equals_its_part_of_all_profiles(seed_corpus):
    everyone = {profile.article.doc_id: profile for profile in article_profiles(seed_corpus)}
    doc_id = seed_corpus.doc_ids[1]
    alone = article_profile(seed_corpus, doc_id)
    together = everyone[doc_id]
    assert len(alone.themes) and len(alone.key_sentences) and len(alone.distinctive)
    for part in ("distinctive", "key_sentences", "actors", "themes", "evidence"):
        pd.testing.assert_frame_equal(getattr(alone, part).reset_index(drop=True),
                                      getattr(together, part).reset_index(drop=True), obj=part)


def test_no_articles_no_profiles(seed_corpus):
    assert list(article_profiles(seed_corpus, [])) == []
