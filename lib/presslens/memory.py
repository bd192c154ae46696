"""Giving freed memory back to the system between the stages of a long run."""

from __future__ import annotations

import ctypes
import gc

import pyarrow as pa


def release_memory() -> None:
    """Collect garbage, then give the memory freed in pyarrow's pool and in glibc's heap back to the
    system: both keep it otherwise, and a process would carry one stage's high-water mark into the next."""
    gc.collect()
    pa.default_memory_pool().release_unused()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass
