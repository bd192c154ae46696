"""Files that would exhaust the machine: archives that inflate to hundreds of megabytes, reading that never ends."""

from __future__ import annotations

import io
import os
import resource
import struct
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from presslens.corpus import load_corpus, skipped_table
from presslens.corpus.limits import LimitExceeded, Limits, time_limit

INFLATED_MB = 200


def write_bomb(archive: zipfile.ZipFile, name: str, megabytes: int = INFLATED_MB) -> None:
    """A part of ``megabytes`` of spaces: about 1/450 of that once deflated (level 1, fast to write)."""
    block = b" " * 2**20
    with archive.open(name, "w", force_zip64=True) as part:
        for _ in range(megabytes):
            part.write(block)


def hostile_corpus(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    with zipfile.ZipFile(folder / "report.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        write_bomb(archive, "word/document.xml")
    with zipfile.ZipFile(folder / "articles.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("001.txt", "Harbour wall repaired\n\nEngineers finished the wall on Wednesday.\n")
        write_bomb(archive, "002.txt")
    (folder / "story.txt").write_text("Ferry service resumes\n\nThe ferry runs again from March, its operator said.\n")
    return folder


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return hostile_corpus(tmp_path_factory.mktemp("hostile"))


def test_hostile_archives_are_small_on_disk_and_skipped_with_the_reason(hostile):
    assert all(path.stat().st_size < 2 * 2**20 for path in hostile.iterdir())
    corpus = load_corpus(hostile)
    assert corpus.doc_ids == ["story"]
    reasons = dict(zip(skipped_table(corpus).path, skipped_table(corpus).reason))
    assert set(reasons) == {"report.docx", "articles.zip"}
    assert all(f"inflates to {INFLATED_MB} MB" in reason and "max_part_bytes" in reason for reason in reasons.values())


def test_the_whole_export_command_stays_within_time_and_memory(hostile, tmp_path):
    started = time.monotonic()
    result = subprocess.run(
        [str(Path(sys.executable).with_name("presslens")), "export", "articles", "--corpus", str(hostile), "--out",
         str(tmp_path / "articles.csv")], capture_output=True, text=True, env=os.environ, timeout=120,
    )
    seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kilobytes on Linux
    assert result.returncode == 0, result.stderr
    assert seconds < 60 and peak_mb < 1536
    assert (tmp_path / "articles.csv").read_text().count("\n") >= 2


def test_a_ratio_limit_refuses_a_part_that_is_small_enough_but_compressed_too_much(tmp_path):
    with zipfile.ZipFile(tmp_path / "notes.odt", "w", zipfile.ZIP_DEFLATED) as archive:
        write_bomb(archive, "content.xml", megabytes=20)
    corpus = load_corpus(tmp_path)
    (reason,) = skipped_table(corpus).reason
    assert "max_ratio" in reason and "notes.odt" == skipped_table(corpus).path[0]


def test_a_tar_gz_member_too_large_is_refused_from_its_header(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        member = tarfile.TarInfo("huge.txt")
        member.size = 80 * 2**20
        archive.addfile(member, io.BytesIO(b" " * member.size))
    (tmp_path / "news.tar.gz").write_bytes(buffer.getvalue())
    (reason,) = skipped_table(load_corpus(tmp_path)).reason
    assert "huge.txt inflates to 80 MB" in reason


def test_a_zip_that_declares_smaller_sizes_than_it_holds_is_not_inflated_past_them(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        write_bomb(archive, "001.txt", megabytes=100)
    declared = bytearray(buffer.getvalue())
    true_size, small = struct.pack("<I", 100 * 2**20), struct.pack("<I", 1000)
    assert declared.count(true_size) == 2  # the local header and the central directory
    (tmp_path / "liar.zip").write_bytes(bytes(declared).replace(true_size, small))
    started = time.monotonic()
    (reason,) = skipped_table(load_corpus(tmp_path)).reason
    assert "cannot open the archive" in reason and "CRC" in reason
    assert time.monotonic() - started < 5


def test_reading_that_takes_too_long_is_abandoned():
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="took longer than 0.2 s"):
        with time_limit(0.2, "slow.pdf"):
            time.sleep(5)
    assert time.monotonic() - started < 2


def test_limits_must_be_positive():
    with pytest.raises(ValueError, match="max_ratio must be positive"):
        Limits(max_ratio=0)
