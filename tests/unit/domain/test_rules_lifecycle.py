"""A centre's lifecycle (domain/lifecycle.py), one rule at a time: every legal step gives the state
the work plan describes and every illegal one is refused with a RuleViolation naming its rule."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType

import pytest

from hvp_desktop.domain import lifecycle, rules
from hvp_desktop.domain.formal_review import Outcome, review
from hvp_desktop.domain.lifecycle import (
    RECOGNITION,
    Centre,
    Event,
    Kind,
    allowed,
    apply,
    deadlines,
    replay,
    support_purpose,
)
from hvp_desktop.domain.model import ApplicationData
from hvp_desktop.domain.model import ApplicationState as S
from hvp_desktop.domain.rules import RuleViolation

# A 2025 round: publicity across National Day (ends 2025-10-09), recognised the day after.
SELECTED_ON = date(2025, 9, 20)
PUB_START, PUB_END = date(2025, 9, 26), date(2025, 10, 9)
RECOGNISED_ON = date(2025, 10, 10)
Y1_ON = date(2026, 10, 12)
Y2_ON = date(2027, 10, 11)


def violation(rule: str):
    """The refusal must name `rule` both in .rule and at the start of its message."""
    return pytest.raises(RuleViolation, match=rf"^{rule}: \S")


def refused(c: Centre, e: Event, rule: str) -> RuleViolation:
    with violation(rule) as info:
        apply(c, e)
    assert info.value.rule == rule
    assert allowed(c, e) == str(info.value)
    return info.value


def ev(kind: Kind, on: date, **data) -> Event:
    return Event.of(kind, on, **data)


def run(*events: Event, start: Centre | None = None) -> Centre:
    c = start or Centre()
    for e in events:
        assert allowed(c, e) is None, allowed(c, e)
        c = apply(c, e)
    return c


def publicity(on: date, purpose: str, ends: date) -> Event:
    return ev(Kind.PUBLICITY_STARTED, on, purpose=purpose, ends_on=ends.isoformat())


def objection(on: date, purpose: str = RECOGNITION, text: str = "异议") -> Event:
    return ev(Kind.OBJECTION_FILED, on, purpose=purpose, text=text)


def decided(on: date, upheld: bool, purpose: str = RECOGNITION, index: int = 0) -> Event:
    return ev(Kind.OBJECTION_DECIDED, on, purpose=purpose, index=index, upheld=upheld)


def assessed(on: date, year: int, score: str | Decimal) -> Event:
    return ev(Kind.ASSESSED, on, year=year, score=str(score))


def support(on: date, year: int) -> Event:
    return ev(Kind.SUPPORT_GRANTED, on, year=year)


def approved(on: date, purpose: str = RECOGNITION) -> Event:
    """R16/R19: the party group approves the list before its publicity (党组研究通过)."""
    return ev(Kind.LIST_APPROVED, on, purpose=purpose, document="党组会议纪要〔2025〕1号")


def shortlisted() -> Centre:
    """Shortlisted and confirmed by the bureau (R15: 经区知识产权局确认)."""
    return run(ev(Kind.SHORTLISTED, date(2025, 7, 1)),
               ev(Kind.SHORTLIST_CONFIRMED, date(2025, 7, 2), document="穗埔知字〔2025〕1号"))


def selected() -> Centre:
    return run(ev(Kind.SELECTED, SELECTED_ON), start=shortlisted())


def in_publicity() -> Centre:
    return run(approved(PUB_START), publicity(PUB_START, RECOGNITION, PUB_END), start=selected())


def requested(on: date, year: int) -> Event:
    """R17/R18: the centre's written request for the year's assessment (书面申请)."""
    return ev(Kind.ASSESSMENT_REQUESTED, on, year=year)


def recognised() -> Centre:
    """Recognised; its written request for the year-1 assessment already in (R17: 书面申请)."""
    return run(ev(Kind.RECOGNISED, RECOGNISED_ON), requested(RECOGNISED_ON, 1), start=in_publicity())


def y1_passed(score: str = "70.00") -> Centre:
    """Year 1 passed; the passed list approved for publicity (R19); year 2 requested (R18)."""
    return run(assessed(Y1_ON, 1, score), approved(Y1_ON, support_purpose(1)), requested(Y1_ON, 2),
               start=recognised())


def accepted() -> Centre:
    return run(assessed(Y2_ON, 2, "75.00"), approved(Y2_ON, support_purpose(2)), start=y1_passed())


def rectifying(year: int = 1) -> Centre:
    """Failed, with the rectification report already in (R17/R18: 整改报告)."""
    if year == 1:
        return run(assessed(Y1_ON, 1, "69.99"), reported(Y1_ON), start=recognised())
    return run(assessed(Y2_ON, 2, "74.99"), reported(Y2_ON), start=y1_passed())


def reported(on: date) -> Event:
    """R17/R18: the rectification report, before the re-assessment (整改报告)."""
    return ev(Kind.RECTIFICATION_REPORTED, on)


def revoked() -> Centre:
    return run(assessed(Y1_ON + timedelta(days=70), 1, "60"), start=rectifying(1))


def withdrawn() -> Centre:
    return run(ev(Kind.WITHDRAWN, date(2026, 3, 2)), start=recognised())


def support_publicity(c: Centre, year: int, on: date) -> tuple[Centre, date]:
    """Start the support publicity of `year` on a Monday-to-Friday week without holidays."""
    ends = on + timedelta(days=4)
    return run(publicity(on, lifecycle.support_purpose(year), ends), start=c), ends


def two_years_after(day: date) -> date:
    """Written out, not shared with the code: the same day two years on, or 28 Feb for 29 Feb."""
    try:
        return day.replace(year=day.year + 2)
    except ValueError:
        return date(day.year + 2, 2, 28)


def state_of(name: str) -> Centre:
    return {
        "applied": Centre(),
        "rejected": run(ev(Kind.FORMAL_REVIEW_FAILED, date(2025, 7, 1))),
        "not_shortlisted": run(ev(Kind.NOT_SHORTLISTED, date(2025, 7, 1))),
        "shortlisted": shortlisted(),
        "not_selected": run(ev(Kind.NOT_SELECTED, SELECTED_ON), start=shortlisted()),
        "selected": selected(),
        "in_publicity": in_publicity(),
        "objection_upheld": run(objection(PUB_END), decided(PUB_END, True), start=in_publicity()),
        "recognised": recognised(),
        "y1_passed": y1_passed(),
        "rectifying_1": rectifying(1),
        "rectifying_2": rectifying(2),
        "accepted": accepted(),
        "revoked": revoked(),
        "withdrawn": withdrawn(),
    }[name]


ALL_STATES = ["applied", "rejected", "not_shortlisted", "shortlisted", "not_selected", "selected", "in_publicity",
              "objection_upheld", "recognised", "y1_passed", "rectifying_1", "rectifying_2", "accepted", "revoked",
              "withdrawn"]
LATER = date(2028, 1, 10)  # after everything above


# -- the helpers reach the states they are named after -------------------------------------------
@pytest.mark.parametrize(("name", "state"), [
    ("applied", S.APPLIED), ("rejected", S.REJECTED), ("not_shortlisted", S.NOT_SELECTED),
    ("shortlisted", S.SHORTLISTED), ("not_selected", S.NOT_SELECTED), ("selected", S.SELECTED),
    ("in_publicity", S.SELECTED), ("objection_upheld", S.OBJECTION_UPHELD), ("recognised", S.RECOGNISED),
    ("y1_passed", S.Y1_PASSED), ("rectifying_1", S.RECTIFYING), ("rectifying_2", S.RECTIFYING),
    ("accepted", S.ACCEPTED), ("revoked", S.REVOKED), ("withdrawn", S.WITHDRAWN),
])
def test_R1_R15_R16_R17_R18_R21_each_state_is_reached_by_its_decisions(name, state):
    assert state_of(name).state == state


# -- R0: decisions in date order -----------------------------------------------------------------
def test_decision_dated_before_the_previous_one_is_refused_R0():
    c = run(approved(SELECTED_ON), start=selected())
    e = publicity(SELECTED_ON - timedelta(days=1), RECOGNITION, PUB_END)
    with pytest.raises(RuleViolation, match=r"^R0: "):
        apply(c, e)
    assert apply(c, publicity(SELECTED_ON, RECOGNITION, PUB_END)).state == S.SELECTED  # same day is fine


def test_R16_every_accepted_event_moves_last_on_and_replay_rebuilds_the_centre():
    events = [ev(Kind.SHORTLISTED, date(2025, 7, 1)),
              ev(Kind.SHORTLIST_CONFIRMED, date(2025, 7, 2), document="穗埔知字〔2025〕1号"),
              ev(Kind.SELECTED, SELECTED_ON), approved(PUB_START), publicity(PUB_START, RECOGNITION, PUB_END),
              ev(Kind.RECOGNISED, RECOGNISED_ON), requested(RECOGNISED_ON, 1)]
    c = replay(events)
    assert c == recognised()
    assert c.last_on == RECOGNISED_ON


# -- R1 / R15: formal review and shortlisting -----------------------------------------------------
def test_R1_formal_review_failed_rejects_an_application():
    assert run(ev(Kind.FORMAL_REVIEW_FAILED, date(2025, 7, 1))).state == S.REJECTED


@pytest.mark.parametrize("name", [n for n in ALL_STATES if n != "applied"])
def test_R1_formal_review_can_only_fail_an_application_not_yet_reviewed(name):
    refused(state_of(name), ev(Kind.FORMAL_REVIEW_FAILED, LATER), "R1")


@pytest.mark.parametrize("kind", [Kind.SHORTLISTED, Kind.NOT_SHORTLISTED])
@pytest.mark.parametrize("name", [n for n in ALL_STATES if n != "applied"])
def test_R15_only_an_applied_application_is_shortlisted_or_not(kind, name):
    refused(state_of(name), ev(kind, LATER), "R15")


def test_R15_not_shortlisted_is_final():
    assert run(ev(Kind.NOT_SHORTLISTED, date(2025, 7, 1))).state == S.NOT_SELECTED


# -- R16: selection, publicity, objection, recognition -------------------------------------------
@pytest.mark.parametrize("kind", [Kind.SELECTED, Kind.NOT_SELECTED])
@pytest.mark.parametrize("name", [n for n in ALL_STATES if n != "shortlisted"])
def test_R16_only_a_shortlisted_application_is_selected_or_not(kind, name):
    refused(state_of(name), ev(kind, LATER), "R16")


@pytest.mark.parametrize("name", [n for n in ALL_STATES if n != "selected"])
def test_R16_only_a_selected_application_goes_to_recognition_publicity(name):
    refused(state_of(name), publicity(LATER, RECOGNITION, LATER + timedelta(days=6)), "R16")


def test_R16_the_recognition_list_is_published_once():
    refused(in_publicity(), publicity(PUB_START, RECOGNITION, PUB_END), "R16")


def test_R16_publicity_records_its_period_and_provisional_reason():
    c = run(approved(PUB_START), ev(Kind.PUBLICITY_STARTED, PUB_START, purpose=RECOGNITION,
                                     ends_on=PUB_END.isoformat(), provisional_reason="暂定"), start=selected())
    p = c.publicity[RECOGNITION]
    assert (p.purpose, p.starts_on, p.ends_on, p.provisional_reason, p.objections) == (
        RECOGNITION, PUB_START, PUB_END, "暂定", ())
    assert c.state == S.SELECTED


def test_R16_recognised_before_publicity_ended_is_refused():
    refused(selected(), ev(Kind.RECOGNISED, LATER), "R16")  # never published
    c = in_publicity()
    refused(c, ev(Kind.RECOGNISED, PUB_START), "R16")
    refused(c, ev(Kind.RECOGNISED, PUB_END - timedelta(days=1)), "R16")


def test_R16_recognised_on_the_last_day_of_publicity_is_still_too_early():
    refused(in_publicity(), ev(Kind.RECOGNISED, PUB_END), "R16")


def test_R16_recognised_the_day_after_publicity_ended():
    c = run(ev(Kind.RECOGNISED, PUB_END + timedelta(days=1)), start=in_publicity())
    assert c.state == S.RECOGNISED and c.recognised_on == PUB_END + timedelta(days=1)


@pytest.mark.parametrize("name", [n for n in ALL_STATES if n not in ("selected", "in_publicity")])
def test_R16_only_a_selected_and_published_application_is_recognised(name):
    refused(state_of(name), ev(Kind.RECOGNISED, LATER), "R16")


@pytest.mark.parametrize("on", [PUB_START, date(2025, 10, 1), PUB_END])
def test_R16_objection_within_the_period_is_recorded(on):
    c = run(objection(on, text="申报材料不实"), start=in_publicity())
    [o] = c.publicity[RECOGNITION].objections
    assert (o.filed_on, o.text, o.upheld) == (on, "申报材料不实", None)
    assert c.state == S.SELECTED


def test_R16_objection_filed_outside_the_period_is_refused():
    refused(in_publicity(), objection(PUB_END + timedelta(days=1)), "R16")
    refused(selected(), objection(SELECTED_ON), "R16")  # nothing published yet


def test_R16_open_objection_blocks_recognition_until_decided():
    c = run(objection(PUB_END), start=in_publicity())
    refused(c, ev(Kind.RECOGNISED, RECOGNISED_ON), "R16")
    c = run(decided(RECOGNISED_ON, upheld=False), start=c)
    assert c.state == S.SELECTED
    assert run(ev(Kind.RECOGNISED, RECOGNISED_ON), start=c).state == S.RECOGNISED


def test_R16_upheld_objection_means_not_recognised_ever():
    c = state_of("objection_upheld")
    assert c.recognised_on is None
    refused(c, ev(Kind.RECOGNISED, LATER), "R16")
    refused(c, ev(Kind.WITHDRAWN, LATER), "R21")
    refused(c, assessed(LATER, 1, "90"), "R17")


def test_R16_one_upheld_objection_among_several_is_enough():
    c = run(objection(PUB_START), objection(PUB_END), decided(RECOGNISED_ON, False, index=0),
            decided(RECOGNISED_ON, True, index=1), start=in_publicity())
    assert c.state == S.OBJECTION_UPHELD
    refused(c, ev(Kind.RECOGNISED, LATER), "R16")


@pytest.mark.parametrize("index", [1, -1, 5])
def test_R16_deciding_an_objection_that_does_not_exist_is_refused(index):
    c = run(objection(PUB_END), start=in_publicity())
    refused(c, decided(PUB_END, True, index=index), "R16")
    refused(in_publicity(), decided(PUB_END, True, index=0), "R16")  # none filed
    refused(selected(), decided(PUB_END, True, index=0), "R16")  # nothing published


def test_R16_an_objection_is_decided_once():
    c = run(objection(PUB_END), decided(PUB_END, False), start=in_publicity())
    refused(c, decided(PUB_END, True), "R16")


# -- R17: year 1 ---------------------------------------------------------------------------------
def test_R17_70_00_passes_year_1():
    c = y1_passed("70.00")
    assert c.state == S.Y1_PASSED and c.passed == {1: Y1_ON}
    assert c.scores == ((1, Y1_ON, Decimal("70.00")),)
    assert c.rectification is None


def test_R17_69_99_fails_year_1_with_two_months_rectification():
    c = run(assessed(date(2026, 12, 31), 1, "69.99"), start=recognised())
    assert c.state == S.RECTIFYING
    assert c.rectification == lifecycle.Rectification(1, date(2026, 12, 31), date(2027, 2, 28))
    assert 1 not in c.passed


def test_R17_pass_after_rectification():
    c = run(assessed(Y1_ON + timedelta(days=61), 1, "70"), start=rectifying(1))
    assert c.state == S.Y1_PASSED and c.rectification is None and 1 in c.passed
    assert [s for _, _, s in c.scores] == [Decimal("69.99"), Decimal("70")]


def test_R17_R4_fail_again_after_rectification_revokes_with_a_2_year_ban():
    on = date(2026, 12, 14)
    c = run(assessed(on, 1, "69.99"), start=rectifying(1))
    assert c.state == S.REVOKED and c.rectification is None
    assert c.ban is not None
    assert (c.ban.rule, c.ban.starts_on, c.ban.ends_on) == ("R4", on, date(2028, 12, 14))
    assert c.ban.in_force(date(2028, 12, 13)) and not c.ban.in_force(date(2028, 12, 14))


def test_R4_revocation_on_29_february_bans_until_28_february():
    c = run(assessed(date(2028, 2, 29), 2, "10"), start=rectifying(2))
    assert c.state == S.REVOKED
    assert c.ban.ends_on == two_years_after(date(2028, 2, 29)) == date(2030, 2, 28)


def test_R4_the_revocation_ban_fails_the_formal_review_of_a_new_application():
    c = revoked()
    data = ApplicationData(year=2027, enterprise_name="x", credit_code="91350100M000100Y43")
    last_banned_day = c.ban.ends_on - timedelta(days=1)
    on_ban = {ch.key: ch for ch in review(data, on=last_banned_day, bans=[c.ban])}["R4.ban"]
    after = {ch.key: ch for ch in review(data, on=c.ban.ends_on, bans=[c.ban])}["R4.ban"]
    assert on_ban.outcome == Outcome.FAIL
    assert after.outcome == Outcome.PASS


@pytest.mark.parametrize("score", ["0", "0.00", "100", "100.00", "69.99", "70", "99.99"])
def test_R17_scores_from_0_to_100_are_accepted(score):
    assert apply(recognised(), assessed(Y1_ON, 1, score)).state in (S.Y1_PASSED, S.RECTIFYING)


@pytest.mark.parametrize("score", ["-0.01", "100.01", "-1", "101", "1000", "Infinity", "-Infinity"])
def test_R17_score_outside_0_to_100_is_refused(score):
    refused(recognised(), assessed(Y1_ON, 1, score), "R17")


@pytest.mark.parametrize("score", ["NaN", "sNaN"])
def test_R17_a_score_that_is_not_a_number_is_refused_as_a_rule_violation(score):
    refused(recognised(), assessed(Y1_ON, 1, score), "R17")


def test_R17_pass_mark_is_inclusive_and_exact():
    assert rules.passes(1, Decimal("70.00")) and rules.passes(1, Decimal("70"))
    assert not rules.passes(1, Decimal("69.99"))
    assert not rules.passes(1, Decimal("69.999"))
    assert rules.passes(1, Decimal("100")) and not rules.passes(1, Decimal("0"))


@pytest.mark.parametrize("score", [70.0, 69.99, 70, "70"])
def test_R17_scores_must_be_decimals_never_floats(score):
    with pytest.raises(TypeError):
        rules.passes(1, score)
    with pytest.raises(TypeError):
        rules.passes(2, score)


@pytest.mark.parametrize("name", [n for n in ALL_STATES if n not in ("recognised", "rectifying_1", "withdrawn")])
def test_R17_year_1_assessment_only_for_a_recognised_centre_or_its_rectification(name):
    refused(state_of(name), assessed(LATER, 1, "80"), "R17")


def test_R17_year_1_is_not_assessed_twice_once_passed():
    refused(y1_passed(), assessed(Y2_ON, 1, "90"), "R17")


def test_R17_only_years_1_and_2_are_assessed():
    refused(recognised(), assessed(Y1_ON, 3, "90"), "R17")
    refused(recognised(), assessed(Y1_ON, 0, "90"), "R17")


def test_R17_year_1_assessment_before_the_first_anniversary_is_refused():
    refused(recognised(), assessed(RECOGNISED_ON + timedelta(days=1), 1, "90"), "R17")


# -- R18: year 2 (final acceptance) --------------------------------------------------------------
def test_R18_75_00_passes_year_2_and_accepts_the_centre():
    c = accepted()
    assert c.state == S.ACCEPTED and c.passed == {1: Y1_ON, 2: Y2_ON}


def test_R18_74_99_fails_year_2_with_rectification_then_revocation():
    c = rectifying(2)
    assert c.state == S.RECTIFYING
    assert c.rectification == lifecycle.Rectification(2, Y2_ON, date(2027, 12, 11))
    assert c.passed == {1: Y1_ON}  # year 1 stays passed
    again = date(2027, 12, 20)
    c = run(assessed(again, 2, "74.99"), start=c)
    assert c.state == S.REVOKED
    assert (c.ban.rule, c.ban.starts_on, c.ban.ends_on) == ("R4", again, two_years_after(again))


def test_R18_pass_after_rectification_accepts():
    c = run(assessed(date(2027, 12, 20), 2, "75"), start=rectifying(2))
    assert c.state == S.ACCEPTED and c.rectification is None


def test_R18_year_2_assessment_without_a_passed_year_1_is_refused():
    refused(recognised(), assessed(Y2_ON, 2, "90"), "R18")
    refused(rectifying(1), assessed(Y2_ON, 2, "90"), "R18")  # rectifying year 1 is not year 2
    refused(revoked(), assessed(LATER, 2, "90"), "R18")


@pytest.mark.parametrize("name", [n for n in ALL_STATES if n not in ("y1_passed", "rectifying_2", "withdrawn")])
def test_R18_year_2_assessment_only_after_year_1_passed(name):
    refused(state_of(name), assessed(LATER, 2, "90"), "R18")


def test_R18_year_1_is_not_reassessed_while_rectifying_year_2():
    refused(rectifying(2), assessed(LATER, 1, "90"), "R17")


@pytest.mark.parametrize("score", ["-0.01", "100.01"])
def test_R18_score_outside_0_to_100_is_refused(score):
    refused(y1_passed(), assessed(Y2_ON, 2, score), "R18")


def test_R18_pass_mark_is_75_inclusive():
    assert rules.passes(2, Decimal("75.00"))
    assert not rules.passes(2, Decimal("74.99"))
    assert apply(y1_passed(), assessed(Y2_ON, 2, "74.99")).state == S.RECTIFYING
    assert apply(y1_passed(), assessed(Y2_ON, 2, "75.00")).state == S.ACCEPTED


def test_R18_year_2_assessment_before_the_second_anniversary_is_refused():
    refused(y1_passed(), assessed(Y1_ON + timedelta(days=1), 2, "90"), "R18")


# -- R19: support after a passed year's publicity ------------------------------------------------
def test_R19_support_granted_the_day_after_the_publicity_of_a_passed_year():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    c = run(support(ends + timedelta(days=1), 1), start=c)
    assert c.supported == {1: ends + timedelta(days=1)}
    assert c.support_total_yuan == Decimal("500000")
    assert c.state == S.Y1_PASSED


def test_R19_support_without_publicity_is_refused():
    refused(y1_passed(), support(LATER, 1), "R19")


def test_R19_support_before_its_publicity_ended_is_refused():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    refused(c, support(date(2026, 11, 2), 1), "R19")
    refused(c, support(ends, 1), "R19")  # last day of publicity: still too early


def test_R19_support_with_an_open_objection_is_refused():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    c = run(objection(ends, lifecycle.support_purpose(1)), start=c)
    refused(c, support(ends + timedelta(days=3), 1), "R19")


def test_R19_support_after_an_upheld_objection_is_refused_for_good():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    purpose = lifecycle.support_purpose(1)
    c = run(objection(ends, purpose), decided(ends + timedelta(days=5), True, purpose), start=c)
    assert c.state == S.Y1_PASSED  # an upheld R19 objection costs the money, not the title
    refused(c, support(ends + timedelta(days=6), 1), "R19")
    refused(c, publicity(ends + timedelta(days=7), purpose, ends + timedelta(days=11)), "R19")  # no second try


def test_R19_support_after_an_objection_not_upheld_is_granted():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    purpose = lifecycle.support_purpose(1)
    c = run(objection(ends, purpose), decided(ends + timedelta(days=5), False, purpose),
            support(ends + timedelta(days=6), 1), start=c)
    assert 1 in c.supported


def test_R19_objection_outside_the_support_publicity_is_refused():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    refused(c, objection(ends + timedelta(days=1), lifecycle.support_purpose(1)), "R19")
    refused(y1_passed(), objection(LATER, lifecycle.support_purpose(1)), "R19")


@pytest.mark.parametrize("name", ["recognised", "rectifying_1", "applied", "selected"])
def test_R19_no_support_publicity_for_a_year_not_passed(name):
    refused(state_of(name), publicity(LATER, lifecycle.support_purpose(1), LATER + timedelta(days=4)), "R19")
    refused(y1_passed(), publicity(LATER, lifecycle.support_purpose(2), LATER + timedelta(days=4)), "R19")


@pytest.mark.parametrize("year", [1, 2, 3])
def test_R19_support_for_a_year_not_passed_is_refused(year):
    refused(recognised(), support(LATER, year), "R19")
    refused(rectifying(1), support(LATER, year), "R19")


def test_R19_year_2_support_needs_year_2_passed():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    refused(c, support(ends + timedelta(days=1), 2), "R19")


def test_R19_support_granted_checks_the_passed_year_itself():
    # Even with a (hand-made) publicity for a year not passed, no money for that year.
    c = y1_passed()
    ends = date(2026, 11, 6)
    fake = lifecycle.Publicity(lifecycle.support_purpose(2), date(2026, 11, 2), ends)
    c = replace(c, publicity=MappingProxyType({**c.publicity, fake.purpose: fake}))
    refused(c, support(ends + timedelta(days=1), 2), "R19")


# -- R20: at most 2 × 500,000 --------------------------------------------------------------------
def both_supported() -> Centre:
    c, ends1 = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    c = run(support(ends1 + timedelta(days=1), 1), assessed(Y2_ON, 2, "80"), approved(Y2_ON, support_purpose(2)),
            start=c)
    c, ends2 = support_publicity(c, 2, date(2027, 11, 1))
    return run(support(ends2 + timedelta(days=1), 2), start=c)


def test_R20_two_passed_years_give_at_most_1_000_000():
    c = both_supported()
    assert set(c.supported) == {1, 2}
    assert c.support_total_yuan == Decimal("1000000")
    assert c.state == S.ACCEPTED


@pytest.mark.parametrize("year", [1, 2])
def test_R20_a_third_support_is_refused(year):
    c = both_supported()
    refused(c, support(LATER, year), "R20")
    assert c.support_total_yuan == 2 * rules.SUPPORT_PER_PASSED_YEAR_YUAN


def test_R20_the_same_year_is_not_supported_twice():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    c = run(support(ends + timedelta(days=1), 1), start=c)
    refused(c, support(ends + timedelta(days=2), 1), "R20")
    assert c.support_total_yuan == Decimal("500000")


def test_R20_support_total_is_zero_without_support():
    assert accepted().support_total_yuan == Decimal(0)


# -- R21: withdrawal -----------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["recognised", "y1_passed", "rectifying_1", "rectifying_2"])
def test_R21_a_recognised_centre_withdraws_with_a_2_year_ban(name):
    on = date(2028, 2, 29)
    c = run(ev(Kind.WITHDRAWN, on), start=state_of(name))
    assert c.state == S.WITHDRAWN
    assert c.rectification is None
    assert (c.ban.rule, c.ban.starts_on, c.ban.ends_on) == ("R21", on, date(2030, 2, 28))


@pytest.mark.parametrize("name", [n for n in ALL_STATES if n not in ("recognised", "y1_passed", "rectifying_1",
                                                                       "rectifying_2")])
def test_R21_withdrawal_from_a_non_recognised_state_is_refused(name):
    refused(state_of(name), ev(Kind.WITHDRAWN, LATER), "R21")


@pytest.mark.parametrize("year", [1, 2])
def test_R21_no_assessment_after_withdrawal(year):
    for name in ("recognised", "y1_passed", "rectifying_1", "rectifying_2"):
        c = run(ev(Kind.WITHDRAWN, date(2028, 1, 3)), start=state_of(name))
        refused(c, assessed(LATER, year, "95"), "R21")


def test_R19_R21_a_year_passed_and_published_keeps_its_support_after_a_withdrawal():
    """The plan does not take back a passed and published year's support; a year not yet
    published is not published after the withdrawal (R21: 不再参加年度考核、期末验收)."""
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    c = run(ev(Kind.WITHDRAWN, ends), start=c)
    c = run(support(ends + timedelta(days=1), 1), start=c)
    assert c.state == S.WITHDRAWN and c.supported == {1: ends + timedelta(days=1)}
    refused(run(ev(Kind.WITHDRAWN, LATER), start=y1_passed()),
            publicity(LATER, lifecycle.support_purpose(1), LATER + timedelta(days=4)), "R21")


def test_R19_the_bureau_may_withhold_a_passed_years_support_by_a_recorded_decision():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    c = run(ev(Kind.WITHDRAWN, ends), start=c)
    refused(c, ev(Kind.SUPPORT_WITHHELD, ends + timedelta(days=1), year=1, document=" "), "R19")  # needs its number
    c = run(ev(Kind.SUPPORT_WITHHELD, ends + timedelta(days=1), year=1, document="穗埔知字〔2026〕9号"), start=c)
    refused(c, support(ends + timedelta(days=2), 1), "R19")
    assert c.withheld == {1: (ends + timedelta(days=1), "穗埔知字〔2026〕9号")} and "publicity_end" not in whats(c)


def test_R21_withdrawal_keeps_what_was_earned_before():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    c = run(support(ends + timedelta(days=1), 1), ev(Kind.WITHDRAWN, ends + timedelta(days=30)), start=c)
    assert c.state == S.WITHDRAWN and c.supported == {1: ends + timedelta(days=1)} and c.passed == {1: Y1_ON}
    assert c.recognised_on == RECOGNISED_ON


# -- deadlines -----------------------------------------------------------------------------------
def whats(c: Centre) -> dict[str, tuple[date, str]]:
    return {d.what: (d.due, d.rule) for d in deadlines(c)}


def test_R16_deadline_of_the_recognition_publicity_until_decided():
    assert whats(in_publicity()) == {"publicity_end": (PUB_END, "R16")}
    assert "publicity_end" not in whats(recognised())
    assert "publicity_end" not in whats(state_of("objection_upheld"))


def test_R17_R18_deadlines_of_the_assessments_and_rectification():
    assert whats(recognised()) == {"y1_assessment": (date(2026, 10, 10), "R17")}
    assert whats(y1_passed()) == {"y2_assessment": (date(2027, 10, 10), "R18")}
    assert whats(rectifying(1)) == {"rectification": (date(2026, 12, 12), "R17")}
    assert whats(rectifying(2)) == {"rectification": (date(2027, 12, 11), "R18")}
    assert whats(accepted()) == {}


def test_R4_R21_deadline_of_the_ban_end():
    assert whats(revoked())["ban_end"][1] == "R4"
    assert whats(withdrawn()) == {"ban_end": (date(2028, 3, 2), "R21")}


def test_R19_support_publicity_deadline_disappears_once_support_is_granted():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    assert whats(c)["publicity_end"] == (ends, "R19")
    assert "publicity_end" not in whats(run(support(ends + timedelta(days=1), 1), start=c))


def test_R16_R19_deadlines_are_sorted_by_date():
    c, _ = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    dues = [d.due for d in deadlines(c)]
    assert dues == sorted(dues)


def test_R19_support_publicity_with_an_upheld_objection_leaves_no_pending_deadline():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    purpose = lifecycle.support_purpose(1)
    c = run(objection(ends, purpose), decided(ends + timedelta(days=5), True, purpose), start=c)
    assert "publicity_end" not in whats(c)


def test_R21_a_withdrawn_centres_published_year_still_awaits_its_support():
    c, ends = support_publicity(y1_passed(), 1, date(2026, 11, 2))
    c = run(ev(Kind.WITHDRAWN, ends), start=c)
    assert "publicity_end" in whats(c)  # the published year's support is still to be decided


# -- publicity end corrected (a provisional end recounted once the year's holidays are known) ----
def provisional_support_publicity() -> Centre:
    return run(ev(Kind.PUBLICITY_STARTED, date(2026, 11, 2), purpose=lifecycle.support_purpose(1),
                  ends_on="2026-11-06", provisional_reason="暂定"), start=y1_passed())


def corrected(on: date, ends: str, purpose: str = "support_y1") -> Event:
    return ev(Kind.PUBLICITY_END_CORRECTED, on, purpose=purpose, ends_on=ends)


def test_R19_a_provisional_support_publicity_end_is_corrected_and_support_waits_for_it():
    c = run(corrected(date(2026, 11, 3), "2026-11-09"), start=provisional_support_publicity())
    p = c.publicity["support_y1"]
    assert (p.ends_on, p.provisional_reason) == (date(2026, 11, 9), None)
    refused(c, support(date(2026, 11, 9), 1), "R19")
    assert 1 in run(support(date(2026, 11, 10), 1), start=c).supported


def test_R19_a_granted_support_publicity_keeps_its_end():
    c = run(support(date(2026, 11, 7), 1), start=provisional_support_publicity())
    refused(c, corrected(date(2026, 11, 8), "2026-11-09"), "R19")


@pytest.mark.parametrize("how", ["upheld", "withheld"])
def test_R19_R21_a_support_publicity_decided_otherwise_keeps_its_end(how):
    c = provisional_support_publicity()
    if how == "upheld":
        c = run(objection(date(2026, 11, 6), "support_y1"), decided(date(2026, 11, 10), True, "support_y1"), start=c)
    else:  # the bureau decided not to pay it
        c = run(ev(Kind.SUPPORT_WITHHELD, date(2026, 11, 3), year=1, document="穗埔知字〔2026〕9号"), start=c)
    assert not lifecycle.publicity_open(c, c.publicity["support_y1"])
    with pytest.raises(RuleViolation, match=r"^R(19|21): "):  # either rule id names the refusal well
        apply(c, corrected(date(2026, 11, 11), "2026-11-12"))


@pytest.mark.parametrize("kind", ["started", "corrected"])
def test_R16_R19_a_publicity_cannot_end_before_it_starts(kind):
    if kind == "started":
        refused(selected(), publicity(PUB_START, RECOGNITION, PUB_START - timedelta(days=1)), "R16")
    else:
        refused(provisional_support_publicity(), corrected(date(2026, 11, 3), "2026-10-01"), "R19")
