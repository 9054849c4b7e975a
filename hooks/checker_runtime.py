"""Build step (hooks/pages.py runs it after the build): put the checker's runtime
(self-hosted Pyodide + the checker wheel) in the site.

After each build it writes into ``site/assets/pyodide/<pyodide version>/``:

- the Pyodide files the browser needs, copied from the pinned npm package in
  ``node_modules/pyodide`` (never a CDN; not committed);
- the ``checker`` wheel, built from this repository (offline: ``--no-isolation``), its TOML
  data files replaced by their JSON form (``browser_wheel``), and then py-compiled to
  bytecode by ``hooks/runtime/fast_runtime.mjs`` (fast start);
- ``python_stdlib_fast.zip``: the fast-start standard library, made by the same tool
  running the pinned Pyodide under Node: only the modules that Pyodide's start-up and the
  checker import, compiled to bytecode. The worker loads it with ``stdLibURL`` instead of
  the stock ``python_stdlib.zip`` (which is not shipped);
- ``pyodide-lock.json``: the site's own lock file, made by ``pyodide lockfile add-wheels``.
  It lists only the checker wheel, with its sha256, which the browser verifies before
  installing it. Pyodide's other packages are not shipped, so they are not listed.

The build fails with a sentence when something it needs is missing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from precompress import wire_size

from checker.package_files import DataFormError, json_form

ROOT = Path(__file__).resolve().parents[1]
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
CHECKER_SOURCE = ROOT / "checker"

# Where the runtime lives in the built site, relative to the site root.
RUNTIME_DIR = "assets/pyodide"
# The files of the npm package that a browser loads (the lock file is written, not copied).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
LOCK_FILE = "pyodide-lock.json"
FAST_STDLIB = "python_stdlib_fast.zip"
FAST_RUNTIME_TOOL = Path(__file__).resolve().parent / "runtime" / "fast_runtime.mjs"
FAST_RUNTIME_EXERCISE = Path(__file__).resolve().parent / "runtime" / "stdlib_exercise.py"
# Built fast-start runtimes, keyed by everything they are made from.
FAST_RUNTIME_CACHE = ROOT / "build" / "fast-runtime"

# The wheel is built once per process for a given state of the sources (the i18n plugin
# runs the build once per language; `mkdocs serve` rebuilds after each change).
_built_cache: dict[str, Path] = {}  # the wheel and the sdist, by kind and source state
# The runtime's download sizes, likewise.
_downloads_cache: dict[str, dict[str, dict[str, int]]] = {}


def pyodide_version() -> str:
    """The pinned Pyodide version, read from the installed npm package."""
    manifest = PYODIDE_PACKAGE / "package.json"
    if not manifest.is_file():
        raise PluginError(
            "The in-browser checker needs Pyodide, but node_modules/pyodide is missing: "
            "run `npm ci` (or `make build`, which does it) and build again."
        )
    version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    if not isinstance(version, str):
        raise PluginError(f"node_modules/pyodide/package.json has no usable version: {version!r}.")
    return version


def runtime_path() -> str:
    """The runtime folder relative to the site root, e.g. ``assets/pyodide/314.0.7/``."""
    return f"{RUNTIME_DIR}/{pyodide_version()}/"


def checker_package_name() -> str:
    """The distribution name the lock file lists the checker under (from pyproject.toml)."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name = str(project["name"])
    return name.lower().replace("_", "-").replace(".", "-")


def _sources_digest() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    for path in sorted(CHECKER_SOURCE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build_checker(kind: str, pattern: str, purpose: str) -> Path:
    """Build the checker's `kind` ("wheel" or "sdist", pure Python) offline into a temporary
    folder, once per state of the sources; returns the one file matching `pattern`."""
    key = f"{kind}:{_sources_digest()}"
    if key in _built_cache and _built_cache[key].is_file():
        return _built_cache[key]
    out_dir = Path(tempfile.mkdtemp(prefix=f"checker-{kind}-"))
    command = [sys.executable, "-m", "build", f"--{kind}", "--no-isolation"]
    command += ["--outdir", str(out_dir)]
    done = subprocess.run([*command, str(ROOT)], capture_output=True, text=True, check=False)
    built = sorted(out_dir.glob(pattern))
    if done.returncode != 0 or len(built) != 1:
        raise PluginError(
            f"Could not build {purpose} "
            f"(`{' '.join(command)}` exited with {done.returncode}):\n{done.stderr[-2000:]}"
        )
    _built_cache[key] = built[0]
    return built[0]


def build_checker_wheel() -> Path:
    """Build the checker wheel (pure Python) into a temporary folder; returns its path."""
    return build_checker("wheel", "*.whl", "the checker wheel for the in-browser checker")


def browser_wheel() -> Path:
    """The checker wheel as the browser installs it: each TOML data file of the package
    replaced by its JSON form (`checker.package_files.json_form`: the engine reads whichever
    it finds, and Pyodide reads JSON about twenty times faster). Other members, and every
    member's date, unchanged, so the same sources give the same bytes."""
    source = build_checker_wheel()
    target = source.parent / "browser" / source.name
    if target.is_file():
        return target
    target.parent.mkdir(exist_ok=True)
    package = f"{CHECKER_SOURCE.name}/"
    with (
        zipfile.ZipFile(source) as wheel,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in wheel.infolist():
            data = wheel.read(info)
            stem, _, suffix = info.filename.removeprefix(package).rpartition(".")
            if info.filename.startswith(package) and suffix == "toml" and "/" not in stem:
                try:
                    data = json_form(data.decode("utf-8")).encode("utf-8")
                except DataFormError as error:
                    raise PluginError(
                        f"checker/{stem}.toml cannot be shipped to the browser: {error}."
                    ) from error
                info.filename = f"{package}{stem}.json"
            out.writestr(info, data)
    return target


def write_lock_file(wheel: Path, target_dir: Path, *, imports: list[str]) -> None:
    """Write the site's lock file: Pyodide's header, and the checker wheel with its sha256.

    `imports` names the wheel's top-level packages: `add-wheels` finds them by their `.py`
    files, which a py-compiled wheel no longer has."""
    base = json.loads((PYODIDE_PACKAGE / LOCK_FILE).read_text(encoding="utf-8"))
    base["packages"] = {}
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    with tempfile.TemporaryDirectory(prefix="checker-lock-") as work:
        base_lock = Path(work) / "base-lock.json"
        base_lock.write_text(json.dumps(base), encoding="utf-8")
        command = [str(pyodide_cli), "lockfile", "add-wheels"]
        command += ["--input", str(base_lock), "--output", str(target_dir / LOCK_FILE)]
        command += ["--base-path", str(target_dir), str(target_dir / wheel.name)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PluginError(
            "Could not register the checker wheel in the site's Pyodide lock file "
            f"(`pyodide lockfile add-wheels` exited with {done.returncode}):\n{done.stderr[-2000:]}"
        )
    lock_path = target_dir / LOCK_FILE
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    for entry in lock["packages"].values():
        entry["imports"] = entry["imports"] or imports
    lock_path.write_text(json.dumps(lock, indent=2), encoding="utf-8")


def build_fast_runtime(wheel: Path) -> tuple[Path, Path]:
    """The fast-start standard library and the py-compiled wheel made from `wheel` by
    ``hooks/runtime/fast_runtime.mjs`` (cached by everything they are made from)."""
    digest = hashlib.sha256(wheel.read_bytes())
    for part in (FAST_RUNTIME_TOOL, FAST_RUNTIME_EXERCISE, PYODIDE_PACKAGE / "package.json"):
        digest.update(part.read_bytes())
    out_dir = FAST_RUNTIME_CACHE / digest.hexdigest()[:32]
    if not (out_dir / FAST_STDLIB).is_file():
        node = shutil.which("node")
        if node is None:
            raise PluginError("Node.js is needed to build the checker's runtime: install it.")
        partial = out_dir.with_suffix(".partial")
        shutil.rmtree(partial, ignore_errors=True)
        command = [node, str(FAST_RUNTIME_TOOL), "--wheel", str(wheel)]
        command += ["--exercise", str(FAST_RUNTIME_EXERCISE), "--out-dir", str(partial)]
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
        if done.returncode != 0:
            raise PluginError(
                "Could not build the checker's fast-start runtime "
                f"(`node hooks/runtime/fast_runtime.mjs` exited with {done.returncode}):\n"
                f"{done.stderr[-2000:]}"
            )
        shutil.rmtree(out_dir, ignore_errors=True)
        partial.replace(out_dir)
    compiled_wheels = sorted(out_dir.glob("*.whl"))
    if len(compiled_wheels) != 1:
        raise PluginError(f"{out_dir}: expected one py-compiled wheel, found {compiled_wheels}.")
    return out_dir / FAST_STDLIB, compiled_wheels[0]


def runtime_downloads() -> dict[str, dict[str, int]]:
    """The runtime files a browser downloads (the 18 kB pyodide.mjs aside) and their sizes:
    ``{file name: {"bytes": size, "wire": bytes sent with brotli}}``. The worker counts the
    bytes it receives (decoded); the page turns them into megabytes on the wire."""
    fast_stdlib, compiled_wheel = build_fast_runtime(browser_wheel())
    key = _sources_digest()
    if key not in _downloads_cache:
        files = [PYODIDE_PACKAGE / "pyodide.asm.wasm", PYODIDE_PACKAGE / "pyodide.asm.mjs"]
        files += [fast_stdlib, compiled_wheel]
        _downloads_cache[key] = {
            path.name: {"bytes": len(data), "wire": wire_size(data)}
            for path in files
            for data in [path.read_bytes()]
        }
    return _downloads_cache[key]


def install_runtime(site_dir: Path) -> Path:
    """Copy Pyodide and the checker wheel into the site and write the lock file."""
    target_dir = site_dir / runtime_path()
    target_dir.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        source = PYODIDE_PACKAGE / name
        if not source.is_file():
            raise PluginError(
                f"node_modules/pyodide/{name} is missing: reinstall the npm packages with `npm ci`."
            )
        shutil.copyfile(source, target_dir / name)
    for old in target_dir.glob("*.whl"):
        old.unlink()
    fast_stdlib, compiled_wheel = build_fast_runtime(browser_wheel())
    shutil.copyfile(compiled_wheel, target_dir / compiled_wheel.name)
    write_lock_file(compiled_wheel, target_dir, imports=[CHECKER_SOURCE.name])
    shutil.copyfile(fast_stdlib, target_dir / FAST_STDLIB)
    return target_dir
