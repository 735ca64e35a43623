"""R16/R19: a publicity end counted on a provisional calendar is corrected once the year's
holidays are entered — while the publicity is undecided, and only then."""

from __future__ import annotations

from datetime import date

import pytest

from hvp_desktop.domain.lifecycle import RECOGNITION, Event, Kind, apply, replay
from hvp_desktop.domain.model import ApplicationState as S
from hvp_desktop.domain.rules import RuleViolation

E = Event.of
SELECTED = [E(Kind.SHORTLISTED, date(2027, 6, 1)),
            E(Kind.SHORTLIST_CONFIRMED, date(2027, 6, 5), document="穗埔知字〔2027〕3号"),  # R15: the bureau
            E(Kind.SELECTED, date(2027, 9, 1)),
            E(Kind.LIST_APPROVED, date(2027, 9, 28), purpose=RECOGNITION, document="党组会议纪要〔2027〕9号")]


def _published(provisional: bool):
    extra = {"provisional_reason": "2027年法定节假日安排尚未录入"} if provisional else {}
    return replay([*SELECTED, E(Kind.PUBLICITY_STARTED, date(2027, 9, 29), purpose=RECOGNITION,
                                ends_on="2027-10-05", **extra)])


def test_R16_a_provisional_end_is_corrected_and_recognition_waits_for_it():
    corrected = apply(_published(True), E(Kind.PUBLICITY_END_CORRECTED, date(2027, 9, 30), purpose=RECOGNITION,
                                          ends_on="2027-10-11"))
    p = corrected.publicity[RECOGNITION]
    assert (p.ends_on, p.provisional_reason) == (date(2027, 10, 11), None)
    with pytest.raises(RuleViolation, match="^R16"):
        apply(corrected, E(Kind.RECOGNISED, date(2027, 10, 6)))
    assert apply(corrected, E(Kind.RECOGNISED, date(2027, 10, 12))).state == S.RECOGNISED


def test_R16_a_final_end_cannot_be_corrected():
    with pytest.raises(RuleViolation, match="^R16"):
        apply(_published(False), E(Kind.PUBLICITY_END_CORRECTED, date(2027, 9, 30), purpose=RECOGNITION,
                                   ends_on="2027-10-11"))


def test_R16_a_decided_publicity_keeps_its_end():
    recognised = apply(_published(True), E(Kind.RECOGNISED, date(2027, 10, 6)))
    with pytest.raises(RuleViolation, match="^R16"):
        apply(recognised, E(Kind.PUBLICITY_END_CORRECTED, date(2027, 10, 7), purpose=RECOGNITION,
                            ends_on="2027-10-11"))
