"""The built site's precompressed copies: does every text, JavaScript and WebAssembly file of
the runtime and the theme have a brotli and a gzip copy holding exactly its bytes, and are the
runtime's archives stored uncompressed inside, so that transport compression works across
their files?"""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import brotli
import pytest

SUFFIXES = (".html", ".css", ".js", ".mjs", ".json", ".wasm", ".zip", ".whl")


def served_files(site_dir: Path) -> list[Path]:
    return [
        path
        for path in sorted(site_dir.rglob("*"))
        if path.is_file() and path.suffix in SUFFIXES and path.stat().st_size > 1024
    ]


def test_every_runtime_and_theme_file_has_both_copies_with_its_exact_bytes(
    site_dir: Path,
) -> None:
    files = served_files(site_dir)
    runtime = [path for path in files if "assets/pyodide/" in path.as_posix()]
    theme = [path for path in files if "assets/javascripts/" in path.as_posix()]
    assert len(runtime) >= 5, runtime
    assert theme
    for path in files:
        data = path.read_bytes()
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data, path


def test_brotli_makes_the_webassembly_less_than_three_tenths_of_its_size(site_dir: Path) -> None:
    (wasm,) = site_dir.glob("assets/pyodide/*/pyodide.asm.wasm")
    packed = wasm.with_name(wasm.name + ".br").stat().st_size
    assert packed < 0.3 * wasm.stat().st_size
    assert packed < wasm.with_name(wasm.name + ".gz").stat().st_size


@pytest.mark.parametrize("pattern", ["python_stdlib_fast.zip", "*.whl"])
def test_the_runtime_archives_are_stored_uncompressed(site_dir: Path, pattern: str) -> None:
    (archive,) = site_dir.glob(f"assets/pyodide/*/{pattern}")
    with zipfile.ZipFile(archive) as opened:
        methods = {member.compress_type for member in opened.infolist()}
    assert methods == {zipfile.ZIP_STORED}
