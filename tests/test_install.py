"""The installed tool works from any directory: rules and templates ship inside the package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cchc.paths import data_dir

ROOT = Path(__file__).resolve().parents[1]


def test_shipped_data_is_found() -> None:
    assert list(data_dir("rules").glob("*.yaml")), data_dir("rules")
    assert (data_dir("rules") / "README.md").exists() or (data_dir("rules") / "schemes").is_dir()


def test_cchc_check_runs_outside_the_repository(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_bytes((ROOT / "fixtures" / "seeds" / "tan-phong-2024.json").read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if not _installed():
        # Developer mode (source tree on the path): point at it, the test then checks the fallback.
        import cchc

        env["PYTHONPATH"] = str(Path(cchc.__file__).resolve().parents[1])
    out = subprocess.run(
        [sys.executable, "-m", "cchc", "check", "plan.json", "--format", "json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert out.returncode in (0, 1), out.stderr.decode()
    report = json.loads(out.stdout)
    assert report["plans"][0]["results"], "no rule was evaluated: rule packs not found"
    assert b"Traceback" not in out.stderr


def _installed() -> bool:
    import cchc

    return "site-packages" in str(Path(cchc.__file__))
