"""Who may use `newslint serve`: the Host a request names and the Origin a browser sends.

A web page the user visits can make the browser send requests to 127.0.0.1.  Two rules
keep such a page out:

- the Host header must be an address this server answers on (127.0.0.1, localhost, [::1],
  the address it is bound to, and names given with --allow-host), each with its port; a page
  that rebinds its own domain name to 127.0.0.1 still sends its own name, and is refused;
- a request that carries an Origin (browsers send one with every cross-origin request and
  every POST) is refused unless that origin is this server itself or was allowed with
  --allow-origin; only allowed origins get CORS headers, so only they can read an answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
# Request headers a cross-origin page may send (after a preflight); the rest are not needed.
ALLOWED_REQUEST_HEADERS = ("content-type", "accept", "accept-language", "authorization")
_ORIGIN = re.compile(r"[a-z][a-z0-9+.-]*+://[^\s/?#]++")


def host_form(host: str) -> str:
    """An address as it appears in a Host header: IPv6 in brackets."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def normalise_origin(origin: str) -> str:
    """'HTTPS://CMS.example.org/' -> 'https://cms.example.org' (how browsers send it)."""
    return origin.strip().rstrip("/").lower()


@dataclass(frozen=True)
class AccessPolicy:
    hosts: frozenset[str]  # Host header values accepted, lower case, with the port
    origins: frozenset[str]  # origins allowed besides the server's own

    @classmethod
    def for_server(cls, bound_host: str, port: int, *, allow_hosts: tuple[str, ...] = (),
                   allow_origins: tuple[str, ...] = ()) -> AccessPolicy:
        names = {*LOOPBACK_NAMES, host_form(bound_host)}
        hosts = set()
        for name in (*names, *allow_hosts):
            name = name.strip().lower()
            with_port = name.rsplit(":", 1)[-1].isdigit() and not name.endswith("]")
            hosts.add(name if with_port else f"{host_form(name)}:{port}")
            if port == 80 and not with_port:
                hosts.add(host_form(name))  # browsers leave out the default port
        for origin in allow_origins:
            if not _ORIGIN.fullmatch(normalise_origin(origin)):
                raise ValueError(f"--allow-origin: {origin!r} is not an origin: give scheme://host[:port], e.g. https://cms.example.org "
                                 "('*' and 'null' cannot be allowed)")
        return cls(frozenset(hosts), frozenset(normalise_origin(o) for o in allow_origins))

    def host_allowed(self, host: str | None) -> bool:
        return host is not None and host.strip().lower() in self.hosts

    def origin_allowed(self, origin: str) -> bool:
        origin = normalise_origin(origin)
        if origin in self.origins:
            return True
        # The server's own pages (the rule pages) are same-origin.
        return origin.startswith("http://") and origin[len("http://"):] in self.hosts



TOKEN_COOKIE = "newslint-token"
TOKEN_ENV = "NEWSLINT_TOKEN"


_TOKEN = re.compile(r"[A-Za-z0-9._~+/=-]{8,256}+")


def check_token(token: str) -> str:
    """A token goes into addresses, headers and a cookie: letters, digits and ._~+/=- only."""
    if not _TOKEN.fullmatch(token):
        raise ValueError("--token (or NEWSLINT_TOKEN): a token is 8 to 256 letters, digits or ._~+/=- characters")
    return token


def generate_token() -> str:
    import secrets

    return secrets.token_urlsafe(24)


def presented_tokens(authorization: str | None, cookie: str | None, query: str) -> list[str]:
    """The tokens a request shows: `Authorization: Bearer T` (the page's and scripts' requests),
    the cookie the page's address set (the style sheet and script the browser loads), or
    `?token=T` (the address `newslint serve` prints)."""
    import urllib.parse
    from http.cookies import CookieError, SimpleCookie

    found = []
    if authorization:
        scheme, _, value = authorization.strip().partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            found.append(value.strip())
    if cookie:
        try:
            jar = SimpleCookie(cookie)
        except CookieError:
            jar = SimpleCookie()
        if TOKEN_COOKIE in jar:
            found.append(jar[TOKEN_COOKIE].value)
    try:
        found += urllib.parse.parse_qs(query, max_num_fields=100).get("token", [])
    except ValueError:
        pass  # a query of too many fields shows no token
    return found


def token_matches(expected: str, presented: list[str]) -> bool:
    import hmac

    return any(hmac.compare_digest(expected.encode("utf-8"), candidate.encode("utf-8", "surrogatepass")) for candidate in presented)
