"""The page's regions, one module each. `render_view` draws the view the selection names, from the
one table of views (`dashboard.pages.VIEWS`): each view's module has `render(page)`."""

from __future__ import annotations

import importlib

from dashboard.pages import VIEW_BY_ID
from dashboard.views.page import Page


def render_view(page: Page) -> None:
    view = VIEW_BY_ID[page.selection.view]
    module = importlib.import_module(f"dashboard.views.{view.module}")
    module.render(page)
