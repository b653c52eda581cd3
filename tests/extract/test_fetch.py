"""Links: the guard against server-side request forgery (schemes, every class of internal address,
redirects, size and time), and a page read into an article. Pages come from a server on loopback,
allowed for these tests only."""

from __future__ import annotations

import time

import pytest

from dashboard.extract.fetch import ALLOW_VARIABLE, Allowed, FetchRefused, fetch
from dashboard.extract.links import article_from_page, is_link, read_link
from dashboard.extract.readers import InputError
from tests.support.page_server import Route, article_html, serve_pages

LOOPBACK = Allowed.parse("127.0.0.1")
ARTICLE = article_html(
    "Seoul urges Beijing to act",
    [
        "SEOUL, Nov. 2 — South Korea's foreign minister spoke on Saturday.",
        "“We urge China to play a constructive role,” Foreign Minister Cho Tae-yul said.",
    ],
)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("file:///etc/passwd", "only http and https links are fetched, not file:"),
        ("ftp://example.org/a.txt", "not ftp:"),
        ("gopher://example.org/", "not gopher:"),
        ("javascript:alert(1)", "not javascript:"),
        ("www.example.org/article", "a link without a scheme (write https://…)"),
        ("http:///no-host", "the link names no host"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http://example.org:99999/", "not a valid link"),
    ],
)
def test_what_is_not_an_http_link_is_refused_in_words(url: str, words: str) -> None:
    with pytest.raises(FetchRefused) as refused:
        fetch(url, Allowed())
    assert words in refused.value.reason


@pytest.mark.parametrize(
    ("host", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.1.2.3", "private network"),
        ("172.16.5.4", "private network"),
        ("192.168.1.1", "private network"),
        ("169.254.169.254", "link-local address (such as a cloud metadata service)"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("0.0.0.0", "unspecified"),
        ("100.64.0.1", "shared or special-purpose range"),
        ("[::1]", "loopback"),
        ("[fe80::1]", "link-local"),
        ("[fc00::1]", "private network"),
        ("[ff02::1]", "multicast"),
        ("[::ffff:127.0.0.1]", "loopback"),
        ("[::ffff:169.254.169.254]", "link-local"),
    ],
)
def test_every_class_of_internal_address_is_refused(host: str, why: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchRefused) as refused:
        fetch(f"http://{host}/latest/meta-data/", Allowed())
    assert why in refused.value.reason
    assert "internal addresses are not fetched" in refused.value.reason
    assert ALLOW_VARIABLE in refused.value.reason  # and says what would allow it
    assert time.monotonic() - started < 2  # refused before any connection is tried


def test_a_name_is_judged_by_the_address_it_resolves_to() -> None:
    with pytest.raises(FetchRefused) as refused:
        fetch("http://localhost/", Allowed())
    assert "localhost resolves to" in refused.value.reason and "loopback" in refused.value.reason


def test_the_test_server_is_refused_unless_the_setting_allows_it() -> None:
    with serve_pages({"/a": Route(ARTICLE)}) as pages:
        with pytest.raises(FetchRefused) as refused:
            fetch(pages.url("/a"), Allowed())
        assert "loopback" in refused.value.reason
        assert pages.hits == []  # not even connected to
        page = fetch(pages.url("/a"), LOOPBACK)
        assert page.data == ARTICLE and page.content_type == "text/html"


def test_the_setting_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    with serve_pages({"/a": Route(ARTICLE)}) as pages:
        monkeypatch.setenv(ALLOW_VARIABLE, " intranet.example.org , 127.0.0.0/8")
        assert fetch(pages.url("/a")).data == ARTICLE
        monkeypatch.setenv(ALLOW_VARIABLE, "10.0.0.0/8")
        with pytest.raises(FetchRefused):
            fetch(pages.url("/a"))


def test_allowed_names_and_networks_parse() -> None:
    allowed = Allowed.parse("Intranet.Example.org., 10.20.0.0/16, ::1, , 192.168.1.7")
    assert allowed.hosts == frozenset({"intranet.example.org"})
    assert [str(n) for n in allowed.networks] == ["10.20.0.0/16", "::1/128", "192.168.1.7/32"]


def test_redirects_are_followed_and_each_is_checked() -> None:
    with serve_pages() as pages:
        pages.routes.update(
            {
                "/old": Route(status=301, location="/new"),
                "/new": Route(status=302, location=pages.url("/article")),
                "/article": Route(ARTICLE),
                "/to-metadata": Route(status=302, location="http://169.254.169.254/latest/meta-data/"),
                "/to-file": Route(status=302, location="file:///etc/passwd"),
                "/loop": Route(status=302, location="/loop"),
            }
        )
        page = fetch(pages.url("/old"), LOOPBACK)
        assert page.url == pages.url("/article") and page.requested == pages.url("/old")
        with pytest.raises(FetchRefused) as refused:
            fetch(pages.url("/to-metadata"), LOOPBACK)
        assert "redirects to http://169.254.169.254/latest/meta-data/" in refused.value.reason
        assert "link-local" in refused.value.reason
        with pytest.raises(FetchRefused) as refused:
            fetch(pages.url("/to-file"), LOOPBACK)
        assert "only http and https" in refused.value.reason
        with pytest.raises(FetchRefused) as refused:
            fetch(pages.url("/loop"), LOOPBACK)
        assert "more than 5 redirects" in refused.value.reason


def test_size_is_bounded_whether_declared_or_not() -> None:
    big = b"<p>" + b"x" * 50_000 + b"</p>"
    with serve_pages(
        {
            "/declared": Route(big),
            "/undeclared": Route(big, declared_length=-1),
            "/small": Route(b"<p>fine</p>", declared_length=-1),
        }
    ) as pages:
        with pytest.raises(FetchRefused) as refused:
            fetch(pages.url("/declared"), LOOPBACK, max_bytes=10_000)
        assert "is 50,007 bytes, more than the 10,000" in refused.value.reason
        with pytest.raises(FetchRefused) as refused:
            fetch(pages.url("/undeclared"), LOOPBACK, max_bytes=10_000)
        assert "more than the 10,000 bytes" in refused.value.reason
        assert fetch(pages.url("/small"), LOOPBACK, max_bytes=10_000).data == b"<p>fine</p>"


def test_time_is_bounded_for_a_silent_and_for_a_dripping_server() -> None:
    with serve_pages({"/silent": Route(ARTICLE, delay=3), "/drip": Route(b"y" * 20_000, drip=0.2)}) as pages:
        for path in ("/silent", "/drip"):
            started = time.monotonic()
            with pytest.raises(FetchRefused) as refused:
                fetch(pages.url(path), LOOPBACK, seconds=1)
            assert "1 seconds a link may take" in refused.value.reason
            assert time.monotonic() - started < 2


def test_an_error_status_is_said() -> None:
    with serve_pages() as pages:
        with pytest.raises(FetchRefused) as refused:
            fetch(pages.url("/gone"), LOOPBACK)
        assert "the server answered 404" in refused.value.reason


def test_a_name_that_does_not_resolve_is_said() -> None:
    with pytest.raises(FetchRefused) as refused:
        fetch("http://no-such-host.invalid/", Allowed())
    assert "could not be resolved" in refused.value.reason


def test_a_page_becomes_an_article_with_its_address_title_and_publisher() -> None:
    with serve_pages(
        {
            "/a": Route(ARTICLE),
            "/plain": Route(b"Headline\n\nBody text.", content_type="text/plain"),
            "/image": Route(b"\x89PNG....", content_type="image/png"),
        }
    ) as pages:
        article = read_link(pages.url("/a"), LOOPBACK)
        assert article.url == pages.url("/a") and article.name == pages.url("/a")
        assert article.title == "Seoul urges Beijing to act" and article.publisher == "Test Gazette"
        assert "We urge China to play a constructive role" in article.text
        assert "All rights reserved" not in article.text  # main text only
        plain = read_link(pages.url("/plain"), LOOPBACK)
        assert plain.text == "Headline\n\nBody text." and plain.publisher == "127.0.0.1"
        with pytest.raises(InputError) as refused:
            article_from_page(fetch(pages.url("/image"), LOOPBACK))
        assert "gives 'image/png', not an article" in refused.value.reason


@pytest.mark.parametrize(
    ("value", "link"),
    [
        ("https://example.org/a", True),
        ("http://x", True),
        ("article.html", False),
        ("C:\\news\\a.txt", False),
        ("/tmp/a.txt", False),
    ],
)
def test_a_link_is_told_from_a_file_name(value: str, link: bool) -> None:
    assert is_link(value) is link
