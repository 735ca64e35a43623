"""The schema check: every problem reported at once, each with its path; canonical JSON and digest."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from hvp_desktop.scoring.rubric import (
    Band,
    Criterion,
    RubricError,
    default_rubrics,
    load,
    loads,
    to_dict,
    to_json,
    validate,
)


def problems_of(data) -> list[str]:
    with pytest.raises(RubricError) as caught:
        load(data)
    return caught.value.problems


def test_the_fixture_is_valid(rubric_data):
    rubric = load(rubric_data)
    assert rubric.max_total == Decimal(100)
    assert [c.code for c in rubric.criteria] == ["A1", "A2", "B1", "B2"]
    assert rubric.criterion("A2").step == Decimal(1)  # the default step
    assert rubric.criterion("B1").bands[0] == Band(Decimal(0), Decimal("17.5"), "未达要求", "差")


def test_several_problems_are_reported_at_once_each_with_its_path(rubric_data):
    rubric_data["version"] = "2026"
    rubric_data["sections"][0]["title"] = " "
    del rubric_data["sections"][0]["criteria"][1]["guidance"]
    rubric_data["sections"][1]["criteria"][0]["max_points"] = "0"
    problems = problems_of(rubric_data)
    assert len(problems) == 4
    assert problems[0].startswith("version: “2026”格式不对")
    assert "sections[0].title: 不能为空" in problems
    assert "sections[0].criteria[1].guidance: 缺少必填项" in problems
    assert "sections[1].criteria[0].max_points: 必须大于0" in problems


def test_paths_are_ascii_and_the_error_message_lists_every_problem(rubric_data):
    rubric_data["kind"] = "年度"
    rubric_data["sections"][1]["criteria"][1]["step"] = "-1"
    problems = problems_of(rubric_data)
    assert [p.split(":")[0] for p in problems] == ["kind", "sections[1].criteria[1].step"]
    assert all(p.split(":")[0].isascii() for p in problems)
    with pytest.raises(RubricError, match="评分表有2处问题") as caught:
        load(rubric_data)
    assert all(p in str(caught.value) for p in problems)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("a2_points, total", [("19.5", "99.5"), ("21", "101"), ("1", "81")])
def test_a_total_other_than_100_is_refused(rubric_data, a2_points, total):
    rubric_data["sections"][0]["criteria"][1]["max_points"] = a2_points
    rubric_data["sections"][0]["criteria"][1]["step"] = "0.5"
    assert problems_of(rubric_data) == [f"sections: 各项满分合计为{total}分，应为100分"]


def test_an_unreadable_max_points_does_not_add_a_misleading_total(rubric_data):
    rubric_data["sections"][0]["criteria"][0]["max_points"] = "四十"
    assert problems_of(rubric_data) == ["sections[0].criteria[0].max_points: 应为数字，实为“四十”"]


def test_duplicate_codes_across_the_rubric(rubric_data):
    rubric_data["sections"][1]["criteria"][1]["code"] = "A1"
    rubric_data["sections"][1]["code"] = "A"
    assert problems_of(rubric_data) == [
        "sections[1].code: 编号“A”重复（已用于sections[0]）",
        "sections[1].criteria[1].code: 编号“A1”重复（已用于sections[0].criteria[0]）",
    ]


def test_a_criterion_code_may_not_reuse_a_section_code(rubric_data):
    rubric_data["sections"][0]["criteria"][0]["code"] = "B"
    assert problems_of(rubric_data) == ["sections[1].code: 编号“B”重复（已用于sections[0].criteria[0]）"]


@pytest.mark.parametrize("code", ["A 1", "甲1", "", "-A", "A" * 17])
def test_codes_are_short_ascii(rubric_data, code):
    rubric_data["sections"][0]["criteria"][0]["code"] = code
    (problem,) = problems_of(rubric_data)
    assert problem.startswith("sections[0].criteria[0].code: ")


def test_max_points_must_be_a_multiple_of_the_step(rubric_data):
    rubric_data["sections"][0]["criteria"][1]["step"] = "3"
    assert problems_of(rubric_data) == ["sections[0].criteria[1].step: 满分20不是步长3的整数倍"]


def test_a_fractional_max_needs_a_fractional_step(rubric_data):
    criteria = rubric_data["sections"][0]["criteria"]
    criteria[0]["max_points"], criteria[1]["max_points"] = "39.5", "20.5"  # step of A2 defaults to 1
    assert problems_of(rubric_data) == ["sections[0].criteria[1].step: 满分20.5不是步长1的整数倍"]


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("max_points", "-5", "必须大于0"),
        ("step", "0", "必须大于0"),
        ("max_points", 40.0, '不接受浮点数，请写成文本，如"2.5"'),
        ("max_points", True, "应为数字，实为“True”"),
        ("max_points", "1e2", "应为数字，实为“1e2”"),
        ("max_points", Decimal("NaN"), "应为数字，实为“NaN”"),
        ("max_points", None, "应为数字，实为“null”"),
        ("step", "0.0000001", "0.0000001超出范围（应小于1000000，至多6位小数）"),
        ("step", Decimal("1E-40"), "0.0000000000000000000000000000000000000001超出范围（应小于1000000，至多6位小数）"),
    ],
)
def test_numbers_are_exact_and_positive(rubric_data, field, value, message):
    rubric_data["sections"][0]["criteria"][0][field] = value
    assert problems_of(rubric_data) == [f"sections[0].criteria[0].{field}: {message}"]


def test_numbers_may_be_ints_decimals_or_text(rubric_data):
    criteria = rubric_data["sections"][0]["criteria"]
    criteria[0]["max_points"], criteria[1]["max_points"] = Decimal("40.0"), 20
    assert load(rubric_data).max_total == Decimal(100)


def test_overlapping_bands(rubric_data):
    rubric_data["sections"][1]["criteria"][0]["bands"][1]["low"] = "17"
    assert problems_of(rubric_data) == ["sections[1].criteria[0].bands[1]: 与bands[0]（0–17.5）重叠"]


def test_bands_out_of_range_are_each_reported(rubric_data):
    bands = rubric_data["sections"][1]["criteria"][0]["bands"]
    bands[0]["low"] = "-1"
    bands[3]["high"] = "31"
    assert problems_of(rubric_data) == [
        "sections[1].criteria[0].bands[0].low: 不能小于0",
        "sections[1].criteria[0].bands[3].high: 不能超过满分30",
    ]


def test_bands_must_ascend(rubric_data):
    bands = rubric_data["sections"][1]["criteria"][0]["bands"]
    bands[1], bands[2] = bands[2], bands[1]
    assert problems_of(rubric_data) == [
        "sections[1].criteria[0].bands[2]: 档次应按分值从低到高排列（在bands[1]之后却更低）"
    ]


def test_band_bounds_sit_on_the_step_and_low_is_not_above_high(rubric_data):
    bands = rubric_data["sections"][1]["criteria"][0]["bands"]
    bands[1]["low"] = "18.25"
    bands[2]["low"], bands[2]["high"] = "26.5", "24"
    problems = problems_of(rubric_data)
    assert "sections[1].criteria[0].bands[1].low: 18.25不是步长0.5的整数倍" in problems
    assert "sections[1].criteria[0].bands[2]: 下限26.5大于上限24" in problems


def test_bands_need_not_cover_the_whole_range(rubric_data):
    bands = rubric_data["sections"][1]["criteria"][0]["bands"]
    del bands[1]  # a gap from 18 to 23.5
    assert len(load(rubric_data).criterion("B1").bands) == 3


def test_comment_rules_are_checked(rubric_data):
    criterion = rubric_data["sections"][0]["criteria"][0]
    criterion["comment_below_share"] = "1.5"
    criterion["comment_at_band_extremes"] = True  # but A1 has no bands
    assert problems_of(rubric_data) == [
        "sections[0].criteria[0].comment_below_share: 应在0到1之间（如0.6表示低于满分60%须填评语）",
        "sections[0].criteria[0].comment_at_band_extremes: 要求档次边界填评语，但没有设置评分档次（bands）",
    ]


def test_rule_ids_must_be_programme_rules(rubric_data):
    rubric_data["sections"][1]["criteria"][0]["rules"] = ["R7", "R22", "5"]
    assert problems_of(rubric_data) == [
        "sections[1].criteria[0].rules[1]: 应为R1–R21之一，实为“R22”",
        "sections[1].criteria[0].rules[2]: 应为R1–R21之一，实为“5”",
    ]


def test_an_unknown_field_is_a_problem_not_silently_ignored(rubric_data):
    criterion = rubric_data["sections"][0]["criteria"][0]
    criterion["max_point"] = criterion.pop("max_points")
    assert problems_of(rubric_data) == [
        "sections[0].criteria[0].max_points: 缺少必填项",
        "sections[0].criteria[0].max_point: 未知字段（拼写是否有误？）",
    ]


@pytest.mark.parametrize("version", ["2026.1", "2027.12", "2026.100"])
def test_good_versions(rubric_data, version):
    rubric_data["version"] = version
    assert load(rubric_data).version == version


@pytest.mark.parametrize("version", ["2026", "26.1", "2026.1a", "v2026.1", "2026.1.1", "2026-1"])
def test_bad_versions(rubric_data, version):
    rubric_data["version"] = version
    assert problems_of(rubric_data) == [f"version: “{version}”格式不对：应如2026.1（年份.修订号）"]


def test_empty_sections_and_criteria(rubric_data):
    rubric_data["sections"][1]["criteria"] = []
    problems = problems_of(rubric_data)
    assert problems == ["sections[1].criteria: 不能为空列表"]
    rubric_data["sections"] = []
    assert problems_of(rubric_data) == ["sections: 不能为空列表"]


def test_wrong_shapes(rubric_data):
    rubric_data["sections"][0]["criteria"][1] = "A2"
    rubric_data["sections"][1]["criteria"][0]["bands"] = {"low": 0}
    problems = problems_of(rubric_data)
    assert "sections[0].criteria[1]: 应为对象（{…}）" in problems
    assert "sections[1].criteria[0].bands: 应为列表（[…]）" in problems
    with pytest.raises(RubricError) as caught:
        loads("[]")
    assert caught.value.problems == ["(root): 应为对象（{…}）"]


def test_validate_returns_the_same_problems_without_raising(rubric_data):
    rubric_data["sections"][0]["criteria"][0]["max_points"] = "41"
    (problem,) = validate(rubric_data)
    assert (problem.path, problem.message) == ("sections", "各项满分合计为101分，应为100分")
    assert validate(rubric_data, check_total=False) == []


def test_json_text_is_read_with_exact_decimals(rubric_data):
    text = json.dumps(rubric_data).replace('"max_points": "40"', '"max_points": 39.5')
    text = text.replace('"max_points": "20"', '"max_points": 20.5, "step": 0.5')
    rubric = loads(text)
    assert rubric.criterion("A1").max_points == Decimal("39.5")
    assert isinstance(rubric.criterion("A2").max_points, Decimal)


def test_broken_json_and_non_finite_numbers():
    with pytest.raises(RubricError) as caught:
        loads('{"id": ')
    assert caught.value.problems[0].startswith("json (line 1, col 8): JSON格式错误")
    with pytest.raises(RubricError, match="NaN"):
        loads('{"max_points": NaN}')


def test_load_reads_a_file_and_reports_a_missing_one(rubric_data, tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps(rubric_data, ensure_ascii=False), encoding="utf-8")
    assert load(path).id == "test-rubric"
    assert load(str(path)).id == "test-rubric"
    with pytest.raises(RubricError, match="无法读取评分表文件“missing.json”"):
        load(tmp_path / "missing.json")
    (tmp_path / "gbk.json").write_bytes(json.dumps(rubric_data, ensure_ascii=False).encode("gbk"))
    with pytest.raises(RubricError, match="不是UTF-8编码"):
        load(tmp_path / "gbk.json")


def test_dataclasses_refuse_floats():
    with pytest.raises(TypeError, match="float"):
        Criterion("A1", "t", "g", 2.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="float"):
        Band(Decimal(0), 1.0, "d")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ canonical form, digest


def test_to_json_round_trips(rubric_data):
    rubric = load(rubric_data)
    again = loads(to_json(rubric))
    assert again == rubric
    assert to_json(again) == to_json(rubric)


def test_digest_is_sha256_of_the_canonical_json(rubric_data):
    rubric = load(rubric_data)
    assert rubric.digest == hashlib.sha256(to_json(rubric).encode("utf-8")).hexdigest()
    assert rubric.label == f"测试评分表 2026.1 ({rubric.digest[:8]})"


def test_digest_is_stable_across_load_to_json_load():
    for rubric in default_rubrics().values():
        first = loads(to_json(rubric))
        second = loads(to_json(first))
        assert rubric.digest == first.digest == second.digest


def test_digest_ignores_how_a_number_is_spelt_and_key_order(rubric_data):
    plain = load(rubric_data)
    rubric_data["sections"][0]["criteria"][0]["max_points"] = "40.00"
    rubric_data["sections"][0]["criteria"][0] = dict(reversed(rubric_data["sections"][0]["criteria"][0].items()))
    assert load(rubric_data).digest == plain.digest


def test_digest_changes_when_one_point_moves():
    rubric = default_rubrics()["annual"]
    data = to_dict(rubric)
    funding, premises = data["sections"][2]["criteria"]  # R7.1 (top band 7–8) and R7.2
    funding["max_points"], funding["bands"][-1]["high"] = "7.5", "7.5"
    premises["max_points"] = "2.5"
    changed = load(data)
    assert changed.max_total == Decimal(100)
    assert changed.digest != rubric.digest
    assert changed.label != rubric.label


def test_digest_changes_with_the_wording_too():
    rubric = default_rubrics()["recognition"]
    section = rubric.sections[0]
    reworded = dataclasses.replace(
        section, criteria=(dataclasses.replace(section.criteria[0], guidance="另一段说明"), *section.criteria[1:])
    )
    changed = dataclasses.replace(rubric, sections=(reworded, *rubric.sections[1:]))
    assert changed.digest != rubric.digest


def test_the_scoring_package_stays_plain_python():
    """No Qt, no SQLAlchemy, no openpyxl (rubric tables in Excel live in reports.rubric_excel)."""
    code = (
        "import sys, hvp_desktop.scoring; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy', 'openpyxl')))"
    )
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert done.stdout.strip() == "[]"
