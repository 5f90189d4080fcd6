"""plancheck's dataclasses, with the methods a run never calls left unwritten.

For each dataclass, :mod:`dataclasses` writes the source of ``__init__``,
``__repr__``, ``__eq__`` (and for a frozen one ``__setattr__``,
``__delattr__`` and ``__hash__``) and compiles it as the class is defined:
about a third of a millisecond a class, some 10 ms of a short run for the
thirty-odd classes it defines, though most of those methods are never called
(a report never shows an object's ``repr``). :func:`install`, run by the
program before it imports the rest of plancheck, has dataclasses hand each
method but ``__init__`` of plancheck's own classes over as a stand-in which,
when first called, has dataclasses make the method exactly as it would have,
puts it in the stand-in's place on the class, and calls it. A method is the
same whenever it is made, so every call gives what it always did.

Only Pythons whose :mod:`dataclasses` makes each method through
``_create_fn(name, args, body, *, globals=..., ...)`` (3.11 and 3.12) are
changed; on any other, nothing is. ``tests/test_lazy_methods.py`` checks the
classes' methods give the same results made either way.
"""

from __future__ import annotations

import sys

_installed = False


def install() -> None:
    """Leave the methods of plancheck's dataclasses defined from now on unwritten until first called."""
    global _installed
    if _installed or not (3, 11) <= sys.version_info[:2] <= (3, 12):
        return
    import dataclasses

    original = getattr(dataclasses, "_create_fn", None)
    if original is None:
        return
    _installed = True

    def create(name, *args, **kwargs):
        globals_ = kwargs.get("globals")
        if name == "__init__" or not isinstance(globals_, dict) or \
                not str(globals_.get("__name__", "")).startswith(__package__ + "."):
            return original(name, *args, **kwargs)
        return _stand_in(original, name, args, kwargs)

    dataclasses._create_fn = create


def _stand_in(original, name: str, args: tuple, kwargs: dict):
    made = None

    def stand_in(*call_args, **call_kwargs):
        nonlocal made
        if made is None:
            made = original(name, *args, **kwargs)
            made.__qualname__ = stand_in.__qualname__  # as dataclasses names it, "Block.__eq__"
            # In its place on the class, so that later calls go straight to it (a __repr__ is
            # wrapped against recursion, so the wrapper stays and calls this).
            owner = type(call_args[0]) if call_args else None
            for cls in getattr(owner, "__mro__", ()):
                if cls.__dict__.get(name) is stand_in:
                    setattr(cls, name, made)
                    break
        return made(*call_args, **call_kwargs)

    stand_in.__name__ = name
    stand_in.__qualname__ = name
    return stand_in
