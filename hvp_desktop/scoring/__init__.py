"""Scoring: rubrics (load, validate, version) and the arithmetic of scores. Plain Python.

Nothing here imports Qt, SQLAlchemy, openpyxl or any other package of hvp_desktop but domain
(tests/test_layering.py checks). Excel import/export of rubric tables lives in
`hvp_desktop.reports.rubric_excel`.
"""

from hvp_desktop.scoring.rubric import (
    KINDS,
    MAX_TOTAL,
    Band,
    Criterion,
    Problem,
    Rubric,
    RubricError,
    Section,
    SectionProgress,
    band_of,
    check_score,
    comment_required,
    default_rubrics,
    format_points,
    load,
    loads,
    section_progress,
    to_json,
    total,
    validate,
)

__all__ = [
    "KINDS",
    "MAX_TOTAL",
    "Band",
    "Criterion",
    "Problem",
    "Rubric",
    "RubricError",
    "Section",
    "SectionProgress",
    "band_of",
    "check_score",
    "comment_required",
    "default_rubrics",
    "format_points",
    "load",
    "loads",
    "section_progress",
    "to_json",
    "total",
    "validate",
]
