"""Every text the GUI shows has a Chinese translation (Qt Linguist), checked against the sources."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "hvp_desktop_zh_CN.ts"


def test_every_source_text_is_translated(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = [*map(str, (ROOT / "hvp_desktop" / "gui").glob("*.py")), str(ROOT / "hvp_desktop" / "app.py"),
               *map(str, (ROOT / "ui").glob("*.ui"))]
    subprocess.run([str(lupdate), *sources, "-ts", str(copy)], check=True, capture_output=True, timeout=120)
    untranslated = []
    for context in ET.parse(copy).getroot():
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            text = "".join(translation.itertext())
            if translation.get("type") == "unfinished" or not text.strip():
                untranslated.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert untranslated == []


def test_translation_texts_are_chinese_and_keep_placeholders():
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        source = message.findtext("source")
        text = "".join(translation.itertext())
        for placeholder in ("%1", "%2", "%3", "%n"):
            assert (placeholder in source) == (placeholder in text), (source, text)


def test_no_translated_text_hides_inside_an_f_string():
    """lupdate cannot see tr() calls inside f-strings: such a text would never be translated."""
    offenders = [f"{path.name}:{n}" for path in (ROOT / "hvp_desktop" / "gui").glob("*.py")
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if "{self.tr(" in line or "{QCoreApplication.translate(" in line]
    assert offenders == []
