"""Build step (hooks/pages.py runs it last, after the build): precompressed copies
(``.br`` and ``.gz``) beside every text, JavaScript and WebAssembly file of the built site.

Servers send them as they are, with no work per request: nginx with ``gzip_static on;`` and
``brotli_static on;`` (Debian's ``libnginx-mod-http-brotli-static``), and ``tools/serve.py``.
Brotli at quality 11 (too slow to do per request) makes the runtime about a fifth smaller
than gzip does. A copy is written only when it saves bytes, and both are made once per file
content (kept in ``build/precompressed/``), since quality 11 takes seconds on the runtime.

It runs after every other post-build step, so it compresses the pages as finally written.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "build" / "precompressed"
# Text, JavaScript, WebAssembly, and the standard library and checker archives (stored
# uncompressed by hooks/runtime/fast_runtime.mjs, so that compression works across their files).
COMPRESSED_SUFFIXES = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".map", ".svg", ".xml", ".txt", ".ics"}
    | {".wasm", ".zip", ".whl"}
)
ENCODINGS = (".br", ".gz")


def _compress(data: bytes, encoding: str) -> bytes:
    if encoding == ".br":
        return bytes(brotli.compress(data, quality=11))
    return gzip.compress(data, compresslevel=9, mtime=0)


def _cached_compress(data: bytes, encoding: str) -> bytes:
    key = CACHE / (hashlib.sha256(data).hexdigest() + encoding)
    if key.is_file():
        return key.read_bytes()
    packed = _compress(data, encoding)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = key.with_suffix(".partial")
    partial.write_bytes(packed)
    partial.replace(key)
    return packed


def wire_size(data: bytes) -> int:
    """Bytes a server sends for a file of `data` to a browser that takes brotli (the page
    shows the runtime's download in these)."""
    return min(len(data), len(_cached_compress(data, ".br")))


def precompress(site_dir: Path) -> list[Path]:
    """Write ``name.br`` and ``name.gz`` beside each file that gets smaller; returns them."""
    written = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in COMPRESSED_SUFFIXES:
            continue
        data = path.read_bytes()
        for encoding in ENCODINGS:
            target = path.with_name(path.name + encoding)
            packed = _cached_compress(data, encoding)
            if len(packed) < len(data):
                target.write_bytes(packed)
                written.append(target)
            else:
                target.unlink(missing_ok=True)
    return written
