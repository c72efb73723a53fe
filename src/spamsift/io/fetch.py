"""Fetch a page by URL without letting a scanner be turned against the network it runs in.

Every hop of a redirect chain is resolved and refused when any address it resolves to is private,
loopback, link-local or otherwise not globally routable, unless the caller allows private targets.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from spamsift.io.decode import InputError, decode_bytes

MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
USER_AGENT = "spamsift/0.1 (+https://pypi.org/project/spamsift/)"


class FetchError(InputError):
    """The URL could not be fetched, or was refused; the message says why.

    ``transient`` marks failures worth retrying (timeouts, dropped connections, HTTP 429 and 5xx); ``status`` is
    the HTTP status when the server answered.
    """

    def __init__(self, message: str, *, transient: bool = False, status: int | None = None) -> None:
        super().__init__(message)
        self.transient = transient
        self.status = status


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    """The final URL, after redirects."""
    text: str
    is_html: bool
    status: int


def check_target(url: str, allow_private: bool = False) -> None:
    """Refuse URLs that are not http(s) or whose host resolves to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}")
    host = parts.hostname
    if not host:
        raise FetchError(f"no host in URL {url!r}")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host}: {exc}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise FetchError(f"refused: {host} resolves to non-public address {address} "
                             "(use --allow-private to scan your own network)")


def fetch_page(url: str, *, allow_private: bool = False, headers: dict[str, str] | None = None,
               client: httpx.Client | None = None) -> Fetched:
    """GET ``url`` following at most :data:`MAX_REDIRECTS` checked redirects, reading at most :data:`MAX_BYTES`."""
    own_client = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False)
    request_headers = {"User-Agent": USER_AGENT, **(headers or {})}
    try:
        for _ in range(MAX_REDIRECTS + 1):
            check_target(url, allow_private)
            try:
                with client.stream("GET", url, headers=request_headers) as response:
                    if response.is_redirect and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > MAX_BYTES:
                            raise FetchError(f"{url}: page larger than {MAX_BYTES:,} bytes")
                    if response.status_code >= 400:
                        raise FetchError(f"{url}: HTTP {response.status_code}", status=response.status_code,
                                         transient=response.status_code == 429 or response.status_code >= 500)
                    decoded = decode_bytes(bytes(body))
                    return Fetched(str(response.url), decoded.text, decoded.is_html, response.status_code)
            except httpx.HTTPError as exc:
                raise FetchError(f"{url}: {type(exc).__name__}: {exc}",
                                 transient=isinstance(exc, httpx.TransportError)) from None
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
    finally:
        if own_client:
            client.close()
