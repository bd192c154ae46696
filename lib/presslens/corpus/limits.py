"""Limits on what reading one file may cost, checked before anything is inflated.

Word, OpenDocument and Excel files are zip archives of XML parts, and so are the ``.zip`` folders
researchers pass around: a few kilobytes of zip can inflate to gigabytes. Before any part is inflated,
the size it declares and its compression ratio are checked against :class:`Limits`; Python's
:mod:`zipfile` never inflates a part beyond the size it declares (the CRC check fails first), so the
check bounds what every XML parser after it reads. A ``.tar.gz`` states its sizes only inside the
compressed stream: it is inflated as a stream, counting, and abandoned at the first limit passed. A
file whose reading takes longer than ``seconds_per_file`` is abandoned and listed with the others
skipped.

========================  ==========  ===============================================================
setting                   default     what it bounds
========================  ==========  ===============================================================
``max_part_bytes``        50 MB       one part of an archive (an XML part of a ``.docx``, a file of a
                                      ``.zip``) once inflated
``max_ratio``             100         inflated size / compressed size of a part larger than
                                      ``ratio_floor_bytes`` (XML compresses 5-20 times, a bomb 1000)
``ratio_floor_bytes``     1 MB        parts smaller than this are never refused for their ratio
``max_total_bytes``       200 MB      all the parts of one archive together, once inflated
``max_members``           10,000      files in one archive
``seconds_per_file``      120         reading one file (where the reading runs in a process's main
                                      thread: one process or ``--jobs``; not inside Dask's threads)
========================  ==========  ===============================================================
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import lzma
import signal
import tarfile
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

MB = 2**20


class LimitExceeded(ValueError):
    """A file that would cost more to read than a :class:`Limits` setting allows."""


@dataclass(frozen=True)
class Limits:
    """What reading one file may cost (see the module's table of settings)."""

    max_part_bytes: int = 50 * MB
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 1 * MB
    max_total_bytes: int = 200 * MB
    max_members: int = 10_000
    seconds_per_file: float = 120.0

    def __post_init__(self):
        for name in ("max_part_bytes", "max_ratio", "ratio_floor_bytes", "max_total_bytes", "max_members",
                     "seconds_per_file"):
            if getattr(self, name) <= 0:
                raise ValueError(f"limit {name} must be positive, not {getattr(self, name)!r}")

    def check_part(self, name: str, size: int, compressed: int) -> None:
        """Refuse a part of ``size`` bytes once inflated from ``compressed`` bytes.

        Raises
        ------
        LimitExceeded
            When the part is larger than ``max_part_bytes`` or inflates more than ``max_ratio`` times.
        """
        if size > self.max_part_bytes:
            raise LimitExceeded(f"{name} inflates to {size / MB:,.0f} MB, more than the {self.max_part_bytes / MB:,.0f} MB "
                                "a part may (max_part_bytes): not read; unpack it and check what it holds")
        self.check_ratio(name, size, compressed)

    def check_ratio(self, name: str, size: int, compressed: int) -> None:
        """Refuse ``size`` bytes inflated from ``compressed`` bytes when that is more than ``max_ratio`` times.

        Raises
        ------
        LimitExceeded
            When the ratio passes the limit (and ``size`` the ``ratio_floor_bytes``).
        """
        if size > self.ratio_floor_bytes and size > self.max_ratio * max(compressed, 1):
            raise LimitExceeded(f"{name} inflates {size / max(compressed, 1):,.0f} times (to {size / MB:,.0f} MB), more "
                                f"than the {self.max_ratio:,.0f} times a part may (max_ratio): not read, as a "
                                "decompression bomb")


def checked_zip(raw: bytes, limits: Limits) -> zipfile.ZipFile:
    """The zip archive of ``raw``, every part's declared size checked before anything is inflated.

    Raises
    ------
    LimitExceeded
        When a part, or all of them together, passes a limit.
    zipfile.BadZipFile
        When ``raw`` is not a zip archive.
    """
    archive = zipfile.ZipFile(io.BytesIO(raw))
    members = archive.infolist()
    if len(members) > limits.max_members:
        raise LimitExceeded(f"the archive holds {len(members):,} files, more than {limits.max_members:,} (max_members): "
                            "split it")
    total = 0
    for member in members:
        limits.check_part(member.filename, member.file_size, member.compress_size)
        total += member.file_size
    if total > limits.max_total_bytes:
        raise LimitExceeded(f"the archive inflates to {total / MB:,.0f} MB, more than the "
                            f"{limits.max_total_bytes / MB:,.0f} MB allowed (max_total_bytes): split it")
    return archive


def check_zip_parts(raw: bytes, limits: Limits) -> None:
    """Check the parts of a zip-based document (``.docx``, ``.odt``, ``.xlsx``…) before a library opens it."""
    checked_zip(raw, limits).close()


def tar_members(raw: bytes, limits: Limits) -> Iterator[tuple[str, bytes]]:
    """(name, content) of every regular file of a ``.tar``/``.tar.gz``, inflated as a stream within the limits.

    Raises
    ------
    LimitExceeded
        As soon as a member, the count of members or the inflated total passes a limit.
    tarfile.TarError
        When ``raw`` is not a tar archive.
    """
    counted = _CountingReader(_inflating(raw), compressed=len(raw), limits=limits)
    with tarfile.open(fileobj=counted, mode="r|") as archive:
        for number, member in enumerate(archive, start=1):
            if number > limits.max_members:
                raise LimitExceeded(f"the archive holds more than {limits.max_members:,} files (max_members): split it")
            if member.isfile():
                limits.check_part(member.name, member.size, member.size)
                yield member.name, archive.extractfile(member).read()


def _inflating(raw: bytes) -> io.RawIOBase | io.BufferedIOBase:
    """A stream of the content of ``raw``, inflated as it is read when gzip, bzip2 or xz compressed it."""
    stream = io.BytesIO(raw)
    if raw.startswith(b"\x1f\x8b"):
        return gzip.GzipFile(fileobj=stream)
    if raw.startswith(b"BZh"):
        return bz2.BZ2File(stream)
    if raw.startswith(b"\xfd7zXZ\x00"):
        return lzma.LZMAFile(stream)
    return stream


class _CountingReader(io.RawIOBase):
    """A stream for :mod:`tarfile` that stops once what it inflated passes the total or ratio limits."""

    def __init__(self, stream, *, compressed: int, limits: Limits):
        self._stream, self._compressed, self._limits, self._inflated = stream, compressed, limits, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        size = self._stream.readinto(buffer)
        self._inflated += size
        if self._inflated > self._limits.max_total_bytes:
            raise LimitExceeded(f"the archive inflates to more than {self._limits.max_total_bytes / MB:,.0f} MB "
                                "(max_total_bytes): split it")
        self._limits.check_ratio("the archive", self._inflated, self._compressed)
        return size


@contextlib.contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Abandon the block with :class:`LimitExceeded` after ``seconds`` (in a main thread; elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def abandon(signum, frame):
        raise LimitExceeded(f"reading {what} took longer than {seconds:g} s (seconds_per_file): abandoned; "
                            "split the file or raise the limit")

    previous = signal.signal(signal.SIGALRM, abandon)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
