"""NLTK data: find what is installed, download what is missing, explain what cannot be had.

presslens needs a handful of NLTK data packages. They are looked up on NLTK's own search path
(``NLTK_DATA`` first). ``presslens setup`` downloads the missing ones into the active Python
environment; notebooks and the library never download, they only check and explain.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nltk

from presslens.errors import MissingNLTKData

#: NLTK package id -> resource path that proves it is installed.
REQUIRED_PACKAGES: dict[str, str] = {
    "punkt_tab": "tokenizers/punkt_tab/english/",
    "stopwords": "corpora/stopwords/english",
    "wordnet": "corpora/wordnet",
    "words": "corpora/words/en",
    "names": "corpora/names/male.txt",
}


def missing_packages() -> list[str]:
    """Return the ids of the required NLTK packages that NLTK cannot find."""
    _refresh_search_path()
    missing = []
    for package, resource in REQUIRED_PACKAGES.items():
        try:
            nltk.data.find(resource)
        except LookupError:
            missing.append(package)
    return missing


def require_nltk_data() -> None:
    """Raise :class:`MissingNLTKData` unless every required package is installed. Never downloads."""
    missing = missing_packages()
    if missing:
        raise MissingNLTKData(missing)


def ensure_nltk_data(*, download_dir: str | os.PathLike | None = None, quiet: bool = True) -> list[str]:
    """Download the required packages that are missing; return the ids downloaded.

    Parameters
    ----------
    download_dir
        Where to put downloads. Default: ``<python environment>/nltk_data``, which NLTK searches,
        so the data lives and dies with the environment.
    quiet
        Silence NLTK's downloader output.

    Raises
    ------
    MissingNLTKData
        When a package is still missing after trying to download it (for example, offline).
    """
    missing = missing_packages()
    if not missing:
        return []
    target = Path(download_dir) if download_dir else Path(sys.prefix) / "nltk_data"
    target.mkdir(parents=True, exist_ok=True)
    for package in missing:
        try:
            nltk.download(package, download_dir=str(target), quiet=quiet, raise_on_error=True)
        except Exception:  # noqa: BLE001 - offline or server errors all end in the check below
            pass
    if str(target) not in nltk.data.path:
        nltk.data.path.append(str(target))
    still_missing = missing_packages()
    if still_missing:
        raise MissingNLTKData(still_missing)
    return missing


def _refresh_search_path() -> None:
    """Put the folders of ``NLTK_DATA`` at the front of NLTK's search path (it reads them at import)."""
    for folder in reversed(os.environ.get("NLTK_DATA", "").split(os.pathsep)):
        if folder and folder not in nltk.data.path:
            nltk.data.path.insert(0, folder)
