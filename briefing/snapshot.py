"""The inputs of one build, read once: every file's bytes (or why it has none) and hash.

A build checks the inputs and then has Sphinx build them, for HTML and for the PDF, in
other processes. Each reading the files for itself, an editor's save landing between
two reads made the check pass one fact file and the build publish another. A snapshot
is taken at the start: each file is read once, the check reads the snapshot, and the
same bytes are handed to each Sphinx process (:meth:`Snapshot.dump`, then
:meth:`Snapshot.load` there, each file's SHA-256 checked again).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.inputs import InputError, read_file
from briefing.problems import Code

ENVIRONMENT = "BRIEFING_SNAPSHOT"  # names the dumped snapshot a Sphinx process builds from


class DamagedSnapshot(Exception):
    """A dumped snapshot that cannot be read back as it was written."""


def _key(path: Path) -> str:
    return os.path.abspath(path)


@dataclass
class Snapshot:
    """Files read so far, by absolute path: bytes, or the InputError reading gave; and
    the names in each folder listed."""

    files: dict[str, bytes | InputError] = field(default_factory=dict)
    listings: dict[str, list[str] | None] = field(default_factory=dict)

    def read(self, path: Path, limit: int) -> bytes:
        """The bytes of ``path``, read from the disk the first time only."""
        key = _key(path)
        if key not in self.files:
            try:
                self.files[key] = read_file(path, limit)
            except InputError as error:
                self.files[key] = error
        found = self.files[key]
        if isinstance(found, InputError):
            raise found
        if len(found) > limit:  # a snapshot read with a larger limit before
            raise InputError(f"is larger than {limit:,} bytes: {path}", "", Code.TOO_LARGE)
        return found

    def listing(self, folder: Path) -> list[str] | None:
        """The names in ``folder``, sorted; None when it is not a folder."""
        key = _key(folder)
        if key not in self.listings:
            try:
                self.listings[key] = sorted(os.listdir(folder)) if folder.is_dir() else None
            except OSError:
                self.listings[key] = None
        return self.listings[key]

    def digest(self) -> str:
        """One SHA-256 of every file read and every folder listed."""
        whole = hashlib.sha256()
        for key, found in sorted(self.files.items()):
            data = found if isinstance(found, bytes) else str(found).encode()
            whole.update(f"{key}\0{hashlib.sha256(data).hexdigest()}\0".encode())
        for key, names in sorted(self.listings.items()):
            whole.update(f"{key}\0{names!r}\0".encode("utf-8", "surrogateescape"))
        return whole.hexdigest()

    def dump(self, path: Path) -> None:
        files: dict[str, Any] = {}
        for key, found in self.files.items():
            if isinstance(found, InputError):
                files[key] = {"error": [found.message, found.hint, found.code.value]}
            else:
                files[key] = {
                    "sha256": hashlib.sha256(found).hexdigest(),
                    "data": base64.b64encode(found).decode("ascii"),
                }
        whole = {"files": files, "listings": self.listings, "digest": self.digest()}
        # ASCII JSON keeps a file name's undecodable bytes (lone surrogates) as escapes.
        path.write_text(json.dumps(whole, ensure_ascii=True), "ascii")

    @classmethod
    def load(cls, path: Path) -> Snapshot:
        try:
            whole = json.loads(path.read_text("ascii"))
            snapshot = cls(listings=whole["listings"])
            for key, entry in whole["files"].items():
                if "error" in entry:
                    message, hint, code = entry["error"]
                    snapshot.files[key] = InputError(message, hint, Code(code))
                    continue
                data = base64.b64decode(entry["data"])
                if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                    raise DamagedSnapshot(f"{path}: {key} does not match its hash")
                snapshot.files[key] = data
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise DamagedSnapshot(f"{path}: {error}") from None
        if snapshot.digest() != whole["digest"]:
            raise DamagedSnapshot(f"{path}: the inputs do not match the snapshot's digest")
        return snapshot
