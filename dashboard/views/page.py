"""What a view may read: the briefing, its cached source, the selection, the filtered subset and
the page-wide lookups. The app builds one `Page` per run and hands it to the view the selection
names (`pages.VIEWS`): a view reads what it is handed, never session state for its inputs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.briefing import Briefing
from dashboard.cache import Source
from dashboard.filters import Subset
from dashboard.selection import Selection


@dataclass(frozen=True)
class Page:
    briefing: Briefing
    src: Source
    selection: Selection
    subset: Subset
    labels: Mapping[str, str]  # actor id -> label for pickers (name, aliases, plain spellings)
    capacities: pd.Series  # each quote in view's capacity towards the chosen actors
    columns_per_page: int  # matrix columns at once: fewer on a phone
    notes: tuple[str, ...] = ()  # what the checks of this run closed (a cell no longer in view)
