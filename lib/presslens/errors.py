"""The errors presslens reports to its users: each says what is wrong and what to do about it."""

from __future__ import annotations


class CorpusNotFound(FileNotFoundError):
    """The corpus path does not exist."""


class ReportError(ValueError):
    """A report cannot start: the corpus, output folder or parameters are wrong."""


class MissingNLTKData(RuntimeError):
    """NLTK data packages are missing and cannot be downloaded."""

    def __init__(self, packages: list[str]):
        self.packages = packages
        listed = " ".join(packages)
        super().__init__(
            f"NLTK data missing: {listed}.\n"
            f"  Online: run `presslens setup` (or `make reports`), which downloads them.\n"
            f"  Offline: copy an NLTK data folder that holds them to this machine and set "
            f"NLTK_DATA=/path/to/nltk_data,\n"
            f"  or on a machine with network run `python -m nltk.downloader -d DIR {listed}` "
            f"and bring DIR here."
        )


#: What the command line shows as a one-line error (exit status 2) rather than a traceback.
USER_ERRORS = (CorpusNotFound, ReportError, MissingNLTKData, ValueError)
