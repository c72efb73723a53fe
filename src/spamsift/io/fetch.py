"""Fetch a page by URL without letting a scanner be turned against the network it runs in.

Every hop of a redirect chain is resolved and refused when any address it resolves to is private,
loopback, link-local or otherwise not globally routable, unless the caller allows private targets; the
connection then goes to the address that was checked, not to a second DNS answer.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

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


def check_target(url: str, allow_private: bool = False) -> str | None:
    """Refuse URLs that are not http(s) or whose host resolves to a non-public address; return the checked
    address to connect to, so that a second DNS answer cannot differ from the one checked (DNS rebinding).
    With ``allow_private`` nothing is resolved here and ``None`` is returned."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}")
    host = parts.hostname
    if not host:
        raise FetchError(f"no host in URL {url!r}")
    if allow_private:
        return None
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host}: {exc}") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    for address in addresses:
        if not _is_public(address):
            raise FetchError(f"refused: {host} resolves to non-public address {address} "
                             "(use --allow-private to scan your own network)")
    return str(addresses[0])


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return address.is_global


def _pinned(url: str, address: str) -> tuple[str, dict[str, str], dict[str, str]]:
    """The request for ``url`` sent to ``address``: the URL with the address as its host, the Host header, and
    the TLS server name (so that the certificate is still checked against the host name)."""
    parts = urlsplit(url)
    literal = f"[{address}]" if ":" in address else address
    netloc = f"{literal}:{parts.port}" if parts.port else literal
    host_header = parts.netloc.rpartition("@")[2]
    extensions = {"sni_hostname": parts.hostname or ""} if parts.scheme == "https" else {}
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, "")), {"Host": host_header}, extensions


def fetch_page(url: str, *, allow_private: bool = False, headers: dict[str, str] | None = None,
               client: httpx.Client | None = None) -> Fetched:
    """GET ``url`` following at most :data:`MAX_REDIRECTS` checked redirects, reading at most :data:`MAX_BYTES`."""
    own_client = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False)
    request_headers = {"User-Agent": USER_AGENT, **(headers or {})}
    try:
        for _ in range(MAX_REDIRECTS + 1):
            address = check_target(url, allow_private)
            target, pinning_headers, extensions = (url, {}, {}) if address is None else _pinned(url, address)
            try:
                with client.stream("GET", target, headers={**request_headers, **pinning_headers},
                                   extensions=extensions) as response:
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
                    return Fetched(url, decoded.text, decoded.is_html, response.status_code)
            except httpx.HTTPError as exc:
                raise FetchError(f"{url}: {type(exc).__name__}: {exc}",
                                 transient=isinstance(exc, httpx.TransportError)) from None
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")
    finally:
        if own_client:
            client.close()
