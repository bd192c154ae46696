"""NLTK data: found where NLTK looks, downloaded only by setup, a clear message when it cannot be had."""

from __future__ import annotations

import nltk
import pytest

from presslens import resources
from presslens.cli import main


def test_everything_needed_is_installed_here():
    assert resources.missing_packages() == []


@pytest.fixture
def empty_nltk_path(monkeypatch, tmp_path):
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    monkeypatch.setenv("NLTK_DATA", str(tmp_path))
    return tmp_path


def test_missing_data_is_listed_with_what_to_do(empty_nltk_path):
    with pytest.raises(resources.MissingNLTKData) as error:
        resources.require_nltk_data()
    message = str(error.value)
    for package in resources.REQUIRED_PACKAGES:
        assert package in message
    assert "presslens setup" in message and "NLTK_DATA" in message


def test_offline_setup_exits_2_with_the_message(empty_nltk_path, monkeypatch, capsys):
    calls = []

    def offline_download(package, **kwargs):
        calls.append(package)
        raise OSError("network unreachable")

    monkeypatch.setattr(nltk, "download", offline_download)
    assert main(["setup", "--download-dir", str(empty_nltk_path / "dl")]) == 2
    assert sorted(calls) == sorted(resources.REQUIRED_PACKAGES)
    assert "NLTK data missing" in capsys.readouterr().err


def test_setup_downloads_only_what_is_missing(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(nltk, "download", lambda package, **kwargs: calls.append(package))
    assert resources.ensure_nltk_data(download_dir=tmp_path) == []
    assert calls == []


def test_resources_shared_by_every_caller_are_read_only():
    from presslens.actors import load_gazetteer
    from presslens.corpus.cleaning import boilerplate_rules
    from presslens.languages.detect import stopword_languages
    from presslens.languages.en import wordnet_nouns

    gazetteer = load_gazetteer()
    shared = [gazetteer.entries, gazetteer.index, gazetteer.lengths, gazetteer.names_in("zh"), boilerplate_rules(),
              boilerplate_rules()["outlets"], stopword_languages(), wordnet_nouns()[1]]
    for mapping in shared:
        with pytest.raises(TypeError):
            mapping["changed by a caller"] = "everyone"
    assert load_gazetteer() is gazetteer and "China" in gazetteer.entries
