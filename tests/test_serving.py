"""How the dashboard is served: the host names it answers (DNS rebinding gets nothing), editing
refused on a network address without sign-in, the upload bound set to the article bound."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from dashboard import serving
from dashboard.serve_cli import command
from tests.support.server import PROJECT, free_port, healthy, streamlit_server

NO_SECRETS = (Path("/nonexistent/secrets.toml"),)


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("::", False),
        ("", False),
        ("192.168.1.20", False),
        ("example.org", False),
    ],
)
def test_loopback_is_told_apart(address: str, loopback: bool) -> None:
    assert serving.is_loopback(address) is loopback


def test_a_loopback_server_answers_loopback_names_only() -> None:
    assert serving.allowed_hosts("localhost") == ["localhost", "127.0.0.1", "::1"]


def test_a_network_server_also_answers_its_own_names_and_the_extra_ones() -> None:
    hosts = serving.allowed_hosts("0.0.0.0", "briefing.example.org, Proxy.Example ")
    assert hosts[:3] == ["localhost", "127.0.0.1", "::1"]
    assert "briefing.example.org" in hosts and "proxy.example" in hosts
    assert "0.0.0.0" not in hosts and "*" not in hosts


def test_editing_on_a_network_address_needs_sign_in_or_the_override(tmp_path: Path) -> None:
    assert serving.editing_refusal("localhost", {}, NO_SECRETS) == ""
    refusal = serving.editing_refusal("0.0.0.0", {}, NO_SECRETS)
    assert "editing is off" in refusal and serving.EDIT_ON_NETWORK in refusal
    assert serving.editing_refusal("0.0.0.0", {serving.EDIT_ON_NETWORK: "1"}, NO_SECRETS) == ""
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(COMPLETE_AUTH)
    assert serving.editing_refusal("0.0.0.0", {}, (secrets,)) == ""
    # An [auth] section that cannot sign anyone in protects nothing: it does not count.
    secrets.write_text('[auth]\nredirect_uri = "https://b.example/oauth2callback"\n')
    assert serving.editing_refusal("0.0.0.0", {}, (secrets,)) != ""
    secrets.write_text("[other]\nx = 1\n")
    assert serving.editing_refusal("0.0.0.0", {}, (secrets,)) != ""


COMPLETE_AUTH = """[auth]
redirect_uri = "https://b.example/oauth2callback"
cookie_secret = "0123456789abcdef0123456789abcdef"
client_id = "dashboard"
client_secret = "s3cret"
server_metadata_url = "https://id.example/.well-known/openid-configuration"
"""


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("", ""),
        ('client_id = "dashboard"\n', "[auth] has no client_id"),
        ('redirect_uri = "https://b.example/oauth2callback"\n', "[auth] has no redirect_uri"),
        ('"https://b.example/oauth2callback"', '"https://b.example/"'),  # not the callback path
        ('"0123456789abcdef0123456789abcdef"', '"short"'),  # a guessable cookie key
    ],
)
def test_an_auth_section_that_cannot_work_is_said_in_words(tmp_path: Path, change: str, said: str) -> None:
    secrets = tmp_path / "secrets.toml"
    text = COMPLETE_AUTH
    if change.startswith('"'):
        text = text.replace(change, said)
        said = "/oauth2callback" if "b.example" in said else "at least 32"
    elif change:
        text = text.replace(change, "")
    secrets.write_text(text)
    refusal = serving.sign_in_refusal((secrets,))
    assert (said in refusal) if said else refusal == ""
    assert serving.sign_in_configured((secrets,)) is (not said)


def test_a_public_address_other_than_the_sign_in_one_is_said(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(COMPLETE_AUTH)
    assert serving.redirect_mismatch("https://b.example/", (secrets,)) == ""
    said = serving.redirect_mismatch("https://10.0.0.5:8501/", (secrets,))
    assert "b.example" in said and "10.0.0.5" in said and "signed out" in said


def test_serve_refuses_to_start_editing_on_every_address() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "serve", "--edit", "--address", "0.0.0.0", "--port", "1"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        env={"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"},
        timeout=60,
    )
    assert done.returncode == 2
    assert "not started: editing is off" in done.stderr and serving.EDIT_ON_NETWORK in done.stderr


def test_serve_sets_the_hosts_and_the_upload_bound() -> None:
    line = command(argparse.Namespace(address="localhost", port=8600, host=["b.example"]), {})
    assert line[line.index("--server.maxUploadSize") + 1] == "20"
    hosts = [line[i + 1] for i, part in enumerate(line) if part == "--server.allowedHosts"]
    assert hosts == ["localhost", "127.0.0.1", "::1", "b.example"]


def _open(port: int, host: str) -> None:
    """Opens the app's connection on this machine's port while naming `host`, as a browser does
    for a page at http://host:port/ whose name a DNS-rebinding attacker points at 127.0.0.1."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    with connect(
        f"ws://{host}:{port}/_stcore/stream",
        sock=sock,
        open_timeout=10,
        additional_headers={"Origin": f"http://{host}:{port}"},
    ):
        pass


@pytest.mark.slow
@pytest.mark.parametrize(("allowed", "evil_refused"), [((), True), (("*",), False)])
def test_a_connection_under_another_host_name_is_refused(
    tmp_path: Path, allowed: tuple[str, ...], evil_refused: bool
) -> None:
    """With the project's settings the name decides; with every name allowed ('*', Streamlit's
    behaviour with no list) the same connection opens, so this test can fail."""
    data = tmp_path / "data"
    data.mkdir()
    options = [o for host in allowed for o in ("--server.allowedHosts", host)]
    with streamlit_server(data, tmp_path, options=options) as server:
        port = urlsplit(server.base_url).port
        assert port is not None
        _open(port, "localhost")  # the page's own name: the connection opens
        for host in ("evil.example", "127.0.0.1.evil.example"):
            if not evil_refused:
                _open(port, host)
                continue
            with pytest.raises(InvalidStatus) as refused:
                _open(port, host)
            assert refused.value.response.status_code == 403


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ""),
        ("https://briefing.example.org", "https://briefing.example.org/"),
        ("http://10.0.0.5:8501/desk/", "http://10.0.0.5:8501/desk/"),
    ],
)
def test_the_public_address_is_read_and_ends_in_a_slash(value: str, expected: str) -> None:
    assert serving.public_url({serving.PUBLIC_URL_VARIABLE: value}) == expected


@pytest.mark.parametrize(
    "value",
    [
        "briefing.example.org",
        "ftp://briefing.example.org/",
        "https:///desk",
        "https://briefing.example.org/?view=brief",
    ],
)
def test_a_public_address_a_browser_cannot_open_is_refused_in_words(value: str) -> None:
    with pytest.raises(serving.BadPublicUrl, match="DASHBOARD_PUBLIC_URL"):
        serving.public_url({serving.PUBLIC_URL_VARIABLE: value})


def test_the_server_answers_its_public_name() -> None:
    line = command(
        argparse.Namespace(address="localhost", port=8600, host=[]),
        {serving.PUBLIC_URL_VARIABLE: "https://Briefing.Example.org/desk/"},
    )
    hosts = [line[i + 1] for i, part in enumerate(line) if part == "--server.allowedHosts"]
    assert "briefing.example.org" in hosts


def test_serve_refuses_to_start_with_a_public_address_that_is_not_one() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "serve", "--port", "1"],
        capture_output=True,
        text=True,
        cwd=PROJECT,
        timeout=60,
        env={
            "PATH": "/usr/bin:/bin",
            "HOME": "/nonexistent",
            serving.PUBLIC_URL_VARIABLE: "briefing.example.org",
        },
    )
    assert done.returncode == 2
    assert "not started" in done.stderr and "https://host/" in done.stderr


def test_serve_needs_none_of_the_extract_extra() -> None:
    """`make view` installs the base alone: serving must not import the readers' parsers."""
    probe = (
        "import argparse, sys\nfrom dashboard.serve_cli import command\n"
        "command(argparse.Namespace(address='localhost', port=1, host=[]), {})\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('spacy', 'trafilatura', 'pypdf', 'lxml', 'pycrfsuite', 'weasyprint')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=PROJECT, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.slow
def test_serve_imports_the_page_before_it_answers() -> None:
    """`dashboard serve` imports the page's modules before Streamlit answers, so the first reader
    after a start does not wait for them (a view's module and the libraries under them, none of the
    drafting extra), and builds the topic matrix's chart spec (the stance matrix is drawn from SVG
    the page makes, `matrix_svg`). Then it starts and answers."""
    probe = (
        "import sys\nfrom dashboard.serve_cli import preload\npreload()\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('dashboard', 'pandas', 'altair', 'spacy', 'weasyprint', 'trafilatura'))))\n"
        "from dashboard import charts\nprint('specs', charts._topic_spec_json.cache_info().currsize)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=PROJECT, timeout=120, check=True
    )
    *modules, specs = done.stdout.splitlines()
    assert specs == "specs 1"  # the topic matrix's
    imported = set(" ".join(modules).split())
    assert {
        "dashboard.cache",
        "dashboard.views.matrix",
        "dashboard.views.changes",
        "pandas",
        "altair",
    } <= imported
    assert not imported & {"spacy", "weasyprint", "trafilatura"}
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "serve", "--address", "127.0.0.1", "--port", str(port)],
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not healthy(f"http://127.0.0.1:{port}"):
            assert server.poll() is None, "the server stopped"
            assert time.monotonic() < deadline, "the server did not answer in 120 s"
            time.sleep(0.5)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
