"""poppler-utils as the independent reader of the PDF reports in tests: text per page, fonts."""

from __future__ import annotations

import subprocess
from pathlib import Path


def run(*args) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True, timeout=60).stdout


def write_pdf(tmp_path: Path, pdf: bytes, name: str = "report.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def pages(path: Path) -> list[str]:
    """The text of each page, laid out (`pdftotext -layout`)."""
    return run("pdftotext", "-layout", path, "-").split("\f")[:-1]


def fonts(path: Path) -> list[list[str]]:
    """`pdffonts`' rows, split into words."""
    return [line.split() for line in run("pdffonts", path).splitlines()[2:] if line.strip()]


SCREENS = Path(__file__).resolve().parent / "screens"  # git-ignored: pictures for a person to look at


def screens(path: Path, stem: str, pages: list[int]) -> None:
    """The pages at 1366 px wide (pdftoppm) into tests/screens/, for a person to look at."""
    SCREENS.mkdir(exist_ok=True)
    for page in dict.fromkeys(pages):
        run("pdftoppm", "-png", "-r", "80", "-scale-to-x", "1366", "-scale-to-y", "-1", "-f", page,
            "-l", page, "-singlefile", path, SCREENS / f"{stem}_p{page}")
        assert (SCREENS / f"{stem}_p{page}.png").stat().st_size > 10_000
