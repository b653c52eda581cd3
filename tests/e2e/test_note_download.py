"""The page's note downloads, as a reader gets them: the PDF of a counterpart brief links back to the
very address the browser shows, with the brief's groups first and the marking on every page."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.conftest import AppPage
from tests.support.documents import pdf_pages, squeeze


def test_pdf_download_of_a_brief_links_back_to_the_page_it_came_from(app: AppPage) -> None:
    app.open("?view=brief&actor=united-states&vs=china")
    page = app.page
    button = page.get_by_role("button", name="Briefing note (PDF)")
    button.scroll_into_view_if_needed()
    expect(page.get_by_role("button", name="Matrix picture (SVG)")).to_be_enabled()
    button.click()  # made in a worker process, then offered to save
    save = page.get_by_role("button", name="Save nk-troops-russia-note.pdf")
    expect(save).to_be_visible(timeout=90_000)
    with page.expect_download(timeout=60_000) as download:
        save.click()
    assert download.value.suggested_filename == "nk-troops-russia-note.pdf"
    pages = pdf_pages(Path(download.value.path()).read_bytes())
    address = page.url  # what the reader would copy from the address bar
    assert "briefing=nk-troops-russia" in address and "vs=china" in address
    assert address in pages[0].links
    text = squeeze("\n".join(p.text for p in pages))
    assert text.index(squeeze("Where we agree · 1")) < text.index(squeeze("Stance matrix"))
    assert all(squeeze("UNCLASSIFIED // FOR DISCUSSION") in squeeze(p.top) for p in pages)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    app.assert_quiet()
