"""Shared fixtures: real encrypted working files in temp folders, a headless Qt."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

# Before Qt is imported anywhere: no display, and settings/app data in a throw-away folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="hvp-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "data")
os.environ.pop("HVP_PASSWORD", None)

import pytest  # noqa: E402

DEMO_PASSWORD = "hvp-demo-2026"


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory) -> Path:
    from hvp_desktop.demo import create_demo

    path = tmp_path_factory.mktemp("demo-master") / "demo.hvpdb"
    create_demo(path, DEMO_PASSWORD).close()
    return path


@pytest.fixture
def demo_file(_demo_master, tmp_path) -> Path:
    """A fresh copy of the demo working file (84 applications in 2 rounds)."""
    path = tmp_path / "demo.hvpdb"
    shutil.copy2(_demo_master, path)
    head = _demo_master.with_name(_demo_master.name + ".head")  # the audit head kept beside it
    if head.exists():
        shutil.copy2(head, path.with_name(path.name + ".head"))
    return path


@pytest.fixture
def demo_wf(demo_file):
    from hvp_desktop.store.engine import WorkingFile

    wf = WorkingFile.open(demo_file, DEMO_PASSWORD)
    yield wf
    wf.close()


# -- a review panel between laptops (issue 21; tests/unit/exchange/panel.py), built once --------------
@pytest.fixture(scope="session")
def _built_panel(tmp_path_factory):
    from tests.unit.exchange.panel import build_master

    return build_master(tmp_path_factory.mktemp("panel-master") / "master.hvpdb")


@pytest.fixture
def panel_files(_built_panel, tmp_path):
    """A fresh copy of the secretary's file of a panel round (nothing scored yet)."""
    from tests.unit.exchange.panel import copy_panel

    return copy_panel(_built_panel, tmp_path / "office")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SANDBOX, ignore_errors=True)
