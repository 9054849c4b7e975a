"""An HR officer installs the command line from the site itself, as the HR page shows:
`pip install <site>/downloads/<wheel>` into a fresh virtual environment, with no package
index, then `citizen-card-checker --version`, a check and a batch."""

from __future__ import annotations

import hashlib
import json
import subprocess
import venv
from pathlib import Path

from checker.rules import load_rules


def test_the_wheel_on_the_site_installs_with_no_index_and_checks_a_person_and_a_list(
    site_dir: Path, local_url: str, tmp_path: Path
) -> None:
    downloads = site_dir / "downloads"
    (wheel,) = sorted(downloads.glob("*-py3-none-any.whl"))
    sums = (downloads / "SHA256SUMS").read_text(encoding="utf-8")
    assert f"{hashlib.sha256(wheel.read_bytes()).hexdigest()}  {wheel.name}" in sums.splitlines()

    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = [str(python), "-m", "pip", "install", "--no-index", "--quiet"]
    subprocess.run([*install, local_url + "downloads/" + wheel.name], check=True)
    command = env_dir / "bin" / "citizen-card-checker"

    rules = load_rules()
    version = subprocess.run([command, "--version"], capture_output=True, text=True, check=True)
    assert "hangzhou-citizen-card-checker 0.1.0" in version.stdout
    assert rules.rules_version in version.stdout
    assert rules.last_verified.isoformat() in version.stdout

    check = subprocess.run(
        [
            command,
            "check",
            "--permit-issued",
            "2026-11-12",
            "--permit-expires",
            "2028-11-11",
            "--passport-expires",
            "2030-01-01",
            "--on",
            "2026-11-26",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    answer = json.loads(check.stdout)
    assert (answer["status"], answer["earliest"], answer["latest"]) == (
        "eligible",
        "2026-11-26",
        "2028-08-12",
    )

    staff = tmp_path / "staff.csv"
    staff.write_text(
        "name,permit_issued,permit_expires,passport_expires,category\n"
        "Anna Schmidt,2026-11-12,2028-11-11,2030-01-01,A\n"
        "Li Ming,2026-11-20,2028-11-19,not a date,B\n",
        encoding="utf-8",
    )
    batch = subprocess.run(
        [command, "batch", str(staff), "--on", "2026-11-26", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert batch.returncode == 0, batch.stderr
    result = json.loads(batch.stdout)
    status = result["columns"].index("status")
    assert [row[status] for row in result["rows"]] == ["eligible", "invalid"]
    assert result["rules_version"] == rules.rules_version
