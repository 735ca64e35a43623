"""A small valid rubric as plain data, for tests that break one thing at a time."""

from __future__ import annotations

import copy
from typing import Any

import pytest

_BANDS_B1 = [
    {"label": "差", "low": "0", "high": "17.5", "description": "未达要求"},
    {"label": "中", "low": "18", "high": "23.5", "description": "基本达到"},
    {"label": "良", "low": "24", "high": "26.5", "description": "较好"},
    {"label": "优", "low": "27", "high": "30", "description": "突出"},
]

_RUBRIC: dict[str, Any] = {
    "id": "test-rubric",
    "version": "2026.1",
    "kind": "annual",
    "title": "测试评分表",
    "source": "test",
    "sections": [
        {
            "code": "A",
            "title": "组织机构",
            "criteria": [
                {"code": "A1", "title": "负责人", "guidance": "查任命文件", "max_points": "40", "step": "0.5"},
                {"code": "A2", "title": "专职人员", "guidance": "查劳动合同", "max_points": "20"},
            ],
        },
        {
            "code": "B",
            "title": "经费",
            "criteria": [
                {
                    "code": "B1",
                    "title": "年度经费",
                    "guidance": "查支出凭证",
                    "max_points": "30",
                    "step": "0.5",
                    "bands": _BANDS_B1,
                    "rules": ["R7"],
                    "comment_below_share": "0.6",
                    "comment_at_band_extremes": True,
                },
                {"code": "B2", "title": "场所", "guidance": "", "max_points": "10", "step": "1"},
            ],
        },
    ],
}


@pytest.fixture
def rubric_data() -> dict[str, Any]:
    """A fresh, valid rubric (A1 40 + A2 20 + B1 30 + B2 10 = 100) to break in place."""
    return copy.deepcopy(_RUBRIC)
