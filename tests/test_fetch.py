"""Fetching over real HTTP on loopback, and the network rules that keep a scanner from being misused."""

import contextlib
import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

import spamsift
from spamsift.io import fetch as fetch_module
from spamsift.io.fetch import MAX_BYTES, MAX_REDIRECTS, FetchError, check_target, fetch_page

SPAM_PAGE = (b"<html><head><title>Dinas Pendidikan</title></head><body><p>Pengumuman jadwal ujian semester "
             b"genap untuk seluruh sekolah dasar di kabupaten.</p><div style='display:none'>"
             b"<a href='https://x.xyz/'>slot gacor maxwin</a> <a href='https://y.xyz/'>situs togel terpercaya</a>"
             b"</div></body></html>")


class Handler(BaseHTTPRequestHandler):
    requests = 0

    def do_GET(self):
        Handler.requests += 1
        if self.path == "/host":
            self._send(200, f"host={self.headers['Host']}".encode(), "text/plain")
        elif self.path == "/spam":
            self._send(200, SPAM_PAGE, "text/html; charset=utf-8")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/spam")
            self.end_headers()
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/huge":
            self._send(200, b"<p>" + b"a" * (MAX_BYTES + 10) + b"</p>", "text/html")
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status, body, content_type):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_loopback_and_metadata_addresses_are_refused_by_default(server):
    for url in (server + "/spam", "http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/",
                "http://localhost/", "http://[::1]/", "http://10.0.0.1/"):
        with pytest.raises(FetchError, match="refused"):
            check_target(url)
    with pytest.raises(FetchError, match="refused"):
        spamsift.check(url=server + "/spam")


def test_only_http_urls_are_fetched():
    for url in ("file:///etc/passwd", "ftp://example.org/", "gopher://x/"):
        with pytest.raises(FetchError, match="only http and https"):
            check_target(url)


def test_allowed_private_fetch_follows_redirects_and_judges_the_page(server):
    report = spamsift.check(url=server + "/moved", allow_private=True)
    assert report.url == server + "/spam"
    assert report.label == "gambling"
    assert all(block.hidden for block in report.spam_blocks)


def test_redirect_loops_size_cap_and_http_errors_are_clear(server):
    with pytest.raises(FetchError, match=f"more than {MAX_REDIRECTS} redirects"):
        fetch_page(server + "/loop", allow_private=True)
    with pytest.raises(FetchError, match="larger than"):
        fetch_page(server + "/huge", allow_private=True)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_page(server + "/missing", allow_private=True)


def test_cli_checks_a_url_only_when_private_targets_are_allowed(server):
    import subprocess
    import sys

    command = [sys.executable, "-m", "spamsift", "check", server + "/spam"]
    refused = subprocess.run(command, capture_output=True, timeout=120)
    assert refused.returncode == 2
    assert "refused" in refused.stderr.decode()
    allowed = subprocess.run([*command, "--allow-private"], capture_output=True, timeout=120)
    assert allowed.returncode == 1
    assert "GAMBLING" in allowed.stdout.decode()


def _resolver(answers):
    """A DNS that gives the next of ``answers`` on each lookup (DNS is the one part these tests cannot own)."""
    calls = iter(answers)

    def getaddrinfo(host, port, *args, **kwargs):
        try:
            address = str(ipaddress.ip_address(host))  # a literal resolves to itself, as in a real resolver
        except ValueError:
            address = next(calls)
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]

    return getaddrinfo


def test_the_connection_goes_to_the_checked_address_not_a_second_dns_answer(server, monkeypatch):
    """DNS rebinding: a public answer for the check, then loopback. The request must go to the public address
    (whatever answers there), never to the loopback server."""
    port = int(server.rsplit(":", 1)[1])
    seen_before = Handler.requests
    monkeypatch.setattr(socket, "getaddrinfo", _resolver(["93.184.216.34", "127.0.0.1", "127.0.0.1"]))
    with httpx.Client(timeout=httpx.Timeout(2.0)) as client, contextlib.suppress(FetchError):
        fetch_page(f"http://rebind.example:{port}/spam", client=client)
    assert Handler.requests == seen_before


def test_a_pinned_request_keeps_its_host_header_and_url(server, monkeypatch):
    """With the check's answer standing in for a public address, the page is fetched from it by its name."""
    port = int(server.rsplit(":", 1)[1])
    monkeypatch.setattr(fetch_module, "_is_public", lambda address: True)
    monkeypatch.setattr(socket, "getaddrinfo", _resolver(["127.0.0.1"]))
    fetched = fetch_page(f"http://school.example:{port}/host")
    assert fetched.url == f"http://school.example:{port}/host"
    assert fetched.text == f"host=school.example:{port}"
