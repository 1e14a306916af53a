"""The preview answers only the editor's own browser.

A page on any web site can make the browser talk to ``127.0.0.1:8000``: by a name of
its own that resolves there (DNS rebinding: the request then carries ``Host:
evil.example``), or by opening the reload WebSocket (``Origin: https://evil.example``).
So a request must name a loopback host (``localhost``, ``127.0.0.1``, ``[::1]``) and a
WebSocket must come from a page of the preview itself. When the preview was bound to
another address on purpose (``--host``), an address (never a name) is accepted too.
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit


def _is_loopback(name: str) -> bool:
    name = name.strip("[]").lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def split_host(value: str) -> tuple[str, int | None]:
    """``"[::1]:8000"`` → ``("::1", 8000)``; a port that is not a number is None."""
    parts = urlsplit(f"//{value}")
    try:
        port = parts.port
    except ValueError:
        port = None
    return parts.hostname or "", port


class LocalOnly:
    """ASGI middleware: 403 for a request whose ``Host`` is not this machine's, and a
    closed WebSocket for an ``Origin`` that is not the preview's."""

    def __init__(self, app: Any, host: str, port: int) -> None:
        self.app = app
        self.port = port
        self.any_address = not _is_loopback(host)

    def allowed_host(self, name: str) -> bool:
        return _is_loopback(name) or (self.any_address and _is_address(name))

    def allowed(self, scope: dict[str, Any]) -> bool:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        name, _ = split_host(headers.get("host", ""))
        if not self.allowed_host(name):
            return False
        if scope["type"] == "websocket" and "origin" in headers:
            origin = urlsplit(headers["origin"])
            try:
                port = origin.port or 80
            except ValueError:
                return False
            return (
                origin.scheme == "http"
                and self.allowed_host(origin.hostname or "")
                and port == self.port
            )
        return True

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket") or self.allowed(scope):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        body = (
            "briefing serve answers only for this machine: open "
            f"http://127.0.0.1:{self.port}/ instead\n"
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 403,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
