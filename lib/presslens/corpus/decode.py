"""From a file's bytes to clean Unicode text: encodings, mojibake, HTML entities, invisible characters."""

from __future__ import annotations

import codecs
import html
import re

import ftfy

#: Control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F), newline and tab excepted…
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: …and carriage return and page break excepted too: the controls no text file holds, signs of binary data.
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
#: What ftfy repairs: mojibake and the like; quotes, line breaks, HTML entities and full-width characters
#: (Chinese punctuation，：；) stay as they are.
_REPAIRS = ftfy.TextFixerConfig(unescape_html=False, normalization="NFC", fix_line_breaks=False, uncurl_quotes=False,
                                fix_character_width=False)
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
#: Written-out HTML entities (``&gt;``, ``&#8217;``…) that scrapers leave in saved text.
_ENTITY = re.compile(r"&(#\d{2,6}|#x[0-9a-f]{2,5}|[a-z]{2,8});", re.IGNORECASE)


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode a file's bytes; return the text and the encoding used.

    UTF-8 (with or without BOM) first, UTF-16 with a BOM or, for text without one, when its NUL
    bytes say so; then cp1252, cp1251 (Cyrillic) or GB18030, whichever reads the bytes as plausible text.

    Raises
    ------
    UnicodeError
        When the bytes are binary or no encoding reads them.
    """
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw[:8192]:
        return _decode_utf16_without_bom(raw)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = {}
    for encoding in ("cp1252", "gb18030"):
        try:
            candidates[encoding] = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise UnicodeError("unknown encoding (not UTF-8, UTF-16, cp1252, cp1251 or GB18030): convert the file to UTF-8")
    samples = {encoding: text[:20000] for encoding, text in candidates.items()}
    if len(candidates) == 2 and _looks_chinese(samples["gb18030"]) and _looks_mojibake(samples["cp1252"]):
        return candidates["gb18030"], "gb18030"
    if "cp1252" in candidates and _looks_cyrillic_as_latin(samples["cp1252"]):
        try:
            return raw.decode("cp1251"), "cp1251"
        except UnicodeDecodeError:
            pass
    encoding = next(iter(candidates))
    return candidates[encoding], encoding


def _decode_utf16_without_bom(raw: bytes) -> tuple[str, str]:
    """Decode bytes with NULs as UTF-16 without a byte-order mark, or raise that they are binary.

    In such text the NULs (high bytes of ASCII characters) are all at odd offsets (little-endian) or
    all at even ones (big-endian), and the text has no control characters.
    """
    binary = UnicodeError("binary file (contains NUL bytes): not a text article")
    sample = raw[:8192]
    nul_even, nul_odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(raw) % 2 or (nul_even and nul_odd):
        raise binary
    encoding = "utf-16-le" if nul_odd else "utf-16-be"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        raise binary from None
    if _BINARY_CONTROL.search(text, 0, 4096):
        raise binary
    return text, encoding


def _looks_chinese(text: str) -> bool:
    non_ascii = [ch for ch in text if ord(ch) > 127]
    han = sum(1 for ch in non_ascii if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return bool(non_ascii) and han / len(non_ascii) > 0.8


def _looks_mojibake(text: str) -> bool:
    """True when most non-ASCII characters stand next to another one (how multibyte text reads as cp1252)."""
    flags = [ord(ch) > 127 for ch in text]
    total = sum(flags)
    if not total:
        return False
    paired = sum(
        1 for i, flag in enumerate(flags) if flag and ((i > 0 and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1]))
    )
    return paired / total > 0.5


def _looks_cyrillic_as_latin(text: str) -> bool:
    """True when most letters are accented Latin ones: no Western language writes so, Cyrillic read as cp1252 does."""
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if "\u00c0" <= ch <= "\u00ff")
    return bool(letters) and accented / len(letters) > 0.6


#: A quotation mark escaped with a backslash (``China\'s``), as scrapers that write Python or JSON strings
#: into CSV cells leave it: the backslash is not the writer's.
_ESCAPED_QUOTE = re.compile(r"\\(['\"’])")


def normalize_text(text: str) -> str:
    """Text as analyses want it: mojibake repaired, HTML entities decoded, quotation marks unescaped,
    Unicode NFC, one kind of newline, no invisible or stray control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() or _CONTROL.search(text):  # ftfy changes nothing in plain ASCII text
        text = ftfy.fix_text(text, config=_REPAIRS)
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = _ESCAPED_QUOTE.sub(r"\1", text)
    text = _INVISIBLE.sub("", text)
    return _CONTROL.sub("", text)



#: Longer texts are skipped: about 160,000 words, ten times the longest news features. Sentence
#: splitting and actor extraction stay linear in length, but one such "article" would dominate every
#: count, and pairing all of its actors (the article window) grows with the square of their number.
MAX_ARTICLE_CHARS = 1_000_000


def check_plain_text(text: str) -> str | None:
    """Return why ``text`` cannot be an article's text (too long, empty, binary), or None when it can."""
    if len(text) > MAX_ARTICLE_CHARS:
        return (
            f"too long for one article ({len(text):,} characters; presslens reads up to {MAX_ARTICLE_CHARS:,}): "
            "if it holds several articles, save each in its own file or table row"
        )
    if not text.strip():
        return "empty file"
    sample = text[:20000]
    controls = len(_BINARY_CONTROL.findall(sample))
    if controls > max(5, len(sample) // 100):
        return "binary data (control characters), not article text"
    return None
