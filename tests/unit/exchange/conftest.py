from __future__ import annotations

import pytest

from tests.unit.exchange.panel import build_master, copy_panel


@pytest.fixture(scope="session")
def _built_panel(tmp_path_factory):
    return build_master(tmp_path_factory.mktemp("panel-master") / "master.hvpdb")


@pytest.fixture
def panel_files(_built_panel, tmp_path):
    """A fresh copy of the secretary's file (nothing scored yet)."""
    return copy_panel(_built_panel, tmp_path / "office")
