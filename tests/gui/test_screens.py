"""Every panel and dialog at 1366×768, in Chinese and in English (issue 17, section 3): none is
larger than the screen, none shows text in the other language, and the PNGs are kept for a
person to look at.

Each language runs `tests/gui/screens.py` in its own process, on a real 1366×768 screen (Qt's
offscreen platform with a screen file). The screenshots go to `tests/screens/` (ignored by git),
or to $HVP_SCREENS_DIR.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEMO_PASSWORD
from tests.gui.screens import screen_config

ROOT = Path(__file__).resolve().parents[2]
SCREENS = Path(os.environ.get("HVP_SCREENS_DIR", ROOT / "tests" / "screens"))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_screen_fits_1366x768_and_speaks_one_language(lang, _demo_master, tmp_path):
    demo = tmp_path / "demo.hvpdb"
    shutil.copy2(_demo_master, demo)
    config = screen_config(tmp_path / "screen.json")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "HVP_SCREENS_PASSWORD": DEMO_PASSWORD}
    for old in SCREENS.glob(f"{lang}-*"):
        old.unlink()
    child = subprocess.run([sys.executable, "-m", "tests.gui.screens", lang, str(demo), str(SCREENS)], cwd=ROOT,
                           env=env, capture_output=True, text=True, timeout=300)
    assert child.returncode == 0, child.stderr[-3000:]
    report = json.loads((SCREENS / f"{lang}-report.json").read_text(encoding="utf-8"))
    names = {shot.split("-", 2)[-1].removesuffix(".png") for shot in report["shots"]}
    # the three panels and the dialogs the issue names, at least
    assert {"applications", "scoring", "ranking", "shortlist-confirmation", "choose-round", "holiday-arrangement",
            "declare-conflict", "paper-sheet", "application-tab2", "unlock", "refusal", "restore-backup",
            "lock-screen", "changed-outside", "scoring-documents", "checklist", "checklist-evidence",
            "verify-pdf", "verify-pdf-several", "export-sheets", "export-sheets-pin", "export-sheets-done",
            "print-preview"} <= names, names
    assert all((SCREENS / shot).stat().st_size > 1000 for shot in report["shots"])
    assert report["problems"] == [], "\n".join(
        f"{p['where']}: {p['what']}" + (f" — {p['text']!r}" if p["text"] else "") for p in report["problems"])
