"""Formal review (domain/formal_review.py): R1 facts, R2 co-applicants, R3 recognised, R4 bans,
overrides and the overall verdict. Every expectation is taken from RULES.md / the work plan (§二, §五(一))."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hvp_desktop.domain import formal_review
from hvp_desktop.domain.formal_review import Ban, Check, Outcome, Override, RecognisedCentre, review, verdict
from hvp_desktop.domain.model import ELIGIBILITY_FACTS, ApplicationData, CoApplicant, CoApplicantKind

CODE = "91350100M000100Y43"
OTHER_CODE = "914403001922038216"
APPLIED_ON = date(2025, 5, 20)

R1_KEY_OF_FACT = {
    "registered_in_district": "R1.registered",
    "tax_in_district": "R1.tax",
    "stats_in_district": "R1.stats",
    "independent_legal_person": "R1.legal_person",
    "independent_accounting": "R1.accounting",
    "good_credit": "R1.credit",
    "normal_operation": "R1.operating",
    "sound_financial_system": "R1.finance",
}
ALL_YES = {fact: True for fact in ELIGIBILITY_FACTS}


def application(**fields) -> ApplicationData:
    values = {"year": 2025, "enterprise_name": "广州申报有限公司", "credit_code": CODE,
              "affiliation_group": "申报集团", **ALL_YES}
    values.update(fields)
    return ApplicationData(**values)


def by_key(checks: list[Check]) -> dict[str, Check]:
    return {c.key: c for c in checks}


def check(key: str, data: ApplicationData | None = None, **kwargs) -> Check:
    kwargs.setdefault("on", APPLIED_ON)
    return by_key(review(data or application(), **kwargs))[key]


# -- the whole review ----------------------------------------------------------------------------
def test_R1_R2_R3_R4_review_has_one_check_per_requirement_with_its_rule():
    checks = review(application(), on=APPLIED_ON)
    assert [c.key for c in checks] == list(formal_review.CHECK_KEYS)
    assert len({c.key for c in checks}) == len(checks) == 15
    for c in checks:
        assert c.rule == c.key.split(".")[0]
        assert c.requirement and c.reason
        assert c.overridden_by is None


def test_R1_R2_R3_R4_clean_application_passes_everything():
    checks = review(application(), on=APPLIED_ON)
    assert {c.key: c.outcome for c in checks} == {k: Outcome.PASS for k in formal_review.CHECK_KEYS}
    assert verdict(checks) == Outcome.PASS


# -- R1 ------------------------------------------------------------------------------------------
def test_R1_there_is_a_check_for_each_eligibility_fact():
    assert set(R1_KEY_OF_FACT) == set(ELIGIBILITY_FACTS)
    assert {k for k in formal_review.CHECK_KEYS if k.startswith("R1.")} == {*R1_KEY_OF_FACT.values(), "R1.enterprise"}


@pytest.mark.parametrize("fact", ELIGIBILITY_FACTS)
def test_R1_each_fact_declared_yes_passes(fact):
    c = check(R1_KEY_OF_FACT[fact], application(**{fact: True}))
    assert (c.rule, c.outcome) == ("R1", Outcome.PASS)


@pytest.mark.parametrize("fact", ELIGIBILITY_FACTS)
def test_R1_each_fact_declared_no_fails_and_fails_the_review(fact):
    checks = review(application(**{fact: False}), on=APPLIED_ON)
    c = by_key(checks)[R1_KEY_OF_FACT[fact]]
    assert (c.rule, c.outcome) == ("R1", Outcome.FAIL)
    others = [x for x in checks if x.key != c.key]
    assert all(x.outcome == Outcome.PASS for x in others)  # one fact decides one check only
    assert verdict(checks) == Outcome.FAIL


@pytest.mark.parametrize("fact", ELIGIBILITY_FACTS)
def test_R1_each_fact_not_declared_needs_manual_confirmation(fact):
    checks = review(application(**{fact: None}), on=APPLIED_ON)
    c = by_key(checks)[R1_KEY_OF_FACT[fact]]
    assert (c.rule, c.outcome) == ("R1", Outcome.MANUAL)
    assert verdict(checks) == Outcome.MANUAL


def test_R1_nothing_declared_is_six_manual_checks_not_passes():
    data = ApplicationData(year=2025, enterprise_name="未填写公司", credit_code=CODE, affiliation_group="g")
    checks = by_key(review(data, on=APPLIED_ON))
    assert all(checks[k].outcome == Outcome.MANUAL for k in R1_KEY_OF_FACT.values())


def test_R1_truthy_values_that_are_not_True_are_not_a_yes():
    # Only a declared True is a yes: a stray 1 or "是" from an import must not pass silently.
    c = check("R1.tax", application(tax_in_district="是"))
    assert c.outcome == Outcome.MANUAL


# -- R2 ------------------------------------------------------------------------------------------
def co(n: int, kind=CoApplicantKind.UNIVERSITY) -> tuple[CoApplicant, ...]:
    return tuple(CoApplicant(f"联合单位{i}", kind) for i in range(n))


@pytest.mark.parametrize("n", [0, 1, 2])
def test_R2_alone_or_up_to_two_co_applicants_pass_the_count(n):
    c = check("R2.count", application(co_applicants=co(n)))
    assert (c.rule, c.outcome) == ("R2", Outcome.PASS)


@pytest.mark.parametrize("n", [3, 4])
def test_R2_a_third_co_applicant_fails_the_count(n):
    checks = review(application(co_applicants=co(n)), on=APPLIED_ON)
    c = by_key(checks)["R2.count"]
    assert (c.rule, c.outcome) == ("R2", Outcome.FAIL)
    assert str(n) in c.reason
    assert verdict(checks) == Outcome.FAIL


@pytest.mark.parametrize("kind", list(CoApplicantKind))
def test_R2_universities_institutes_and_ip_agencies_are_allowed_kinds(kind):
    c = check("R2.kinds", application(co_applicants=co(1, kind)))
    assert (c.rule, c.outcome) == ("R2", Outcome.PASS)


def test_R2_only_the_three_kinds_of_the_text_exist():
    assert {k.value for k in CoApplicantKind} == {"university", "research_institute", "ip_service_agency"}


def test_R2_the_kind_as_a_plain_string_of_an_allowed_value_is_accepted():
    c = check("R2.kinds", application(co_applicants=(CoApplicant("某大学", "university"),)))
    assert c.outcome == Outcome.PASS


@pytest.mark.parametrize("bad_kind", ["enterprise", "bank", "", "University"])
def test_R2_a_co_applicant_of_a_kind_not_allowed_fails_and_is_named(bad_kind):
    partners = (CoApplicant("某大学", CoApplicantKind.UNIVERSITY), CoApplicant("某某有限公司", bad_kind))
    checks = review(application(co_applicants=partners), on=APPLIED_ON)
    c = by_key(checks)["R2.kinds"]
    assert (c.rule, c.outcome) == ("R2", Outcome.FAIL)
    assert "某某有限公司" in c.reason and "某大学" not in c.reason
    assert by_key(checks)["R2.count"].outcome == Outcome.PASS
    assert verdict(checks) == Outcome.FAIL


# -- R3 ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("title", ["cultivation", "cultivation_and_layout"])
def test_R3_own_credit_code_already_recognised_fails(title):
    register = [RecognisedCentre(CODE, "广州申报有限公司（已认定）", title, None)]
    checks = review(application(), on=APPLIED_ON, recognised=register)
    c = by_key(checks)["R3.recognised"]
    assert (c.rule, c.outcome) == ("R3", Outcome.FAIL)
    assert "广州申报有限公司（已认定）" in c.reason
    assert verdict(checks) == Outcome.FAIL


def test_R3_other_enterprises_recognised_do_not_fail_the_applicant():
    register = [RecognisedCentre(OTHER_CODE, "别的公司", "cultivation", "别的集团")]
    checks = by_key(review(application(), on=APPLIED_ON, recognised=register))
    assert checks["R3.recognised"].outcome == Outcome.PASS
    assert checks["R3.affiliated"].outcome == Outcome.PASS


@pytest.mark.parametrize("title", ["cultivation", "cultivation_and_layout"])
def test_R3_same_affiliation_group_as_a_recognised_centre_fails(title):
    register = [RecognisedCentre(OTHER_CODE, "申报集团下属公司", title, "申报集团")]
    checks = review(application(), on=APPLIED_ON, recognised=register)
    c = by_key(checks)["R3.affiliated"]
    assert (c.rule, c.outcome) == ("R3", Outcome.FAIL)
    assert "申报集团下属公司" in c.reason and "申报集团" in c.reason
    assert by_key(checks)["R3.recognised"].outcome == Outcome.PASS
    assert verdict(checks) == Outcome.FAIL


@pytest.mark.parametrize("written", ["申报集团", " 申报 集团 ", "申报集团\u3000", "ＡＢＣ集团"])
def test_R3_group_names_match_whatever_the_width_spaces_or_case(written):
    group = "ABC集团" if "Ａ" in written else "申报集团"
    register = [RecognisedCentre(OTHER_CODE, "集团下属公司", "cultivation", written)]
    c = check("R3.affiliated", application(affiliation_group=group.lower() if "A" in group else group),
              recognised=register)
    assert c.outcome == Outcome.FAIL


def test_R3_different_groups_do_not_match():
    register = [RecognisedCentre(OTHER_CODE, "别的公司", "cultivation", "申报集团二")]
    assert check("R3.affiliated", recognised=register).outcome == Outcome.PASS


def test_R3_own_recognition_is_not_counted_twice_as_an_affiliate():
    register = [RecognisedCentre(CODE, "本公司", "cultivation", "申报集团")]
    checks = by_key(review(application(), on=APPLIED_ON, recognised=register))
    assert checks["R3.recognised"].outcome == Outcome.FAIL
    assert checks["R3.affiliated"].outcome == Outcome.PASS


@pytest.mark.parametrize("group", [None, ""])
def test_R3_no_affiliation_group_is_never_matched_to_group_less_centres(group):
    # A register where other centres have no group must not make "no group" a match (a FAIL).
    register = [RecognisedCentre(OTHER_CODE, "无集团公司", "cultivation", None),
                RecognisedCentre("91330100716105852F", "空集团公司", "cultivation", "")]
    checks = review(application(affiliation_group=group), on=APPLIED_ON, recognised=register)
    c = by_key(checks)["R3.affiliated"]
    assert c.rule == "R3"
    assert c.outcome != Outcome.FAIL
    assert "无集团公司" not in c.reason and "空集团公司" not in c.reason


# Decided: the template tells applicants to leave 所属集团/关联企业 empty when there is none, so an
# empty cell is a declaration of "no group", not a missing fact (unlike the R1 yes/no facts).
@pytest.mark.parametrize("group", [None, ""])
def test_R3_an_empty_affiliation_group_declares_none_and_passes_with_that_reason(group):
    checks = review(application(affiliation_group=group), on=APPLIED_ON)
    c = by_key(checks)["R3.affiliated"]
    assert (c.rule, c.outcome) == ("R3", Outcome.PASS)
    assert "未填写" in c.reason


def test_R3_recognised_accepts_any_iterable_once():
    register = iter([RecognisedCentre(OTHER_CODE, "申报集团下属公司", "cultivation", "申报集团"),
                     RecognisedCentre(CODE, "本公司", "cultivation", None)])
    checks = by_key(review(application(), on=APPLIED_ON, recognised=register))
    assert checks["R3.recognised"].outcome == Outcome.FAIL
    assert checks["R3.affiliated"].outcome == Outcome.FAIL


# -- R4 ------------------------------------------------------------------------------------------
def ban(starts: date, ends: date, rule: str = "R4") -> Ban:
    return Ban(rule, starts, ends, "整改后考核仍不合格，取消称号")


@pytest.mark.parametrize("rule", ["R4", "R21"])
def test_R4_ban_in_force_on_the_application_date_fails(rule):
    checks = review(application(), on=APPLIED_ON, bans=[ban(date(2024, 1, 10), date(2026, 1, 10), rule)])
    c = by_key(checks)["R4.ban"]
    assert (c.rule, c.outcome) == ("R4", Outcome.FAIL)
    assert "2026-01-10" in c.reason
    assert verdict(checks) == Outcome.FAIL


def test_R4_ban_ending_today_is_not_in_force_but_was_the_day_before():
    b = ban(date(2023, 5, 20), APPLIED_ON)
    assert not b.in_force(APPLIED_ON)
    assert b.in_force(APPLIED_ON - timedelta(days=1))
    assert check("R4.ban", bans=[b]).outcome == Outcome.PASS
    assert check("R4.ban", bans=[b], on=APPLIED_ON - timedelta(days=1)).outcome == Outcome.FAIL


def test_R4_ban_is_in_force_from_its_first_day_not_before():
    b = ban(APPLIED_ON, date(2027, 5, 20))
    assert b.in_force(APPLIED_ON)
    assert not b.in_force(APPLIED_ON - timedelta(days=1))
    assert check("R4.ban", bans=[b]).outcome == Outcome.FAIL
    assert check("R4.ban", bans=[b], on=APPLIED_ON - timedelta(days=1)).outcome == Outcome.PASS


def test_R4_expired_ban_does_not_hide_one_in_force():
    expired = ban(date(2020, 1, 1), date(2022, 1, 1))
    active = ban(date(2024, 6, 1), date(2026, 6, 1))
    assert check("R4.ban", bans=[expired]).outcome == Outcome.PASS
    c = check("R4.ban", bans=[expired, active])
    assert c.outcome == Outcome.FAIL and "2026-06-01" in c.reason


# -- overrides and verdict -----------------------------------------------------------------------
def test_R1_override_replaces_the_outcome_and_keeps_both_reasons():
    data = application(tax_in_district=None)
    original = check("R1.tax", data)
    overrides = {"R1.tax": Override("R1.tax", Outcome.PASS, "已查验税务登记证明")}
    checks = review(data, on=APPLIED_ON, overrides=overrides)
    c = by_key(checks)["R1.tax"]
    assert c.outcome == Outcome.PASS
    assert c.overridden_by == "已查验税务登记证明"
    assert c.reason == original.reason  # the computed reason stays visible beside the override
    assert (c.key, c.rule, c.requirement) == (original.key, original.rule, original.requirement)
    assert verdict(checks) == Outcome.PASS
    others = [x for x in checks if x.key != "R1.tax"]
    assert all(x.overridden_by is None for x in others)


def test_R3_override_can_turn_a_pass_into_a_fail():
    overrides = {"R3.affiliated": Override("R3.affiliated", Outcome.FAIL, "经核查与已认定企业存在控股关系")}
    checks = review(application(), on=APPLIED_ON, overrides=overrides)
    c = by_key(checks)["R3.affiliated"]
    assert c.outcome == Outcome.FAIL and c.overridden_by == "经核查与已认定企业存在控股关系"
    assert verdict(checks) == Outcome.FAIL


def test_R4_override_of_a_ban_fail_is_possible_with_its_reason():
    overrides = {"R4.ban": Override("R4.ban", Outcome.PASS, "禁止申报记录系误录，已撤销")}
    c = check("R4.ban", bans=[ban(date(2024, 1, 1), date(2026, 1, 1))], overrides=overrides)
    assert c.outcome == Outcome.PASS and c.overridden_by == "禁止申报记录系误录，已撤销"
    assert "2026-01-01" in c.reason


def test_R1_override_for_an_unknown_key_changes_nothing():
    checks = review(application(), on=APPLIED_ON, overrides={"R9.x": Override("R9.x", Outcome.FAIL, "x")})
    assert verdict(checks) == Outcome.PASS
    assert all(c.overridden_by is None for c in checks)


def _checks(*outcomes: Outcome) -> list[Check]:
    return [Check(f"k{i}", "R1", "req", o, "why") for i, o in enumerate(outcomes)]


@pytest.mark.parametrize(("outcomes", "expected"), [
    ((Outcome.PASS, Outcome.PASS), Outcome.PASS),
    ((Outcome.PASS, Outcome.MANUAL), Outcome.MANUAL),
    ((Outcome.MANUAL, Outcome.FAIL, Outcome.PASS), Outcome.FAIL),
    ((Outcome.FAIL,), Outcome.FAIL),
    ((Outcome.MANUAL, Outcome.MANUAL), Outcome.MANUAL),
])
def test_R1_R4_verdict_fail_beats_manual_beats_pass(outcomes, expected):
    assert verdict(_checks(*outcomes)) == expected
    assert verdict(iter(_checks(*outcomes))) == expected  # any iterable, read once


# -- issue 17: R1–R4 as the plan says them --------------------------------------------------------
@pytest.mark.parametrize(("code", "outcome"), [
    ("91440112MA5D0QX12R", Outcome.PASS),  # 91: an enterprise registered by market regulation
    ("92440112MA5D0QX12R", Outcome.FAIL),  # 92: an individual business is not an enterprise
    ("12440100455860111X", Outcome.FAIL),  # 12: a public institution (事业单位)
    ("52440000MJL1234560", Outcome.FAIL),  # 52: a social organisation
])
def test_R1_the_lead_applicant_must_be_an_enterprise(code, outcome):
    """建设主体……的企业: read from the credit code's registration authority and kind."""
    assert check("R1.enterprise", application(credit_code=code)).outcome == outcome


@pytest.mark.parametrize(("field", "requirement"), [("normal_operation", "正常开展研发、生产和经营活动"),
                                                    ("sound_financial_system", "有健全财务制度")])
def test_R1_normal_operation_and_a_sound_financial_system_are_checks_like_the_others(field, requirement):
    key = R1_KEY_OF_FACT[field]
    assert check(key, application(**{field: None})).outcome == Outcome.MANUAL
    assert check(key, application(**{field: False})).outcome == Outcome.FAIL
    assert check(key).requirement == requirement


def test_R1_a_separately_counted_branch_counts_as_an_independent_legal_person():
    """单独入统的分公司视同具有独立法人资格."""
    branch = check("R1.legal_person", application(independent_legal_person=None, separately_counted_branch=True))
    assert branch.outcome == Outcome.PASS and "单独入统" in branch.reason
    assert check("R1.legal_person", application(independent_legal_person=None)).outcome == Outcome.MANUAL


def test_R4_R21_without_an_application_date_a_ban_around_the_year_asks_for_confirmation():
    ban = Ban("R21", date(2023, 6, 1), date(2025, 6, 1), "书面申请退出")
    assert check("R4.ban", on=None, bans=[ban]).outcome == Outcome.MANUAL  # never assumed to be 1 January
    assert check("R4.ban", on=None, bans=[]).outcome == Outcome.PASS
    assert check("R4.ban", on=date(2025, 5, 31), bans=[ban]).outcome == Outcome.FAIL
    assert check("R4.ban", on=date(2025, 6, 1), bans=[ban]).outcome == Outcome.PASS


def test_R3_a_blank_group_passes_only_as_declared():
    c = check("R3.affiliated", application(affiliation_group=None))
    assert c.outcome == Outcome.PASS and c.reason.startswith("按申报")


@pytest.mark.parametrize(("name", "recognised_name", "outcome"), [
    ("广州天鹿新能源汽车零部件有限公司", "广东天鹿精密仪器股份有限公司", Outcome.MANUAL),
    ("广州市黄埔区鱼珠信息技术有限公司", "鱼珠（广州）生物科技有限公司", Outcome.MANUAL),
    ("广州天鹿新能源汽车零部件有限公司", "广州鱼珠精密仪器有限公司", Outcome.PASS),
])
def test_R3_a_recognised_centre_sharing_the_trade_name_asks_for_confirmation(name, recognised_name, outcome):
    """企业及其关联公司不得重复申报: a shared 字号 is a sign of affiliation the register may not show."""
    register = [RecognisedCentre(OTHER_CODE, recognised_name, "cultivation", None)]
    c = check("R3.trade_name", application(enterprise_name=name, affiliation_group=None), recognised=register)
    assert c.outcome == outcome
    if outcome == Outcome.MANUAL:
        assert recognised_name in c.reason


def test_R3_the_trade_name_of_a_company_name():
    assert formal_review.trade_name("广州天鹿新能源汽车零部件有限公司") == "天鹿"
    assert formal_review.trade_name("广州市黄埔区鱼珠信息技术有限公司") == "鱼珠"
    assert formal_review.trade_name("天鹿（广州）科技有限公司") == "天鹿"
    assert formal_review.trade_name("番禺区科城电子有限公司") == "科城"
    assert formal_review.trade_name("某某") is None
