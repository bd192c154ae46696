"""The public grammar: every name that ``presslens`` exports is what its module defines, whatever was imported before."""

from __future__ import annotations

import importlib
import inspect

import presslens


def test_no_module_hides_a_public_name():
    """Importing ``presslens.x`` sets the attribute ``x`` of the package: a module named like a public function
    would replace that function for every later ``from presslens import x``."""
    for module in presslens._PUBLIC:
        importlib.import_module(module)
    for name in presslens.__all__:
        value = getattr(presslens, name)
        assert not inspect.ismodule(value), f"presslens.{name} is a module, not the function or class it exports"
    assert presslens.term_counts is importlib.import_module("presslens.counts").term_counts
