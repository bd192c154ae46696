"""Names that changed: the former ones keep working for one release, with a ``DeprecationWarning`` naming the new.

- :func:`former_name` — a function under its former name;
- :func:`former_keywords` — a function that still accepts the former names of its keyword arguments;
- :func:`current_value` — a parameter value under its current name (a measure, say);
- :func:`corpus_first` — a function that now takes the corpus first and still accepts ``f(table, corpus=corpus)``;
  :func:`corpus_then_table` — the same for ``f(table, corpus)``.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Mapping


def warn_deprecated(message: str, *, stacklevel: int = 3) -> None:
    """A ``DeprecationWarning`` that points at the line calling the function that called this one."""
    warnings.warn(message, DeprecationWarning, stacklevel=stacklevel)


def former_name(function: Callable, name: str) -> Callable:
    """``function`` under its former ``name``: the same call, with a warning that names the current one."""
    @functools.wraps(function)
    def under_former_name(*args, **kwargs):
        warn_deprecated(f"{name} is deprecated: use {function.__name__}, which takes the same arguments")
        return function(*args, **kwargs)
    under_former_name.__name__ = under_former_name.__qualname__ = name
    under_former_name.__doc__ = f"Deprecated: the former name of :func:`{function.__name__}`."
    return under_former_name


def former_keywords(**current: str) -> Callable[[Callable], Callable]:
    """Accept each former keyword (``former="current"``) as its current name, with a warning."""
    def decorate(function: Callable) -> Callable:
        @functools.wraps(function)
        def accepting_former_keywords(*args, **kwargs):
            for former, name in current.items():
                if former not in kwargs:
                    continue
                if name in kwargs:
                    raise TypeError(f"{function.__name__}() got {former}= and {name}=: pass {name}= alone")
                warn_deprecated(f"{function.__name__}({former}=…) is deprecated: use {name}=")
                kwargs[name] = kwargs.pop(former)
            return function(*args, **kwargs)
        return accepting_former_keywords
    return decorate


def current_value(value: str, former: Mapping[str, str], *, parameter: str) -> str:
    """``value``, or the current name of a former one (``former`` maps former names to current), with a warning."""
    if value in former:
        warn_deprecated(f"{parameter}={value!r} is deprecated: use {parameter}={former[value]!r}")
        return former[value]
    return value


def corpus_first(function: Callable) -> Callable:
    """Accept the former call ``function(table, corpus=corpus, …)`` of a function that now takes the corpus
    first, ``function(corpus, table, …)``, with a warning."""
    @functools.wraps(function)
    def accepting_corpus_keyword(*args, **kwargs):
        if args and "corpus" in kwargs:
            warn_deprecated(f"{function.__name__}(table, corpus=corpus) is deprecated: pass the corpus first, "
                            f"{function.__name__}(corpus, table)")
            args = (kwargs.pop("corpus"), *args)
        return function(*args, **kwargs)
    return accepting_corpus_keyword


def corpus_then_table(first, second, corpus_type: type, *, name: str) -> tuple:
    """``(corpus, table)``: the first two arguments of ``name``, which now takes the corpus first, given in either
    order (the former order, table first, with a warning)."""
    if isinstance(first, corpus_type) or not isinstance(second, corpus_type):
        return first, second
    warn_deprecated(f"{name}(table, corpus) is deprecated: pass the corpus first, {name}(corpus, table)", stacklevel=4)
    return second, first
