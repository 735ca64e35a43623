"""The on-site checklist (domain/checklist.py): the default template from §三 (R5–R13), its schema
check, the thresholds at their boundaries, veto items, rectification carry-over and the outcome of
an assessment under R17/R18."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from decimal import Decimal

import pytest

from hvp_desktop.domain import checklist as cl
from hvp_desktop.domain.checklist import (
    CONSEQUENCE_TEXT,
    STATUS_TEXT,
    Checklist,
    ChecklistError,
    Consequence,
    Finding,
    Item,
    ItemKind,
    Status,
    Threshold,
    assessment_outcome,
    before_after,
    rectification_items,
    threshold_problem,
    vetoed,
)
from hvp_desktop.domain.limits import LimitExceeded
from hvp_desktop.domain.rules import InvalidInput
from hvp_desktop.resources import resource_path
from hvp_desktop.scoring.rubric import default_rubrics

D = Decimal
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture(scope="module")
def default() -> Checklist:
    return cl.default_checklist()


def raw_default() -> dict:
    return json.loads(resource_path("resources", "checklists", cl.DEFAULT_FILE).read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------ the default template


def test_the_default_template_loads_and_every_informs_code_is_a_criterion_of_the_annual_rubric(default):
    annual = default_rubrics()["annual"]
    codes = {c.code for c in annual.criteria}
    assert cl.unknown_informs(default, codes) == []
    assert all(item.informs for item in default.items), "every item informs at least one criterion"
    informed = {code for item in default.items for code in item.informs}
    assert informed == codes, f"criteria no item informs: {sorted(codes - informed)}"


def test_every_construction_task_R5_to_R13_has_an_item(default):
    rules = [item.rule for item in default.items]
    assert set(rules) == {f"R{n}" for n in range(5, 14)}
    assert rules == sorted(rules, key=lambda r: int(r[1:])), "items follow §三 (一)–(八)"
    for item in default.items:
        assert item.code.startswith(f"{item.rule}."), item.code
        assert item.requirement and item.verify and item.evidence


def test_R5_and_R7_thresholds_and_the_veto_item_of_the_default(default):
    staff, funding = default.item("R5.3"), default.item("R7.1")
    assert staff.kind == ItemKind.THRESHOLD and staff.threshold == Threshold("ip_staff_count", "人", D(3))
    assert funding.kind == ItemKind.THRESHOLD and funding.threshold == Threshold("ip_budget_yuan", "元", D(1000000))
    assert "不包含人员薪酬" in funding.requirement
    assert [i.code for i in default.items if i.kind == ItemKind.THRESHOLD] == ["R5.3", "R7.1"]
    vetoes = [i for i in default.items if i.kind == ItemKind.VETO]
    assert [i.code for i in vetoes] == ["R5.1"]
    assert "委派一名高管作为中心主要负责人" in vetoes[0].requirement and "否决项" in vetoes[0].requirement
    assert all(i.threshold is None for i in default.items if i.kind != ItemKind.THRESHOLD)


def test_the_default_speaks_the_plans_words(default):
    text = cl.canonical(default)
    for words in ("ISO56005", "高价值专利培育和转化运用模式", "重大事项协商决策制度", "信息化管理机制", "专利流程档案",
                  "与知识产权维权机构建立常态化沟通机制", "示范引领", "专职知识产权工作人员"):
        assert words in text, words
    for avoid in ("执法", "不含人员工资", "示范推广", "咨询决策"):  # GLOSSARY
        assert avoid not in text, avoid


def test_the_default_file_is_canonical_and_round_trips(default):
    text = resource_path("resources", "checklists", cl.DEFAULT_FILE).read_text(encoding="utf-8")
    assert text == cl.canonical(default)
    again = cl.loads(cl.canonical(default))
    assert again == default and again.digest == default.digest
    assert cl.load(cl.to_dict(default)).digest == default.digest
    assert default.label == f"{default.title} {default.version} ({default.digest[:8]})"


def test_the_digest_changes_with_any_word():
    data = raw_default()
    before = cl.from_dict(data).digest
    data["items"][3]["verify"] += "。"
    assert cl.from_dict(data).digest != before


def test_item_by_code(default):
    assert default.item("R9.4").title == "专利流程档案"
    with pytest.raises(KeyError):
        default.item("R99.1")


# ------------------------------------------------------------------------------ schema errors


def _bad(change):
    data = raw_default()
    change(data)
    return data


def _set(path, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _drop(path):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


BAD_TEMPLATES = [
    ("unknown key", _set(("items", 1, "colour"), "red"), "items[1](R5.2).colour", "未知字段"),
    ("unknown top-level key", _set(("author",), "x"), "author", "未知字段"),
    ("missing requirement", _drop(("items", 4, "requirement")), "items[4](R6.2).requirement", "缺少必填项"),
    ("missing items", _drop(("items",)), "items", "缺少必填项"),
    ("empty items", _set(("items",), []), "items", "至少需要一个检查项"),
    ("empty verify", _set(("items", 5, "verify"), "  "), "items[5](R6.3).verify", "不能为空"),
    ("title not text", _set(("items", 5, "title"), 5), "items[5](R6.3).title", "应为文本"),
    ("duplicate code", _set(("items", 2, "code"), "R5.1"), "items[2](R5.1).code", "重复"),
    ("rule outside R5-R13", _set(("items", 0, "rule"), "R17"), "items[0](R5.1).rule", "R5–R13"),
    ("bad code", _set(("items", 0, "code"), "R 5.1"), "items[0].code", "格式不对"),
    ("unknown kind", _set(("items", 0, "kind"), "must"), "items[0](R5.1).kind", "实为“must”"),
    ("threshold without threshold", _set(("items", 2, "threshold"), None), "items[2](R5.3).threshold", "量化指标须给出"),
    ("veto with a threshold", _set(("items", 0, "threshold"), {"figure": "x", "unit": "人", "minimum": "1"}),
     "items[0](R5.1).threshold", "否决项不设数值要求"),
    ("check with a threshold", _set(("items", 1, "threshold"), {"figure": "x", "unit": "人", "minimum": "1"}),
     "items[1](R5.2).threshold", "核查项不设数值要求"),
    ("minimum not a number", _set(("items", 2, "threshold", "minimum"), "three"), "items[2](R5.3).threshold.minimum",
     "应为数字"),
    ("minimum a float", _set(("items", 2, "threshold", "minimum"), 3.0), "items[2](R5.3).threshold.minimum", "浮点数"),
    ("minimum negative", _set(("items", 2, "threshold", "minimum"), "-1"), "items[2](R5.3).threshold.minimum", "超出范围"),
    ("minimum too many decimals", _set(("items", 6, "threshold", "minimum"), "1000000.0000001"),
     "items[6](R7.1).threshold.minimum", "超出范围"),
    ("minimum a bool", _set(("items", 2, "threshold", "minimum"), True), "items[2](R5.3).threshold.minimum", "应为数字"),
    ("threshold missing unit", _drop(("items", 2, "threshold", "unit")), "items[2](R5.3).threshold.unit", "缺少必填项"),
    ("bad figure name", _set(("items", 2, "threshold", "figure"), "Staff Count"), "items[2](R5.3).threshold.figure",
     "格式不对"),
    ("informs not a list", _set(("items", 3, "informs"), "R6.1"), "items[3](R6.1).informs", "列表"),
    ("informs bad code", _set(("items", 3, "informs"), ["R6.1", "六点一"]), "items[3](R6.1).informs[1]", "不是评分表指标编号"),
    ("informs twice", _set(("items", 3, "informs"), ["R6.1", "R6.1"]), "items[3](R6.1).informs", "重复"),
    ("item not an object", _set(("items", 3), "R6.1"), "items[3]", "应为对象"),
    ("bad version", _set(("version",), "v1"), "version", "格式不对"),
    ("bad id", _set(("id",), "Annual Checklist"), "id", "格式不对"),
]


@pytest.mark.parametrize(("change", "path", "words"), [case[1:] for case in BAD_TEMPLATES],
                         ids=[case[0] for case in BAD_TEMPLATES])
def test_a_bad_template_is_refused_naming_the_item_and_field(change, path, words):
    data = _bad(change)
    with pytest.raises(ChecklistError) as caught:
        cl.from_dict(data)
    error = caught.value
    assert isinstance(error, InvalidInput) and error.rule == "INPUT"
    matching = [p for p in error.problems if p.path == path]
    assert matching, f"no problem at {path}: {error.problems}"
    assert words in matching[0].zh
    assert not CJK.search(matching[0].en.replace("六点一", "")), "English, but for the data it echoes"
    assert path in error.zh and path in error.en
    assert [p.path for p in cl.validate(data)] == [p.path for p in error.problems]


def test_every_problem_is_reported_at_once():
    data = raw_default()
    data["items"][0]["kind"] = "must"
    data["items"][2]["threshold"] = None
    del data["items"][9]["evidence"]
    problems = cl.validate(data)
    assert [p.path for p in problems] == ["items[0](R5.1).kind", "items[2](R5.3).threshold", "items[9](R8.2).evidence"]


def test_json_errors_and_limits():
    with pytest.raises(ChecklistError, match="JSON"):
        cl.loads("{", "broken.json")
    with pytest.raises(ChecklistError):
        cl.loads('{"id": NaN}')
    with pytest.raises(LimitExceeded) as deep:
        cl.loads("[" * 100 + "]" * 100, "deep.json")
    assert deep.value.limit == "depth"
    with pytest.raises(LimitExceeded) as big:
        cl.loads(" " * (cl.CHECKLIST_JSON.max_bytes + 1), "big.json")
    assert big.value.limit == "file_bytes"


def test_load_reads_a_file_and_refuses_what_it_cannot_read(tmp_path, default):
    path = tmp_path / "mine.json"
    path.write_text("\ufeff" + cl.canonical(default), encoding="utf-8")
    assert cl.load(path) == default
    with pytest.raises(ChecklistError, match="missing.json"):
        cl.load(tmp_path / "missing.json")
    (tmp_path / "gbk.json").write_bytes("检查".encode("gbk"))
    with pytest.raises(ChecklistError, match="UTF-8"):
        cl.load(tmp_path / "gbk.json")
    (tmp_path / "huge.json").write_bytes(b" " * (cl.CHECKLIST_JSON.max_bytes + 1))
    with pytest.raises(LimitExceeded):
        cl.load(tmp_path / "huge.json")


def test_decimals_stay_exact_and_kind_defaults_to_check():
    data = raw_default()
    data["items"][6]["threshold"]["minimum"] = D("1000000.5")  # as json.loads(parse_float=Decimal) gives it
    del data["items"][1]["kind"]
    checklist = cl.from_dict(data)
    assert checklist.item("R7.1").threshold.minimum == D("1000000.5")
    assert checklist.item("R5.2").kind == ItemKind.CHECK
    assert '"minimum": "1000000.5"' in cl.canonical(checklist)


# ------------------------------------------------------------------------------ thresholds


@pytest.mark.parametrize(("found", "problem"), [
    (D(3), None),
    (D(4), None),
    (D(2), ("专职知识产权工作人员2人，未达要求（3人以上）",
            "Full-time IP staff: 2 persons, below the requirement (at least 3 persons)")),
    (None, None),
])
def test_R5_staff_threshold_at_the_boundary(default, found, problem):
    assert threshold_problem(default.item("R5.3"), found) == problem


@pytest.mark.parametrize(("found", "below"), [
    (D("1000000"), False), (D("1000000.00"), False), (D("2500000"), False), (D("999999.99"), True), (D(0), True),
])
def test_R7_funding_threshold_at_the_boundary(default, found, below):
    problem = threshold_problem(default.item("R7.1"), found)
    assert (problem is not None) == below
    if below:
        zh, en = problem
        assert zh.startswith("知识产权工作经费（不包含人员薪酬）") and zh.endswith("未达要求（不少于100万元）")
        assert "at least 1,000,000 RMB" in en and not CJK.search(en)


def test_threshold_problem_words(default):
    zh, en = threshold_problem(default.item("R7.1"), D("999999.99"))
    assert zh == "知识产权工作经费（不包含人员薪酬）999999.99元，未达要求（不少于100万元）"
    assert en == "IP work funding (salaries excluded): 999,999.99 RMB, below the requirement (at least 1,000,000 RMB)"
    assert threshold_problem(default.item("R7.1"), D(850000))[0].startswith("知识产权工作经费（不包含人员薪酬）85万元")
    assert threshold_problem(default.item("R6.1"), D(0)) is None  # no threshold
    own = Item("X.1", "R13", "专利池成员数", "加入专利池", "查阅协议", "协议", (), ItemKind.THRESHOLD,
               Threshold("pool_members", "件", D(2)))
    assert threshold_problem(own, 1) == ("专利池成员数1件，未达要求（不少于2件）",
                                         "Item X.1: 1 items, below the requirement (at least 2 items)")


def test_figures_are_exact_never_floats(default):
    with pytest.raises(TypeError):
        threshold_problem(default.item("R5.3"), 2.0)
    with pytest.raises(TypeError):
        Finding("R5.3", Status.MET, figure=2.5)
    with pytest.raises(InvalidInput):
        Finding("R5.3", Status.MET, figure=D("NaN"))
    with pytest.raises(InvalidInput):
        Finding("R5.3", "done")
    assert Finding("R5.3", "partly", figure=3).status == Status.PARTLY


# ------------------------------------------------------------------------------ findings


def findings(*pairs, **figures) -> dict[str, Finding]:
    return {code: Finding(code, status, figures.get(code.replace(".", "_"))) for code, status in pairs}


def test_vetoed_lists_the_veto_items_found_not_met(default):
    assert vetoed(default, findings(("R5.1", Status.NOT_MET), ("R5.2", Status.NOT_MET))) == ["R5.1"]
    assert vetoed(default, findings(("R5.1", Status.PARTLY))) == []
    assert vetoed(default, findings(("R5.1", Status.NOT_CHECKED))) == []
    assert vetoed(default, [Finding("R5.1", Status.NOT_MET)]) == ["R5.1"]


def test_a_finding_for_an_item_the_checklist_lacks_is_refused(default):
    with pytest.raises(InvalidInput, match="R99.1"):
        vetoed(default, [Finding("R99.1", Status.NOT_MET)])


def test_rectification_items_in_template_order(default):
    found = findings(("R9.4", Status.NOT_MET), ("R6.2", Status.PARTLY), ("R5.2", Status.MET), ("R8.1", Status.NOT_CHECKED),
                     ("R7.1", Status.MET), ("R5.3", Status.MET), R7_1=D("999999.99"), R5_3=D(3))
    assert [i.code for i in rectification_items(default, found)] == ["R6.2", "R7.1", "R9.4"]
    assert rectification_items(default, {}) == []


def test_before_after_puts_the_rectification_list_first(default):
    before = findings(("R5.2", Status.MET), ("R9.4", Status.NOT_MET), ("R6.2", Status.PARTLY))
    after = findings(("R9.4", Status.MET), ("R6.2", Status.MET), ("R10.1", Status.MET))
    rows = before_after(default, before, after)
    assert [item.code for item, _, _ in rows[:2]] == ["R6.2", "R9.4"]
    assert len(rows) == len(default.items) and {i.code for i, _, _ in rows} == {i.code for i in default.items}
    item, old, new = rows[1]
    assert (old.status, new.status) == (Status.NOT_MET, Status.MET)
    rest = [i.code for i, _, _ in rows[2:]]
    assert rest == [i.code for i in default.items if i.code not in ("R6.2", "R9.4")]
    by_code = {i.code: (o, n) for i, o, n in rows}
    assert by_code["R5.2"][1] is None and by_code["R10.1"][0] is None


# ------------------------------------------------------------------------------ the outcome (R17, R18)

DAY = date(2027, 6, 30)

OUTCOMES = [
    # (name, year, total, vetoed, rectification, passed, consequence, due, ban_until)
    ("R17_70_passes", 1, "70.00", [], False, True, Consequence.PASSED, None, None),
    ("R17_69.99_fails", 1, "69.99", [], False, False, Consequence.RECTIFICATION, date(2027, 8, 30), None),
    ("R18_75_passes", 2, "75", [], False, True, Consequence.PASSED, None, None),
    ("R18_74.99_fails", 2, "74.99", [], False, False, Consequence.RECTIFICATION, date(2027, 8, 30), None),
    ("R18_70_fails_year_2", 2, "70", [], False, False, Consequence.RECTIFICATION, date(2027, 8, 30), None),
    ("R17_veto_fails_at_95", 1, "95", ["R5.1"], False, False, Consequence.RECTIFICATION, date(2027, 8, 30), None),
    ("R18_veto_fails_at_95", 2, "95", ["R5.1"], False, False, Consequence.RECTIFICATION, date(2027, 8, 30), None),
    ("R17_failed_rectification_withdraws_the_title", 1, "69", [], True, False, Consequence.TITLE_WITHDRAWN, None,
     date(2029, 6, 30)),
    ("R18_failed_rectification_withdraws_the_title", 2, "90", ["R5.1"], True, False, Consequence.TITLE_WITHDRAWN,
     None, date(2029, 6, 30)),
    ("R17_passed_rectification", 1, "70", [], True, True, Consequence.PASSED, None, None),
]


@pytest.mark.parametrize(("year", "total", "vetoes", "rectification", "passed", "consequence", "due", "ban"),
                         [case[1:] for case in OUTCOMES], ids=[case[0] for case in OUTCOMES])
def test_R17_R18_assessment_outcome(year, total, vetoes, rectification, passed, consequence, due, ban):
    outcome = assessment_outcome(year, D(total), vetoes, rectification=rectification, decided_on=DAY)
    assert (outcome.passed, outcome.consequence, outcome.due, outcome.ban_until) == (passed, consequence, due, ban)
    assert outcome.pass_mark == (D(70) if year == 1 else D(75))
    assert outcome.rule == ("R17" if year == 1 else "R18")
    assert outcome.vetoed == tuple(vetoes) and outcome.total == D(total)


def test_R17_rectification_due_two_months_after_the_decision_at_a_month_end():
    outcome = assessment_outcome(1, D(60), [], rectification=False, decided_on=date(2027, 12, 31))
    assert outcome.due == date(2028, 2, 29)


def test_R17_R18_refuse_a_bad_year_or_total():
    with pytest.raises(InvalidInput):
        assessment_outcome(3, D(80), [], rectification=False, decided_on=DAY)
    with pytest.raises(InvalidInput):
        assessment_outcome(1, D("100.5"), [], rectification=False, decided_on=DAY)
    with pytest.raises(TypeError):
        assessment_outcome(1, 70.0, [], rectification=False, decided_on=DAY)


def test_R17_R18_outcome_text():
    passed = assessment_outcome(1, D(70), [], rectification=False, decided_on=DAY)
    assert cl.outcome_text(passed, 1)[0].startswith("第一年度考核合格")
    accepted = assessment_outcome(2, D(80), [], rectification=False, decided_on=DAY)
    assert cl.outcome_text(accepted, 2)[0].startswith("通过期末验收")
    vetoed_outcome = assessment_outcome(1, D(95), ["R5.1"], rectification=False, decided_on=DAY)
    zh, en = cl.outcome_text(vetoed_outcome, 1)
    assert "否决项R5.1不符合" in zh and "2个月整改期（至2027-08-30）" in zh
    assert "veto item(s) R5.1 not met" in en and not CJK.search(en)
    withdrawn = assessment_outcome(2, D(60), [], rectification=True, decided_on=DAY)
    zh, en = cl.outcome_text(withdrawn, 2)
    assert "取消“高价值专利培育布局中心”称号" in zh and "2年内（至2029-06-30）不得重新申报" in zh
    assert "withdrawn" in en and not CJK.search(en)


def test_words_for_the_gui():
    assert {s: t[0] for s, t in STATUS_TEXT.items()} == {
        Status.MET: "符合", Status.PARTLY: "部分符合", Status.NOT_MET: "不符合", Status.NOT_CHECKED: "未核查"}
    assert CONSEQUENCE_TEXT[Consequence.PASSED][0] == "考核合格"
    assert CONSEQUENCE_TEXT[Consequence.RECTIFICATION][0] == "整改期（2个月）"
    assert CONSEQUENCE_TEXT[Consequence.TITLE_WITHDRAWN][0] == "取消称号（2年内不得重新申报）"
    for table in (STATUS_TEXT, cl.KIND_TEXT, CONSEQUENCE_TEXT):
        assert all(not CJK.search(en) for _, en in table.values())
    assert set(STATUS_TEXT) == set(Status) and set(cl.KIND_TEXT) == set(ItemKind)


def test_the_objects_are_frozen_and_copyable(default):
    with pytest.raises(AttributeError):
        default.items[0].title = "x"  # type: ignore[misc]
    assert copy.deepcopy(default) == default
