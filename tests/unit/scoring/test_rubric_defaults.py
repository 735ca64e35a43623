"""The shipped rubrics: the stand-ins for Annex 2 (recognition) and Annex 3 (annual assessment)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hvp_desktop.domain.commitments import COMMITMENTS
from hvp_desktop.resources import resource_path
from hvp_desktop.scoring.rubric import DEFAULT_FILES, Rubric, default_rubrics, load, to_json

CONSTRUCTION_RULES = [f"R{n}" for n in range(5, 14)]  # R5 … R13


@pytest.fixture(scope="module")
def rubrics() -> dict[str, Rubric]:
    return default_rubrics()


@pytest.fixture(scope="module")
def annual(rubrics) -> Rubric:
    return rubrics["annual"]


@pytest.fixture(scope="module")
def recognition(rubrics) -> Rubric:
    return rubrics["recognition"]


def test_both_defaults_load_and_total_exactly_100(rubrics):
    assert set(rubrics) == {"recognition", "annual"}
    for kind, rubric in rubrics.items():
        assert rubric.kind == kind
        assert rubric.version == "2026.1"
        assert rubric.max_total == Decimal(100)
        assert sum((c.max_points for c in rubric.criteria), Decimal(0)) == Decimal(100)


def test_the_defaults_say_they_stand_in_for_the_official_annexes(recognition, annual):
    assert recognition.source == "默认评分表（代附件2），正式附件2公布后请导入"
    assert annual.source == "默认评分表（代附件3），正式附件3公布后请导入"
    assert "（默认）" in recognition.title and "（默认）" in annual.title


@pytest.mark.parametrize("kind", ["recognition", "annual"])
def test_shipped_files_are_in_canonical_form(kind):
    path = resource_path("resources", "rubrics", DEFAULT_FILES[kind])
    assert path.read_text(encoding="utf-8") == to_json(load(path))


def test_recognition_has_the_six_sections_of_the_programme(recognition):
    titles = [s.title for s in recognition.sections]
    assert len(titles) == 6
    for words in ("申报基础", "R5–R6", "R7", "PCT", "建设方案（R8–R13）", "预期成效"):
        assert sum(words in t for t in titles) == 1, words
    assert 15 <= len(recognition.criteria) <= 20


def test_recognition_construction_plan_covers_R8_to_R13(recognition):
    plan = next(s for s in recognition.sections if s.title.startswith("建设方案"))
    served = {rule for c in plan.criteria for rule in c.rules}
    assert served >= {f"R{n}" for n in range(8, 14)}


def test_R5_to_R13_each_has_at_least_one_annual_criterion(annual):
    served = {rule for c in annual.criteria for rule in c.rules}
    assert served == set(CONSTRUCTION_RULES)


def test_R5_to_R13_every_annual_criterion_serves_one_of_them(annual):
    for criterion in annual.criteria:
        assert len(criterion.rules) == 1, criterion.code
        assert criterion.rules[0] in CONSTRUCTION_RULES, criterion.code


def test_R5_to_R13_annual_sections_follow_the_commitments_catalogue(annual):
    assert [s.code for s in annual.sections] == [c.rule for c in COMMITMENTS] == CONSTRUCTION_RULES
    for section in annual.sections:
        assert {r for c in section.criteria for r in c.rules} == {section.code}
        assert f"（{section.code}）" in section.title
    assert 20 <= len(annual.criteria) <= 30


def test_annual_weights_favour_the_core_tasks(annual):
    weight = {s.code: s.max_points for s in annual.sections}
    core = [weight[r] for r in ("R8", "R9", "R10")]
    assert min(core) > max(weight[r] for r in ("R5", "R6", "R7", "R11", "R12", "R13"))
    assert weight["R12"] <= 5 and weight["R13"] <= 5


@pytest.mark.parametrize("kind", ["recognition", "annual"])
def test_every_criterion_is_fully_described(rubrics, kind):
    for criterion in rubrics[kind].criteria:
        assert "材料" in criterion.guidance, criterion.code
        assert len(criterion.guidance) >= 40, criterion.code
        assert criterion.step in (Decimal("0.5"), Decimal(1)), criterion.code
        assert criterion.comment_below_share == Decimal("0.6"), criterion.code
        assert len(criterion.bands) >= 3, criterion.code
        assert criterion.bands[0].low == 0 and criterion.bands[-1].high == criterion.max_points, criterion.code
        assert all(b.label and b.description for b in criterion.bands), criterion.code


@pytest.mark.parametrize("kind", ["recognition", "annual"])
def test_band_extreme_comments_only_where_every_band_has_a_middle(rubrics, kind):
    """Otherwise every score in a narrow band would need a comment."""
    flagged = [c for c in rubrics[kind].criteria if c.comment_at_band_extremes]
    assert flagged
    for criterion in flagged:
        for band in criterion.bands:
            assert band.high - band.low >= 2 * criterion.step, (criterion.code, band.label)


def test_default_rubrics_hands_out_a_fresh_dict(rubrics):
    mine = default_rubrics()
    mine.pop("annual")
    assert "annual" in default_rubrics()
    assert default_rubrics()["recognition"] is rubrics["recognition"]  # loaded once, immutable


def test_labels_name_title_version_and_digest(recognition, annual):
    assert recognition.label == f"高价值专利培育布局中心认定评分表（默认） 2026.1 ({recognition.digest[:8]})"
    assert recognition.digest != annual.digest
    assert len(annual.digest) == 64 and int(annual.digest, 16) >= 0
