"""What a view makes from the page's cached objects, kept while those objects live.

The page's grids, subsets and chart rows come from Streamlit's resource cache, so a rerun on a
selection seen before hands a view the very same objects. A view's own work on them (a quotes
panel's HTML, the chart rows as Arrow bytes, counts for a summary) is then the same too: `kept`
returns it made once, keyed by the objects' identity (checked through weak references, so an id
reused by a new object never matches) and a few plain values. Bounded, shared by the sessions of
one server; a result is only ever what `make` returns for those objects and values.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
SIZE = 96  # about six results a selection (quotes, cards, summary, drawing, counts, picker): the last 16

_lock = threading.Lock()
_kept: OrderedDict[tuple[Hashable, ...], tuple[tuple[weakref.ref[Any], ...], Any]] = OrderedDict()


def kept(name: str, objects: tuple[object, ...], values: tuple[Hashable, ...], make: Callable[[], T]) -> T:
    """`make()`, or what it returned before for these very objects and these values."""
    key = (name, tuple(id(o) for o in objects), values)
    with _lock:
        found = _kept.get(key)
        if found is not None and all(ref() is o for ref, o in zip(found[0], objects, strict=True)):
            _kept.move_to_end(key)
            return found[1]  # type: ignore[no-any-return]
    made = make()
    with _lock:
        _kept[key] = (tuple(weakref.ref(o) for o in objects), made)
        _kept.move_to_end(key)
        while len(_kept) > SIZE:
            _kept.popitem(last=False)
    return made


def clear() -> None:
    with _lock:
        _kept.clear()
