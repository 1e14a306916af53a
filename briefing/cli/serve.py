"""``briefing serve``: a live preview that rebuilds when the brief's inputs change.

Built from sphinx-autobuild's parts: its file watcher, its page-reload script and its
ignore filter. Each rebuild is a fresh ``sphinx-build`` against the preview's own output
and doctrees, so it stays incremental: generation rewrites only the pages whose text
changed, and Sphinx re-reads only those. What the build reported is shown in the terminal
and, on every page of the preview, in a banner, so a broken fact file is seen where the
editor looks.
"""

from __future__ import annotations

import html
import json
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.cli.localonly import LocalOnly
from briefing.cli.lock import BuildLock
from briefing.cli.project import ProjectPaths
from briefing.problems import os_error_message, printable

# Files that editors write beside the one being edited: swap, backup and lock files.
EDITOR_FILES = [
    r"\.sw[a-p]x?$",
    r"~$",
    r"(^|/)\.#",
    r"(^|/)4913$",
    r"\.tmp$",
    r"(^|/)__pycache__(/|$)",
]
BANNER_LIMIT = 20  # problems listed in the page banner; the terminal has them all


@dataclass(frozen=True)
class Preview:
    """Where the preview builds, and what it watches."""

    paths: ProjectPaths
    output: Path  # holds html/, doctrees/ and the last build's status

    @property
    def html(self) -> Path:
        return self.output / "html"

    @property
    def status_file(self) -> Path:
        return self.output / "status.json"

    @property
    def warnings_file(self) -> Path:
        return self.output / "warnings.txt"

    def watched(self) -> list[Path]:
        """The source folder, seeds/, the fact file's folder and templates/, when present."""
        folders = [
            self.paths.source,
            self.paths.seeds,
            self.paths.facts.parent,
            self.paths.templates,
        ]
        found: list[Path] = []
        for folder in folders:
            folder = folder.resolve()
            if folder.is_dir() and not any(folder.is_relative_to(f) for f in found):
                found = [f for f in found if not f.is_relative_to(folder)] + [folder]
        return found

    def ignored(self) -> list[Path]:
        """Generated pages (the build writes them: watching them would loop) and outputs."""
        generated = self.paths.generated or self.paths.source / "_generated"
        return [
            generated.resolve(),
            self.output.resolve(),
            (self.paths.source / "_build").resolve(),
            (self.paths.root / "_build").resolve(),
        ]

    def sphinx_command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "briefing.sphinx.run",
            "-b",
            "html",
            "-q",
            "-c",
            str(self.paths.root),
            "-d",
            str(self.output / "doctrees"),
            "-w",
            str(self.warnings_file),
            str(self.paths.source),
            str(self.html),
        ]


@dataclass(frozen=True)
class Rebuild:
    """One build of the preview; sphinx-autobuild calls it in a worker process on changes."""

    preview: Preview

    def __call__(self, *, changed_paths: Sequence[Path] = ()) -> None:
        changed = dict.fromkeys(
            printable(_relative(p, self.preview.paths.root)) for p in changed_paths if p.exists()
        )
        if changed:
            print(f"briefing serve: changed {', '.join(list(changed)[:3])}; rebuilding", flush=True)
        start = time.monotonic()
        try:
            with BuildLock(self.preview.paths.root, "`briefing serve`", say=_say):
                code, problems = self.build()
        except OSError as error:  # the lock's folder cannot be written
            code, problems = 1, [f"briefing: {os_error_message(error, 'starting a rebuild')}"]
            print(problems[0], file=sys.stderr, flush=True)
        seconds = time.monotonic() - start
        status = {
            "ok": code == 0,
            "seconds": round(seconds, 2),
            "problems": problems,
            "finished": time.time(),
        }
        try:
            tmp = self.preview.status_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(status, ensure_ascii=False), "utf-8")
            tmp.replace(self.preview.status_file)
        except OSError as error:
            print(f"briefing serve: {os_error_message(error, 'saving the status')}", flush=True)
        if code != 0:
            print(
                f"briefing serve: the build failed ({seconds:.1f} s); the preview shows the "
                f"last good build with the problems above",
                flush=True,
            )
        else:
            print(
                f"briefing serve: built in {seconds:.1f} s"
                + (f", {len(problems)} warning(s) above" if problems else ""),
                flush=True,
            )

    def build(self) -> tuple[int, list[str]]:
        """Run Sphinx; its warnings, then the line saying why it stopped, if it did."""
        run = subprocess.run(
            self.preview.sphinx_command(), stderr=subprocess.PIPE, text=True, errors="replace"
        )
        sys.stderr.write(run.stderr)
        sys.stderr.flush()
        try:
            problems = [
                line
                for line in self.preview.warnings_file.read_text("utf-8").splitlines()
                if line.strip()
            ]
        except OSError:
            problems = []
        stopped = [line for line in run.stderr.splitlines() if line.startswith("briefing: ")]
        return run.returncode, problems + [line for line in stopped if line not in problems]


def _say(line: str) -> None:
    print(f"briefing serve: {line}", flush=True)


def banner(status: dict[str, Any]) -> bytes:
    """The page banner for a build that failed or warned; empty when all was well."""
    problems = status.get("problems", [])
    if status.get("ok", True) and not problems:
        return b""
    title = (
        "The last build failed; this page is from the build before it."
        if not status.get("ok", True)
        else f"The last build reported {len(problems)} problem(s)."
    )
    items = "".join(f"<li>{html.escape(p)}</li>" for p in problems[:BANNER_LIMIT])
    more = (
        f"<li>… and {len(problems) - BANNER_LIMIT} more (see the terminal)</li>"
        if len(problems) > BANNER_LIMIT
        else ""
    )
    return (
        '<div id="briefing-serve-problems" role="alert" style="position:fixed;left:0;right:0;'
        "bottom:0;z-index:10000;max-height:40vh;overflow:auto;margin:0;padding:.6em 1em;"
        "background:#fff4e5;color:#4a2a00;border-top:3px solid #c45500;"
        'font:14px/1.4 system-ui,sans-serif">'
        f"<strong>{html.escape(title)}</strong>"
        f'<ul style="margin:.3em 0 0;padding-left:1.2em;font-family:monospace">{items}{more}</ul>'
        "</div>"
    ).encode()


class ProblemBanner:
    """ASGI middleware: HTML pages of the preview carry the last build's problems."""

    def __init__(self, app: Any, status_file: Path, html: Path) -> None:
        self.app = app
        self.status_file = status_file
        self.html = html

    def _banner(self) -> bytes:
        try:
            return banner(json.loads(self.status_file.read_text("utf-8")))
        except (OSError, ValueError):
            return b""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] in ("/", "/index.html") and not (self.html / "index.html").is_file():
            await self._not_built(send)
            return
        extra = b""

        async def send_with_banner(message: Any) -> None:
            nonlocal extra
            if message["type"] == "http.response.start":
                from starlette.datastructures import MutableHeaders

                headers = MutableHeaders(scope=message)
                if headers.get("content-type", "").startswith("text/html"):
                    extra = self._banner()
                    if extra and "content-length" in headers:
                        headers["content-length"] = str(int(headers["content-length"]) + len(extra))
            elif (
                message["type"] == "http.response.body"
                and extra
                and not message.get("more_body", False)
            ):
                message["body"] += extra
            await send(message)

        await self.app(scope, receive, send_with_banner)

    async def _not_built(self, send: Any) -> None:
        """Before any build succeeded there is no page to put the banner on: one is made."""
        body = (
            b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>No preview yet"
            b"</title></head><body><p>The brief has not built yet.</p></body></html>"
            + self._banner()
        )
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"text/html; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def serve(paths: ProjectPaths, output: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Build once, then serve and rebuild on changes until interrupted."""
    try:
        import uvicorn
        from sphinx_autobuild.filter import IgnoreFilter  # type: ignore[import-untyped]
        from sphinx_autobuild.middleware import JavascriptInjectorMiddleware  # type: ignore[import-untyped]
        from sphinx_autobuild.server import RebuildServer  # type: ignore[import-untyped]
        from starlette.applications import Starlette
        from starlette.middleware import Middleware
        from starlette.routing import Mount, WebSocketRoute
        from starlette.staticfiles import StaticFiles
    except ImportError:
        print(
            "briefing serve needs sphinx-autobuild: pip install 'briefing[serve]'", file=sys.stderr
        )
        return 1
    preview = Preview(paths, output)
    preview.html.mkdir(parents=True, exist_ok=True)
    try:
        sock = socket.create_server((host, port))
    except OSError as error:
        print(
            f"briefing serve: cannot listen on {host}:{port}: {error.strerror}; "
            "choose another --port (0 picks a free one)",
            file=sys.stderr,
        )
        return 1
    port = sock.getsockname()[1]
    url_host = f"{host}:{port}"
    rebuild = Rebuild(preview)
    ignore = IgnoreFilter([str(p) for p in preview.ignored()], EDITOR_FILES)
    watcher = RebuildServer(preview.watched(), ignore, change_callback=rebuild)
    app = Starlette(
        routes=[
            WebSocketRoute("/websocket-reload", watcher, name="reload"),
            Mount("/", app=StaticFiles(directory=preview.html, html=True), name="static"),
        ],
        middleware=[
            Middleware(LocalOnly, host=host, port=port),
            Middleware(JavascriptInjectorMiddleware, ws_url=url_host),
            Middleware(ProblemBanner, status_file=preview.status_file, html=preview.html),
        ],
        lifespan=watcher.lifespan,
    )
    rebuild()
    watched = ", ".join(_relative(p, paths.root) + "/" for p in preview.watched())
    print(f"briefing serve: http://{url_host}/ (watching {watched}; Ctrl+C stops)", flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    return 0


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix() or "."
    except ValueError:
        return str(path)
