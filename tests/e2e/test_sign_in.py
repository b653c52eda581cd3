"""Sign-in through a real OpenID Connect provider on this machine (tests/support/oidc.py), in
Debian's Chromium: a reader, an editor, an admin, a stranger and a revoked colleague each sign in
on the provider's own page; a reader's link opened by a stranger says "no access" and nothing of
the briefing; a sign-in older than the limit is asked again; the picker lists only what each may
read."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, expect

from dashboard import feeds, ledger
from dashboard.extract.saving import Accepted, save
from dashboard.identity import Identity
from tests.e2e.conftest import PROJECT, AppPage, _pages
from tests.support import oidc
from tests.support.server import ServerDidNotStart, streamlit_server

SEED = "nk-troops-russia"
SEED_TITLE = "North Korean troops in Russia: the US and South Korea press China"
SECOND = "second-desk"
SECOND_TITLE = "SECOND DESK 4c1d: only the desk reads this"
PEOPLE: dict[str, dict[str, object]] = {
    "reader-1": {"email": "rita@ministry.example", "name": "Rita Reader", "groups": ["asia-desk"]},
    "editor-1": {"email": "ed@ministry.example", "name": "Ed Editor"},
    "admin-1": {"email": "head@ministry.example", "name": "Head of Desk"},
    "stranger-1": {"email": "sam@elsewhere.example", "name": "Sam Stranger"},
    "revoked-1": {"email": "gone@ministry.example", "name": "Gone Colleague", "groups": ["asia-desk"]},
}
ACCESS = f"""
briefings:
  {SEED}:
    readers: ["group:asia-desk"]
    editors: ["ed@ministry.example"]
    admins: ["head@ministry.example"]
    review: required
  {SECOND}:
    readers: ["head@ministry.example"]
revoked: ["gone@ministry.example"]
"""
# The only requests allowed off this machine: the provider's own page asks for its stylesheet,
# and the browser refuses it (tests/support/browser.py). The dashboard asks for nothing.
PROVIDER_STYLESHEET = "cdn.jsdelivr.net"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("signed-data")
    shutil.copytree(PROJECT / "data" / SEED, folder / SEED)
    shutil.copytree(PROJECT / "data" / SEED, folder / SECOND)
    meta = folder / SECOND / "briefing.yaml"
    lines = meta.read_text(encoding="utf-8").splitlines()
    meta.write_text(
        "\n".join(f'title: "{SECOND_TITLE}"' if line.startswith("title:") else line for line in lines) + "\n",
        encoding="utf-8",
    )
    assert SECOND_TITLE in meta.read_text(encoding="utf-8")
    (folder / "access.yaml").write_text(ACCESS, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def provider() -> Iterator[oidc.Provider]:
    with oidc.provider(PEOPLE) as running:
        yield running


def _server(data: Path, folder: Path, provider: oidc.Provider, accounts: str = "") -> Iterator[str]:
    secrets = oidc.secrets(folder, provider, accounts)
    try:
        with streamlit_server(data, folder, options=["--secrets.files", str(secrets)]) as server:
            yield server.base_url.replace("127.0.0.1", "localhost")
    except ServerDidNotStart as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def audit_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("audit") / "audit.jsonl"


@pytest.fixture(scope="module")
def signed_server(
    data: Path, provider: oidc.Provider, audit_log: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    yield from _server(
        data, tmp_path_factory.mktemp("signed-server"), provider, f'audit_file = "{audit_log}"'
    )


def audited(log: Path, subject: str) -> list[dict[str, str]]:
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line["subject"] == subject]


@pytest.fixture
def new_page(browser: Browser, signed_server: str) -> Iterator[Callable[[], AppPage]]:
    """A fresh context per page (its own cookies, so its own sign-in), not routed: its cache keeps
    the app's scripts from the page before the sign-in for the page after it."""
    with _pages(browser, signed_server, routed=False) as open_page:
        yield open_page


def sign_in(app: AppPage, subject: str, query: str = "") -> None:
    """Open the page, press Sign in, pick the person on the provider's page, come back."""
    app.open(query)
    page = app.page
    expect(page.get_by_text("Sign in to read the briefings")).to_be_visible()
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name=subject, exact=True).click()  # the provider's own page
    page.wait_for_url(f"{app.base_url}/**")
    app.settle()


def assert_only_the_provider_reached_out(app: AppPage) -> None:
    assert all(PROVIDER_STYLESHEET in url for url in app.external_requests), app.external_requests
    assert app.console_errors == [] or all(PROVIDER_STYLESHEET in e for e in app.console_errors), (
        app.console_errors
    )


def test_nothing_of_a_briefing_shows_before_sign_in(new_page: Callable[[], AppPage]) -> None:
    app = new_page()
    app.open(f"?briefing={SEED}")
    expect(app.page.get_by_role("button", name="Sign in")).to_be_visible()
    body = app.page.locator("body").inner_text()
    assert SEED_TITLE not in body and "actors" not in body
    app.assert_quiet()


@pytest.mark.parametrize(
    ("subject", "role"), [("reader-1", "reader"), ("editor-1", "editor"), ("admin-1", "admin")]
)
def test_each_role_signs_in_and_reads_the_briefing(
    new_page: Callable[[], AppPage], subject: str, role: str, audit_log: Path
) -> None:
    app = new_page()
    sign_in(app, subject)
    page = app.page
    expect(page.locator("h1.page-title")).to_contain_text(SEED_TITLE)
    expect(page.get_by_text(f"Signed in as {PEOPLE[subject]['name']}")).to_contain_text(f"({role})")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert_only_the_provider_reached_out(app)
    lines = audited(audit_log, subject)
    assert [line["event"] for line in lines[:2]] == ["sign-in", "view"]
    assert lines[1]["briefing"] == SEED and lines[1]["name"].startswith(str(PEOPLE[subject]["name"]))


def test_a_download_is_in_the_audit_of_reading(new_page: Callable[[], AppPage], audit_log: Path) -> None:
    app = new_page()
    sign_in(app, "reader-1")
    with app.page.expect_download() as download:
        app.page.get_by_role("button", name="Quotes (CSV)").click()
    assert download.value.suggested_filename == f"{SEED}-quotes.csv"
    downloads = [line for line in audited(audit_log, "reader-1") if line["event"] == "download"]
    assert [(line["briefing"], line["file"]) for line in downloads] == [(SEED, "quotes.csv")]
    assert downloads[0]["link"].endswith(f"/?briefing={SEED}")  # the view's absolute link


def test_the_picker_lists_only_readable_briefings(new_page: Callable[[], AppPage]) -> None:
    reader = new_page()
    sign_in(reader, "reader-1")
    assert SECOND_TITLE not in reader.page.content()
    admin = new_page()
    sign_in(admin, "admin-1")
    admin.open(f"?briefing={SECOND}")
    expect(admin.page.locator("h1.page-title")).to_have_text(SECOND_TITLE)


def test_a_readers_link_opened_by_a_stranger_says_no_access_and_nothing_more(
    new_page: Callable[[], AppPage], audit_log: Path
) -> None:
    stranger = new_page()
    sign_in(stranger, "stranger-1")
    expect(stranger.page.get_by_text("No briefings for you yet")).to_be_visible()
    stranger.open(f"?briefing={SEED}&actor=china")
    page = stranger.page
    expect(page.locator("h1.page-title")).to_have_text("No access")
    body = page.locator("body").inner_text()
    assert SEED_TITLE not in body and SECOND_TITLE not in body
    assert "positions" not in body and "quotes" not in body  # no counts
    denied = [line for line in audited(audit_log, "stranger-1") if line["event"] == "denied"]
    assert {"reason": "no access", "briefing": SEED}.items() <= denied[-1].items()
    # A reader of the seed may not open the second desk's briefing either, by link.
    reader = new_page()
    sign_in(reader, "reader-1")
    reader.open(f"?briefing={SECOND}")
    expect(reader.page.locator("h1.page-title")).to_have_text("No access")
    assert SECOND_TITLE not in reader.page.locator("body").inner_text()


def test_a_revoked_colleague_is_turned_away(new_page: Callable[[], AppPage]) -> None:
    app = new_page()
    sign_in(app, "revoked-1")
    expect(app.page.get_by_text("Your access to these briefings has been withdrawn")).to_be_visible()
    assert SEED_TITLE not in app.page.locator("body").inner_text()


def test_access_is_read_again_on_every_run(new_page: Callable[[], AppPage], data: Path) -> None:
    app = new_page()
    sign_in(app, "reader-1")
    expect(app.page.locator("h1.page-title")).to_contain_text(SEED_TITLE)
    before = (data / "access.yaml").read_text(encoding="utf-8")
    try:
        (data / "access.yaml").write_text(
            before.replace('revoked: ["gone@ministry.example"]', 'revoked: ["rita@ministry.example"]')
        )
        app.open(f"?briefing={SEED}")  # a reload: the same browser, the same identity cookie
        expect(app.page.get_by_text("has been withdrawn")).to_be_visible()
    finally:
        (data / "access.yaml").write_text(before, encoding="utf-8")


def test_a_sign_in_older_than_the_limit_is_asked_again(
    browser: Browser, data: Path, provider: oidc.Provider, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # A limit of a hundredth of a second: every sign-in is already too old when the page reads it.
    for base_url in _server(
        data, tmp_path_factory.mktemp("short-sessions"), provider, "max_session_hours = 0.000003"
    ):
        with _pages(browser, base_url) as open_page:
            app = open_page()
            sign_in(app, "admin-1")
            expect(app.page.get_by_text("Sign in again to go on")).to_be_visible()
            assert SEED_TITLE not in app.page.locator("body").inner_text()


@pytest.fixture(scope="module")
def signed_edit_server(
    data: Path, provider: oidc.Provider, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The same briefings served for editing (as `make edit` does), with sign-in."""
    folder = tmp_path_factory.mktemp("signed-edit-server")
    secrets = oidc.secrets(folder, provider)
    try:
        with streamlit_server(
            data, folder, options=["--secrets.files", str(secrets)], env={"DASHBOARD_EDIT": "1"}
        ) as server:
            yield server.base_url.replace("127.0.0.1", "localhost")
    except ServerDidNotStart as exc:
        pytest.fail(str(exc))


@pytest.mark.slow
def test_only_editors_may_add_a_source(browser: Browser, signed_edit_server: str) -> None:
    with _pages(browser, signed_edit_server) as open_page:
        reader = open_page()
        sign_in(reader, "reader-1")
        expect(reader.page.locator("h1.page-title")).to_contain_text(SEED_TITLE)
        expect(reader.page.get_by_text("Add a source")).to_have_count(0)
        editor = open_page()
        sign_in(editor, "editor-1")
        expect(editor.page.get_by_text("Add a source")).to_be_visible()


@pytest.mark.slow
def test_a_save_waits_for_a_second_editor_who_approves_it_on_the_page(
    browser: Browser, signed_edit_server: str, data: Path
) -> None:
    ed = Identity(subject="editor-1", name="Ed Editor", email="ed@ministry.example")
    quote = {
        "speaker": "blinken",
        "text": "Reviewed words",
        "source": "article-2024-11-02",
        "kind": "direct",
        "issues": ["china-restrain-nk"],
        "language": "en",
    }
    result = save(
        data / SEED,
        Accepted(None, [], [quote], [], label="the seed article", text="The article's own text."),
        author=ed,
    )
    assert "Sent for review" in result.notes[0]
    assert "Reviewed words" not in (data / SEED / "quotes.yaml").read_text(encoding="utf-8")
    with _pages(browser, signed_edit_server) as open_page:
        author = open_page()
        sign_in(author, "editor-1")
        author.page.get_by_role("button", name="Review (1 waiting)").click()
        dialog = author.page.get_by_role("dialog")
        dialog.get_by_text("by Ed Editor").click()
        expect(dialog.get_by_text("Yours: another editor approves it.")).to_be_visible()
        expect(dialog.get_by_role("button", name="Approve and save")).to_be_disabled()
        head = open_page()
        sign_in(head, "admin-1")
        head.page.get_by_role("button", name="Review (1 waiting)").click()
        dialog = head.page.get_by_role("dialog")
        dialog.get_by_text("by Ed Editor").click()
        expect(dialog.get_by_text("Reviewed words")).to_be_visible()
        expect(dialog.get_by_label("The article")).to_have_value("The article's own text.")
        # Clicked once the page has settled, as a person would: a click sent while the run that
        # opened the record was still drawing the dialog was lost (CI, 12:13 UTC 2026-12-06).
        head.rerun(dialog.get_by_role("button", name="Approve and save").click)
        expect(dialog.get_by_text("Approved and saved: 1 record,")).to_be_visible()
    assert "Reviewed words" in (data / SEED / "quotes.yaml").read_text(encoding="utf-8")
    event = ledger.events(data / SEED)[-1]
    assert (event.subject, event.reviewed_by) == (
        "editor-1",
        "Head of Desk <head@ministry.example> [admin-1]",
    )


def test_a_click_inside_the_view_checks_access_again(new_page: Callable[[], AppPage], data: Path) -> None:
    """A click on a cell reruns the view's region alone; a revocation made meanwhile still counts."""
    app = new_page()
    sign_in(app, "reader-1")
    app.open(f"?briefing={SEED}&actor=china&actor=united-states&issue=nk-troops-in-russia")
    page = app.page
    cell = page.locator('.stance-matrix rect.cell[aria-label^="China on North Korean troops in Russia: "]')
    expect(cell).to_have_count(1)
    before = (data / "access.yaml").read_text(encoding="utf-8")
    try:
        (data / "access.yaml").write_text(
            before.replace('revoked: ["gone@ministry.example"]', 'revoked: ["rita@ministry.example"]')
        )
        cell.click(position={"x": 6, "y": 6})
        expect(page.get_by_text("has been withdrawn")).to_be_visible()
        expect(page.get_by_text("Behind the cell")).to_have_count(0)
    finally:
        (data / "access.yaml").write_text(before, encoding="utf-8")


def test_a_reader_makes_a_feed_link_for_the_view_and_revokes_it(
    new_page: Callable[[], AppPage], data: Path
) -> None:
    app = new_page()
    sign_in(app, "reader-1")
    app.open(f"?briefing={SEED}&actor=china")
    page = app.page
    page.get_by_role("button", name="Feed of changes").click()
    page.get_by_role("button", name="Make a feed link for this view").click()
    link = page.get_by_test_id("stCode").filter(has_text="/feed.atom?").inner_text().strip()
    query = urlsplit(link).query
    assert parse_qs(query)["briefing"] == [SEED] and parse_qs(query)["actor"] == ["china"]
    assert feeds.answer(data, query, link).status == 200  # the feed server's own answer
    page.get_by_role("button", name="Revoke all my feed links").click()
    expect(page.get_by_text("1 feed link revoked.")).to_be_visible()
    assert feeds.answer(data, query, link).status == 403


def test_the_link_opened_before_signing_in_is_opened_after(new_page: Callable[[], AppPage]) -> None:
    """The provider returns everyone to the page's bare address; the page reopens the link."""
    app = new_page()
    sign_in(app, "reader-1", f"?briefing={SEED}&actor=china&actor=united-states")
    expect(app.page).to_have_url(re.compile(r"[?&]actor=china&actor=united-states(&|$)"))
    expect(app.page.locator("h1.page-title")).to_contain_text(SEED_TITLE)
    expect(app.page.get_by_test_id("counts")).to_contain_text(" 2 actors ")
