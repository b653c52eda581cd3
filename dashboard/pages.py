"""The views the page can show: one table, read by the view switch, the app, the link codec and the
briefing note. Adding a view is a row here and a module in `dashboard/views/` with a
`render(page)` function (`views.page.Page` holds what a view may read).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class View:
    id: str  # its value in links: view=…
    label: str  # the view switch's label
    module: str  # the module in dashboard/views/ whose `render(page)` draws it
    # What the briefing note says of this view when it prints the readings of the view's filters
    # instead of the view itself ("" when the note prints the view as the page shows it).
    note: str = ""


VIEWS: tuple[View, ...] = (
    View("matrix", "Stance matrix & quotes", "matrix"),
    View("cards", "Actor cards", "cards"),
    View("compare", "Compare", "compare"),
    View(
        "alignment",
        "Who sides with whom",
        "alignment",
        note="The page's alignment chart is not in this note; it gives the readings of the view's "
        "filters. Open the link for the chart.",
    ),
    View(
        "changes",
        "What changed",
        "changes",
        note="The page lists what changed since a date; this note gives the latest readings of "
        "the view's filters. Open the link for the changes.",
    ),
    View("brief", "Counterpart brief", "brief"),
)
VIEW_IDS: tuple[str, ...] = tuple(view.id for view in VIEWS)
VIEW_BY_ID: dict[str, View] = {view.id: view for view in VIEWS}
