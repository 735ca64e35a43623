"""Scoring: rubrics (load, validate, version) and the arithmetic of scores. Plain Python.

Nothing here imports Qt or SQLAlchemy. Excel import/export of rubric tables lives in
`hvp_desktop.scoring.rubric_excel` (openpyxl) and is imported on its own, not from here.
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
